package in.picode.kretanote.notification.view;

import in.picode.kretanote.tenant.boundary.TeamMembers;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * The note box's autocomplete: a word starting with {@code @} offers the active colleagues whose
 * name or email starts with what follows, inserted as {@code @email} (one word, so the note's
 * mention is unambiguous).
 */
@Named
@RequestScoped
public class MentionsBean {

  static final int MAX = 8;

  @Inject TeamMembers members;

  public List<String> complete(String query) {
    if (query == null || !query.startsWith("@") || query.length() < 2) {
      return List.of();
    }
    String q = query.substring(1).toLowerCase(Locale.ROOT);
    return members.members().stream()
        .filter(u -> u.getStatus() == UserAccount.Status.ACTIVE)
        .filter(
            u ->
                u.getEmail().toLowerCase(Locale.ROOT).startsWith(q)
                    || (u.getDisplayName() != null
                        && u.getDisplayName().toLowerCase(Locale.ROOT).startsWith(q)))
        .limit(MAX)
        .map(u -> "@" + u.getEmail())
        .toList();
  }
}
