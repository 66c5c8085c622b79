import { describe, expect, it } from 'vitest';
import { downloadName, extensionOf, slug } from './fileNames';

describe('download file names', () => {
  it('takes the extension from the media type', () => {
    expect(extensionOf('image/jpeg')).toBe('jpg');
    expect(extensionOf('image/webp')).toBe('webp');
    expect(extensionOf('video/mp4')).toBe('mp4');
    expect(extensionOf('image/svg+xml')).toBe('svg');
    expect(extensionOf('application/octet-stream')).toBe('bin');
  });

  it('names a download after the workflow and the output node', () => {
    expect(downloadName('Shop squares (été)', 'save', 'image/webp')).toBe('shop-squares-ete-save.webp');
    expect(downloadName(null, 'saveToLibrary', 'image/jpeg')).toBe('saveToLibrary.jpg');
    expect(downloadName('???', 'save', 'image/png')).toBe('save.png');
  });

  it('keeps a long name short without a trailing dash', () => {
    expect(slug(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });
});
