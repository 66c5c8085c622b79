// File names for what the editor lets a person download.

/** The usual extension of a media type: image/jpeg -> jpg, image/webp -> webp, video/mp4 -> mp4. */
export function extensionOf(mediaType: string): string {
  const subtype = mediaType.split(';')[0].split('/')[1]?.split('+')[0].trim() ?? '';
  if (subtype === 'jpeg') return 'jpg';
  return /^[a-z0-9]+$/i.test(subtype) ? subtype.toLowerCase() : 'bin';
}

/** The workflow's name as a file name part: "Shop squares (v2)" -> "shop-squares-v2". */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** An output's download name: "<workflow>-<node>.<ext>", or "<node>.<ext>" for an unsaved drawing. */
export function downloadName(workflowName: string | null, nodeId: string, mediaType: string): string {
  const prefix = workflowName ? slug(workflowName) : '';
  return `${prefix ? `${prefix}-` : ''}${nodeId}.${extensionOf(mediaType)}`;
}
