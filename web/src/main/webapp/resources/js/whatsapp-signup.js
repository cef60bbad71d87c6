/*
 * Meta's Embedded Signup on the WhatsApp settings page. Loads Meta's JavaScript SDK (with the
 * page's CSP nonce), opens FB.login with our configuration id asking for a code, listens for the
 * WA_EMBEDDED_SIGNUP session-info message (WABA id, phone number id, business id), and hands code
 * and ids to the server through the page's hidden Faces form. The code is useless without the app
 * secret, which only the server has; it is sent once and never shown.
 */
(function () {
  'use strict';
  var root = document.getElementById('wa-signup');
  if (!root) {
    return;
  }
  var status = document.getElementById('wa-signup-status');
  var nonce = document.currentScript ? document.currentScript.nonce : '';
  var session = null;
  var sdkReady = false;

  function say(text) {
    status.textContent = text;
  }

  function field(name) {
    return document.getElementById('signup:' + name);
  }

  window.addEventListener('message', function (event) {
    if (!/^https:\/\/([a-z0-9-]+\.)*facebook\.com$/.test(event.origin)) {
      return;
    }
    var data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (!data || data.type !== 'WA_EMBEDDED_SIGNUP') {
      return;
    }
    if (data.event === 'CANCEL') {
      say('You left Meta\'s window at step "' + (data.data && data.data.current_step || '?')
          + '". Nothing was connected; click Connect WhatsApp to start again.');
    } else if (data.event === 'ERROR') {
      say('Meta reported a problem: ' + (data.data && data.data.error_message || 'unknown') + '.');
    } else if (data.data && data.data.phone_number_id && data.data.waba_id) {
      session = data.data;
    }
  });

  function submit(code, tries) {
    if (!session && tries > 0) {
      // The session-info message can arrive just after the login callback.
      setTimeout(function () { submit(code, tries - 1); }, 250);
      return;
    }
    if (!session) {
      say('Meta did not say which number you chose. Finish every step in Meta\'s window.');
      return;
    }
    field('code').value = code;
    field('wabaId').value = session.waba_id;
    field('phoneNumberId').value = session.phone_number_id;
    field('businessId').value = session.business_id || '';
    say('Connecting your number…');
    field('complete').click();
  }

  function start() {
    if (!sdkReady) {
      say('Meta\'s window is still loading; try again in a moment.');
      return;
    }
    session = null;
    say('Follow the steps in Meta\'s window.');
    window.FB.login(function (response) {
      if (response && response.authResponse && response.authResponse.code) {
        submit(response.authResponse.code, 20);
      } else {
        say('Meta\'s window was closed before it finished. Nothing was connected.');
      }
    }, {
      config_id: root.dataset.configId,
      response_type: 'code',
      override_default_response_type: true,
      extras: { setup: {}, sessionInfoVersion: '3' }
    });
  }

  window.fbAsyncInit = function () {
    window.FB.init({
      appId: root.dataset.appId,
      autoLogAppEvents: true,
      xfbml: false,
      version: root.dataset.graphVersion
    });
    sdkReady = true;
  };

  var sdk = document.createElement('script');
  sdk.src = 'https://connect.facebook.net/en_US/sdk.js';
  sdk.async = true;
  sdk.defer = true;
  sdk.crossOrigin = 'anonymous';
  if (nonce) {
    sdk.nonce = nonce;
  }
  document.head.appendChild(sdk);

  document.querySelectorAll('.wa-connect').forEach(function (button) {
    button.addEventListener('click', start);
  });
})();
