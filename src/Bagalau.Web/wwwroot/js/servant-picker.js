// The servant picker: an <input> inside [data-servant-picker] asks the body's picker endpoint
// (at most 20 servants by folded name) as the user types, shows the answers in a list and, on a
// choice, puts the servant's id in the hidden field beside it. Without this script the text
// field is posted as typed and the server resolves it by full name (or says why it cannot).
(function () {
  'use strict';

  function picker(root) {
    var input = root.querySelector('input[type="text"]');
    var hidden = root.querySelector('input[data-picker-id]');
    var list = root.querySelector('ul');
    var url = root.getAttribute('data-url');
    var none = root.getAttribute('data-none') || '';
    var timer = null;
    var sequence = 0;
    var active = -1;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      active = -1;
    }

    function options() { return Array.prototype.slice.call(list.querySelectorAll('li[role="option"]')); }

    function mark(index) {
      var all = options();
      all.forEach(function (li, i) { li.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
      active = index;
      if (all[index]) { all[index].scrollIntoView({ block: 'nearest' }); }
    }

    function choose(li) {
      input.value = li.getAttribute('data-name');
      hidden.value = li.getAttribute('data-id');
      close();
    }

    function show(servants) {
      list.textContent = '';
      if (servants.length === 0) {
        var empty = document.createElement('li');
        empty.className = 'muted';
        empty.textContent = none;
        list.appendChild(empty);
      }
      servants.forEach(function (s) {
        var li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.setAttribute('data-id', s.id);
        li.setAttribute('data-name', s.name);
        li.textContent = s.name;
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(li); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    }

    function ask() {
      var mine = ++sequence;
      var address = url + (url.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(input.value);
      fetch(address, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (servants) { if (mine === sequence) { show(servants); } })
        .catch(function () { /* the typed name is still posted */ });
    }

    input.addEventListener('input', function () {
      hidden.value = '';
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener('focus', function () { if (!hidden.value && input.value === '') { ask(); } });
    input.addEventListener('blur', function () { setTimeout(close, 100); });
    input.addEventListener('keydown', function (e) {
      var all = options();
      if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) { ask(); } else { mark(Math.min(active + 1, all.length - 1)); } }
      else if (e.key === 'ArrowUp') { e.preventDefault(); mark(Math.max(active - 1, 0)); }
      else if (e.key === 'Enter' && !list.hidden && all[active]) { e.preventDefault(); choose(all[active]); }
      else if (e.key === 'Escape') { close(); }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-servant-picker]'), picker);
})();
