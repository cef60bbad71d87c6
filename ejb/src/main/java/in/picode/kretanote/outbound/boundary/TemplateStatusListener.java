package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.inbound.boundary.TemplateStatusChanged;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Applies template status webhooks (fired by the inbound pipeline) to the tenant's templates. */
@ApplicationScoped
public class TemplateStatusListener {

  @Inject Templates templates;

  void onStatus(@Observes TemplateStatusChanged change) {
    if (Tenancy.current().map(t -> t == change.tenantId()).orElse(false)) {
      templates.applyStatus(change);
    } else {
      Tenancy.runAs(change.tenantId(), () -> templates.applyStatus(change));
    }
  }
}
