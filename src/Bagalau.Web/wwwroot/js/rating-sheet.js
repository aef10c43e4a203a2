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
    capped: form.querySelector('[data-live="capped"]')
  };
  var pending = null;
  var sequence = 0;

  function fixed(value) { return Number(value).toFixed(2); }

  function show(result) {
    out.average.textContent = fixed(result.average);
    out.score.textContent = fixed(result.score);
    out.grade.textContent = result.gradeTitle + (result.clause ? ' (' + result.clause + ')' : '');
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

  form.addEventListener('input', function (event) {
    if (!event.target.hasAttribute('data-score')) { return; }
    if (pending) { clearTimeout(pending); }
    pending = setTimeout(preview, 250);
  });
  preview();
}());
