package in.picode.kretanote.contact.control;

/**
 * Phone numbers as WhatsApp knows them: the international number in digits, without plus, spaces or
 * punctuation (E.164 allows at most 15 digits; 8 is the shortest real one).
 */
public final class PhoneNumbers {

  private PhoneNumbers() {}

  public static String normalise(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("The phone number is missing.");
    }
    String s = raw.strip();
    if (s.startsWith("00")) {
      s = s.substring(2);
    }
    String digits = s.replaceAll("[\\s()./+-]", "");
    if (!digits.matches("[0-9]{8,15}")) {
      throw new IllegalArgumentException(
          "\""
              + (raw.length() > 30 ? raw.substring(0, 30) + "…" : raw)
              + "\" is not an international phone number (8 to 15 digits, country code first).");
    }
    if (digits.startsWith("0")) {
      throw new IllegalArgumentException(
          "\"" + raw + "\" has no country code; write it like +49 151 1234567.");
    }
    return digits;
  }
}
