// A saved workflow's inputs as form fields, and what a batch or a schedule still needs before it can start.
import type { SchemaProperty, WorkflowInput } from '../api';
import { fieldOf, type Field } from './schemaForm';

/** The same control as the node's parameter it sets: the input carries that parameter's spec. */
export function fieldOfInput(input: WorkflowInput): Field {
  const property: SchemaProperty = {
    type: input.type === 'INTEGER' ? 'integer' : input.type === 'NUMBER' ? 'number' : input.type === 'BOOLEAN' ? 'boolean' : 'string',
    description: input.description ?? undefined,
    default: input.defaultValue ?? undefined,
    minimum: input.minimum ?? undefined,
    maximum: input.maximum ?? undefined,
    pattern: input.pattern ?? undefined,
  };
  if (input.type === 'COLOR') property.format = 'color';
  if (input.type === 'ENUM' && input.choices) {
    property.oneOf = input.choices.map((c) => ({ const: c.value, title: c.label, description: c.description ?? undefined }));
  }
  return { ...fieldOf(input.name, property, input.required), label: input.name };
}

/** How a batch binds each input: a CSV column, or (empty) one value shared by every row. */
export type Mapping = Record<string, string>;

const comparable = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Each input takes the column of the same name (ignoring case, spaces, dashes and underscores), or none. */
export function initialMapping(inputs: WorkflowInput[], columns: string[]): Mapping {
  const mapping: Mapping = {};
  for (const input of inputs) {
    mapping[input.name] =
      columns.find((c) => c === input.name) ?? columns.find((c) => comparable(c) === comparable(input.name)) ?? '';
  }
  return mapping;
}

/** Required inputs with no column, no value and no default: the run could not start without them. */
export function missingInputs(inputs: WorkflowInput[], values: Record<string, unknown>, mapping: Mapping = {}): string[] {
  return inputs
    .filter((i) => i.required && !mapping[i.name] && values[i.name] === undefined && i.defaultValue == null)
    .map((i) => i.name);
}

/** The request's two halves: input -> column for mapped inputs, the shared values for the others. */
export function bindingsOf(mapping: Mapping, values: Record<string, unknown>) {
  const columns: Record<string, string> = {};
  const shared: Record<string, unknown> = {};
  for (const [input, column] of Object.entries(mapping)) if (column) columns[input] = column;
  for (const [input, value] of Object.entries(values)) if (!columns[input] && value !== undefined) shared[input] = value;
  return { mapping: columns, inputs: shared };
}
