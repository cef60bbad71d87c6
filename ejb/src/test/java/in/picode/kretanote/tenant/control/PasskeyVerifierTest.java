package in.picode.kretanote.tenant.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.tenant.control.PasskeyVerifier.Party;
import in.picode.kretanote.tenant.control.PasskeyVerifier.Refused;
import in.picode.kretanote.tenant.control.PasskeyVerifier.Registered;
import in.picode.kretanote.tenant.control.PasskeyVerifier.Stored;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasskeyVerifierTest {

  static final Party PARTY = new Party("https://app.kretanote.test", "app.kretanote.test");

  static byte[] challenge() {
    byte[] c = new byte[32];
    new SecureRandom().nextBytes(c);
    return c;
  }

  static Stored stored(Registered r, long counter) {
    return new Stored(
        r.credentialId(),
        r.attestedCredentialData(),
        counter,
        r.userVerified(),
        r.backupEligible(),
        r.backedUp());
  }

  Registered registered(SoftAuthenticator key) throws Refused {
    byte[] challenge = challenge();
    var att = key.register(challenge, PARTY.origin(), PARTY.rpId());
    return PasskeyVerifier.register(
        att.clientDataJson(), att.attestationObject(), challenge, PARTY);
  }

  @Test
  void aRegisteredPasskeySignsInAndItsCounterGrows() throws Refused {
    SoftAuthenticator key = new SoftAuthenticator();
    Registered r = registered(key);
    assertThat(r.credentialId()).isEqualTo(key.credentialId());
    assertThat(r.userVerified()).isTrue();

    byte[] challenge = challenge();
    long counter =
        PasskeyVerifier.authenticate(
            key.sign(challenge, PARTY.origin(), PARTY.rpId()), stored(r, 0), challenge, PARTY);
    assertThat(counter).isEqualTo(1);
    byte[] next = challenge();
    assertThat(
            PasskeyVerifier.authenticate(
                key.sign(next, PARTY.origin(), PARTY.rpId()), stored(r, counter), next, PARTY))
        .isEqualTo(2);
  }

  @Test
  void registrationForAnotherChallengeOriginOrRelyingPartyIsRefused() {
    SoftAuthenticator key = new SoftAuthenticator();
    byte[] challenge = challenge();
    var att = key.register(challenge, PARTY.origin(), PARTY.rpId());
    assertThatThrownBy(
            () ->
                PasskeyVerifier.register(
                    att.clientDataJson(), att.attestationObject(), challenge(), PARTY))
        .isInstanceOf(Refused.class);
    var evil = key.register(challenge, "https://evil.test", PARTY.rpId());
    assertThatThrownBy(
            () ->
                PasskeyVerifier.register(
                    evil.clientDataJson(), evil.attestationObject(), challenge, PARTY))
        .isInstanceOf(Refused.class);
    var otherRp = key.register(challenge, PARTY.origin(), "evil.test");
    assertThatThrownBy(
            () ->
                PasskeyVerifier.register(
                    otherRp.clientDataJson(), otherRp.attestationObject(), challenge, PARTY))
        .isInstanceOf(Refused.class);
    assertThatThrownBy(
            () -> PasskeyVerifier.register(new byte[] {1}, new byte[] {2}, challenge, PARTY))
        .isInstanceOf(Refused.class);
  }

  @Test
  void anAssertionForAnotherChallengeOriginOrKeyIsRefused() throws Refused {
    SoftAuthenticator key = new SoftAuthenticator();
    Registered r = registered(key);
    byte[] challenge = challenge();
    var replayed = key.sign(challenge, PARTY.origin(), PARTY.rpId());
    assertThatThrownBy(
            () -> PasskeyVerifier.authenticate(replayed, stored(r, 0), challenge(), PARTY))
        .as("another challenge (a replay)")
        .isInstanceOf(Refused.class);
    var wrongOrigin = key.sign(challenge, "https://evil.test", PARTY.rpId());
    assertThatThrownBy(
            () -> PasskeyVerifier.authenticate(wrongOrigin, stored(r, 0), challenge, PARTY))
        .as("another origin")
        .isInstanceOf(Refused.class);
    SoftAuthenticator other = new SoftAuthenticator();
    var foreign = other.sign(challenge, PARTY.origin(), PARTY.rpId());
    assertThatThrownBy(() -> PasskeyVerifier.authenticate(foreign, stored(r, 0), challenge, PARTY))
        .as("another authenticator's key")
        .isInstanceOf(Refused.class);
  }

  @Test
  void aClonedAuthenticatorWithALowerCounterIsRefusedAsSuch() throws Refused {
    SoftAuthenticator key = new SoftAuthenticator();
    Registered r = registered(key);
    key.counter(4);
    byte[] challenge = challenge();
    var clone = key.sign(challenge, PARTY.origin(), PARTY.rpId());
    assertThatThrownBy(() -> PasskeyVerifier.authenticate(clone, stored(r, 9), challenge, PARTY))
        .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.cloned()).isTrue());
  }
}
