package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.inbound.boundary.TemplateChanged;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Applies template quality, category and content webhooks to the tenant's templates. */
@ApplicationScoped
public class TemplateChangeListener {

  @Inject TemplateUpdates updates;

  void onChange(@Observes TemplateChanged change) {
    if (Tenancy.current().map(t -> t == change.tenantId()).orElse(false)) {
      updates.apply(change);
    } else {
      Tenancy.runAs(change.tenantId(), () -> updates.apply(change));
    }
  }
}
