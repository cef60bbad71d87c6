package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.messaging.boundary.CannedResponses;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.entity.CannedResponse;
import in.picode.kretanote.messaging.entity.Label;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.routing.boundary.Teams;
import in.picode.kretanote.routing.entity.Team;
import in.picode.kretanote.tenant.boundary.TeamMembers;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Whether the labels, custom fields, canned responses, templates, teams and agents a rule or macro
 * names still exist in the current tenant: asked on save (refused when not) and before each run
 * (the rule pauses itself with the reason when one disappeared). Another tenant's id finds nothing.
 */
@ApplicationScoped
public class References {

  @Inject Conversations conversations;
  @Inject Contacts contacts;
  @Inject CannedResponses canned;
  @Inject Templates templates;
  @Inject TeamMembers team;
  @Inject Teams teams;

  public void label(String name, List<Wording> out) {
    if (name != null
        && conversations.allLabels().stream()
            .map(Label::getName)
            .noneMatch(n -> n.equalsIgnoreCase(name))) {
      out.add(AutomationWords.GONE_LABEL.with(name));
    }
  }

  public Optional<CustomField> field(String name, List<Wording> out) {
    if (name == null) {
      return Optional.empty();
    }
    Optional<CustomField> f =
        contacts.fields().stream().filter(x -> x.getName().equalsIgnoreCase(name)).findFirst();
    if (f.isEmpty()) {
      out.add(AutomationWords.GONE_FIELD.with(name));
    }
    return f;
  }

  public Optional<CannedResponse> canned(Long id, List<Wording> out) {
    Optional<CannedResponse> c = id == null ? Optional.empty() : canned.find(id);
    if (id != null && c.isEmpty()) {
      out.add(AutomationWords.GONE_CANNED.with(id));
    }
    return c;
  }

  public Optional<MessageTemplate> template(Long id, List<Wording> out) {
    // A template deleted at Meta keeps its row, as DELETED, for the history.
    Optional<MessageTemplate> t =
        id == null
            ? Optional.empty()
            : templates.find(id).filter(x -> !"DELETED".equals(x.getStatus()));
    if (id != null && t.isEmpty()) {
      out.add(AutomationWords.GONE_TEMPLATE.with(id));
    }
    return t;
  }

  public Optional<UserAccount> agent(Long id, List<Wording> out) {
    Optional<UserAccount> u =
        id == null
            ? Optional.empty()
            : team.find(id).filter(a -> a.getStatus() == UserAccount.Status.ACTIVE);
    if (id != null && u.isEmpty()) {
      out.add(AutomationWords.GONE_AGENT.with(id));
    }
    return u;
  }

  public Optional<Team> team(Long id, List<Wording> out) {
    Optional<Team> t = id == null ? Optional.empty() : teams.find(id);
    if (id != null && t.isEmpty()) {
      out.add(AutomationWords.GONE_TEAM.with(id));
    }
    return t;
  }
}
