package in.picode.kretanote.platform.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Initials in a coloured circle for a person or contact with no picture: up to two letters of the
 * name (first letters of the first and last word), "#" for a name that has no letter (a bare phone
 * number), and one of eight colours chosen from the name so a contact keeps its colour.
 */
@Named("avatar")
@ApplicationScoped
public class Avatars {

  public String initials(String name) {
    if (name == null || name.isBlank()) {
      return "#";
    }
    String[] words = name.strip().split("\\s+");
    StringBuilder out = new StringBuilder();
    first(words[0]).ifPresent(out::appendCodePoint);
    if (words.length > 1) {
      first(words[words.length - 1]).ifPresent(out::appendCodePoint);
    }
    return out.isEmpty() ? "#" : out.toString().toUpperCase(java.util.Locale.ROOT);
  }

  public String hue(String name) {
    return "av-" + Math.floorMod(name == null ? 0 : name.hashCode(), 8);
  }

  private static java.util.OptionalInt first(String word) {
    return word.codePoints().filter(Character::isLetter).findFirst();
  }
}
