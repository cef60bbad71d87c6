package in.picode.kretanote.platform.view;

import in.picode.kretanote.platform.security.ClientAddresses;
import in.picode.kretanote.platform.security.SessionKeys;
import in.picode.kretanote.tenant.boundary.Tenants;
import in.picode.kretanote.tenant.entity.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Who is signed in and for which business, for the page header. */
@Named
@RequestScoped
public class CurrentUser {

  @Inject SecurityContext security;
  @Inject Tenants tenants;
  @Inject HttpServletRequest request;
  @Inject ClientAddresses clientAddresses;

  private Tenant tenant;

  public String getEmail() {
    return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
  }

  public String getTenantName() {
    if (tenant == null) {
      tenant = tenants.current().orElse(null);
    }
    return tenant == null ? "" : tenant.getName();
  }

  public boolean hasRole(String role) {
    return security.isCallerInRole(role);
  }

  /** OWNER and ADMIN see the settings pages (web.xml enforces the same). */
  public boolean isManager() {
    return hasRole("OWNER") || hasRole("ADMIN");
  }

  public boolean isOperator() {
    return hasRole("OPERATOR");
  }

  /** The signed-in user's id, as the identity store put it into the session at sign-in. */
  public long getUserId() {
    HttpSession session = request.getSession(false);
    Object id = session == null ? null : session.getAttribute(SessionKeys.USER_ID);
    if (!(id instanceof Long userId)) {
      throw new IllegalStateException("Nobody is signed in");
    }
    return userId;
  }

  /** Where the request comes from, for the audit log. */
  public String getClientAddress() {
    return clientAddresses.of(request);
  }
}
