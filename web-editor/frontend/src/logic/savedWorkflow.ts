// A saved workflow (GET /api/workflows/{id}) to and from the drawing on the canvas.
import type { GraphJson, Position, SavedWorkflow } from '../api';
import { fromFile, toFile, type Drawing } from './graphJson';

/** What Save sends: the graph, and where each node is drawn (kept beside the versions). */
export function toEdit(drawing: Drawing): { graph: GraphJson; positions: Record<string, Position> } {
  const file = toFile(drawing);
  return { graph: file.graph, positions: file.editor.positions };
}

/** The drawing of a saved workflow; one saved without positions for every node is laid out. */
export function fromSaved(saved: SavedWorkflow): Drawing {
  return fromFile({ graph: saved.graph, editor: { positions: saved.positions ?? {} } });
}

/** Equal keys save the same workflow: what the unsaved-changes marker compares. */
export function drawingKey(drawing: Drawing): string {
  return JSON.stringify(toFile(drawing));
}
