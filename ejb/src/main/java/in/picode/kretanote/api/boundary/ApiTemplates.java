package in.picode.kretanote.api.boundary;

import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.outbound.boundary.OutboundRefusedException;
import in.picode.kretanote.outbound.boundary.TemplateDraft;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The API's template submission, idempotent by key: the template form's rules and the call to Meta
 * are the outbound feature's ({@link Templates}); the key is looked up before and remembered after
 * Meta accepted, outside any transaction, as Graph calls must be.
 */
@Stateless
@TenantScoped
public class ApiTemplates {

  @Inject Templates templates;
  @Inject ApiIdempotencies keys;

  /** A template submitted now, or the one an earlier equal request with the key submitted. */
  public record Created(MessageTemplate template, boolean replayed) {}

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Created create(
      String key,
      byte[] requestSha256,
      long connectionId,
      String name,
      String language,
      Category category,
      TemplateDraft draft) {
    if (key != null) {
      Optional<Long> held = keys.held(key, requestSha256, "template");
      if (held.isPresent()) {
        return new Created(
            templates
                .find(held.get())
                .orElseThrow(() -> new OutboundRefusedException("No such template")),
            true);
      }
    }
    MessageTemplate t = templates.create(connectionId, name, language, category, draft);
    if (key != null) {
      keys.remember(key, requestSha256, "template", t.getId());
    }
    return new Created(t, false);
  }
}
