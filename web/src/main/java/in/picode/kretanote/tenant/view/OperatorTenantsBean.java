package in.picode.kretanote.tenant.view;

import in.picode.kretanote.tenant.boundary.Tenants;
import in.picode.kretanote.tenant.entity.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The platform operator's tenant list: names and states, never content. */
@Named
@RequestScoped
public class OperatorTenantsBean {

  @Inject Tenants tenants;

  public List<Tenant> getTenants() {
    return tenants.all();
  }
}
