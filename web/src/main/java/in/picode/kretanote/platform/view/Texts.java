package in.picode.kretanote.platform.view;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts of a backing bean from its feature's resource bundle, in the language of the page being
 * answered (the view's locale, which the language preference or the browser decides). Pages read
 * the same bundles with {@code f:loadBundle}; a bean's messages (page messages, labels it builds)
 * come from here, so they follow the page's language too.
 *
 * <p>A missing key is a defect that a test catches ({@code BundlesTest}); at run time it shows as
 * {@code ???key???}, as Faces shows a missing key on a page, rather than failing the request.
 */
public final class Texts {

  private Texts() {}

  /** The text {@code key} of {@code bundle} (a base name), with {@code args} put in. */
  public static String of(String bundle, String key, Object... args) {
    Locale locale = locale();
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(bundle, locale).getString(key);
    } catch (MissingResourceException e) {
      return "???" + key + "???";
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /**
   * The language of the page being answered (English outside a Faces request, and where no Faces
   * implementation is present at all: a bean's unit test).
   */
  public static Locale locale() {
    FacesContext faces;
    try {
      faces = FacesContext.getCurrentInstance();
    } catch (LinkageError noFacesImplementation) {
      return Locale.ENGLISH;
    }
    if (faces == null) {
      return Locale.ENGLISH;
    }
    UIViewRoot view = faces.getViewRoot();
    if (view != null && view.getLocale() != null) {
      return view.getLocale();
    }
    return faces.getExternalContext().getRequestLocale();
  }
}
