// The menu button of narrow screens (a disclosure: aria-expanded on the button, the menu it
// controls shown or hidden). Loaded in <head>: the "js" class is set before the page is drawn,
// so the menu folds behind its button only when this script runs; without it the menu is open.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function wire() {
    var button = document.querySelector('.menu-toggle[aria-controls]');
    if (!button) { return; }
    var menu = document.getElementById(button.getAttribute('aria-controls'));
    if (!menu) { return; }

    function set(open) {
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      menu.classList.toggle('open', open);
    }

    button.addEventListener('click', function () {
      set(button.getAttribute('aria-expanded') !== 'true');
    });
    // Escape closes the open menu and gives the focus back to its button.
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
        set(false);
        button.focus();
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', wire);
  } else {
    wire();
  }
}());
