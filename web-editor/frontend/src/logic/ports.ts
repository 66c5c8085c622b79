// Which output may feed which input: the server's PortType.accepts, plus a list of images
// feeding an image input, which runs that node once per image, and the images of such a node
// collected by a list input (only the server, which sees the whole graph, knows whether the
// node runs once per image: it checks that).

export function accepts(inputType: string, outputType: string): boolean {
  if (inputType === outputType) return true;
  if (outputType === 'IMAGE_LIST') return mapsOver(inputType);
  if (inputType === 'IMAGE_LIST') return mapsOver(outputType);
  // a mask is a one-channel image, and any image can serve as a mask
  return (inputType === 'IMAGE' && outputType === 'MASK') || (inputType === 'MASK' && outputType === 'IMAGE');
}

/** Whether an input of this type fed a list runs its node once per item. */
function mapsOver(inputType: string): boolean {
  return inputType === 'IMAGE' || inputType === 'MASK';
}

const COLORS: Record<string, string> = {
  IMAGE: '#4e9af1',
  MASK: '#9aa5b1',
  VIDEO: '#e0645c',
  AUDIO: '#b57edc',
  TEXT: '#e8b93c',
  NUMBER: '#5fb878',
  ASSET: '#3fb6c0',
  IMAGE_LIST: '#2c5fa8',
};

export function portColor(type: string): string {
  return COLORS[type] ?? '#888888';
}

export interface PortEnd {
  node: string;
  port: string;
  type: string;
}

export interface ExistingEdge {
  target: string;
  targetHandle?: string | null;
}

/** Why a new edge from an output to an input is refused, or null when it may be drawn. */
export function refusal(from: PortEnd, to: PortEnd, edges: ExistingEdge[]): string | null {
  if (from.node === to.node) return 'a node cannot feed itself';
  if (!accepts(to.type, from.type)) {
    return `${from.node}.${from.port} (${from.type}) cannot feed ${to.node}.${to.port} (${to.type})`;
  }
  if (edges.some((e) => e.target === to.node && e.targetHandle === to.port)) {
    return `${to.node}.${to.port} is already connected`;
  }
  return null;
}
