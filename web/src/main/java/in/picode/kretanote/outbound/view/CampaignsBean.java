package in.picode.kretanote.outbound.view;

import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.outbound.boundary.CampaignSegment;
import in.picode.kretanote.outbound.boundary.CampaignWords;
import in.picode.kretanote.outbound.boundary.Campaigns;
import in.picode.kretanote.outbound.boundary.OutboundRefusedException;
import in.picode.kretanote.outbound.boundary.SegmentWords;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.outbound.entity.Campaign;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.Lists;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.UserZone;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Campaigns: the list with progress and the pause/resume/cancel buttons, and the form that creates
 * one. Creating, starting and changing a campaign is for OWNER and ADMIN; agents see the list.
 */
@Named
@ViewScoped
public class CampaignsBean implements Serializable {

  private static final String T = "in.picode.kretanote.outbound.view.OutboundTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient Campaigns campaigns;
  @Inject UserZone userZone;
  @Inject transient Templates templates;
  @Inject transient WhatsAppConnections connections;
  @Inject CampaignAudienceBean audience;
  @Inject transient CurrentUser user;

  /** A campaign row of the list. */
  public record Row(Campaign campaign, Campaigns.Progress progress, String segment) {
    public Campaign getCampaign() {
      return campaign;
    }

    public Campaigns.Progress getProgress() {
      return progress;
    }

    public String getSegment() {
      return segment;
    }
  }

  private List<Row> rows = List.of();
  private Map<String, String> templateChoices = Map.of();

  private String name;
  private String template;
  private LocalDateTime startAt;

  @PostConstruct
  void load() {
    refresh();
    Map<String, String> choices = new LinkedHashMap<>();
    for (WhatsAppConnection c : connections.list()) {
      for (MessageTemplate t : templates.of(c.getId())) {
        if ("APPROVED".equals(t.getStatus())) {
          choices.put(
              t.getName() + " (" + t.getLanguage() + ") · " + c.getDisplayPhoneNumber(),
              c.getId() + "|" + t.getName() + "|" + t.getLanguage());
        }
      }
    }
    templateChoices = choices;
  }

  private void refresh() {
    List<Row> out = new ArrayList<>();
    for (Campaign c : campaigns.all()) {
      out.add(
          new Row(
              c,
              campaigns.progress(c.getId()),
              SegmentWords.describe(
                  Campaigns.segmentOf(c), Wordings::of, Lists.separator(Texts.locale()))));
    }
    rows = out;
  }

  public void create() {
    if (!user.isManager()) {
      PageMessages.error(Texts.of(T, "campaigns.managersOnly.create"));
      return;
    }
    // Every field is checked before anything is refused, so the form shows all its errors at once.
    boolean ok = true;
    if (name == null || name.isBlank()) {
      PageMessages.error("create", "name", Texts.of(T, "campaigns.error.name"));
      ok = false;
    } else if (name.strip().length() > Campaign.NAME_MAX) {
      PageMessages.error(
          "create", "name", Texts.of(T, "campaigns.error.nameLength", Campaign.NAME_MAX));
      ok = false;
    }
    String[] parts = template == null ? new String[0] : template.split("\\|", 3);
    if (parts.length != 3 || PageMessages.parseId(parts[0]) == null) {
      PageMessages.error("create", "template", Texts.of(T, "campaigns.error.template"));
      ok = false;
    }
    if (ok && audience.getMappings().isEmpty()) {
      // A form posted without the template's AJAX round (no script): build the rows now, so the
      // refusal names each placeholder and the page shows the rows to fill.
      audience.templateChosen(template);
    }
    List<String> problems = new ArrayList<>();
    CampaignSegment segment = audience.segment(problems);
    problems.forEach(PageMessages::error);
    if (!ok || !problems.isEmpty()) {
      return;
    }
    // The picker shows and takes the time in the user's zone; the campaign starts at that instant.
    Instant startsAt = startAt == null ? null : startAt.atZone(userZone.zone()).toInstant();
    Campaigns.Draft draft =
        new Campaigns.Draft(
            name,
            Long.parseLong(parts[0]),
            parts[1],
            parts[2],
            List.of(),
            null,
            false,
            audience.mapping(),
            segment);
    Campaign created = act(() -> campaigns.create(draft, user.getUserId()), null);
    if (created != null && startsAt != null) {
      act(() -> campaigns.start(created.getId(), startsAt), null);
    }
    if (created != null) {
      PageMessages.info(
          startsAt == null
              ? Texts.of(T, "campaigns.created.draft")
              : Texts.of(T, "campaigns.created.scheduled"));
      name = null;
      startAt = null;
      audience.reset();
    }
    refresh();
  }

  /** The Refresh button and the page's poll read the list again. */
  public void reload() {
    refresh();
  }

  /** While a campaign is scheduled or running the list polls, so its state and counts move. */
  public boolean isMoving() {
    return rows.stream()
        .map(r -> r.campaign().getState())
        .anyMatch(s -> s == Campaign.State.SCHEDULED || s == Campaign.State.RUNNING);
  }

  public void start(long id) {
    manage(() -> campaigns.start(id, null), Texts.of(T, "campaigns.started"));
  }

  public void pause(long id) {
    manage(
        () -> campaigns.pauseWith(id, CampaignWords.PAUSED_BY.with(user.getEmail())),
        Texts.of(T, "campaigns.paused"));
  }

  public void resume(long id) {
    manage(() -> campaigns.resume(id), Texts.of(T, "campaigns.resumed"));
  }

  public void cancel(long id) {
    manage(() -> campaigns.cancel(id), Texts.of(T, "campaigns.cancelled"));
  }

  private void manage(Supplier<Campaign> change, String done) {
    if (!user.isManager()) {
      PageMessages.error(Texts.of(T, "campaigns.managersOnly.change"));
      return;
    }
    act(change, done);
    refresh();
  }

  private <T> T act(Supplier<T> change, String done) {
    try {
      T t = change.get();
      if (done != null) {
        PageMessages.info(done);
      }
      return t;
    } catch (OutboundRefusedException e) {
      Wordings.all(e).forEach(PageMessages::error);
    } catch (EJBException e) {
      if (e.getCause() instanceof OutboundRefusedException r) {
        Wordings.all(r).forEach(PageMessages::error);
      } else {
        PageMessages.error(PageMessages.ourFault());
      }
    }
    return null;
  }

  public List<Row> getRows() {
    return rows;
  }

  public Map<String, String> getTemplateChoices() {
    return templateChoices;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public LocalDateTime getStartAt() {
    return startAt;
  }

  public void setStartAt(LocalDateTime startAt) {
    this.startAt = startAt;
  }
}
