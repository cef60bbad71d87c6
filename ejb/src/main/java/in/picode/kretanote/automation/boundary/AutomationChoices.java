package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.control.Registry;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.messaging.boundary.CannedResponses;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.boundary.TextLanguage;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.tenant.boundary.TeamMembers;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rule and macro forms offer: the kinds of conditions and actions (from the registry), and
 * the current business's agents, labels, fields, canned responses and approved templates with the
 * numbers a step names them by.
 */
@Stateless
@TenantScoped
public class AutomationChoices {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject in.picode.kretanote.routing.boundary.Teams teams;
  @Inject Registry registry;
  @Inject TeamMembers team;
  @Inject Conversations conversations;
  @Inject Contacts contacts;
  @Inject CannedResponses canned;

  /** Condition types and their names. */
  public Map<String, String> conditions() {
    Map<String, String> m = new LinkedHashMap<>();
    registry.conditions().forEach(c -> m.put(c.type(), c.words()));
    return m;
  }

  /** Action types and their names; {@code macros}: only those a macro may hold. */
  public Map<String, String> actions(boolean macros) {
    Map<String, String> m = new LinkedHashMap<>();
    registry.actions().stream()
        .filter(a -> !macros || a.forMacros())
        .forEach(a -> m.put(a.type(), a.words()));
    return m;
  }

  /** "name (#id)" lines for the forms' reference list. */
  public List<String> references() {
    List<String> out = new java.util.ArrayList<>();
    team.members().stream()
        .filter(u -> u.getStatus() == UserAccount.Status.ACTIVE)
        .forEach(u -> out.add("Agent " + u.getDisplayName() + " — " + u.getId()));
    teams.all().forEach(t -> out.add("Team " + t.team().getName() + " — " + t.team().getId()));
    conversations.allLabels().forEach(l -> out.add("Label " + l.getName()));
    contacts.fields().forEach(f -> out.add("Field " + f.getName()));
    canned.all().forEach(c -> out.add("Canned /" + c.getShortcut() + " — " + c.getId()));
    em.createQuery(
            "select t from MessageTemplate t where t.status = 'APPROVED' order by t.name",
            MessageTemplate.class)
        .setMaxResults(100)
        .getResultStream()
        .forEach(
            t -> out.add("Template " + t.getName() + " (" + t.getLanguage() + ") — " + t.getId()));
    TextLanguage.CODES.forEach((code, name) -> out.add("Language " + name + " — " + code));
    return out;
  }
}
