import { createContext, useContext } from 'react';
import type { GraphProblem, NodeRun, NodeType } from './api';

/** A value given to a workflow input for the next run; images also keep the file's name. */
export interface InputValue {
  value: unknown;
  label: string;
}

export interface EditorState {
  catalog: Map<string, NodeType>;
  runNodes: Map<string, NodeRun>;
  problems: Map<string, GraphProblem[]>;
  /** nodes fed a list where they take one image: they run once per image */
  mapped: Set<string>;
  inputValues: Record<string, InputValue>;
  uploading: Set<string>;
  setParam(nodeId: string, name: string, value: unknown): void;
  setBinding(nodeId: string, param: string, inputName: string | null): void;
  /** Stores the files; the parameter (or its workflow input) takes their hashes, joined by commas. */
  upload(nodeId: string, param: string, files: File[]): void;
  compare(nodeId: string): void;
}

export const EditorContext = createContext<EditorState | null>(null);

export function useEditor(): EditorState {
  const state = useContext(EditorContext);
  if (!state) throw new Error('useEditor outside the editor');
  return state;
}
