package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.control.Registry;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
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
 * the current business's agents, teams, numbers and canned responses to choose from, and the
 * labels, fields, approved templates and languages a typed value may name.
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

  /** A value a step may take and what a person calls it. */
  public record Choice(String value, String name) {}

  /** A name a typed step value may use: a label, field, template or language, and its code. */
  public record Reference(Kind kind, String name, String code) {

    public enum Kind {
      LABEL,
      FIELD,
      TEMPLATE,
      LANGUAGE
    }
  }

  /** The active agents by user id, as the assign steps and the assignee condition take them. */
  public List<Choice> agents() {
    return team.members().stream()
        .filter(u -> u.getStatus() == UserAccount.Status.ACTIVE)
        .map(u -> new Choice(String.valueOf(u.getId()), u.getDisplayName()))
        .toList();
  }

  /** The teams by id. */
  public List<Choice> teams() {
    return teams.all().stream()
        .map(t -> new Choice(String.valueOf(t.team().getId()), t.team().getName()))
        .toList();
  }

  /** The canned responses by id, named by their shortcut. */
  public List<Choice> cannedResponses() {
    return canned.all().stream()
        .map(c -> new Choice(String.valueOf(c.getId()), "/" + c.getShortcut()))
        .toList();
  }

  /** The business's WhatsApp numbers (those not disconnected) by connection id. */
  public List<Choice> numbers() {
    return em.createQuery(
            "select c from WhatsAppConnection c where c.status <> :gone order by c.id",
            WhatsAppConnection.class)
        .setParameter("gone", WhatsAppConnection.Status.DISCONNECTED)
        .getResultStream()
        .map(
            c ->
                new Choice(
                    String.valueOf(c.getId()),
                    c.getDisplayPhoneNumber() != null
                        ? c.getDisplayPhoneNumber()
                        : c.getPhoneNumberId()))
        .toList();
  }

  /**
   * What the typed step values may name: the labels, custom fields, approved templates (by id, with
   * the language) and the languages a text can be recognised in (by code).
   */
  public List<Reference> references() {
    List<Reference> out = new java.util.ArrayList<>();
    conversations
        .allLabels()
        .forEach(l -> out.add(new Reference(Reference.Kind.LABEL, l.getName(), null)));
    contacts.fields().forEach(f -> out.add(new Reference(Reference.Kind.FIELD, f.getName(), null)));
    em.createQuery(
            "select t from MessageTemplate t where t.status = 'APPROVED' order by t.name",
            MessageTemplate.class)
        .setMaxResults(100)
        .getResultStream()
        .forEach(
            t ->
                out.add(
                    new Reference(
                        Reference.Kind.TEMPLATE,
                        t.getName() + " (" + t.getLanguage() + ")",
                        String.valueOf(t.getId()))));
    TextLanguage.CODES
        .keySet()
        .forEach(code -> out.add(new Reference(Reference.Kind.LANGUAGE, code, code)));
    return out;
  }
}
