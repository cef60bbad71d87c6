/*
 * The bell's browser notifications: after each poll the unread count is compared with the last
 * one, and when it rose and the agent allowed notifications in this browser, the newest title is
 * shown as a system notification. Nothing is shown before the agent asks for it (the link in the
 * panel), as browsers require.
 */
window.kretaBell = (function () {
  var last = null;

  function count() {
    return document.querySelector('.bell-count');
  }

  function check() {
    var e = count();
    if (!e) {
      return;
    }
    var n = parseInt(e.getAttribute('data-unread') || '0', 10);
    if (last !== null && n > last && 'Notification' in window
        && Notification.permission === 'granted') {
      try {
        new Notification('KretaNote', { body: e.getAttribute('data-title') || n + ' unread' });
      } catch (x) {
        // Some browsers only notify from a service worker: the count in the header stays.
      }
    }
    last = n;
  }

  function ask() {
    if ('Notification' in window && Notification.permission === 'default') {
      Notification.requestPermission();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    check();
    var link = document.querySelector('.bell-browser');
    if (link) {
      link.addEventListener('click', function (ev) {
        ev.preventDefault();
        ask();
      });
    }
  });

  return { check: check, ask: ask };
})();
