/**
 * The attempt page's only JavaScript (the page itself is server-rendered, `csr = false`): autosave, the countdown
 * and one submission per form. Served as text by `cohorts/[id]/attempts/quiz.js` from `toString()`, so this
 * function must stay self-contained: no imports, no outside variables. Texts come from data attributes that the
 * server rendered in the user's language.
 *
 * - `form[data-autosave]`: a change posts the form's fields (debounced) to that URL; `[data-save-status]` shows
 *   "saved at" (aria-live); 409 (the attempt closed) goes to `data-review`; on `pagehide` unsaved changes go by
 *   `sendBeacon`.
 * - `[data-seconds-left]`: counts down in `[role=timer]`, announces "5 minutes left", "1 minute left" and time up in
 *   `[data-announce]`, and at zero (plus a margin) loads `data-reload`, where the server shows the submitted attempt.
 */
export function attemptPageScript(): void {
  const lang = document.documentElement.lang === 'fr' ? 'fr-FR' : 'en-GB';

  for (const form of Array.from(document.querySelectorAll('form'))) {
    // A double click or a second Enter sends the form once (the server is idempotent anyway).
    form.addEventListener('submit', (event) => {
      if (form.dataset.sent) event.preventDefault();
      form.dataset.sent = '1';
    });
    window.addEventListener('pageshow', () => delete form.dataset.sent);
  }

  const form = document.querySelector<HTMLFormElement>('form[data-autosave]');
  const status = document.querySelector<HTMLElement>('[data-save-status]');
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = (text: string): void => {
    if (status) status.textContent = text;
  };
  const save = async (): Promise<void> => {
    clearTimeout(timer);
    if (!form || !dirty) return;
    dirty = false;
    show(status?.dataset.saving ?? '');
    try {
      const response = await fetch(form.dataset.autosave ?? '', {
        method: 'POST',
        body: new FormData(form),
        headers: { accept: 'application/json' },
      });
      const body = (await response.json()) as { savedAt?: string; message?: string };
      if (response.status === 409) window.location.assign(form.dataset.review ?? '');
      else if (response.ok) {
        const time = new Date(body.savedAt ?? Date.now()).toLocaleTimeString(lang);
        show((status?.dataset.saved ?? '').replace('{time}', time));
      } else show((status?.dataset.invalid ?? '').replace('{message}', body.message ?? ''));
    } catch {
      dirty = true;
      show(status?.dataset.offline ?? '');
    }
  };
  if (form) {
    const changed = (): void => {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(save, 1500);
    };
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    // A page change saves the answers itself.
    form.addEventListener('submit', () => {
      dirty = false;
      clearTimeout(timer);
    });
    const leave = (): void => {
      if (
        dirty &&
        document.visibilityState === 'hidden' &&
        navigator.sendBeacon(form.dataset.autosave ?? '', new FormData(form))
      )
        dirty = false;
    };
    document.addEventListener('visibilitychange', leave);
    window.addEventListener('pagehide', leave);
  }

  const countdown = document.querySelector<HTMLElement>('[data-seconds-left]');
  if (countdown) {
    const clock = countdown.querySelector<HTMLElement>('[role=timer]');
    const live = countdown.querySelector<HTMLElement>('[data-announce]');
    const endsAt = performance.now() + Number(countdown.dataset.secondsLeft) * 1000;
    const format = (seconds: number): string => {
      const pad = (n: number): string => String(n).padStart(2, '0');
      const h = Math.floor(seconds / 3600);
      const m = Math.floor((seconds % 3600) / 60);
      return h > 0 ? `${h}:${pad(m)}:${pad(seconds % 60)}` : `${m}:${pad(seconds % 60)}`;
    };
    let left = -1;
    const tick = (): void => {
      const next = Math.max(0, Math.ceil((endsAt - performance.now()) / 1000));
      if (next === left) return;
      left = next;
      if (clock) clock.textContent = format(next);
      countdown.classList.toggle('low', next <= 60);
      const say = next === 300 ? countdown.dataset.five : next === 60 ? countdown.dataset.one : undefined;
      if (say && live) live.textContent = say;
      if (next === 0) {
        clearInterval(interval);
        if (live) live.textContent = countdown.dataset.up ?? '';
        void save();
        // A little after the server's deadline, so the page it loads shows the attempt submitted.
        setTimeout(() => window.location.assign(countdown.dataset.reload ?? window.location.href), 1500);
      }
    };
    const interval = setInterval(tick, 250);
    tick();
  }
}
