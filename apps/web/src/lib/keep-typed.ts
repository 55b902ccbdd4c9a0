/**
 * Keeps what a person typed, ticked or chose before the page's script arrived. On a slow connection a server-rendered
 * form is usable for seconds before the app hydrates, and hydration sets every field that a component writes — a
 * `value={…}`, a `checked={…}`, a textarea's `{text}` — back to the server's value: the ticks and the feedback a tutor
 * gave were gone, and the form sent without them. A disclosure written `<details open={…}>` closed the same way.
 * Fields written with `defaultValue`/`defaultChecked` or bound with `bind:` are safe by themselves; this covers the
 * rest, whatever a page does.
 *
 * `keepTyped()` runs when the app starts (before hydration): it notes every field already changed by the person (or
 * by the browser's own form restoration), and every change and every disclosure opened or closed until
 * `restoreTyped()`, which the root layout calls once the page has hydrated. A field that hydration reset gets the
 * person's value back, announced with `input` and `change` events so that the component's own state follows; a
 * disclosure is opened or closed again as the person left it (its `toggle` event tells bound state).
 */

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Kept =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tick'; readonly checked: boolean }
  | { readonly kind: 'choice'; readonly selected: readonly boolean[] };

const UNKEPT_TYPES = new Set(['file', 'hidden', 'submit', 'button', 'reset', 'image']);

const kept = new Map<Field, Kept>();
const disclosures = new Map<HTMLDetailsElement, boolean>();
let watching = false;

function isField(target: EventTarget | null): target is Field {
  if (target instanceof HTMLInputElement) return !UNKEPT_TYPES.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function stateOf(field: Field): Kept {
  if (field instanceof HTMLSelectElement)
    return { kind: 'choice', selected: Array.from(field.options, (option) => option.selected) };
  if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio'))
    return { kind: 'tick', checked: field.checked };
  return { kind: 'text', value: field.value };
}

/** Whether the field differs from the form the server sent (the person or the browser changed it). */
function changedFromServer(field: Field): boolean {
  if (field instanceof HTMLSelectElement) {
    const options = Array.from(field.options);
    // A single select with no option marked by the server shows its first option: that is the server's choice.
    if (!field.multiple && options.every((option) => !option.defaultSelected)) return field.selectedIndex > 0;
    return options.some((option) => option.selected !== option.defaultSelected);
  }
  if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio'))
    return field.checked !== field.defaultChecked;
  return field.value !== field.defaultValue;
}

function note(field: Field): void {
  // The latest change goes last, so that restoring in order ends with the radio the person ticked last.
  kept.delete(field);
  kept.set(field, stateOf(field));
}

function onChange(event: Event): void {
  if (isField(event.target)) note(event.target);
}

function onToggle(event: Event): void {
  if (event.target instanceof HTMLDetailsElement) disclosures.set(event.target, event.target.open);
}

/** Starts noting the person's changes; call once, before hydration. */
export function keepTyped(): void {
  if (watching) return;
  watching = true;
  for (const field of document.querySelectorAll('input, textarea, select'))
    if (isField(field) && changedFromServer(field)) note(field);
  // A disclosure keeps no trace of how the server sent it, and hydration sends nothing new: as it is now is right.
  for (const details of document.querySelectorAll('details')) disclosures.set(details, details.open);
  document.addEventListener('input', onChange, true);
  document.addEventListener('change', onChange, true);
  // `toggle` does not bubble; a capturing listener on the document still hears it.
  document.addEventListener('toggle', onToggle, true);
}

function put(field: Field, state: Kept): boolean {
  if (state.kind === 'choice' && field instanceof HTMLSelectElement) {
    const options = Array.from(field.options);
    if (options.length !== state.selected.length) return false;
    if (options.every((option, i) => option.selected === state.selected[i])) return false;
    options.forEach((option, i) => (option.selected = state.selected[i] ?? false));
    return true;
  }
  if (state.kind === 'tick' && field instanceof HTMLInputElement) {
    if (field.checked === state.checked) return false;
    field.checked = state.checked;
    return true;
  }
  if (state.kind === 'text' && !(field instanceof HTMLSelectElement)) {
    if (field.value === state.value) return false;
    field.value = state.value;
    return true;
  }
  return false;
}

/** Puts back what hydration reset, then stops noting; call once the page has hydrated. */
export function restoreTyped(): void {
  if (!watching) return;
  watching = false;
  document.removeEventListener('input', onChange, true);
  document.removeEventListener('change', onChange, true);
  document.removeEventListener('toggle', onToggle, true);
  for (const [field, state] of kept) {
    if (!field.isConnected || !put(field, state)) continue;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }
  for (const [details, open] of disclosures)
    if (details.isConnected && details.open !== open) details.open = open;
  kept.clear();
  disclosures.clear();
}
