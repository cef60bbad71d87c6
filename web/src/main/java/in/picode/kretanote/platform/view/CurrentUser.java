package in.picode.kretanote.platform.view;

import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.boundary.Tenants;
import in.picode.kretanote.tenant.entity.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/** Who is signed in and for which business, for the page header. */
@Named
@RequestScoped
public class CurrentUser {

  @Inject SecurityContext security;
  @Inject Tenants tenants;

  private Tenant tenant;

  public String getEmail() {
    return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
  }

  public String getTenantName() {
    if (tenant == null) {
      tenant = Tenancy.current().flatMap(tenants::find).orElse(null);
    }
    return tenant == null ? "" : tenant.getName();
  }

  public boolean hasRole(String role) {
    return security.isCallerInRole(role);
  }
}
