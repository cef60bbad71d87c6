/*
 * Passkeys (WebAuthn) on the sign-in security page and at sign-in's second step. The server puts
 * the ceremony's options (with a one-time challenge kept in the session) into a data attribute;
 * this script asks the browser for the passkey, puts the answer (base64url) into the form's hidden
 * fields and presses the form's hidden button, so the answer travels as a normal Faces postback
 * (view state, CSP nonce). Served as a resource: no inline handlers, nothing the CSP refuses.
 */
window.KretaNotePasskeys = (function () {
  var api = {};

  function toBytes(b64url) {
    var b64 = b64url.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) {
      b64 += '=';
    }
    var raw = window.atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toText(buffer) {
    if (!buffer) {
      return '';
    }
    var bytes = new Uint8Array(buffer);
    var raw = '';
    for (var i = 0; i < bytes.length; i++) {
      raw += String.fromCharCode(bytes[i]);
    }
    return window.btoa(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function field(form, id) {
    return document.getElementById(form + ':' + id);
  }

  function options(form) {
    var holder = document.querySelector('#' + form + ' [data-options]');
    return JSON.parse(holder.getAttribute('data-options'));
  }

  function credentialList(list) {
    return (list || []).map(function (c) {
      return { type: c.type, id: toBytes(c.id) };
    });
  }

  /** The alert box's text {@code name} (data-* from the page's bundle), else the English one. */
  function words(form, name, english) {
    var box = document.querySelector('#' + form + ' [role=alert]');
    return (box && box.getAttribute('data-' + name)) || english;
  }

  function showError(form, text) {
    var box = document.querySelector('#' + form + ' [role=alert]');
    if (box) {
      box.textContent = text;
      box.classList.remove('hidden');
    }
  }

  function supported(form) {
    if (!window.PublicKeyCredential || !navigator.credentials) {
      showError(form, words(form, 'unsupported',
          'This browser cannot use passkeys here (it needs HTTPS or localhost).'));
      return false;
    }
    return true;
  }

  function failed(form, e) {
    var cancelled = e && (e.name === 'NotAllowedError' || e.name === 'AbortError');
    showError(form, cancelled
        ? words(form, 'cancelled', 'The passkey request was cancelled or timed out. Try again.')
        : words(form, 'failed', 'The passkey could not be used:') + ' '
            + (e && e.message ? e.message : e));
  }

  /** Sign-in's second step: the button "Use a passkey" of form {@code form}. */
  api.bindSignIn = function (form) {
    var button = document.getElementById('use-passkey');
    if (!button) {
      return;
    }
    button.addEventListener('click', function () {
      if (!supported(form)) {
        return;
      }
      var o = options(form);
      navigator.credentials.get({ publicKey: {
        challenge: toBytes(o.challenge),
        rpId: o.rpId,
        allowCredentials: credentialList(o.allowCredentials),
        userVerification: o.userVerification,
        timeout: o.timeout
      } }).then(function (credential) {
        var r = credential.response;
        field(form, 'credential-id').value = toText(credential.rawId);
        field(form, 'user-handle').value = toText(r.userHandle);
        field(form, 'authenticator-data').value = toText(r.authenticatorData);
        field(form, 'client-data').value = toText(r.clientDataJSON);
        field(form, 'signature').value = toText(r.signature);
        field(form, 'passkey-submit').click();
      }).catch(function (e) {
        failed(form, e);
      });
    });
  };

  /** The sign-in security page: the button "Add a passkey" of form {@code form}. */
  api.bindRegister = function (form) {
    var button = document.getElementById('add-passkey');
    if (!button) {
      return;
    }
    button.addEventListener('click', function () {
      if (!supported(form)) {
        return;
      }
      var name = field(form, 'passkey-name');
      if (!name.value.trim()) {
        showError(form, 'Give the passkey a name first, such as "Work laptop".');
        name.focus();
        return;
      }
      var o = options(form);
      navigator.credentials.create({ publicKey: {
        challenge: toBytes(o.challenge),
        rp: o.rp,
        user: { id: toBytes(o.user.id), name: o.user.name, displayName: o.user.displayName },
        pubKeyCredParams: o.pubKeyCredParams,
        timeout: o.timeout,
        attestation: o.attestation,
        authenticatorSelection: o.authenticatorSelection,
        excludeCredentials: credentialList(o.excludeCredentials)
      } }).then(function (credential) {
        var r = credential.response;
        field(form, 'client-data').value = toText(r.clientDataJSON);
        field(form, 'attestation').value = toText(r.attestationObject);
        field(form, 'register-passkey').click();
      }).catch(function (e) {
        failed(form, e);
      });
    });
  };

  return api;
})();
