/*
 * The conversation page's compose box, without any library or CDN: the emoji panel inserts the
 * chosen emoji at the caret of the reply box (replacing a selection), and a file over the largest
 * size WhatsApp takes is refused in the browser before a long upload. Handlers sit on the document
 * because Faces replaces the form's markup after every send.
 */
(function () {
  'use strict';
  var LARGEST = 100 * 1024 * 1024;

  function reply() {
    return document.getElementById('conv:reply');
  }

  function panel() {
    return document.getElementById('emojiPanel');
  }

  function show(open) {
    var p = panel();
    var toggle = document.getElementById('emojiToggle');
    if (!p || !toggle) {
      return;
    }
    p.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  }

  function insert(text) {
    var box = reply();
    if (!box) {
      return;
    }
    var start = typeof box.selectionStart === 'number' ? box.selectionStart : box.value.length;
    var end = typeof box.selectionEnd === 'number' ? box.selectionEnd : start;
    box.value = box.value.slice(0, start) + text + box.value.slice(end);
    var caret = start + text.length;
    box.focus();
    box.setSelectionRange(caret, caret);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) {
      return;
    }
    if (target.closest('#emojiToggle')) {
      event.preventDefault();
      show(panel() && panel().hidden);
      return;
    }
    var emoji = target.closest('[data-emoji]');
    if (emoji) {
      event.preventDefault();
      insert(emoji.getAttribute('data-emoji'));
      show(false);
      return;
    }
    if (!target.closest('#emojiPanel')) {
      show(false);
    }
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      show(false);
    }
  });

  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files) {
      return;
    }
    var file = input.files[0];
    if (file && file.size > LARGEST) {
      window.alert(
        file.name + ' has more than 100 MB; WhatsApp takes documents of at most 100 MB, ' +
          'images of 5 MB, audio and video of 16 MB.');
      input.value = '';
    }
  });

  // PrimeFaces' simple file upload marks its visible, focusable input aria-hidden, which hides it
  // from screen readers; the input is the control here, so it is announced (with its label).
  function announceFileInputs() {
    document.querySelectorAll('#conv input[type=file][aria-hidden]').forEach(function (input) {
      input.removeAttribute('aria-hidden');
    });
  }
  document.addEventListener('DOMContentLoaded', announceFileInputs);
  if (window.jQuery) {
    window.jQuery(document).on('pfAjaxComplete', announceFileInputs);
  }
})();
