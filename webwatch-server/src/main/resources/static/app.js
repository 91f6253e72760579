// Webwatch UI helpers. Loaded as a file (CSP forbids inline scripts).
(function () {
  'use strict';
  function csrf() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute('content') : '';
  }
  // Every htmx request carries the session's CSRF token.
  document.addEventListener('htmx:configRequest', function (e) {
    e.detail.headers['X-CSRF-Token'] = csrf();
  });
  // A dismissal needs a reason: say so before the round trip.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var kind = form.querySelector('#decision-kind');
    var reason = form.querySelector('#decision-reason');
    if (kind && reason && kind.value === 'dismissed' && reason.value.trim() === '') {
      e.preventDefault();
      reason.setCustomValidity('A dismissal needs a reason');
      reason.reportValidity();
    } else if (reason) {
      reason.setCustomValidity('');
    }
  });
  // Keyboard: "/" focuses the search box where there is one; j/k move through queue rows.
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
    if (e.key === '/') {
      var q = document.getElementById('q');
      if (q) { e.preventDefault(); q.focus(); }
    }
    if (e.key === 'j' || e.key === 'k') {
      var links = Array.prototype.slice.call(document.querySelectorAll('#queue tbody tr td:nth-child(2) a'));
      if (!links.length) return;
      var i = links.indexOf(document.activeElement);
      i = e.key === 'j' ? Math.min(i + 1, links.length - 1) : Math.max(i - 1, 0);
      links[i].focus();
    }
  });
})();
