package in.picode.kretanote.platform.security;

import in.picode.kretanote.tenant.boundary.PasskeyAnswer;
import jakarta.security.enterprise.credential.Credential;

/** A passkey's answer at sign-in's second step; the user it belongs to waits in the session. */
public record PasskeyCredential(PasskeyAnswer answer) implements Credential {}
