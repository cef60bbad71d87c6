package in.picode.kretanote.platform.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.inject.Named;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.primefaces.component.datepicker.DatePicker;

/**
 * A date range as people type it. PrimeFaces' range picker reads "from SEP to" with its separator
 * between spaces; ours is an en dash, because its script splits at every separator and ISO dates
 * are full of hyphens. Whoever types "2026-11-01 - 2026-11-30" (a hyphen between spaces, as the
 * keyboard has no en dash), an em dash or a dash without spaces would see the field emptied. The
 * browser rewrites such a separator as the user types ({@code js/app.js}); this does the same for
 * the submitted text, so a form posted without that script (or before it ran) still reads the
 * range: {@code <f:event type="preValidate" listener="#{dateRanges.typed}"/>} on the picker.
 */
@Named("dateRanges")
@ApplicationScoped
public class DateRanges {

  /** A dash between spaces (hyphen to horizontal bar), or an en or em dash with or without them. */
  private static final Pattern TYPED_SEPARATOR =
      Pattern.compile("\\s+[-\u2010-\u2015]\\s+|\\s*[\u2013\u2014]\\s*");

  /**
   * {@code typed} with its first typed separator written as the picker's {@code separator} between
   * single spaces; text without one between two dates (a single date, a hyphen inside a date, a
   * range still being typed) is left as it is.
   */
  public static String normalise(String typed, String separator) {
    if (typed == null || separator == null || separator.isEmpty()) {
      return typed;
    }
    String text = typed.strip();
    Matcher m = TYPED_SEPARATOR.matcher(text);
    if (!m.find() || m.start() == 0 || m.end() == text.length()) {
      return typed;
    }
    return text.substring(0, m.start()) + " " + separator + " " + text.substring(m.end());
  }

  /**
   * Before the picker converts what was submitted: the range's separator as the picker reads it.
   */
  public void typed(ComponentSystemEvent event) {
    if (event.getComponent() instanceof DatePicker picker
        && "range".equals(picker.getSelectionMode())
        && picker.getSubmittedValue() instanceof String submitted) {
      picker.setSubmittedValue(normalise(submitted, picker.getRangeSeparator()));
    }
  }
}
