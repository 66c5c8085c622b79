import { describe, expect, it } from 'vitest';
import { fromFile, newNodeId, toFile, toGraph, type Drawing } from './graphJson';
import { record, redo, start, undo } from './history';

const drawing: Drawing = {
  nodes: [
    { id: 'load', position: { x: 0, y: 0 }, data: { type: 'LoadImage', version: 1, params: {}, bindings: { blob: 'photo' } } },
    { id: 'resize', position: { x: 320, y: 0 }, data: { type: 'Resize', params: { width: 300, height: 200, label: '' }, bindings: {} } },
  ],
  edges: [{ id: 'e', source: 'load', sourceHandle: 'image', target: 'resize', targetHandle: 'image' }],
};

describe('graph JSON', () => {
  it('writes nodes, node.port edges and workflow inputs, leaving out blank and bound parameters', () => {
    expect(toGraph(drawing)).toEqual({
      nodes: [
        { id: 'load', type: 'LoadImage', version: 1, params: {} },
        { id: 'resize', type: 'Resize', params: { width: 300, height: 200 } },
      ],
      edges: [{ from: 'load.image', to: 'resize.image' }],
      inputs: [{ name: 'photo', node: 'load', param: 'blob' }],
    });
  });

  it('reads back what it exported, positions included', () => {
    const back = fromFile(JSON.parse(JSON.stringify(toFile(drawing))));
    expect(toGraph(back)).toEqual(toGraph(drawing));
    expect(back.nodes[1].position).toEqual({ x: 320, y: 0 });
  });

  it('lays out a bare graph that has no positions', () => {
    const back = fromFile({ nodes: [{ id: 'b', type: 'Resize' }, { id: 'a', type: 'LoadImage' }], edges: [{ from: 'a.image', to: 'b.image' }] });
    expect(back.nodes.find((n) => n.id === 'a')!.position.x).toBeLessThan(back.nodes.find((n) => n.id === 'b')!.position.x);
  });

  it('refuses a file without a graph', () => {
    expect(() => fromFile({ hello: 1 })).toThrow(/no graph/);
  });

  it('names new nodes after their type without clashing', () => {
    expect(newNodeId('Resize', ['resize', 'resize2'])).toBe('resize3');
  });
});

describe('undo history', () => {
  it('undoes and redoes steps, and merges quick edits of the same parameter into one step', () => {
    let h = start(0);
    h = record(h, 1, 'width', 1000);
    h = record(h, 2, 'width', 1500);
    h = record(h, 3, undefined, 1600);
    expect(h.past).toEqual([0, 2]);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(0);
    h = redo(h);
    expect(h.present).toBe(2);
  });
});
