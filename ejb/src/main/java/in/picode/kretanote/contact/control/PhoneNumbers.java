package in.picode.kretanote.contact.control;

import in.picode.kretanote.contact.boundary.ContactWords;
import in.picode.kretanote.platform.boundary.WordedArgumentException;

/**
 * Phone numbers as WhatsApp knows them: the international number in digits, without plus, spaces or
 * punctuation (E.164 allows at most 15 digits; 8 is the shortest real one).
 */
public final class PhoneNumbers {

  private PhoneNumbers() {}

  public static String normalise(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new WordedArgumentException(ContactWords.PHONE_MISSING.with());
    }
    String s = raw.strip();
    if (s.startsWith("00")) {
      s = s.substring(2);
    }
    String digits = s.replaceAll("[\\s()./+-]", "");
    if (!digits.matches("[0-9]{8,15}")) {
      throw new WordedArgumentException(
          ContactWords.PHONE_NOT_INTERNATIONAL.with(
              raw.length() > 30 ? raw.substring(0, 30) + "…" : raw));
    }
    if (digits.startsWith("0")) {
      throw new WordedArgumentException(ContactWords.PHONE_NO_COUNTRY_CODE.with(raw));
    }
    return digits;
  }
}
