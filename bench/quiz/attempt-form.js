// Reads the answer fields of an attempt page (the URL/field contract: `slot-<n>` radio/checkbox/text, `slot-<n>-p<k>`
// selects for matching) and picks an answer for each question, as a learner would. Plain regular expressions over
// the server-rendered HTML: Svelte writes attributes in double quotes.

const TAG = /<(input|select|textarea)\b([^>]*)>/gi;
const ATTR = /([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const OPTION = /<option\b([^>]*)>/gi;
const FIELD = /^slot-(\d+)(?:-(p\d+))?$/;

/** @param {string} text */
const unescape = (text) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** @param {string} source */
function attributes(source) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const m of source.matchAll(ATTR)) out[m[1].toLowerCase()] = unescape(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

/**
 * @typedef {{ kind: 'radio' | 'checkbox', values: string[] } | { kind: 'text' } | { kind: 'select', parts: Map<string, string[]> }} SlotField
 */

/**
 * The answer fields per slot number, and the hidden `page` value of the save form if there is one.
 * @param {string} html
 * @returns {{ slots: Map<number, SlotField>, page: string | undefined }}
 */
export function readAttemptForm(html) {
  /** @type {Map<number, SlotField>} */
  const slots = new Map();
  let page;
  for (const m of html.matchAll(TAG)) {
    const tag = m[1].toLowerCase();
    const a = attributes(m[2]);
    if (tag === 'input' && a.name === 'page' && a.type === 'hidden') page ??= a.value;
    const f = FIELD.exec(a.name ?? '');
    if (!f || 'disabled' in a) continue;
    const slot = Number(f[1]);
    if (tag === 'select' && f[2]) {
      const rest = html.slice(m.index + m[0].length, html.indexOf('</select>', m.index));
      const values = [...rest.matchAll(OPTION)]
        .map((o) => attributes(o[1]).value ?? '')
        .filter((v) => v !== '');
      const field = slots.get(slot);
      const parts = field?.kind === 'select' ? field.parts : new Map();
      parts.set(f[2], values);
      slots.set(slot, { kind: 'select', parts });
    } else if (tag === 'input' && (a.type === 'radio' || a.type === 'checkbox')) {
      const field = slots.get(slot);
      if (field && field.kind === a.type) field.values.push(a.value ?? 'on');
      else slots.set(slot, { kind: a.type, values: [a.value ?? 'on'] });
    } else if (tag === 'textarea' || (tag === 'input' && a.type !== 'hidden' && a.type !== 'submit')) {
      slots.set(slot, { kind: 'text' });
    }
  }
  return { slots, page };
}

/**
 * Picks an answer for one slot with `random` (a function returning [0, 1)): one radio, one or two checkboxes, a
 * number for text fields (numerical, calculated and short-answer questions all accept it), a choice per matching
 * prompt. Returns the form entries to post; the same entries are what the database must hold afterwards.
 * @param {number} slot
 * @param {SlotField} field
 * @param {() => number} random
 * @returns {[string, string][]}
 */
export function pickAnswer(slot, field, random) {
  const pick = (/** @type {string[]} */ list) => list[Math.floor(random() * list.length)];
  const name = `slot-${slot}`;
  if (field.kind === 'radio') return [[name, pick(field.values)]];
  if (field.kind === 'checkbox') {
    const first = pick(field.values);
    const second = pick(field.values);
    return [...new Set([first, second])].map((v) => [name, v]);
  }
  if (field.kind === 'text') return [[name, (Math.round(random() * 1000) / 10).toFixed(1)]];
  return [...field.parts].map(([part, values]) => [`${name}-${part}`, pick(values)]);
}
