package in.picode.kretanote.tenant.control;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import java.util.List;
import java.util.Objects;

/**
 * Checks WebAuthn (passkey) ceremonies with webauthn4j: a registration (attestation "none" or any
 * other format, not trusted further: a passkey here is a second factor, not a device policy) and a
 * sign-in assertion against a stored credential. The challenge, the expected origin and the relying
 * party id come from the caller (the challenge from the user's session, used once); user presence
 * is required, user verification preferred but not required. A sign counter that does not grow
 * (while either side is above zero) means a cloned authenticator and is refused.
 */
public final class PasskeyVerifier {

  /** ES256, EdDSA and RS256: what browsers' platform and roaming authenticators create. */
  public static final List<Long> ALGORITHMS = List.of(-7L, -8L, -257L);

  private static final ObjectConverter CONVERTER = new ObjectConverter();
  private static final WebAuthnManager MANAGER =
      WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);
  private static final AttestedCredentialDataConverter ATTESTED =
      new AttestedCredentialDataConverter(CONVERTER);

  /** Where the ceremony happens: expected origin (scheme://host[:port]) and relying party id. */
  public record Party(String origin, String rpId) {
    public Party {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(rpId, "rpId");
    }
  }

  /** A verified new credential: its id, its public key data (not secret) and state. */
  public record Registered(
      byte[] credentialId,
      byte[] attestedCredentialData,
      long signCount,
      boolean userVerified,
      boolean backupEligible,
      boolean backedUp) {}

  /** What is kept of a credential to check its assertions. */
  public record Stored(
      byte[] credentialId,
      byte[] attestedCredentialData,
      long signCount,
      boolean userVerified,
      boolean backupEligible,
      boolean backedUp) {}

  /** An assertion the browser answered with (all fields as the authenticator produced them). */
  public record Assertion(
      byte[] credentialId,
      byte[] userHandle,
      byte[] authenticatorData,
      byte[] clientDataJson,
      byte[] signature) {}

  /** The ceremony failed; {@code reason} is for the audit log, never shown in detail. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean cloned;

    Refused(String reason, boolean cloned, Throwable cause) {
      super(reason, cause);
      this.cloned = cloned;
    }

    /** The sign counter went backwards or stood still: a copy of the authenticator is in use. */
    public boolean cloned() {
      return cloned;
    }
  }

  private PasskeyVerifier() {}

  public static Registered register(
      byte[] clientDataJson, byte[] attestationObject, byte[] challenge, Party party)
      throws Refused {
    if (clientDataJson == null || attestationObject == null || challenge == null) {
      throw new Refused("incomplete registration response", false, null);
    }
    try {
      RegistrationData data =
          MANAGER.verify(
              new RegistrationRequest(attestationObject, clientDataJson),
              new RegistrationParameters(server(challenge, party), parameters(), false, true));
      AuthenticatorData<?> auth = data.getAttestationObject().getAuthenticatorData();
      AttestedCredentialData attested = auth.getAttestedCredentialData();
      return new Registered(
          attested.getCredentialId(),
          ATTESTED.convert(attested),
          auth.getSignCount(),
          auth.isFlagUV(),
          auth.isFlagBE(),
          auth.isFlagBS());
    } catch (RuntimeException e) { // webauthn4j and Jackson failures, malformed input alike
      throw new Refused("registration refused: " + e.getClass().getSimpleName(), false, e);
    }
  }

  /** Verifies an assertion; answers the new sign counter to store. */
  public static long authenticate(Assertion assertion, Stored stored, byte[] challenge, Party party)
      throws Refused {
    if (assertion.authenticatorData() == null
        || assertion.clientDataJson() == null
        || assertion.signature() == null
        || challenge == null) {
      throw new Refused("incomplete assertion", false, null);
    }
    try {
      CredentialRecordImpl record =
          new CredentialRecordImpl(
              new NoneAttestationStatement(),
              stored.userVerified(),
              stored.backupEligible(),
              stored.backedUp(),
              stored.signCount(),
              ATTESTED.convert(stored.attestedCredentialData()),
              null,
              null,
              null,
              null);
      AuthenticationData data =
          MANAGER.verify(
              new AuthenticationRequest(
                  assertion.credentialId(),
                  assertion.userHandle(),
                  assertion.authenticatorData(),
                  assertion.clientDataJson(),
                  null,
                  assertion.signature()),
              new AuthenticationParameters(
                  server(challenge, party), record, List.of(stored.credentialId()), false, true));
      return data.getAuthenticatorData().getSignCount();
    } catch (MaliciousCounterValueException e) {
      throw new Refused("sign counter did not grow (cloned authenticator?)", true, e);
    } catch (RuntimeException e) { // webauthn4j and Jackson failures, malformed input alike
      throw new Refused("assertion refused: " + e.getClass().getSimpleName(), false, e);
    }
  }

  private static ServerProperty server(byte[] challenge, Party party) {
    return new ServerProperty(
        new Origin(party.origin()), party.rpId(), new DefaultChallenge(challenge));
  }

  private static List<PublicKeyCredentialParameters> parameters() {
    return ALGORITHMS.stream()
        .map(
            a ->
                new PublicKeyCredentialParameters(
                    PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.create(a)))
        .toList();
  }
}
