import { useEffect, useState } from 'react';
import { blobUrl } from './api';
import { useEditor } from './EditorContext';
import { parseNumber, type Field } from './logic/schemaForm';

interface Props {
  nodeId: string;
  field: Field;
  value: unknown;
  binding: string | undefined;
}

/** One parameter: its control, or the workflow input it is bound to, and the toggle between them. */
export function ParamField({ nodeId, field, value, binding }: Props) {
  const editor = useEditor();
  const testId = `param-${nodeId}-${field.name}`;
  const bound = binding !== undefined;
  return (
    <div className={`param param-${field.kind}`} title={field.description}>
      <div className="param-head">
        <label htmlFor={testId}>
          {field.label}
          {field.required && <span className="required">*</span>}
        </label>
        <button
          type="button"
          className={`bind ${bound ? 'on' : ''}`}
          data-testid={`bind-${nodeId}-${field.name}`}
          title={bound ? 'Set it here instead of at run time' : 'Give it at run time (a workflow input)'}
          onClick={() => editor.setBinding(nodeId, field.name, bound ? null : field.name === 'blob' ? 'photo' : field.name === 'blobs' ? 'photos' : field.name)}
        >
          {bound ? 'input' : '⇥'}
        </button>
      </div>
      {bound && field.kind !== 'image' ? (
        <BindingName nodeId={nodeId} param={field.name} name={binding} />
      ) : (
        <>
          {bound && <BindingName nodeId={nodeId} param={field.name} name={binding} />}
          <Control nodeId={nodeId} field={field} value={value} binding={binding} id={testId} />
        </>
      )}
    </div>
  );
}

function BindingName({ nodeId, param, name }: { nodeId: string; param: string; name: string }) {
  const editor = useEditor();
  return (
    <div className="binding">
      workflow input
      <input
        className="binding-name"
        data-testid={`input-name-${nodeId}-${param}`}
        value={name}
        onChange={(e) => editor.setBinding(nodeId, param, e.target.value)}
      />
    </div>
  );
}

function Control({ nodeId, field, value, binding, id }: Props & { id: string }) {
  const editor = useEditor();
  const set = (v: unknown) => editor.setParam(nodeId, field.name, v);
  switch (field.kind) {
    case 'slider':
      return (
        <div className="slider-row">
          <input
            type="range"
            min={field.min}
            max={field.max}
            step={field.step}
            value={typeof value === 'number' ? value : Number(field.defaultValue ?? field.min)}
            onChange={(e) => set(Number(e.target.value))}
            aria-label={field.label}
          />
          <NumberInput id={id} value={value} integer={field.integer} min={field.min} max={field.max} placeholder={placeholderOf(field)} onChange={set} />
        </div>
      );
    case 'number':
      return <NumberInput id={id} value={value} integer={field.integer} min={field.min} max={field.max} placeholder={placeholderOf(field)} onChange={set} />;
    case 'select':
      return (
        <select id={id} data-testid={id} value={String(value ?? '')} onChange={(e) => set(e.target.value)}>
          {value === undefined && <option value="">choose…</option>}
          {field.options.map((o) => (
            <option key={o.value} value={o.value} title={o.description}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'checkbox':
      return <input id={id} data-testid={id} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} />;
    case 'color':
      return (
        <div className="color-row">
          <input id={id} data-testid={id} type="color" value={String(value ?? '#000000').slice(0, 7)} onChange={(e) => set(e.target.value)} />
          <code>{String(value ?? '')}</code>
        </div>
      );
    case 'image': {
      const given = binding !== undefined ? editor.inputValues[binding] : undefined;
      const hash = binding !== undefined ? (given?.value as string | undefined) : (value as string | undefined);
      const busy = editor.uploading.has(`${nodeId}.${field.name}`);
      return (
        <div className="upload">
          <input
            id={id}
            data-testid={`upload-${nodeId}-${field.name}`}
            type="file"
            accept="image/*"
            multiple={field.multiple}
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              if (files.length > 0) editor.upload(nodeId, field.name, files);
              e.target.value = '';
            }}
          />
          {busy && <span className="hint">uploading…</span>}
          {hash && !busy && (
            <div className="upload-preview">
              <img src={blobUrl(hash.split(',')[0])} alt="uploaded" data-testid={`uploaded-${nodeId}-${field.name}`} />
              <span className="hint">{given?.label ?? imagesLabel(hash)}</span>
            </div>
          )}
        </div>
      );
    }
    case 'text':
      return (
        <input
          id={id}
          data-testid={id}
          type="text"
          value={String(value ?? '')}
          placeholder={field.defaultValue !== undefined ? String(field.defaultValue) : undefined}
          onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)}
        />
      );
  }
}

function placeholderOf(field: Field): string | undefined {
  return field.defaultValue !== undefined ? String(field.defaultValue) : undefined;
}

/** A number field that lets a person type freely and passes on only numbers. */
export function NumberInput(props: {
  id: string;
  value: unknown;
  integer: boolean;
  min?: number;
  max?: number;
  placeholder?: string;
  onChange: (value: number | undefined) => void;
}) {
  const shown = typeof props.value === 'number' ? String(props.value) : '';
  const [text, setText] = useState(shown);
  useEffect(() => {
    if (parseNumber(text, props.integer) !== props.value) setText(shown);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value]);
  return (
    <input
      id={props.id}
      data-testid={props.id}
      type="number"
      className="number"
      value={text}
      min={props.min}
      max={props.max}
      step={props.integer ? 1 : 'any'}
      placeholder={props.placeholder}
      onChange={(e) => {
        setText(e.target.value);
        const parsed = parseNumber(e.target.value, props.integer);
        if (parsed !== undefined || e.target.value === '') props.onChange(parsed);
      }}
    />
  );
}

/** What a stored value of one hash or of several (joined by commas) is shown as. */
function imagesLabel(hashes: string): string {
  const count = hashes.split(',').length;
  return count === 1 ? `${hashes.slice(0, 12)}…` : `${count} images`;
}
