package in.picode.kretanote.tenant.boundary;

/**
 * A browser's answer to a passkey sign-in ({@code navigator.credentials.get}), fields as the
 * authenticator produced them; any may be null when the browser sent nothing usable.
 */
public record PasskeyAnswer(
    byte[] credentialId,
    byte[] userHandle,
    byte[] authenticatorData,
    byte[] clientDataJson,
    byte[] signature) {}
