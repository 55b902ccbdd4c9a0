/** FNV-1a hash of a string, as 8 hex digits: stable across runs and platforms. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The id prefix of a chart: the caller's `id` (checked), or "chart-" and a hash of the title, so the same chart
 * always gets the same ids and two charts on one page do not collide.
 */
export function chartIdPrefix(title: string, id: string | undefined): string {
  if (id === undefined) return `chart-${hashText(title)}`;
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(id)) {
    throw new TypeError(
      `chart id must start with a letter and use only letters, digits and hyphens (got "${id}")`,
    );
  }
  return id;
}
