package in.picode.kretanote.notification.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the colleagues a note mentions: {@code @} followed by a member's email or display name
 * (case-insensitive, the longest match wins, and a name must end at a word boundary so that "@Ana"
 * does not mention "Anabel"). An email inside a word ({@code ana@example.com}) is no mention.
 */
public final class Mentions {

  /** A team member who can be mentioned. */
  public record Member(long id, String name, String email) {}

  private Mentions() {}

  public static Set<Long> in(String text, List<Member> members) {
    Set<Long> found = new LinkedHashSet<>();
    if (text == null || text.indexOf('@') < 0) {
      return found;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (int at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
      if (at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1))) {
        continue;
      }
      Member best = null;
      int bestLength = 0;
      for (Member m : members) {
        for (String handle : handles(m)) {
          int end = at + 1 + handle.length();
          if (handle.length() > bestLength
              && lower.startsWith(handle, at + 1)
              && (end >= lower.length() || !isNameChar(lower.charAt(end)))) {
            best = m;
            bestLength = handle.length();
          }
        }
      }
      if (best != null) {
        found.add(best.id());
      }
    }
    return found;
  }

  private static List<String> handles(Member m) {
    List<String> h = new ArrayList<>(2);
    if (m.email() != null && !m.email().isBlank()) {
      h.add(m.email().toLowerCase(Locale.ROOT));
    }
    if (m.name() != null && !m.name().isBlank()) {
      h.add(m.name().strip().toLowerCase(Locale.ROOT));
    }
    return h;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '@';
  }
}
