/** A stable 32-bit FNV-1a hash of text, for deterministic train/holdout splits by customer_id. */

/** FNV-1a over the UTF-16 code units of the text, as an unsigned 32-bit integer. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** True when the id falls in the holdout share (0..1) of the hash space. */
export function isHoldout(id: string, holdoutShare: number): boolean {
  return fnv1a32(id) / 0x1_0000_0000 < holdoutShare;
}
