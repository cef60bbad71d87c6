package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.contact.boundary.ContactChangeRefusedException;
import in.picode.kretanote.contact.boundary.ContactLookups;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.messaging.boundary.Labels;
import in.picode.kretanote.outbound.control.SendChecks;
import in.picode.kretanote.outbound.control.TemplateParameters;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A campaign before it exists: its segment checked against the tenant's tags, labels and custom
 * fields and counted (the form's live count), its value mapping checked against the template's
 * placeholders, each recipient's values resolved, and a test send of its message to one number.
 * Tags, labels and fields of another tenant are simply unknown here: every look-up is the current
 * tenant's.
 */
@Stateless
@TenantScoped
public class CampaignDrafts {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Contacts contacts;
  @Inject ContactLookups lookups;
  @Inject Labels labels;
  @Inject CampaignConversations conversations;
  @Inject Sending sending;

  private final Clock clock = Clock.systemUTC();

  /** A segment with its conditions typed and canonical, and what is wrong with it. */
  public record Checked(CampaignSegment segment, List<Wording> wordings) {
    public boolean ok() {
      return wordings.isEmpty();
    }

    /** The problems in English. */
    public List<String> problems() {
      return Wording.english(wordings);
    }
  }

  /** The live count: how many contacts match, or why the segment cannot be counted. */
  public record Count(long contacts, List<Wording> wordings) {
    /** The problems in English. */
    public List<String> problems() {
      return Wording.english(wordings);
    }
  }

  /**
   * Checks {@code raw}: every tag is one some contact of this tenant has, every label and custom
   * field exists here, values fit their field's type. All problems at once.
   */
  public Checked check(CampaignSegment raw) {
    List<Wording> problems = new ArrayList<>();
    Set<String> tags = new HashSet<>(contacts.allTags());
    for (List<String> list : List.of(raw.anyTags(), raw.allTags(), raw.noTags())) {
      for (String t : list) {
        if (!tags.contains(t)) {
          problems.add(OutboundWords.NO_CONTACT_WITH_TAG.with(t));
        }
      }
    }
    for (Long id : raw.labels()) {
      if (id == null || labels.find(id).isEmpty()) {
        problems.add(CampaignWords.NO_LABEL.with(id));
      }
    }
    Map<Long, CustomField> fields =
        contacts.fields().stream()
            .collect(Collectors.toMap(CustomField::getId, Function.identity()));
    List<CampaignSegment.Condition> typed = new ArrayList<>();
    for (int i = 0; i < raw.conditions().size(); i++) {
      CampaignSegment.Condition c = raw.conditions().get(i);
      CustomField f = fields.get(c.fieldId());
      if (f == null) {
        problems.add(CampaignWords.CONDITION_NO_FIELD.with(i + 1, c.fieldId()));
        continue;
      }
      String value = c.value();
      if (c.op() != null && c.op().needsValue() && value != null && !value.isBlank()) {
        try {
          value =
              c.op() == CampaignSegment.Op.CONTAINS
                  ? value.strip()
                  : ContactLookups.storedForm(f, value);
        } catch (IllegalArgumentException e) {
          problems.add(CampaignWords.CONDITION_VALUE.with(i + 1, Wording.of(e)));
        }
      }
      CampaignSegment.Condition t =
          new CampaignSegment.Condition(f.getId(), f.getType().name(), c.op(), value);
      problems.addAll(CampaignSegment.problems(i + 1, t));
      typed.add(t);
    }
    // The sizes and the days; the conditions were checked above with their fields' types.
    problems.addAll(raw.shapeProblems());
    if (typed.size() < raw.conditions().size()) {
      return new Checked(raw, problems);
    }
    CampaignSegment segment =
        new CampaignSegment(
            raw.anyTags(),
            raw.allTags(),
            raw.noTags(),
            raw.labels(),
            typed,
            raw.marketingConsent(),
            raw.activity());
    return new Checked(segment, problems);
  }

  /** How many of the tenant's contacts the segment holds: one statement. */
  public long count(CampaignSegment checked) {
    Query q = native1(checked.count());
    bind(q, checked.parameters(Tenancy.require(), 0, Instant.now(clock)));
    return ((Number) q.getSingleResult()).longValue();
  }

  /** The form's live count: the number of matching contacts, or the segment's problems. */
  public Count preview(CampaignSegment raw) {
    Checked c = check(raw);
    return c.ok() ? new Count(count(c.segment()), List.of()) : new Count(-1, c.wordings());
  }

  /** The problems of a value mapping for a template body with {@code needs} placeholders. */
  public List<Wording> mappingProblems(int needs, List<ValueMapping> mapping) {
    List<Wording> problems = new ArrayList<>();
    List<ValueMapping> m = mapping == null ? List.of() : mapping;
    for (int i = m.size(); i < needs; i++) {
      problems.add(CampaignWords.PLACEHOLDER_UNMAPPED.with("{{" + (i + 1) + "}}"));
    }
    if (m.size() > needs) {
      problems.add(CampaignWords.PLACEHOLDERS_MAPPED.with(needs, m.size()));
    }
    Set<Long> fields =
        contacts.fields().stream().map(CustomField::getId).collect(Collectors.toSet());
    for (int i = 0; i < Math.min(m.size(), needs); i++) {
      ValueMapping v = m.get(i);
      if (v == null) {
        problems.add(CampaignWords.PLACEHOLDER_UNMAPPED.with("{{" + (i + 1) + "}}"));
        continue;
      }
      problems.addAll(v.wordedProblems(i + 1));
      if (v.source() == ValueMapping.Source.CUSTOM_FIELD
          && v.fieldId() != null
          && !fields.contains(v.fieldId())) {
        problems.add(CampaignWords.PLACEHOLDER_NO_FIELD.with("{{" + (i + 1) + "}}", v.fieldId()));
      }
    }
    return problems;
  }

  /** How many placeholders the template's body has. */
  public static int placeholders(MessageTemplate t) {
    return TemplateParameters.bodyPlaceholders(SendChecks.components(t.getComponents()));
  }

  /** What the value mapping knows about one contact. */
  public ValueMapping.Recipient recipient(Contact c) {
    // A contact without a name shows its number as its name; that is no name to greet with.
    String name = c.getDisplayName();
    if (name == null || name.equals(c.getWaId()) || name.equals(c.getUserId())) {
      name = c.getProfileName();
    }
    return new ValueMapping.Recipient(name, c.getWaId(), lookups.fieldValuesById(c.getId()));
  }

  /** The body values of one recipient. */
  public List<String> values(List<ValueMapping> mapping, ValueMapping.Recipient r) {
    return mapping.stream().map(m -> m.resolve(r)).toList();
  }

  /**
   * Sends the campaign's message to one number, with the values of the contact that has it (the
   * fallbacks when it is unknown or has none): through the guard like any send, under no campaign,
   * so it is no recipient. The same test twice in one minute is one message. No transaction of its
   * own: the contact and the conversation commit before the send's transaction must see them.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public SendResult testSend(
      long connectionId,
      String templateName,
      String language,
      List<ValueMapping> mapping,
      String phone) {
    List<Wording> problems = new ArrayList<>();
    Optional<MessageTemplate> template =
        templateName == null || language == null
            ? Optional.empty()
            : em.createNamedQuery(MessageTemplate.BY_NAME, MessageTemplate.class)
                .setParameter("connection", connectionId)
                .setParameter("name", templateName)
                .setParameter("language", language)
                .getResultStream()
                .findFirst();
    if (template.isEmpty()) {
      problems.add(CampaignWords.PICK_TEMPLATE_OF_NUMBER.with());
    } else {
      problems.addAll(mappingProblems(placeholders(template.get()), mapping));
    }
    Contact contact = null;
    try {
      contact = lookups.findOrCreateByPhone(phone == null ? "" : phone);
    } catch (ContactChangeRefusedException e) {
      problems.add(CampaignWords.TEST_NUMBER.with(Wording.of(e)));
    }
    if (!problems.isEmpty()) {
      throw new CampaignProblemsException(problems);
    }
    List<String> values = values(mapping, recipient(contact));
    Instant now = Instant.now(clock);
    long conversation = conversations.open(connectionId, contact.getId(), now);
    String key =
        "campaign-test-"
            + contact.getId()
            + "-"
            + Integer.toHexString((templateName + "|" + language + "|" + values).hashCode())
            + "-"
            + now.getEpochSecond() / 60;
    return sending.sendTemplate(
        conversation, key, templateName, language, List.of(), values, Map.of());
  }

  private Query native1(String sql) {
    return em.createNativeQuery(sql).setHint("eclipselink.jdbc.allow-native-sql-query", "true");
  }

  private static void bind(Query q, List<Object> params) {
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
  }
}
