/*
 * The three-pane workplace (inbox list, open conversation, details) and its keyboard shortcuts.
 * Opening a conversation from the list asks the server for the centre and right panes only
 * (p:remoteCommand kretaNoteOpen) and pushes /app/inbox.xhtml?c=<id> onto the history, so back,
 * forward and reload show the same conversation while the list keeps its filters, page and scroll
 * position. On a phone the panes are stacked: the list, or the conversation with a back button.
 * Shortcuts (j/k or arrows, r, e, a, ?) are ignored while the user types in a field.
 */
window.KretaNoteWorkplace = (function () {
  'use strict';
  var api = {};

  function workplace() {
    return document.getElementById('workplace');
  }

  function isInbox() {
    var w = workplace();
    return !!(w && !w.classList.contains('single') && document.getElementById('inbox'));
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('.inbox-row'));
  }

  function openId() {
    var form = document.querySelector('form.conv-form');
    return form ? form.getAttribute('data-conversation') : null;
  }

  function inboxUrl(id) {
    var base = workplace().getAttribute('data-inbox');
    return id ? base + '?c=' + encodeURIComponent(id) : base;
  }

  /** Marks the open conversation's row in the list (after the list or the panes changed). */
  api.marked = function () {
    var id = openId();
    rows().forEach(function (row) {
      var current = id && row.getAttribute('data-conversation') === id;
      row.classList.toggle('current', !!current);
      var link = row.querySelector('a');
      if (link) {
        if (current) {
          link.setAttribute('aria-current', 'true');
        } else {
          link.removeAttribute('aria-current');
        }
      }
    });
  };

  function showConversation(showing) {
    workplace().classList.toggle('showing-conversation', showing);
  }

  /** Opens conversation {@code id} in the centre and right panes; push: add a history entry. */
  api.open = function (id, push) {
    if (!isInbox() || typeof window.kretaNoteOpen !== 'function') {
      window.location.href = inboxUrl(id);
      return;
    }
    api.pushing = push;
    api.started = window.performance ? performance.now() : 0;
    window.kretaNoteOpen([{ name: 'c', value: id || '' }]);
  };

  /** The remote command's oncomplete: the panes are the new conversation's. */
  api.opened = function (xhr, status, args) {
    // PrimeFaces' CSP mode gives each form present at page load a hidden nonce input; the
    // conversation's form arrived later by AJAX, so it gets one now (or its posts are refused).
    // PrimeFaces only counts a form as a Faces form (and gives it the nonce) when the view state is
    // one of its own inputs, which a form that arrived by AJAX may lack: it gets a copy of the
    // page's view state first (every form of the page shares it).
    if (window.PrimeFaces && PrimeFaces.csp && PrimeFaces.csp.NONCE_VALUE) {
      var state = document.querySelector('input[name="' + PrimeFaces.VIEW_STATE + '"]');
      if (state) {
        Array.prototype.forEach.call(document.querySelectorAll('form[method="post"]'), function (f) {
          var own = Array.prototype.some.call(f.children, function (c) {
            return c.name === state.name;
          });
          if (!own) {
            var copy = document.createElement('input');
            copy.type = 'hidden';
            copy.name = state.name;
            copy.value = state.value;
            f.appendChild(copy);
          }
        });
      }
      PrimeFaces.csp.init(PrimeFaces.csp.NONCE_VALUE);
    }
    var id = openId();
    if (api.pushing) {
      window.history.pushState({ c: id }, '', inboxUrl(id));
    }
    api.pushing = false;
    if (window.KretaNoteLive) {
      KretaNoteLive.opened(id);
    }
    showConversation(!!id);
    api.marked();
    api.lastOpenMillis = window.performance ? Math.round(performance.now() - api.started) : -1;
    var row = document.querySelector('.inbox-row.current');
    if (row && row.scrollIntoView && !isPhone()) {
      row.scrollIntoView({ block: 'nearest' });
    }
    var row2 = document.querySelector('.inbox-row.current');
    if (row2) {
      row2.classList.remove('unread');
      var count = row2.querySelector('.count');
      if (count) {
        count.parentNode.removeChild(count);
      }
    }
  };

  function isPhone() {
    return window.matchMedia && window.matchMedia('(max-width: 900px)').matches;
  }

  function move(step) {
    var all = rows();
    if (!all.length) {
      return;
    }
    var id = openId();
    var at = -1;
    all.forEach(function (row, i) {
      if (row.getAttribute('data-conversation') === id) {
        at = i;
      }
    });
    var next = at < 0 ? 0 : Math.min(all.length - 1, Math.max(0, at + step));
    if (next !== at) {
      api.open(all[next].getAttribute('data-conversation'), true);
    }
  }

  function typing(target) {
    if (!target || !target.tagName) {
      return false;
    }
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
  }

  function overlay(show) {
    var o = document.getElementById('shortcuts');
    if (!o) {
      return;
    }
    o.hidden = typeof show === 'boolean' ? !show : !o.hidden;
    if (!o.hidden) {
      var close = o.querySelector('.shortcuts-close');
      if (close) {
        close.focus();
      }
    }
  }

  function press(id) {
    var button = document.getElementById(id);
    if (button && !button.disabled) {
      button.click();
      return true;
    }
    return false;
  }

  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    if (e.key === 'Escape') {
      overlay(false);
      if (typing(e.target)) {
        e.target.blur();
      }
      return;
    }
    if (typing(e.target)) {
      return;
    }
    var handled = true;
    switch (e.key) {
      case '?':
        overlay();
        break;
      case 'j':
      case 'ArrowDown':
        if (isInbox()) {
          move(1);
        } else {
          handled = false;
        }
        break;
      case 'k':
      case 'ArrowUp':
        if (isInbox()) {
          move(-1);
        } else {
          handled = false;
        }
        break;
      case 'r':
        var reply = document.getElementById('conv:reply') || document.getElementById('conv:templateValues');
        if (reply) {
          reply.focus();
        } else {
          handled = false;
        }
        break;
      case 'e':
        handled = press('conv:close');
        break;
      case 'a':
        handled = press('conv:assignMe');
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
    }
  }

  function onClick(e) {
    var link = e.target.closest ? e.target.closest('a.open-conversation') : null;
    if (link && isInbox() && e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      api.open(link.closest('.inbox-row').getAttribute('data-conversation'), true);
      return;
    }
    var back = e.target.closest ? e.target.closest('a.back-to-list') : null;
    if (back && isInbox()) {
      e.preventDefault();
      if (window.history.state && window.history.state.c) {
        window.history.pushState({ c: null }, '', inboxUrl(null));
      }
      showConversation(false);
      return;
    }
    var details = e.target.closest ? e.target.closest('a.show-details') : null;
    if (details) {
      e.preventDefault();
      var pane = document.getElementById('details');
      if (pane) {
        workplace().classList.toggle('showing-details');
        pane.scrollIntoView({ block: 'start' });
      }
      return;
    }
    if (e.target.closest && e.target.closest('.shortcuts-open')) {
      overlay(true);
    } else if (e.target.closest && e.target.closest('.shortcuts-close')) {
      overlay(false);
    } else if (e.target.id === 'shortcuts') {
      overlay(false);
    }
  }

  function onPop(e) {
    if (!isInbox()) {
      return;
    }
    var id = new URLSearchParams(window.location.search).get('c');
    if ((id || null) === (openId() || null)) {
      showConversation(!!id);
      return;
    }
    api.open(id, false);
  }

  document.addEventListener('keydown', onKey);
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', onPop);
  document.addEventListener('DOMContentLoaded', function () {
    if (isInbox()) {
      window.history.replaceState({ c: openId() }, '', window.location.href);
      api.marked();
      var current = document.querySelector('.inbox-row.current');
      if (current && current.scrollIntoView) {
        current.scrollIntoView({ block: 'nearest' });
      }
    }
  });
  return api;
})();
