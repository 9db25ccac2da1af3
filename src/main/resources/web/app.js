// Enhancements for the search page; everything works without this file.
// Suggestions fill a native <datalist>; results update while typing by fetching the server-rendered page.
(function () {
  'use strict';
  var d = document;
  var form = d.getElementById('search-form');
  var input = d.getElementById('q');
  if (!form || !input) return;

  // facet checkboxes apply at once
  d.addEventListener('change', function (e) {
    var t = e.target;
    if (t && t.type === 'checkbox' && t.getAttribute('form') === 'search-form') form.submit();
  });

  var list = d.createElement('datalist');
  list.id = 'q-suggestions';
  d.body.appendChild(list);
  input.setAttribute('list', list.id);

  var timer = 0, ctrl = null, shown = input.value;
  var onSearchPage = location.pathname === '/' && d.getElementById('results');

  function abortable() {
    if (ctrl) ctrl.abort();
    ctrl = typeof AbortController === 'function' ? new AbortController() : null;
    return ctrl ? ctrl.signal : undefined;
  }

  function update() {
    var q = input.value.trim();
    var signal = abortable();
    if (q.length >= 2) {
      fetch('/api/suggest?max=8&q=' + encodeURIComponent(q), { signal: signal })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) {
          list.textContent = '';
          body.suggestions.forEach(function (s) {
            var o = d.createElement('option');
            o.value = s;
            list.appendChild(o);
          });
        })
        .catch(function () {});
    }
    if (!onSearchPage || q === shown || q.length < 2) return;
    var params = new URLSearchParams(new FormData(form));
    params.set('q', q);
    var url = '/?' + params.toString();
    fetch(url, { signal: signal })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html == null) return;
        // our own escaped, server-rendered page; DOMParser never runs scripts
        var page = new DOMParser().parseFromString(html, 'text/html');
        var fresh = page.getElementById('results');
        var old = d.getElementById('results');
        if (!fresh || !old) return;
        var count = d.getElementById('count');
        var freshCount = fresh.querySelector('#count');
        Array.prototype.slice.call(old.childNodes).forEach(function (n) { if (n !== count) old.removeChild(n); });
        Array.prototype.slice.call(fresh.childNodes).forEach(function (n) {
          if (n !== freshCount) old.appendChild(d.importNode(n, true));
        });
        // keep the live region itself, so screen readers announce the new status line (and its links)
        if (count && freshCount) {
          count.textContent = '';
          Array.prototype.slice.call(freshCount.childNodes).forEach(function (n) {
            count.appendChild(d.importNode(n, true));
          });
        }
        // an emergency notice comes and goes with the words typed
        var notices = d.getElementById('notices');
        var freshNotices = page.getElementById('notices');
        if (notices && freshNotices) {
          notices.textContent = '';
          Array.prototype.slice.call(freshNotices.childNodes).forEach(function (n) {
            notices.appendChild(d.importNode(n, true));
          });
        }
        shown = q;
        history.replaceState(null, '', url);
        d.title = q + ' — ' + d.title.split(' — ').pop();
      })
      .catch(function () {});
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  });
})();
