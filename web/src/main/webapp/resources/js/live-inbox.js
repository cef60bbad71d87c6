/*
 * The live inbox: the server pushes the ids of conversations that got a message or a status
 * (f:websocket, channel "inbox", this tenant only) and the page refreshes the part it shows
 * through the same action as its 5-s poll, at most once per 150 ms: the list (watch) on any
 * change, the open conversation (watchConversation) only for its own id; "*" means any.
 */
window.KretaNoteLive = (function () {
  var api = { received: 0, refreshed: 0 };
  var list = null;
  var open = { refresh: null, id: null };
  var pending = {};

  function later(key, fn) {
    if (pending[key]) {
      return;
    }
    pending[key] = window.setTimeout(function () {
      pending[key] = null;
      api.refreshed++;
      fn();
    }, 150);
  }

  /** With an id: as watchConversation (older pages call it so). */
  api.watch = function (fn, conversationId) {
    if (conversationId) {
      api.watchConversation(fn, conversationId);
    } else {
      list = fn;
    }
  };

  api.watchConversation = function (fn, conversationId) {
    open.refresh = fn;
    open.id = conversationId ? String(conversationId) : null;
  };

  /** The inbox opened another conversation (or none). */
  api.opened = function (conversationId) {
    open.id = conversationId ? String(conversationId) : null;
  };

  api.changed = function (message) {
    api.received++;
    var ids = String(message);
    if (list) {
      later('list', list);
    }
    if (open.refresh && open.id && (ids === '*' || ids.split(',').indexOf(open.id) >= 0)) {
      later('conversation', open.refresh);
    }
  };

  return api;
})();
