// Site-wide behaviour. Served as a file because the CSP forbids inline scripts.
(function () {
  function csrfToken() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute('content') : null;
  }
  // Every htmx request of a signed-in user carries the session's CSRF token.
  document.addEventListener('htmx:config:request', function (evt) {
    var token = csrfToken();
    if (token && evt.detail && evt.detail.ctx && evt.detail.ctx.request) {
      evt.detail.ctx.request.headers['X-CSRF-Token'] = token;
    }
  });
  // The outcome of an htmx action (a flash message, an error) is brought into view and given
  // focus, so that a sighted user sees it even below the fold and a screen reader reads it.
  // Each outcome is revealed once: the marker is removed, so later swaps do not jump back to it.
  document.addEventListener('htmx:after:swap', function () {
    var el = document.querySelector('[data-flash]');
    if (!el) return;
    el.removeAttribute('data-flash');
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  });
  // A workflow diagram wider than its frame (a phone) opens scrolled to the current step.
  function centreDiagrams() {
    document.querySelectorAll('figure.diagram').forEach(function (f) {
      var cur = f.querySelector('[aria-current="step"] rect');
      if (!cur || f.scrollWidth <= f.clientWidth) return;
      var box = cur.getBoundingClientRect(), frame = f.getBoundingClientRect();
      f.scrollLeft += box.left + box.width / 2 - (frame.left + frame.width / 2);
    });
  }
  document.addEventListener('DOMContentLoaded', centreDiagrams);
  document.addEventListener('htmx:after:swap', centreDiagrams);
})();
