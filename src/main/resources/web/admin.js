// The staff pages work without this script; it only makes an import's progress live and checks a
// file's size before it is uploaded, so that a file over the limit is refused before it is sent.
(function () {
  'use strict';

  function human(n) {
    if (n >= 1073741824) return (n / 1073741824).toFixed(1) + ' GB';
    if (n >= 1048576) return Math.round(n / 1048576) + ' MB';
    return Math.round(n / 1024) + ' KB';
  }

  function checkUploads() {
    var form = document.getElementById('upload');
    if (!form) return;
    var max = Number(form.getAttribute('data-max-bytes'));
    var input = document.getElementById('file');
    var problem = document.getElementById('file-problem');
    form.addEventListener('submit', function (ev) {
      var f = input.files && input.files[0];
      if (f && max && f.size > max) {
        ev.preventDefault();
        problem.textContent = 'This file is ' + human(f.size) + '; the largest file the server accepts is '
          + human(max) + '. Split the archive into smaller zips and upload them one after the other.';
        problem.hidden = false;
        input.focus();
        return;
      }
      problem.hidden = true;
      var button = form.querySelector('button[type=submit]');
      if (button) {
        button.disabled = true;
        button.textContent = 'Uploading…';
      }
    });
  }

  function followProgress() {
    var meta = document.querySelector('meta[name="qarchive-progress"]');
    if (!meta) return;
    var url = meta.getAttribute('content');
    var bar = document.getElementById('progress');
    var text = document.getElementById('progress-text');
    function poll() {
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) {
          if (!r.ok) throw new Error('status ' + r.status);
          return r.json();
        })
        .then(function (p) {
          if (!p.running) {
            window.location.reload();
            return;
          }
          bar.value = p.percent;
          bar.textContent = p.percent + ' %';
          if (text.textContent !== p.text) text.textContent = p.text;
          setTimeout(poll, 1000);
        })
        .catch(function () {
          setTimeout(poll, 3000);
        });
    }
    setTimeout(poll, 1000);
  }

  function start() {
    checkUploads();
    followProgress();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
