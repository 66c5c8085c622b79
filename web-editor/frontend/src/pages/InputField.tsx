import { useState } from 'react';
import { blobUrl, uploadBlob } from '../api';
import { NumberInput } from '../ParamField';
import type { Field } from '../logic/schemaForm';
import { messageOf } from './Problem';

interface Props {
  field: Field;
  value: unknown;
  onChange(value: unknown): void;
  testId: string;
}

/** One workflow input's value, with the control of the node parameter it sets; an image is uploaded at once. */
export function InputField({ field, value, onChange, testId }: Props) {
  const placeholder = field.defaultValue != null ? String(field.defaultValue) : undefined;
  switch (field.kind) {
    case 'slider':
    case 'number':
      return (
        <NumberInput
          id={testId}
          value={value}
          integer={field.integer}
          min={field.min}
          max={field.max}
          placeholder={placeholder}
          onChange={onChange}
        />
      );
    case 'select':
      return (
        <select data-testid={testId} value={String(value ?? field.defaultValue ?? '')} onChange={(e) => onChange(e.target.value || undefined)}>
          {field.defaultValue == null && <option value="">choose…</option>}
          {field.options.map((o) => (
            <option key={o.value} value={o.value} title={o.description}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'checkbox':
      return (
        <input data-testid={testId} type="checkbox" checked={(value ?? field.defaultValue) === true} onChange={(e) => onChange(e.target.checked)} />
      );
    case 'color':
      return (
        <input data-testid={testId} type="color" value={String(value ?? field.defaultValue ?? '#000000').slice(0, 7)} onChange={(e) => onChange(e.target.value)} />
      );
    case 'image':
      return <ImageUpload value={value as string | undefined} onChange={onChange} testId={testId} />;
    case 'text':
      return (
        <input
          data-testid={testId}
          type="text"
          value={String(value ?? '')}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      );
  }
}

function ImageUpload({ value, onChange, testId }: { value: string | undefined; onChange(hash: string | undefined): void; testId: string }) {
  const [busy, setBusy] = useState(false);
  const [label, setLabel] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="upload">
      <input
        type="file"
        accept="image/*"
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setBusy(true);
          setError(null);
          uploadBlob(file)
            .then((blob) => {
              setLabel(file.name);
              onChange(blob.hash);
            })
            .catch((err) => setError(`Upload refused: ${messageOf(err)}`))
            .finally(() => setBusy(false));
        }}
      />
      {busy && <span className="hint">uploading…</span>}
      {error && <div className="node-error">{error}</div>}
      {value && !busy && (
        <div className="upload-preview">
          <img src={blobUrl(value)} alt="uploaded" data-testid={`${testId}-uploaded`} />
          <span className="hint">{label ?? `${value.slice(0, 12)}…`}</span>
        </div>
      )}
    </div>
  );
}
