// Keyboard navigation for the slide viewer (the page works without it: one section per slide, anchor links).
// Left/right arrow, Page Up/Down: go to the previous/next slide and move focus there.
(() => {
  const slides = [...document.querySelectorAll('section.slide')];
  if (slides.length === 0) return;
  const current = () =>
    Math.max(
      0,
      slides.findIndex((s) => '#' + s.id === location.hash),
    );
  const go = (i) => {
    const s = slides[Math.min(slides.length - 1, Math.max(0, i))];
    history.replaceState(null, '', '#' + s.id);
    s.focus();
  };
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || /INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') go(current() + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(current() - 1);
    else return;
    e.preventDefault();
  });
})();
