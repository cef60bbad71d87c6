package in.picode.kretanote.tenant.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A software passkey for tests (no browser): an ES256 key pair with a sign counter, answering
 * registration and sign-in ceremonies as an authenticator and browser would, for any origin and
 * relying party id (so tests can also lie about them). Attestation format "none".
 */
public final class SoftAuthenticator {

  private static final ObjectConverter CONVERTER = new ObjectConverter();

  private final KeyPair keys;
  private final byte[] credentialId = new byte[16];
  private long counter;

  /** What the browser sends after {@code navigator.credentials.create}. */
  public record Attestation(byte[] clientDataJson, byte[] attestationObject) {}

  public SoftAuthenticator() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    new SecureRandom().nextBytes(credentialId);
  }

  public byte[] credentialId() {
    return credentialId.clone();
  }

  public String credentialIdBase64Url() {
    return b64(credentialId);
  }

  /** Sets the counter the next assertion starts from (a clone holds an older one). */
  public void counter(long value) {
    counter = value;
  }

  public Attestation register(byte[] challenge, String origin, String rpId) {
    byte[] clientData = clientData("webauthn.create", challenge, origin);
    AttestedCredentialData attested =
        new AttestedCredentialData(
            AAGUID.ZERO,
            credentialId,
            EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
    byte flags =
        (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT);
    AuthenticatorData<
            com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput>
        data = new AuthenticatorData<>(sha256(rpId.getBytes(UTF_8)), flags, counter, attested);
    byte[] object =
        new AttestationObjectConverter(CONVERTER)
            .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
    return new Attestation(clientData, object);
  }

  /** An assertion; the counter grows by one first, as a real authenticator's does. */
  public PasskeyVerifier.Assertion sign(byte[] challenge, String origin, String rpId) {
    counter++;
    byte[] clientData = clientData("webauthn.get", challenge, origin);
    byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV);
    byte[] authData =
        new AuthenticatorDataConverter(CONVERTER)
            .convert(new AuthenticatorData<>(sha256(rpId.getBytes(UTF_8)), flags, counter));
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate());
      signer.update(authData);
      signer.update(sha256(clientData));
      return new PasskeyVerifier.Assertion(
          credentialId.clone(), null, authData, clientData, signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] clientData(String type, byte[] challenge, String origin) {
    return ("{\"type\":\""
            + type
            + "\",\"challenge\":\""
            + b64(challenge)
            + "\",\"origin\":\""
            + origin
            + "\",\"crossOrigin\":false}")
        .getBytes(UTF_8);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
