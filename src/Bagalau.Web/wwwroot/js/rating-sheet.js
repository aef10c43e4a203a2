// The live rating sheet: as the evaluator types, ask the preview endpoint (the engine decides,
// nothing is saved) and show the average, the capped score and the grade. The form submits
// without this script.
(function () {
  'use strict';
  var form = document.querySelector('form[data-preview-url]');
  if (!form) { return; }
  var inputs = Array.prototype.slice.call(form.querySelectorAll('input[data-score]'));
  var hint = form.querySelector('[data-live-hint]');
  var out = {
    average: form.querySelector('[data-live="average"]'),
    score: form.querySelector('[data-live="score"]'),
    grade: form.querySelector('[data-live="grade"]'),
    capped: form.querySelector('[data-live="capped"]'),
    summary: form.querySelector('[data-live-summary]')
  };
  var pending = null;
  var sequence = 0;

  function fixed(value) { return Number(value).toFixed(2); }

  function show(result) {
    out.average.textContent = fixed(result.average);
    out.score.textContent = fixed(result.score);
    out.grade.textContent = result.gradeTitle + (result.clause ? ' (' + result.clause + ')' : '');
    // The folded card's one line: the final score and the grade.
    if (out.summary) { out.summary.textContent = fixed(result.score) + ' · ' + result.gradeTitle; }
    if (result.cappedBy) {
      // The sanction's name in the reader's language, its date, the cap and the clause (never the id).
      out.capped.textContent = out.capped.getAttribute('data-capped-text') + ': ' + (result.capReason || '');
      out.capped.hidden = false;
    } else {
      out.capped.hidden = true;
    }
  }

  function clear(message) {
    out.average.textContent = '—';
    out.score.textContent = '—';
    out.grade.textContent = '—';
    if (out.summary) { out.summary.textContent = '—'; }
    out.capped.hidden = true;
    if (message) { hint.textContent = message; }
  }

  function preview() {
    var scores = [];
    for (var i = 0; i < inputs.length; i++) {
      var text = inputs[i].value.trim().replace(',', '.');
      if (text === '') { clear(hint.getAttribute('data-incomplete')); return; }
      scores.push({ parameterId: inputs[i].getAttribute('data-score'), score: Number(text) });
    }
    var mine = ++sequence;
    fetch(form.getAttribute('data-preview-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Accept-Language': document.documentElement.lang || 'kk' },
      body: JSON.stringify({ scores: scores })
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (answer) {
      if (mine !== sequence) { return; }
      if (answer.ok) { hint.textContent = ''; show(answer.body); } else { clear(answer.body.title || ''); }
    }).catch(function () { /* offline: the submit still works */ });
  }

  // A field that gets the focus is brought wholly into view, and clear of the result card where
  // that one is sticky (wide screens): the browser leaves a half-visible field where it is.
  form.addEventListener('focusin', function (event) {
    var field = event.target;
    if (!field.matches('input, textarea, select')) { return; }
    var rect = field.getBoundingClientRect();
    var bottom = window.innerHeight;
    var card = form.querySelector('.live-result');
    if (card && window.getComputedStyle(card).position === 'sticky') {
      bottom = Math.min(bottom, card.getBoundingClientRect().top);
    }
    if (rect.top < 0 || rect.bottom > bottom) {
      field.scrollIntoView({ block: 'nearest' });
    }
  });

  form.addEventListener('input', function (event) {
    if (!event.target.hasAttribute('data-score')) { return; }
    if (pending) { clearTimeout(pending); }
    pending = setTimeout(preview, 250);
  });
  preview();
}());
