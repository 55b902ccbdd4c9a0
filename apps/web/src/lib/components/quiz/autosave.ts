/** What the autosave reports to the page. */
export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly savedAt: string }
  | { readonly kind: 'invalid'; readonly message: string; readonly errors: Readonly<Record<string, string>> }
  | { readonly kind: 'offline' }
  | { readonly kind: 'closed'; readonly message: string };

/** Options of the autosave action. */
export interface AutosaveOptions {
  /** The `attempts/[id]/autosave` endpoint. */
  readonly url: string;
  readonly onstatus: (status: SaveStatus) => void;
  /** Milliseconds of quiet after the last change before saving. */
  readonly delay?: number;
}

/**
 * Svelte action for the attempt form: after a change (debounced) it posts the form's fields to the autosave
 * endpoint; when the page is hidden or closed with unsaved changes it sends them with `sendBeacon`.
 * `flush()` on the returned handle saves now (the timer calls it before the deadline).
 */
export function autosave(form: HTMLFormElement, options: AutosaveOptions) {
  let opts = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;

  async function save(): Promise<void> {
    clearTimeout(timer);
    if (!dirty) return;
    dirty = false;
    opts.onstatus({ kind: 'saving' });
    try {
      const response = await fetch(opts.url, {
        method: 'POST',
        body: new FormData(form),
        headers: { accept: 'application/json' },
      });
      const body = (await response.json()) as {
        savedAt?: string;
        message?: string;
        errors?: Record<string, string>;
      };
      if (response.ok) opts.onstatus({ kind: 'saved', savedAt: body.savedAt ?? new Date().toISOString() });
      else if (response.status === 409) opts.onstatus({ kind: 'closed', message: body.message ?? '' });
      else opts.onstatus({ kind: 'invalid', message: body.message ?? '', errors: body.errors ?? {} });
    } catch {
      dirty = true;
      opts.onstatus({ kind: 'offline' });
    }
  }

  const changed = (): void => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, opts.delay ?? 1500);
  };
  const submitted = (): void => {
    // The form post saves these answers itself.
    dirty = false;
    clearTimeout(timer);
  };
  const hidden = (): void => {
    if (!dirty || document.visibilityState !== 'hidden') return;
    if (navigator.sendBeacon(opts.url, new FormData(form))) dirty = false;
  };

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', submitted);
  document.addEventListener('visibilitychange', hidden);
  window.addEventListener('pagehide', hidden);
  return {
    update(next: AutosaveOptions) {
      opts = next;
    },
    destroy() {
      clearTimeout(timer);
      form.removeEventListener('input', changed);
      form.removeEventListener('change', changed);
      form.removeEventListener('submit', submitted);
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', hidden);
    },
  };
}
