import { describe, expect, it } from 'vitest';
import type { WorkflowInput } from '../api';
import { bindingsOf, fieldOfInput, initialMapping, missingInputs } from './workflowInputs';

function input(name: string, more: Partial<WorkflowInput> = {}): WorkflowInput {
  return { name, node: 'n', nodeType: 'Resize', param: name, type: 'INTEGER', required: false, ...more };
}

const photo = input('photo', {
  type: 'STRING',
  nodeType: 'LoadImage',
  param: 'blob',
  required: true,
  pattern: '[0-9a-f]{64}',
  defaultValue: null,
});
const width = input('width', { minimum: 1, maximum: 16383, defaultValue: null });
const format = input('format', {
  type: 'ENUM',
  defaultValue: 'jpeg',
  choices: [
    { value: 'jpeg', label: 'JPEG' },
    { value: 'png', label: 'PNG' },
  ],
});

describe('workflow inputs as form fields', () => {
  it('gives each input the control of the parameter it sets, labelled with the input name', () => {
    expect(fieldOfInput(photo)).toMatchObject({ kind: 'image', label: 'photo', required: true });
    expect(fieldOfInput(width)).toMatchObject({ kind: 'slider', integer: true, min: 1, max: 16383 });
    expect(fieldOfInput(format)).toMatchObject({ kind: 'select', defaultValue: 'jpeg' });
    expect(fieldOfInput(input('colour', { type: 'COLOR' })).kind).toBe('color');
    expect(fieldOfInput(input('progressive', { type: 'BOOLEAN' })).kind).toBe('checkbox');
  });
});

describe('mapping CSV columns to inputs', () => {
  it('prefills an input with the column of the same name, ignoring case and separators', () => {
    const mapping = initialMapping([photo, width, format, input('platform_id')], ['Photo', 'w', 'format', 'Platform ID']);

    expect(mapping).toEqual({ photo: 'Photo', width: '', format: 'format', platform_id: 'Platform ID' });
  });

  it('prefers the exact name when two columns look alike', () => {
    expect(initialMapping([photo], ['PHOTO', 'photo'])).toEqual({ photo: 'photo' });
  });

  it('lists required inputs that have neither a column, a shared value nor a default', () => {
    expect(missingInputs([photo, width, format], {}, { photo: '', width: '', format: '' })).toEqual(['photo']);
    expect(missingInputs([photo, width], {}, { photo: 'file' })).toEqual([]);
    expect(missingInputs([photo], { photo: 'ab'.repeat(32) })).toEqual([]);
  });

  it('sends mapped inputs as columns and the others as values shared by every row', () => {
    const request = bindingsOf({ photo: 'file', width: '', format: '' }, { width: 300, photo: 'stale', format: undefined });

    expect(request).toEqual({ mapping: { photo: 'file' }, inputs: { width: 300 } });
  });
});
