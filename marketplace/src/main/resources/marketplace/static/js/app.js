// OpenGallery pages: progressive enhancement only; every page works without this file.
(function () {
  'use strict';
  // A button with data-reveal="ID" shows or hides the element ID (a password), swapping its mask and label.
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-reveal]') : null;
    if (!button) {
      return;
    }
    var secret = document.getElementById(button.getAttribute('data-reveal'));
    var mask = document.getElementById(button.getAttribute('data-mask'));
    if (!secret) {
      return;
    }
    var show = secret.hidden;
    secret.hidden = !show;
    if (mask) {
      mask.hidden = show;
    }
    button.textContent = show ? button.getAttribute('data-hide') : button.getAttribute('data-show');
    button.setAttribute('aria-pressed', show ? 'true' : 'false');
  });
}());
