/*
 * Every dashboard page: the navigation drawer on small screens (the menu button opens it, a tap
 * outside or Escape closes it) and, for a user without a time zone, the browser's zone stored once
 * (p:remoteCommand kretaNoteStoreZone, rendered only while the user has none). An action whose
 * request the server refused (4xx/5xx: too large, expired, not allowed) says so at the top of the
 * page instead of silently doing nothing (the words come from the body's data-ajax-failed). A date
 * range typed with a hyphen is read as the range picker writes it, and a date picker removed by an
 * Ajax update is destroyed without an error.
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

  /*
   * A date range typed into a range picker: its script splits the field at the separator (an en
   * dash on our pages, as ISO dates are full of hyphens) and empties a field it cannot read. A
   * hyphen between spaces (what a keyboard types), an em dash or a dash without spaces becomes the
   * picker's separator before the picker reads the field: this listens in the capture phase, so it
   * runs before the picker's own input handler. The server does the same (platform.view.DateRanges).
   */
  var TYPED_SEPARATOR = /\s+[-\u2010-\u2015]\s+|\s*[\u2013\u2014]\s*/;

  document.addEventListener('input', function (e) {
    var input = e.target;
    if (!input || !input.id || !/_input$/.test(input.id) || !window.PrimeFaces) {
      return;
    }
    var picker = window.PrimeFaces.getWidgetById(input.id.slice(0, -'_input'.length));
    if (!picker || !picker.cfg || picker.cfg.selectionMode !== 'range') {
      return;
    }
    var typed = input.value;
    var m = TYPED_SEPARATOR.exec(typed.trim());
    if (!m || m.index === 0 || m.index + m[0].length === typed.trim().length) {
      return;
    }
    var text = typed.trim();
    var normal = text.slice(0, m.index) + ' ' + (picker.cfg.rangeSeparator || '-') + ' '
        + text.slice(m.index + m[0].length);
    if (normal !== typed) {
      var fromEnd = typed.length - (input.selectionEnd == null ? typed.length : input.selectionEnd);
      input.value = normal;
      var at = Math.max(0, normal.length - fromEnd);
      try {
        input.setSelectionRange(at, at);
      } catch (notATextField) {
        // nothing to place
      }
    }
  }, true);

  /*
   * PrimeFaces' DatePicker.destroy() (14, unchanged in 15) begins with this.jq.datePicker(). When an
   * Ajax update removed the picker's element, jQuery UI has already torn its inner picker down with
   * it, so that call builds a new one on the detached element (which queues a task for 1 ms later)
   * and destroy() then nulls all of its fields: the task throws "Cannot read properties of null
   * (reading '0')" in datepicker.js. It happens whenever an update removes a picker, e.g. the
   * snooze picker when the open conversation is resolved or a resolved one is opened beside the
   * inbox. With the inner picker gone, only what is left is done: the calendar panel appended to
   * the body is removed and the base widget destroyed.
   */
  function guardDatePicker(DatePicker) {
    if (!DatePicker || !DatePicker.prototype || DatePicker.prototype.kretaNoteGuarded) {
      return;
    }
    var destroy = DatePicker.prototype.destroy;
    DatePicker.prototype.destroy = function () {
      if (this.jq && this.jq.data('primeDatePicker')) {
        return destroy.apply(this, arguments);
      }
      if (this.panel && this.cfg.appendTo) {
        PrimeFaces.utils.removeDynamicOverlay(this, null, this.id + '_panel',
            PrimeFaces.utils.resolveDynamicOverlayContainer(this));
      }
      if (this.cfg.mask && this.input && this.input.inputmask) {
        this.input.inputmask('remove');
        this.input.off();
      }
      return Object.getPrototypeOf(DatePicker.prototype).destroy.apply(this, arguments);
    };
    DatePicker.prototype.kretaNoteGuarded = true;
  }

  /** Guards the DatePicker class now, or when PrimeFaces loads it (an Ajax update may bring it). */
  function watchDatePicker() {
    var widgets = window.PrimeFaces && window.PrimeFaces.widget;
    if (!widgets) {
      return;
    }
    if (widgets.DatePicker) {
      guardDatePicker(widgets.DatePicker);
      return;
    }
    var loaded;
    try {
      Object.defineProperty(widgets, 'DatePicker', {
        configurable: true,
        enumerable: true,
        get: function () {
          return loaded;
        },
        set: function (value) {
          loaded = value;
          guardDatePicker(value);
        }
      });
    } catch (notConfigurable) {
      // left as PrimeFaces made it
    }
  }

  watchDatePicker();

  /*
   * A date picker's calendar button (showIcon) carries the hidden text "ui-button" (PrimeFaces 14),
   * which is not what it does, and axe finds its visible and spoken names disagree
   * (label-content-name-mismatch). Its text and label become the calendar's own name ("Choose
   * Date" in the page's language, from the panel it opens), on every button a page or an Ajax
   * update adds.
   */
  function nameCalendarButtons(root) {
    if (!root || !root.querySelectorAll) {
      return;
    }
    var buttons = root.matches && root.matches('.ui-datepicker-trigger')
      ? [root] : root.querySelectorAll('.ui-datepicker-trigger');
    Array.prototype.forEach.call(buttons, function (button) {
      var text = button.querySelector('.ui-button-text');
      var panel = document.getElementById(button.getAttribute('aria-controls') || '');
      var name = button.getAttribute('aria-label') || button.getAttribute('title')
        || (panel && panel.getAttribute('aria-label'))
        || (window.PrimeFaces && window.PrimeFaces.getLocaleLabel
          && window.PrimeFaces.getLocaleLabel('chooseDate'));
      if (text && name && text.textContent !== name) {
        text.textContent = name;
        button.setAttribute('aria-label', name);
      }
    });
  }

  if (window.MutationObserver) {
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        Array.prototype.forEach.call(change.addedNodes, nameCalendarButtons);
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  document.addEventListener('DOMContentLoaded', function () {
    watchDatePicker();
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
