/*
 * The inbox's alerts: the count of conversations that moved since the agent last looked goes into
 * the browser tab's title, and, when the agent turned the sound on (remembered in this browser), a
 * short tone plays as new activity arrives. The tone is synthesised (no audio file to fetch) and
 * the browser may keep it silent until the page had a click, which turning the sound on is.
 */
window.KretaNoteInbox = (function () {
  var KEY = 'kretanote.inbox.sound';
  var api = { beeps: 0 };

  function soundOn() {
    try {
      return window.localStorage.getItem(KEY) === 'on';
    } catch (e) {
      return false;
    }
  }

  function tone() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) {
      return;
    }
    try {
      var ctx = new Context();
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.08;
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.onended = function () { ctx.close(); };
      osc.start();
      osc.stop(ctx.currentTime + 0.15);
    } catch (e) {
      // No audio device: the title still says it.
    }
  }

  api.bindToggle = function (id) {
    var box = document.getElementById(id);
    if (!box) {
      return;
    }
    box.checked = soundOn();
    box.addEventListener('change', function () {
      try {
        window.localStorage.setItem(KEY, box.checked ? 'on' : 'off');
      } catch (e) {
        box.checked = false;
      }
    });
  };

  /* total: conversations moved since the agent last looked; arrived: of which since the last poll. */
  api.update = function (total, arrived) {
    document.title = (total > 0 ? '(' + total + ') ' : '') + 'Inbox · KretaNote';
    if (arrived > 0 && soundOn()) {
      api.beeps++;
      tone();
    }
  };

  return api;
})();
