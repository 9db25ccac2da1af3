/*! qarchive embeddable search box. Paste <script src="https://ARCHIVE/embed.js" data-qarchive async></script>
 * (optionally with <div data-qarchive></div> placeholders). Renders in a shadow root; themable through
 * --qarchive-accent, --qarchive-font, --qarchive-radius, --qarchive-text, --qarchive-bg, --qarchive-border. */
(function () {
  'use strict';
  var d = document;
  var script = d.currentScript || findScript();
  if (!script || !script.src) return;
  // the API lives where this file came from, even when the host page is on another origin
  var base = script.src.replace(/\/embed\.js([?#].*)?$/, '');
  var seq = 0;

  function findScript() {
    var all = d.querySelectorAll('script[src]');
    for (var i = all.length - 1; i >= 0; i--) {
      if (all[i].hasAttribute('data-qarchive') || /\/embed\.js([?#].*)?$/.test(all[i].src)) return all[i];
    }
    return null;
  }

  var CSS =
    ':host{all:initial;display:block;position:relative;max-width:40rem;font-family:var(--qarchive-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);' +
    'font-size:16px;line-height:1.45;color:var(--qarchive-text,#1b1b1b);--a:var(--qarchive-accent,#0b5cad);--r:var(--qarchive-radius,6px);' +
    '--b:var(--qarchive-border,#767676);--bg:var(--qarchive-bg,#fff)}' +
    '*{box-sizing:border-box}form{display:flex;gap:.5rem;margin:0}' +
    'input{flex:1;min-width:0;font:inherit;color:inherit;background:var(--bg);padding:.55rem .7rem;border:1px solid var(--b);border-radius:var(--r)}' +
    'button{font:inherit;padding:.55rem 1rem;border:0;border-radius:var(--r);background:var(--a);color:#fff;cursor:pointer}' +
    'input:focus-visible,button:focus-visible{outline:3px solid var(--a);outline-offset:2px}' +
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
    '[role=listbox]{position:absolute;left:0;right:0;top:100%;z-index:2147483000;margin:.25rem 0 0;padding:.25rem 0;list-style:none;' +
    'background:var(--bg);border:1px solid var(--b);border-radius:var(--r);box-shadow:0 6px 20px rgba(0,0,0,.15);max-height:70vh;overflow:auto}' +
    '[role=listbox][hidden]{display:none}' +
    '.h{margin:.3rem .75rem .1rem;font-size:.8rem;font-weight:600;color:#555;text-transform:uppercase}' +
    '[role=option]{display:block;padding:.45rem .75rem;cursor:pointer}' +
    '[role=option][aria-selected=true]{background:#eef3f9;box-shadow:inset 3px 0 0 var(--a)}' +
    '.t{display:block;font-weight:600;color:var(--a)}.s{display:block;font-size:.9rem;color:#444}' +
    '.m{display:block;font-size:.8rem;color:#555}mark{background:#fff3a3;color:inherit}';

  function el(tag, attrs, text) {
    var e = d.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  function unescapeHtml(s) {
    return s.replace(/&(amp|lt|gt|quot|#39);/g, function (m, n) {
      return { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }[n];
    });
  }

  // Snippets are escaped HTML whose only markup is <mark>: split on it and add every piece as text.
  function snippet(parent, html) {
    var parts = String(html).split(/(<\/?mark>)/);
    var inMark = false;
    for (var i = 0; i < parts.length; i++) {
      var p = parts[i];
      if (p === '<mark>') inMark = true;
      else if (p === '</mark>') inMark = false;
      else if (p) parent.appendChild(inMark ? el('mark', {}, unescapeHtml(p)) : d.createTextNode(unescapeHtml(p)));
    }
  }

  function styles(root) {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      root.appendChild(el('style', {}, CSS));
    }
  }

  function mount(host) {
    if (host.hasAttribute('data-qarchive-ready')) return;
    host.setAttribute('data-qarchive-ready', '');
    var root = host.attachShadow({ mode: 'open' });
    styles(root);
    var id = 'qarchive-' + ++seq;
    var name = host.getAttribute('data-label') || "Search the doctor's answers";
    // landmarks need distinct names when a page holds several boxes
    var form = el('form', { role: 'search', action: base + '/', method: 'get', 'aria-label': seq > 1 ? name + ' (' + seq + ')' : name });
    var label = el('label', { 'for': id + '-q', 'class': 'sr' }, name);
    var input = el('input', {
      id: id + '-q', name: 'q', type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': id + '-l',
      placeholder: host.getAttribute('data-placeholder') || 'Search the answers'
    });
    var button = el('button', { type: 'submit' }, 'Search');
    var list = el('div', { id: id + '-l', role: 'listbox', 'aria-label': 'Answers and suggestions', hidden: '' });
    var status = el('div', { role: 'status', 'aria-live': 'polite', 'class': 'sr' });
    form.append(label, input, button);
    root.append(form, list, status);

    var options = [], active = -1, timer = 0, pending = null, last = null;

    function open(on) {
      list.hidden = !on;
      input.setAttribute('aria-expanded', on ? 'true' : 'false');
      if (!on) select(-1);
    }

    function select(i) {
      if (active >= 0 && options[active]) options[active].el.setAttribute('aria-selected', 'false');
      active = i;
      if (i >= 0) {
        var o = options[i].el;
        o.setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', o.id);
        if (o.scrollIntoView) o.scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function go(url) {
      window.location.assign(url);
    }

    function choose(i) {
      var o = options[i];
      if (!o) return;
      if (o.url) go(o.url);
      else {
        input.value = o.text;
        open(false);
        request();
      }
    }

    function option(i, build) {
      var o = el('div', { id: id + '-o' + i, role: 'option', 'aria-selected': 'false' });
      build(o);
      o.addEventListener('mousedown', function (e) { e.preventDefault(); });
      o.addEventListener('click', function () { choose(i); });
      return o;
    }

    function render(q, found, suggestions) {
      list.textContent = '';
      options = [];
      active = -1;
      var hits = (found && found.hits) || [];
      if (hits.length) {
        var g = el('div', { role: 'group', 'aria-labelledby': id + '-ha' });
        g.appendChild(el('div', { id: id + '-ha', 'class': 'h', role: 'presentation' }, 'Answers'));
        hits.forEach(function (h) {
          var i = options.length;
          var o = option(i, function (o) {
            o.appendChild(el('span', { 'class': 't' }, h.title || '(untitled)'));
            var s = el('span', { 'class': 's' });
            snippet(s, h.question || h.answer || '');
            o.appendChild(s);
            if (h.date) o.appendChild(el('span', { 'class': 'm' }, h.date + (h.answered_by ? ' · ' + h.answered_by : '')));
          });
          options.push({ el: o, url: base + '/qa/' + encodeURIComponent(h.id) + '?q=' + encodeURIComponent(q) });
          g.appendChild(o);
        });
        list.appendChild(g);
      }
      var sugg = (suggestions || []).filter(function (s) { return s.toLowerCase() !== q.toLowerCase(); }).slice(0, 5);
      if (sugg.length) {
        var sg = el('div', { role: 'group', 'aria-labelledby': id + '-hs' });
        sg.appendChild(el('div', { id: id + '-hs', 'class': 'h', role: 'presentation' }, 'Suggestions'));
        sugg.forEach(function (s) {
          var o = option(options.length, function (o) { o.textContent = s; });
          options.push({ el: o, text: s });
          sg.appendChild(o);
        });
        list.appendChild(sg);
      }
      // as-you-type searches stop counting past 1,000 matches: total_exact false means "at least"
      var more = found && found.total_exact === false ? '+' : '';
      if (found && found.total > hits.length) {
        var all = option(options.length, function (o) {
          o.appendChild(el('span', { 'class': 't' }, 'See all ' + found.total + more + ' answers'));
        });
        options.push({ el: all, url: base + '/?q=' + encodeURIComponent(q) });
        list.appendChild(all);
      }
      var total = found ? found.total : 0;
      status.textContent =
        total === 0 ? 'No answers found' : total + more + (total === 1 && !more ? ' answer' : ' answers') + ' found';
      open(options.length > 0 && d.activeElement === host);
    }

    function request() {
      var q = input.value.trim();
      if (pending) pending.abort();
      pending = null;
      if (q.length < 2) {
        open(false);
        list.textContent = '';
        options = [];
        return;
      }
      if (q === last && options.length) {
        open(true);
        return;
      }
      var ctrl = typeof AbortController === 'function' ? new AbortController() : null;
      pending = ctrl;
      var init = { credentials: 'omit', signal: ctrl ? ctrl.signal : undefined };
      var enc = encodeURIComponent(q);
      function get(path) {
        return fetch(base + path, init).then(function (r) { return r.ok ? r.json() : null; });
      }
      Promise.all([get('/api/search?size=5&instant=1&q=' + enc), get('/api/suggest?max=5&q=' + enc).catch(function () { return null; })])
        .then(function (res) {
          if (pending !== ctrl) return;
          pending = null;
          last = q;
          render(q, res[0], res[1] && res[1].suggestions);
        })
        .catch(function (e) {
          if (e && e.name === 'AbortError') return;
          status.textContent = 'Search is not available right now';
        });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      last = null;
      timer = setTimeout(request, 150);
    });
    input.addEventListener('keydown', function (e) {
      var n = options.length;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (!n) return request();
        if (list.hidden) open(true);
        select(e.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
      } else if (e.key === 'Enter') {
        if (!list.hidden && active >= 0) {
          e.preventDefault();
          choose(active);
        }
      } else if (e.key === 'Escape') {
        if (!list.hidden) {
          e.preventDefault();
          open(false);
        } else input.value = '';
      } else if (e.key === 'Tab') {
        open(false);
      }
    });
    input.addEventListener('focus', function () {
      if (options.length && input.value.trim() === last) open(true);
    });
    host.addEventListener('focusout', function () {
      setTimeout(function () { if (d.activeElement !== host) open(false); }, 0);
    });
  }

  function init() {
    var hosts = d.querySelectorAll('[data-qarchive]:not(script)');
    if (!hosts.length) {
      var h = el('div', { 'data-qarchive': '' });
      if (script.parentNode) script.parentNode.insertBefore(h, script.nextSibling);
      else d.body.appendChild(h);
      hosts = [h];
    }
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }

  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', init);
  else init();
})();
