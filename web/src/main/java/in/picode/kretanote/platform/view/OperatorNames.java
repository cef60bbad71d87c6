package in.picode.kretanote.platform.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The states the operator pages list (a tenant's status, a deletion's, a purge's kind, a webhook
 * event's state, the outbox's, a background job's verdict) in the page's language from
 * OperatorTexts ({@code <kind>.<NAME>}, e.g. {@code tenant.status.DELETION_PENDING}). The pages
 * keep the stored name as the title, since operators meet it again in logs and SQL; a name no
 * bundle knows shows as stored rather than as {@code ???key???}.
 */
@Named("operatorNames")
@ApplicationScoped
public class OperatorNames {

  static final String TEXTS = "in.picode.kretanote.platform.view.OperatorTexts";

  /** "Deletion scheduled" for ({@code tenant.status}, {@code DELETION_PENDING}). */
  public String of(String kind, Object name) {
    return of(ResourceBundle.getBundle(TEXTS, Texts.locale()), kind, name);
  }

  static String of(ResourceBundle texts, String kind, Object name) {
    if (name == null) {
      return "";
    }
    String stored = name instanceof Enum<?> e ? e.name() : name.toString();
    try {
      return texts.getString(kind + "." + stored.toUpperCase(Locale.ROOT));
    } catch (MissingResourceException unknownToUs) {
      return stored;
    }
  }
}
