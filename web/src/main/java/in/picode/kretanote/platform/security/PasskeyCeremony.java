package in.picode.kretanote.platform.security;

import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.tenant.boundary.Passkeys;
import in.picode.kretanote.tenant.boundary.RelyingParty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's half of a passkey (WebAuthn) ceremony: a random challenge kept in the session, taken
 * out again when the answer comes back (so it works once, and for five minutes at most), and the
 * origin and relying party id the answer must name. Both come from configuration ({@code
 * kretanote.security.webauthn.origin}, {@code kretanote.security.webauthn.rp-id}); unset, they are
 * the request's own host, which fits the sandbox and a single host name.
 */
@ApplicationScoped
public class PasskeyCeremony {

  public static final String REGISTER = "register";
  public static final String SIGN_IN = "sign-in";
  static final String PREFIX = "kretanote.passkey.challenge.";
  static final Duration VALIDITY = Duration.ofMinutes(5);
  static final long TIMEOUT_MILLIS = 120_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  record Challenge(byte[] value, Instant expiresAt) implements Serializable {}

  @Inject
  @ConfigProperty(name = "kretanote.security.webauthn.origin")
  Optional<String> origin;

  @Inject
  @ConfigProperty(name = "kretanote.security.webauthn.rp-id")
  Optional<String> rpId;

  @Inject ClientAddresses clientAddresses;

  /** A fresh challenge for {@code purpose}, replacing an earlier one. */
  public byte[] newChallenge(HttpServletRequest request, String purpose) {
    byte[] value = new byte[32];
    RANDOM.nextBytes(value);
    request
        .getSession(true)
        .setAttribute(PREFIX + purpose, new Challenge(value, Instant.now().plus(VALIDITY)));
    return value.clone();
  }

  /** The challenge for {@code purpose}, removed from the session: it cannot be answered twice. */
  public Optional<byte[]> take(HttpServletRequest request, String purpose) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(PREFIX + purpose) instanceof Challenge c)) {
      return Optional.empty();
    }
    session.removeAttribute(PREFIX + purpose);
    return c.expiresAt().isAfter(Instant.now()) ? Optional.of(c.value()) : Optional.empty();
  }

  public RelyingParty party(HttpServletRequest request) {
    String host = request.getServerName();
    String id = rpId.filter(s -> !s.isBlank()).map(String::strip).orElse(host);
    String expected =
        origin.filter(s -> !s.isBlank()).map(String::strip).orElseGet(() -> requestOrigin(request));
    return new RelyingParty(expected, id);
  }

  private String requestOrigin(HttpServletRequest request) {
    boolean https = clientAddresses.isHttps(request);
    String host = request.getHeader("Host");
    if (host == null || host.isBlank()) {
      int port = request.getServerPort();
      boolean standard = port == (https ? 443 : 80);
      host = request.getServerName() + (standard ? "" : ":" + port);
    }
    return (https ? "https://" : "http://") + host;
  }

  /** The options of {@code navigator.credentials.create}, as JSON with base64url byte fields. */
  public String registrationOptions(
      HttpServletRequest request, byte[] userHandle, String userName, List<byte[]> existing) {
    byte[] challenge = newChallenge(request, REGISTER);
    JsonArrayBuilder params = Jsons.createArrayBuilder();
    Passkeys.ALGORITHMS.forEach(
        a -> params.add(Jsons.createObjectBuilder().add("type", "public-key").add("alg", a)));
    return Jsons.createObjectBuilder()
        .add("challenge", b64(challenge))
        .add(
            "rp",
            Jsons.createObjectBuilder().add("id", party(request).rpId()).add("name", "KretaNote"))
        .add(
            "user",
            Jsons.createObjectBuilder()
                .add("id", b64(userHandle))
                .add("name", userName)
                .add("displayName", userName))
        .add("pubKeyCredParams", params)
        .add("timeout", TIMEOUT_MILLIS)
        .add("attestation", "none")
        .add(
            "authenticatorSelection",
            Jsons.createObjectBuilder()
                .add("residentKey", "preferred")
                .add("userVerification", "preferred"))
        .add("excludeCredentials", descriptors(existing))
        .build()
        .toString();
  }

  /** The options of {@code navigator.credentials.get} for the waiting user's passkeys. */
  public String signInOptions(HttpServletRequest request, List<byte[]> allowed) {
    byte[] challenge = newChallenge(request, SIGN_IN);
    JsonObjectBuilder options =
        Jsons.createObjectBuilder()
            .add("challenge", b64(challenge))
            .add("rpId", party(request).rpId())
            .add("allowCredentials", descriptors(allowed))
            .add("userVerification", "preferred")
            .add("timeout", TIMEOUT_MILLIS);
    return options.build().toString();
  }

  private static JsonArrayBuilder descriptors(List<byte[]> ids) {
    JsonArrayBuilder array = Jsons.createArrayBuilder();
    ids.forEach(
        id -> array.add(Jsons.createObjectBuilder().add("type", "public-key").add("id", b64(id))));
    return array;
  }

  public static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Decodes a base64url field of the browser's answer; null when missing or malformed. */
  public static byte[] bytes(String base64Url) {
    if (base64Url == null || base64Url.isBlank()) {
      return null;
    }
    try {
      return Base64.getUrlDecoder().decode(base64Url.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
