import { describe, expect, it } from 'vitest';
import { depths, layeredLayout } from './layout';

describe('auto-layout', () => {
  it('puts each node one column after its deepest parent', () => {
    const edges = [
      { source: 'load', target: 'resize' },
      { source: 'resize', target: 'encode' },
      { source: 'load', target: 'encode' },
      { source: 'encode', target: 'save' },
    ];
    expect(Object.fromEntries(depths(['save', 'encode', 'resize', 'load'], edges))).toEqual({
      load: 0,
      resize: 1,
      encode: 2,
      save: 3,
    });
  });

  it('stacks the nodes of one column in rows and places a cycle after the rest', () => {
    const positions = layeredLayout(
      ['a', 'b', 'c', 'x', 'y'],
      [
        { source: 'a', target: 'c' },
        { source: 'b', target: 'c' },
        { source: 'x', target: 'y' },
        { source: 'y', target: 'x' },
      ],
      { column: 100, row: 50 },
    );
    expect(positions.a).toEqual({ x: 0, y: 0 });
    expect(positions.b).toEqual({ x: 0, y: 50 });
    expect(positions.c).toEqual({ x: 100, y: 0 });
    expect(positions.x.x).toBe(200);
    expect(positions.y.x).toBe(200);
  });
});
