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
})();
