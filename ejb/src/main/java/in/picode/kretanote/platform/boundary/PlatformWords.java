package in.picode.kretanote.platform.boundary;

/**
 * What the cross-cutting checks say to a user, as codes: a name refused for markup or control
 * characters ({@code platform.control.PlainText}), one sentence per kind of name.
 */
public enum PlatformWords implements Wording.Code {
  MARKUP_PERSON_NAME("A name cannot contain < or > or control characters."),
  MARKUP_BUSINESS_NAME("A business name cannot contain < or > or control characters."),
  MARKUP_LABEL_NAME("A label cannot contain < or > or control characters.");

  private final String pattern;

  PlatformWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
