import { describe, expect, it } from 'vitest';
import { defaultsOf, fieldsOf, labelOf, parseNumber } from './schemaForm';
import type { ParamsSchema } from '../api';

const schema: ParamsSchema = {
  properties: {
    width: { type: 'integer', minimum: 1, maximum: 16383, default: 1080 },
    opacity: { type: 'number', minimum: 0, maximum: 1, default: 0.5 },
    offset: { type: 'integer' },
    mode: {
      type: 'string',
      default: 'fill',
      oneOf: [
        { const: 'fit', title: 'Fit inside' },
        { const: 'fill', title: 'Fill and crop' },
      ],
    },
    progressive: { type: 'boolean', default: false },
    background: { type: 'string', format: 'color', default: '#ffffff' },
    blob: { type: 'string', pattern: '[0-9a-f]{64}' },
    blobs: { type: 'string', pattern: '[0-9a-f]{64}(,[0-9a-f]{64})*' },
    name: { type: 'string' },
  },
  required: ['blob'],
};

describe('parameter forms from JSON Schema', () => {
  it('maps each kind of property to its control', () => {
    const kinds = Object.fromEntries(fieldsOf(schema).map((f) => [f.name, f.kind]));
    expect(kinds).toEqual({
      width: 'slider',
      opacity: 'slider',
      offset: 'number',
      mode: 'select',
      progressive: 'checkbox',
      background: 'color',
      blob: 'image',
      blobs: 'image',
      name: 'text',
    });
  });

  it('fills a hash parameter with one upload, and a list of hashes with several', () => {
    const fields = fieldsOf(schema);
    expect(fields.find((f) => f.name === 'blob')).toMatchObject({ kind: 'image', multiple: false });
    expect(fields.find((f) => f.name === 'blobs')).toMatchObject({ kind: 'image', multiple: true });
  });

  it('gives sliders the bounds of the schema and a step that suits the type', () => {
    const [width, opacity] = fieldsOf(schema);
    expect(width).toMatchObject({ kind: 'slider', integer: true, min: 1, max: 16383, step: 1 });
    expect(opacity).toMatchObject({ kind: 'slider', integer: false, min: 0, max: 1, step: 0.01 });
  });

  it('lists enum choices by their const and title, and marks required parameters', () => {
    const fields = fieldsOf(schema);
    expect(fields.find((f) => f.name === 'mode')).toMatchObject({
      options: [
        { value: 'fit', label: 'Fit inside' },
        { value: 'fill', label: 'Fill and crop' },
      ],
    });
    expect(fields.filter((f) => f.required).map((f) => f.name)).toEqual(['blob']);
  });

  it('starts a new node with the defaults only', () => {
    expect(defaultsOf(schema)).toEqual({ width: 1080, opacity: 0.5, mode: 'fill', progressive: false, background: '#ffffff' });
  });

  it('labels camel-case names as words and reads typed numbers', () => {
    expect(labelOf('maxWidth')).toBe('Max width');
    expect(parseNumber('300', true)).toBe(300);
    expect(parseNumber('2.6', true)).toBe(3);
    expect(parseNumber('', true)).toBeUndefined();
    expect(parseNumber('abc', false)).toBeUndefined();
  });
});
