// A node's parameter form, derived from the JSON Schema of its parameters.
import type { ParamsSchema, SchemaProperty } from '../api';

interface FieldBase {
  name: string;
  label: string;
  description: string;
  required: boolean;
  defaultValue: unknown;
}

export type Field =
  | (FieldBase & { kind: 'slider'; integer: boolean; min: number; max: number; step: number })
  | (FieldBase & { kind: 'number'; integer: boolean; min?: number; max?: number })
  | (FieldBase & { kind: 'select'; options: { value: string; label: string; description?: string }[] })
  | (FieldBase & { kind: 'checkbox' })
  | (FieldBase & { kind: 'color' })
  | (FieldBase & { kind: 'image'; multiple: boolean })
  | (FieldBase & { kind: 'text'; pattern?: string });

/** A stored image is named by its SHA-256: such a parameter is filled by an upload. */
const BLOB_PATTERN = '[0-9a-f]{64}';
/** Several stored images, their hashes joined by commas: filled by an upload of several files. */
const BLOBS_PATTERN = `${BLOB_PATTERN}(,${BLOB_PATTERN})*`;

export function labelOf(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldOf(name: string, property: SchemaProperty, required: boolean): Field {
  const base: FieldBase = {
    name,
    label: labelOf(name),
    description: property.description ?? '',
    required,
    defaultValue: property.default,
  };
  if (property.oneOf && property.oneOf.length > 0) {
    return {
      ...base,
      kind: 'select',
      options: property.oneOf.map((o) => ({ value: o.const, label: o.title ?? o.const, description: o.description })),
    };
  }
  switch (property.type) {
    case 'integer':
    case 'number': {
      const integer = property.type === 'integer';
      if (property.minimum !== undefined && property.maximum !== undefined) {
        const span = property.maximum - property.minimum;
        const step = integer ? 1 : span <= 1 ? 0.01 : span <= 10 ? 0.1 : 1;
        return { ...base, kind: 'slider', integer, min: property.minimum, max: property.maximum, step };
      }
      return { ...base, kind: 'number', integer, min: property.minimum, max: property.maximum };
    }
    case 'boolean':
      return { ...base, kind: 'checkbox' };
    default:
      if (property.format === 'color') return { ...base, kind: 'color' };
      if (property.pattern === BLOB_PATTERN) return { ...base, kind: 'image', multiple: false };
      if (property.pattern === BLOBS_PATTERN) return { ...base, kind: 'image', multiple: true };
      return { ...base, kind: 'text', pattern: property.pattern };
  }
}

export function fieldsOf(schema: ParamsSchema): Field[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, p]) => fieldOf(name, p, required.has(name)));
}

/** The value a new node starts with: each parameter's default, where it has one. */
export function defaultsOf(schema: ParamsSchema): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(schema.properties ?? {})) {
    if (p.default !== undefined) values[name] = p.default;
  }
  return values;
}

/** Reads what a person typed into a number field, or undefined when it is not a number yet. */
export function parseNumber(text: string, integer: boolean): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  return integer ? Math.round(value) : value;
}
