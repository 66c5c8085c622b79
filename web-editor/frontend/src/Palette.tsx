import { useMemo, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { NodeType } from './api';
import { categoryColor } from './StudioNode';
import { portColor } from './logic/ports';

interface Props {
  nodes: NodeType[];
  /** point: where the node was dropped (client coordinates), or null for a click */
  onAdd(type: string, point: { x: number; y: number } | null): void;
}

export function matches(node: NodeType, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [node.id, node.displayName, node.category, node.description, ...node.aliases].some((s) => s.toLowerCase().includes(q));
}

/** The catalog by category, searchable; drag a node onto the canvas, or click it to add it. */
export function Palette({ nodes, onAdd }: Props) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const byCategory = new Map<string, NodeType[]>();
    for (const node of nodes.filter((n) => matches(n, query))) {
      byCategory.set(node.category, [...(byCategory.get(node.category) ?? []), node]);
    }
    return [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [nodes, query]);
  return (
    <aside className="palette">
      <input
        className="search"
        type="search"
        placeholder="Search nodes…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="palette-search"
      />
      {groups.length === 0 && <p className="hint">No node matches “{query}”.</p>}
      {groups.map(([category, items]) => (
        <details key={category} open className="category">
          <summary style={{ borderLeftColor: categoryColor(category) }}>{category}</summary>
          {items.map((node) => (
            <PaletteItem key={node.id} node={node} onAdd={onAdd} />
          ))}
        </details>
      ))}
    </aside>
  );
}

function PaletteItem({ node, onAdd }: { node: NodeType; onAdd: Props['onAdd'] }) {
  // Pointer events rather than HTML drag and drop: they work the same with a mouse, a pen and a
  // touch screen, and browser automation can drive them.
  const startDrag = (event: ReactPointerEvent) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const start = { x: event.clientX, y: event.clientY };
    let ghost: HTMLDivElement | null = null;
    const move = (e: PointerEvent) => {
      if (!ghost && Math.hypot(e.clientX - start.x, e.clientY - start.y) > 4) {
        ghost = document.createElement('div');
        ghost.className = 'drag-ghost';
        ghost.textContent = node.displayName;
        document.body.appendChild(ghost);
      }
      if (ghost) {
        ghost.style.left = `${e.clientX}px`;
        ghost.style.top = `${e.clientY}px`;
      }
    };
    const up = (e: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      if (ghost) {
        ghost.remove();
        onAdd(node.id, { x: e.clientX, y: e.clientY });
      } else {
        onAdd(node.id, null);
      }
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return (
    <div
      className="palette-item"
      role="button"
      tabIndex={0}
      data-testid={`palette-item-${node.id}`}
      title={node.description}
      onPointerDown={startDrag}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') onAdd(node.id, null);
      }}
    >
      <span className="name">{node.displayName}</span>
      <span className="ports-mini">
        {node.inputs.map((p) => (
          <i key={`in-${p.name}`} style={{ background: portColor(p.type) }} title={`in ${p.name}: ${p.type}`} />
        ))}
        →
        {node.outputs.map((p) => (
          <i key={`out-${p.name}`} style={{ background: portColor(p.type) }} title={`out ${p.name}: ${p.type}`} />
        ))}
      </span>
    </div>
  );
}
