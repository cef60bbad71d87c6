/*
 * Every dashboard page: the navigation drawer on small screens (the menu button opens it, a tap
 * outside or Escape closes it) and, for a user without a time zone, the browser's zone stored once
 * (p:remoteCommand kretaNoteStoreZone, rendered only while the user has none). An action whose
 * request the server refused (4xx/5xx: too large, expired, not allowed) says so at the top of the
 * page instead of silently doing nothing (the words come from the body's data-ajax-failed).
 */
(function () {
  'use strict';

  function drawer(open) {
    var toggle = document.getElementById('navToggle');
    document.body.classList.toggle('nav-open', open);
    if (toggle) {
      toggle.setAttribute('aria-expanded', String(open));
    }
  }

  document.addEventListener('click', function (e) {
    if (!e.target.closest) {
      return;
    }
    if (e.target.closest('#navToggle')) {
      drawer(!document.body.classList.contains('nav-open'));
    } else if (e.target.closest('#navScrim')) {
      drawer(false);
    }
  });

  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && document.body.classList.contains('nav-open')) {
      drawer(false);
    }
  });

  function ajaxFailed(status) {
    var main = document.getElementById('main');
    var words = document.body.getAttribute('data-ajax-failed');
    if (!main || !words) {
      return;
    }
    var box = document.getElementById('ajaxFailed');
    if (!box) {
      box = document.createElement('div');
      box.id = 'ajaxFailed';
      box.className = 'ajax-failed';
      box.setAttribute('role', 'alert');
      main.insertBefore(box, main.firstChild);
    }
    box.textContent = words + (status ? ' (HTTP ' + status + ')' : '');
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (window.jQuery) {
      window.jQuery(document).on('pfAjaxError', function (e, xhr) {
        if (xhr && xhr.status >= 400) {
          ajaxFailed(xhr.status);
        }
      });
    }
    var here = window.location.pathname;
    document.querySelectorAll('.sidebar a').forEach(function (a) {
      var path = a.getAttribute('href') ? a.getAttribute('href').split('?')[0] : '';
      var inboxFamily = here.endsWith('/app/conversation.xhtml') && path.endsWith('/app/inbox.xhtml');
      if (path === here || inboxFamily) {
        a.classList.add('active');
        a.setAttribute('aria-current', 'page');
      }
    });
    if (typeof window.kretaNoteStoreZone === 'function' && window.Intl) {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone) {
        window.kretaNoteStoreZone([{ name: 'zone', value: zone }]);
      }
    }
  });
})();
