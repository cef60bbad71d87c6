package in.picode.kretanote.outbound.view;

import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.messaging.boundary.Labels;
import in.picode.kretanote.outbound.boundary.CampaignDrafts;
import in.picode.kretanote.outbound.boundary.CampaignSegment;
import in.picode.kretanote.outbound.boundary.OutboundRefusedException;
import in.picode.kretanote.outbound.boundary.SendResult;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.outbound.boundary.ValueMapping;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign form's segment builder (tags any/all/none, labels, custom-field conditions, consent,
 * last activity) with its live count, the value mapping of the chosen template's placeholders, and
 * the test send. {@link CampaignsBean#create} takes the segment and the mapping from here.
 */
@Named
@ViewScoped
public class CampaignAudienceBean implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String T = "in.picode.kretanote.outbound.view.OutboundTexts";

  @Inject transient CampaignDrafts drafts;
  @Inject transient Contacts contacts;
  @Inject transient Labels labels;
  @Inject transient Templates templates;
  @Inject transient CurrentUser user;

  private List<String> tagChoices = List.of();
  private Map<String, Long> labelChoices = Map.of();
  private Map<String, Long> fieldChoices = Map.of();

  private List<String> anyTags = new ArrayList<>();
  private List<String> allTags = new ArrayList<>();
  private List<String> noTags = new ArrayList<>();
  private List<Long> labelIds = new ArrayList<>();
  private final List<ConditionRow> conditions = new ArrayList<>();
  private boolean marketingConsent;
  private String activity = "ANY";
  private Integer days = 30;
  private final List<MappingRow> mappings = new ArrayList<>();
  private String testPhone;

  private Long count;
  private List<String> countProblems = List.of();

  @PostConstruct
  void load() {
    tagChoices = contacts.allTags();
    Map<String, Long> l = new LinkedHashMap<>();
    labels.all().forEach(u -> l.put(u.label().getName(), u.label().getId()));
    labelChoices = l;
    Map<String, Long> f = new LinkedHashMap<>();
    for (CustomField field : contacts.fields()) {
      f.put(field.getName(), field.getId());
    }
    fieldChoices = f;
  }

  /**
   * The segment the builder describes, or null with the reason added to {@code problems} (nothing
   * picked at all).
   */
  CampaignSegment segment(List<String> problems) {
    List<CampaignSegment.Condition> list = new ArrayList<>();
    for (ConditionRow r : conditions) {
      if (r.getFieldId() == null) {
        problems.add(Texts.of(T, "campaigns.segment.pickField"));
        continue;
      }
      list.add(
          new CampaignSegment.Condition(
              r.getFieldId(),
              null,
              r.getOp() == null ? null : CampaignSegment.Op.valueOf(r.getOp()),
              r.isValued() ? r.getValue() : null));
    }
    CampaignSegment.Activity a =
        "ANY".equals(activity)
            ? null
            : new CampaignSegment.Activity("WITHIN".equals(activity), days == null ? 0 : days);
    try {
      return new CampaignSegment(anyTags, allTags, noTags, labelIds, list, marketingConsent, a);
    } catch (IllegalArgumentException e) {
      problems.add(Texts.of(T, "campaigns.segment.empty"));
      return null;
    }
  }

  /** The mapping of the placeholders, or null for a template without any. */
  List<ValueMapping> mapping() {
    return mappings.stream().map(MappingRow::toMapping).toList();
  }

  /** The live count, after any change of the segment. */
  public void recount() {
    List<String> problems = new ArrayList<>();
    CampaignSegment s = segment(problems);
    if (s == null || !problems.isEmpty()) {
      count = null;
      countProblems = problems;
      return;
    }
    CampaignDrafts.Count c = drafts.preview(s);
    count = c.wordings().isEmpty() ? c.contacts() : null;
    countProblems = c.wordings().stream().map(Wordings::of).toList();
  }

  /** A template was picked ({@code connection|name|language}): one row per body placeholder. */
  public void templateChosen(String choice) {
    mappings.clear();
    String[] parts = choice == null ? new String[0] : choice.split("\\|", 3);
    if (parts.length != 3 || PageMessages.parseId(parts[0]) == null) {
      return;
    }
    long connection = Long.parseLong(parts[0]);
    templates.of(connection).stream()
        .filter(t -> t.getName().equals(parts[1]) && t.getLanguage().equals(parts[2]))
        .findFirst()
        .ifPresent(
            t -> {
              for (int i = 1; i <= CampaignDrafts.placeholders(t); i++) {
                mappings.add(new MappingRow(i));
              }
            });
  }

  public void addCondition() {
    conditions.add(new ConditionRow());
  }

  public void removeCondition(ConditionRow row) {
    conditions.remove(row);
    recount();
  }

  /** Sends the first message, with the values of the contact who has the number, to one number. */
  public void testSend(String choice) {
    if (!user.isManager()) {
      PageMessages.error(Texts.of(T, "campaigns.managersOnly.create"));
      return;
    }
    String[] parts = choice == null ? new String[0] : choice.split("\\|", 3);
    if (parts.length != 3 || PageMessages.parseId(parts[0]) == null) {
      PageMessages.error(Texts.of(T, "campaigns.error.template"));
      return;
    }
    try {
      SendResult r =
          drafts.testSend(Long.parseLong(parts[0]), parts[1], parts[2], mapping(), testPhone);
      if (r.isQueued()) {
        PageMessages.info(Texts.of(T, "campaigns.test.sent", testPhone));
      } else {
        PageMessages.error(Texts.of(T, "campaigns.test.refused", r.refusalReason()));
      }
    } catch (OutboundRefusedException e) {
      Wordings.all(e).forEach(PageMessages::error);
    } catch (EJBException e) {
      if (e.getCause() instanceof OutboundRefusedException p) {
        Wordings.all(p).forEach(PageMessages::error);
      } else {
        PageMessages.error(PageMessages.ourFault());
      }
    }
  }

  /** After a campaign was created the form starts afresh. */
  void reset() {
    anyTags = new ArrayList<>();
    allTags = new ArrayList<>();
    noTags = new ArrayList<>();
    labelIds = new ArrayList<>();
    conditions.clear();
    marketingConsent = false;
    activity = "ANY";
    mappings.clear();
    count = null;
    countProblems = List.of();
  }

  public Map<String, String> getSources() {
    Map<String, String> m = new LinkedHashMap<>();
    for (ValueMapping.Source s : ValueMapping.Source.values()) {
      m.put(choice("campaigns.source.", s.name()), s.name());
    }
    return m;
  }

  public Map<String, String> getOps() {
    Map<String, String> m = new LinkedHashMap<>();
    for (CampaignSegment.Op o : CampaignSegment.Op.values()) {
      m.put(choice("campaigns.op.", o.name()), o.name());
    }
    return m;
  }

  public Map<String, String> getActivities() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String a : List.of("ANY", "WITHIN", "NOT_WITHIN")) {
      m.put(choice("campaigns.activity.", a), a);
    }
    return m;
  }

  /** The label of a choice: the key is the prefix and the choice's name (all in the bundles). */
  private static String choice(String prefix, String name) {
    String key = prefix + name;
    return Texts.of(T, key);
  }

  /** The live count in words. */
  public String getCountText() {
    return count == null ? "" : Texts.of(T, "campaigns.count", count);
  }

  public List<String> getCountProblems() {
    return countProblems;
  }

  public List<String> getTagChoices() {
    return tagChoices;
  }

  public Map<String, Long> getLabelChoices() {
    return labelChoices;
  }

  public Map<String, Long> getFieldChoices() {
    return fieldChoices;
  }

  public List<String> getAnyTags() {
    return anyTags;
  }

  public void setAnyTags(List<String> anyTags) {
    this.anyTags = anyTags == null ? new ArrayList<>() : anyTags;
  }

  public List<String> getAllTags() {
    return allTags;
  }

  public void setAllTags(List<String> allTags) {
    this.allTags = allTags == null ? new ArrayList<>() : allTags;
  }

  public List<String> getNoTags() {
    return noTags;
  }

  public void setNoTags(List<String> noTags) {
    this.noTags = noTags == null ? new ArrayList<>() : noTags;
  }

  public List<Long> getLabelIds() {
    return labelIds;
  }

  public void setLabelIds(List<Long> labelIds) {
    this.labelIds = labelIds == null ? new ArrayList<>() : labelIds;
  }

  public List<ConditionRow> getConditions() {
    return conditions;
  }

  public boolean isMarketingConsent() {
    return marketingConsent;
  }

  public void setMarketingConsent(boolean marketingConsent) {
    this.marketingConsent = marketingConsent;
  }

  public String getActivity() {
    return activity;
  }

  public void setActivity(String activity) {
    this.activity = activity == null ? "ANY" : activity;
  }

  public Integer getDays() {
    return days;
  }

  public void setDays(Integer days) {
    this.days = days;
  }

  public List<MappingRow> getMappings() {
    return mappings;
  }

  public String getTestPhone() {
    return testPhone;
  }

  public void setTestPhone(String testPhone) {
    this.testPhone = testPhone;
  }
}
