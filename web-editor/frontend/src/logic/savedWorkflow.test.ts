import { describe, expect, it } from 'vitest';
import type { SavedWorkflow } from '../api';
import { drawingKey, fromSaved, toEdit } from './savedWorkflow';
import type { Drawing } from './graphJson';

const drawing: Drawing = {
  nodes: [
    { id: 'load', position: { x: 30.4, y: 40 }, data: { type: 'LoadImage', version: 1, params: {}, bindings: { blob: 'photo' } } },
    { id: 'resize', position: { x: 400, y: 60.6 }, data: { type: 'Resize', version: 1, params: { width: 320 }, bindings: {} } },
  ],
  edges: [{ id: 'e', source: 'load', sourceHandle: 'image', target: 'resize', targetHandle: 'image' }],
};

function saved(edit: ReturnType<typeof toEdit>): SavedWorkflow {
  return { id: 'wf-1', name: 'shop', version: 1, latestVersion: 1, updatedAt: '2025-01-01T00:00:00Z', inputs: [], ...edit };
}

describe('saved workflows on the canvas', () => {
  it('sends the graph with its workflow inputs, and each node position rounded', () => {
    const edit = toEdit(drawing);

    expect(edit.graph.inputs).toEqual([{ name: 'photo', node: 'load', param: 'blob' }]);
    expect(edit.graph.edges).toEqual([{ from: 'load.image', to: 'resize.image' }]);
    expect(edit.positions).toEqual({ load: { x: 30, y: 40 }, resize: { x: 400, y: 61 } });
  });

  it('opens what it saved: nodes, edges, parameters, bindings and positions', () => {
    const back = fromSaved(JSON.parse(JSON.stringify(saved(toEdit(drawing)))));

    expect(back.edges).toEqual([{ id: 'load.image->resize.image', source: 'load', sourceHandle: 'image', target: 'resize', targetHandle: 'image' }]);
    expect(back.nodes.map((n) => [n.id, n.position, n.data])).toEqual([
      ['load', { x: 30, y: 40 }, { type: 'LoadImage', version: 1, params: {}, bindings: { blob: 'photo' } }],
      ['resize', { x: 400, y: 61 }, { type: 'Resize', version: 1, params: { width: 320 }, bindings: {} }],
    ]);
    expect(drawingKey(back)).toBe(drawingKey(drawing));
  });

  it('lays out a workflow saved without positions, say over the API', () => {
    const back = fromSaved({ ...saved(toEdit(drawing)), positions: {} });

    expect(back.nodes[0].position.x).toBeLessThan(back.nodes[1].position.x);
  });

  it('tells a changed parameter or a moved node from the saved drawing', () => {
    const key = drawingKey(drawing);
    const changed = { ...drawing, nodes: [drawing.nodes[0], { ...drawing.nodes[1], data: { ...drawing.nodes[1].data, params: { width: 640 } } }] };
    const moved = { ...drawing, nodes: [{ ...drawing.nodes[0], position: { x: 90, y: 40 } }, drawing.nodes[1]] };

    expect(drawingKey(changed)).not.toBe(key);
    expect(drawingKey(moved)).not.toBe(key);
  });
});
