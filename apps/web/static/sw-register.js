// Registers the campus service worker on pages built without SvelteKit's client (lessons, slide decks), so that
// lessons opened here can be read offline. Pages with the SvelteKit client register it themselves.
if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/service-worker.js').catch(() => {});
  });
}
