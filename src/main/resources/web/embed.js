/*! qarchive embeddable search box. Paste <script src="https://ARCHIVE/embed.js" data-qarchive async></script>
 * (optionally with <div data-qarchive></div> placeholders). Renders in a shadow root; themable through
 * --qarchive-accent, --qarchive-font, --qarchive-radius, --qarchive-text, --qarchive-bg, --qarchive-border;
 * every word it shows can be replaced with a data- attribute on the placeholder or the script (docs/embed.md). */
(function () {
  'use strict';
  var d = document;
  var script = d.currentScript || findScript();
  if (!script || !script.src) return;
  // the API lives where this file came from, even when the host page is on another origin
  var base = script.src.replace(/\/embed\.js([?#].*)?$/, '');
  var seq = 0;
  var clinic = null;

  // the box's words, each replaceable by a data- attribute so a clinic can translate it; {n}, {number}
  // and {clinic} are filled in
  var WORDS = {
    label: "Search the doctor's answers", placeholder: 'Search the answers', button: 'Search',
    answers: 'Answers', suggestions: 'Suggestions', 'see-all': 'See all {n} answers',
    'no-results': 'No answers found', loose: 'No answer closely matches your question. These may still help:',
    'found-one': '{n} answer found', 'found-many': '{n} answers found',
    unavailable: 'Search is not available right now', 'date-unknown': 'date unknown',
    emergency: 'If this is an emergency, call {number} now', 'emergency-message': '',
    'clinic-call': 'You can also call {clinic}:', ask: 'Ask the doctor', disclaimer: ''
  };

  function wordsFor(host) {
    return function (key, vars) {
      var w = host.getAttribute('data-' + key) || script.getAttribute('data-' + key) || WORDS[key];
      return w.replace(/\{(\w+)\}/g, function (m, k) { return vars && vars[k] != null ? vars[k] : m; });
    };
  }

  function clinicInfo() {
    if (!clinic) {
      clinic = fetch(base + '/api/clinic', { credentials: 'omit' })
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
    }
    return clinic;
  }

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
    '.pop{position:absolute;left:0;right:0;top:100%;z-index:2147483000;margin:.25rem 0 0;padding:.25rem 0;' +
    'background:var(--bg);border:1px solid var(--b);border-radius:var(--r);box-shadow:0 6px 20px rgba(0,0,0,.15);max-height:70vh;overflow:auto}' +
    '.pop[hidden],.pop [hidden]{display:none}a{color:var(--a)}' +
    '.em{margin:.25rem .5rem .5rem;padding:.5rem .7rem;border:2px solid #a4161a;border-radius:var(--r);background:#fff5f5;color:#5c0f12}' +
    '.em strong{display:block;font-size:1.05rem}.em a{color:#8a1c1c;font-weight:700}.em p{margin:.25rem 0 0}' +
    '.note{margin:.35rem .75rem;font-weight:600}.foot{margin:.4rem .75rem .2rem;font-size:.8rem;color:#555}' +
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
    var t = wordsFor(host);
    var id = 'qarchive-' + ++seq;
    var name = t('label');
    // landmarks need distinct names when a page holds several boxes
    var form = el('form', { role: 'search', action: base + '/', method: 'get', 'aria-label': seq > 1 ? name + ' (' + seq + ')' : name });
    var label = el('label', { 'for': id + '-q', 'class': 'sr' }, name);
    var input = el('input', {
      id: id + '-q', name: 'q', type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': id + '-l',
      placeholder: t('placeholder')
    });
    var button = el('button', { type: 'submit' }, t('button'));
    // the popup: an emergency notice first, then a note (nothing found, nothing close), the options, the disclaimer
    var pop = el('div', { 'class': 'pop', hidden: '' });
    var em = el('div', { 'class': 'em', role: 'alert', hidden: '' });
    var note = el('p', { 'class': 'note', hidden: '' });
    var list = el('div', { id: id + '-l', role: 'listbox', 'aria-label': 'Answers and suggestions' });
    var foot = el('p', { 'class': 'foot', hidden: '' });
    var status = el('div', { role: 'status', 'aria-live': 'polite', 'class': 'sr' });
    pop.append(em, note, list, foot);
    form.append(label, input, button);
    root.append(form, pop, status);

    var options = [], active = -1, timer = 0, pending = null, last = null;

    function open(on) {
      pop.hidden = !on;
      input.setAttribute('aria-expanded', on && options.length ? 'true' : 'false');
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

    function emergency(e) {
      em.textContent = '';
      em.hidden = !e;
      if (!e) return;
      var head = el('strong');
      var parts = t('emergency', { number: '\u0000' }).split('\u0000');
      head.append(parts[0]);
      if (parts.length > 1) head.append(el('a', { href: e.call_href }, e.call), parts[1]);
      em.appendChild(head);
      em.appendChild(el('p', {}, t('emergency-message') || e.message));
      if (e.clinic_phone) {
        var p = el('p', {}, t('clinic-call', { clinic: e.clinic_name || '' }) + ' ');
        p.appendChild(el('a', { href: e.clinic_phone_href }, e.clinic_phone));
        em.appendChild(p);
      }
      if (e.crisis_message) em.appendChild(el('p', {}, e.crisis_message));
    }

    function footer(c) {
      foot.textContent = '';
      var text = t('disclaimer') || c.disclaimer;
      if (text) foot.append(text + ' ');
      if (c.phone) foot.appendChild(el('a', { href: c.phone_href }, c.phone));
      foot.hidden = !foot.textContent;
    }

    function render(q, found, suggestions, c) {
      list.textContent = '';
      options = [];
      active = -1;
      // close answers first, each group in the ranking's order
      var hits = ((found && found.hits) || []).filter(function (h) { return h.match_quality !== 'loose'; })
        .concat(((found && found.hits) || []).filter(function (h) { return h.match_quality === 'loose'; }));
      emergency(found && found.emergency);
      var total = found ? found.total : 0;
      note.textContent = '';
      if (!hits.length) {
        note.textContent = t('no-results');
        if (c.consultation_url) {
          note.append(' · ');
          note.appendChild(el('a', { href: c.consultation_url }, t('ask')));
        }
      } else if (found.match_quality === 'loose') note.textContent = t('loose');
      note.hidden = !note.textContent;
      if (hits.length) {
        var g = el('div', { role: 'group', 'aria-labelledby': id + '-ha' });
        g.appendChild(el('div', { id: id + '-ha', 'class': 'h', role: 'presentation' }, t('answers')));
        hits.forEach(function (h) {
          var i = options.length;
          var o = option(i, function (o) {
            o.appendChild(el('span', { 'class': 't' }, h.title || '(untitled)'));
            var s = el('span', { 'class': 's' });
            snippet(s, h.question || h.answer || '');
            o.appendChild(s);
            o.appendChild(el('span', { 'class': 'm' }, (h.date || t('date-unknown')) + (h.answered_by ? ' · ' + h.answered_by : '')));
          });
          options.push({ el: o, url: base + '/qa/' + encodeURIComponent(h.id) + '?q=' + encodeURIComponent(q) });
          g.appendChild(o);
        });
        list.appendChild(g);
      }
      var sugg = (suggestions || []).filter(function (s) { return s.toLowerCase() !== q.toLowerCase(); }).slice(0, 5);
      if (sugg.length) {
        var sg = el('div', { role: 'group', 'aria-labelledby': id + '-hs' });
        sg.appendChild(el('div', { id: id + '-hs', 'class': 'h', role: 'presentation' }, t('suggestions')));
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
          o.appendChild(el('span', { 'class': 't' }, t('see-all', { n: found.total + more })));
        });
        options.push({ el: all, url: base + '/?q=' + encodeURIComponent(q) });
        list.appendChild(all);
      }
      list.hidden = !options.length;
      footer(c);
      status.textContent =
        total === 0 ? t('no-results') : t(total === 1 && !more ? 'found-one' : 'found-many', { n: total + more });
      open(d.activeElement === host);
    }

    function request() {
      var q = input.value.trim();
      if (pending) pending.abort();
      pending = null;
      if (q.length < 2) {
        open(false);
        list.textContent = '';
        options = [];
        last = null;
        return;
      }
      if (q === last) {
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
      Promise.all([get('/api/search?size=5&instant=1&q=' + enc), get('/api/suggest?max=5&q=' + enc).catch(function () { return null; }), clinicInfo()])
        .then(function (res) {
          if (pending !== ctrl) return;
          pending = null;
          last = q;
          render(q, res[0], res[1] && res[1].suggestions, res[2] || {});
        })
        .catch(function (e) {
          if (e && e.name === 'AbortError') return;
          status.textContent = t('unavailable');
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
        if (pop.hidden) open(true);
        select(e.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
      } else if (e.key === 'Enter') {
        if (!pop.hidden && active >= 0) {
          e.preventDefault();
          choose(active);
        }
      } else if (e.key === 'Escape') {
        if (!pop.hidden) {
          e.preventDefault();
          open(false);
        } else input.value = '';
      } else if (e.key === 'Tab' && em.hidden) {
        // with an emergency notice the popup stays, so its phone links can be reached by keyboard
        open(false);
      }
    });
    input.addEventListener('focus', function () {
      if (last && input.value.trim() === last) open(true);
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
