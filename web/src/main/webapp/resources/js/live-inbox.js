/*
 * The live inbox: the server pushes the ids of conversations that got a message or a status
 * (f:websocket, channel "inbox", this tenant only) and the page refreshes the part it shows
 * through the same action as its 5-s poll, at most once per 150 ms. A conversation page refreshes
 * only for its own conversation; "*" means any.
 */
window.KretaNoteLive = (function () {
  var api = { received: 0, refreshed: 0 };
  var refresh = null;
  var conversation = null;
  var pending = null;

  api.watch = function (fn, conversationId) {
    refresh = fn;
    conversation = conversationId ? String(conversationId) : null;
  };

  api.changed = function (message) {
    api.received++;
    var ids = String(message);
    if (!refresh || (conversation && ids !== '*' && ids.split(',').indexOf(conversation) < 0)) {
      return;
    }
    if (pending) {
      return;
    }
    pending = window.setTimeout(function () {
      pending = null;
      api.refreshed++;
      refresh();
    }, 150);
  };

  return api;
})();
