package in.picode.kretanote.platform.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Jakarta Security set-up: a custom form mechanism (our own Faces login page calls {@code
 * SecurityContext.authenticate}) with {@link KretaNoteIdentityStore} behind it. Pages under {@code
 * /app/} and {@code /operator/} are protected in web.xml; an anonymous visitor is redirected to the
 * login page and comes back after signing in.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"OWNER", "ADMIN", "AGENT", "OPERATOR"})
@FacesConfig
@ApplicationScoped
public class SecurityConfiguration {}
