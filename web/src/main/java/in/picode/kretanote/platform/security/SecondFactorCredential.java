package in.picode.kretanote.platform.security;

import jakarta.security.enterprise.credential.Credential;

/** The code typed in sign-in's second step; the user it belongs to waits in the session. */
public record SecondFactorCredential(String code) implements Credential {}
