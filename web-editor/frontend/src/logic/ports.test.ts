import { describe, expect, it } from 'vitest';
import { accepts, refusal } from './ports';

describe('port compatibility', () => {
  it('accepts equal types and images for masks both ways, as the server does', () => {
    expect(accepts('IMAGE', 'IMAGE')).toBe(true);
    expect(accepts('IMAGE', 'MASK')).toBe(true);
    expect(accepts('MASK', 'IMAGE')).toBe(true);
    expect(accepts('IMAGE', 'TEXT')).toBe(false);
    expect(accepts('TEXT', 'NUMBER')).toBe(false);
  });

  it('lets a list of images feed an image or mask input, which then runs once per image', () => {
    expect(accepts('IMAGE', 'IMAGE_LIST')).toBe(true);
    expect(accepts('MASK', 'IMAGE_LIST')).toBe(true);
    expect(accepts('IMAGE_LIST', 'IMAGE_LIST')).toBe(true);
    expect(accepts('TEXT', 'IMAGE_LIST')).toBe(false);
  });

  it('lets an image output feed a list input, for a node that runs once per image (the server checks that it does)', () => {
    expect(accepts('IMAGE_LIST', 'IMAGE')).toBe(true);
    expect(accepts('IMAGE_LIST', 'TEXT')).toBe(false);
  });

  it('refuses a text output on an image input, naming both ends', () => {
    const reason = refusal({ node: 'caption', port: 'text', type: 'TEXT' }, { node: 'save', port: 'image', type: 'IMAGE' }, []);
    expect(reason).toBe('caption.text (TEXT) cannot feed save.image (IMAGE)');
  });

  it('refuses a second edge into an input that is already connected', () => {
    const reason = refusal(
      { node: 'load2', port: 'image', type: 'IMAGE' },
      { node: 'resize', port: 'image', type: 'IMAGE' },
      [{ target: 'resize', targetHandle: 'image' }],
    );
    expect(reason).toBe('resize.image is already connected');
  });

  it('allows a compatible edge into a free input', () => {
    expect(refusal({ node: 'a', port: 'image', type: 'IMAGE' }, { node: 'b', port: 'mask', type: 'MASK' }, [])).toBeNull();
  });
});
