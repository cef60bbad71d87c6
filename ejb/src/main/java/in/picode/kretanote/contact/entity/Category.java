package in.picode.kretanote.contact.entity;

import java.util.Locale;

/**
 * Meta's pricing and consent categories. Free-form messages inside the customer-service window are
 * {@link #SERVICE}; a template carries the category Meta approved it under.
 */
public enum Category {
  SERVICE,
  MARKETING,
  UTILITY,
  AUTHENTICATION;

  /** Meta's wire name (MARKETING, marketing …); {@code null} or unknown is refused. */
  public static Category of(String name) {
    if (name == null) {
      throw new IllegalArgumentException("No category");
    }
    return valueOf(name.strip().toUpperCase(Locale.ROOT));
  }

  /** Business-initiated categories count against the messaging limit outside the window. */
  public boolean isBusinessInitiated() {
    return this != SERVICE;
  }
}
