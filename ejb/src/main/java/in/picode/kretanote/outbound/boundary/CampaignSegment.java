package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who a campaign goes to: contacts with any of some tags, with all of others, with none of a third
 * set; whose conversations carry any of some labels; whose custom fields meet conditions; who
 * granted marketing consent; whose last message was (or was not) within some days. A contact must
 * meet every criterion given. Builds the native SQL the campaign engine runs: every statement is
 * bound to one tenant, walks contacts by id (keyset) and tests each criterion with an EXISTS on a
 * unique key that starts (tenant, contact), so a count is one statement and no contact is read on
 * its own. Every user value is a bound parameter; only the shape (how many tags, which operator)
 * changes the text.
 */
public record CampaignSegment(
    List<String> anyTags,
    List<String> allTags,
    List<String> noTags,
    List<Long> labels,
    List<Condition> conditions,
    boolean marketingConsent,
    Activity activity) {

  public static final int MAX_TAGS = 20;
  public static final int MAX_LABELS = 20;
  public static final int MAX_CONDITIONS = 10;
  public static final int MAX_DAYS = 3650;

  /** A custom-field test; {@code type} is the field's type (TEXT, NUMBER, DATE, BOOLEAN). */
  public record Condition(long fieldId, String type, Op op, String value) {}

  public enum Op {
    EQUALS,
    CONTAINS,
    IS_SET,
    IS_EMPTY,
    GREATER,
    LESS;

    public boolean needsValue() {
      return this != IS_SET && this != IS_EMPTY;
    }
  }

  /** The customer wrote within the last {@code days} days ({@code within}), or not. */
  public record Activity(boolean within, int days) {}

  public CampaignSegment {
    anyTags = clean(anyTags);
    allTags = clean(allTags);
    noTags = clean(noTags);
    labels = labels == null ? List.of() : List.copyOf(labels);
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    if (isEmpty(anyTags, allTags, noTags, labels, conditions, marketingConsent, activity)) {
      throw new WordedArgumentException(CampaignWords.SEGMENT_EMPTY.with());
    }
  }

  /** The segment of campaigns written before segments had more than one tag. */
  public CampaignSegment(String tag, boolean marketingConsent) {
    this(
        List.of(),
        tag == null || tag.isBlank() ? List.of() : List.of(tag),
        List.of(),
        List.of(),
        List.of(),
        marketingConsent,
        null);
  }

  private static boolean isEmpty(
      List<String> any,
      List<String> all,
      List<String> none,
      List<Long> labels,
      List<Condition> conditions,
      boolean consent,
      Activity activity) {
    return any.isEmpty()
        && all.isEmpty()
        && none.isEmpty()
        && labels.isEmpty()
        && conditions.isEmpty()
        && !consent
        && activity == null;
  }

  private static List<String> clean(List<String> tags) {
    return tags == null
        ? List.of()
        : tags.stream()
            .filter(t -> t != null && !t.isBlank())
            .map(String::strip)
            .distinct()
            .toList();
  }

  /**
   * What is wrong with the segment's shape, in words (sizes, operators that do not fit the field's
   * type, values that are not numbers or dates); empty when it can be run.
   */
  public List<String> problems() {
    List<Wording> p = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      p.addAll(problems(i + 1, conditions.get(i)));
    }
    p.addAll(shapeProblems());
    return Wording.english(p);
  }

  /** The problems of the segment's sizes and last activity (not of its conditions). */
  public List<Wording> shapeProblems() {
    List<Wording> p = new ArrayList<>();
    if (anyTags.size() > MAX_TAGS || allTags.size() > MAX_TAGS || noTags.size() > MAX_TAGS) {
      p.add(CampaignWords.TAGS_MAX.with(MAX_TAGS));
    }
    if (labels.size() > MAX_LABELS) {
      p.add(CampaignWords.LABELS_MAX.with(MAX_LABELS));
    }
    if (conditions.size() > MAX_CONDITIONS) {
      p.add(CampaignWords.CONDITIONS_MAX.with(MAX_CONDITIONS));
    }
    if (activity != null && (activity.days() < 1 || activity.days() > MAX_DAYS)) {
      p.add(CampaignWords.ACTIVITY_DAYS.with(MAX_DAYS));
    }
    return p;
  }

  /** What is wrong with condition number {@code n} for its field's type. */
  public static List<Wording> problems(int n, Condition c) {
    List<Wording> p = new ArrayList<>();
    if (c.op() == null) {
      p.add(CampaignWords.CONDITION_PICK_OP.with(n));
      return p;
    }
    if (c.op().needsValue() && (c.value() == null || c.value().isBlank())) {
      p.add(CampaignWords.CONDITION_NEEDS_VALUE.with(n));
    }
    boolean ordered = "NUMBER".equals(c.type()) || "DATE".equals(c.type());
    if ((c.op() == Op.GREATER || c.op() == Op.LESS) && !ordered) {
      p.add(CampaignWords.CONDITION_ORDERED.with(n));
    }
    if (c.op() == Op.CONTAINS && !"TEXT".equals(c.type())) {
      p.add(CampaignWords.CONDITION_CONTAINS.with(n));
    }
    return p;
  }

  /** The next contact ids after a cursor: parameters are {@link #parameters} plus the limit. */
  public String nextIds() {
    return "SELECT k.id FROM contact k WHERE " + where(null) + " ORDER BY k.id LIMIT ?";
  }

  /** How many contacts the segment holds: parameters are {@link #parameters}. */
  public String count() {
    return "SELECT COUNT(*) FROM contact k WHERE " + where(null);
  }

  /** Tenant, cursor (contact id after which to look), then each criterion's values in order. */
  public List<Object> parameters(long tenantId, long after) {
    return parameters(tenantId, after, Instant.now());
  }

  /** As above, with last activity measured back from {@code now}. */
  public List<Object> parameters(long tenantId, long after, Instant now) {
    List<Object> p = new ArrayList<>();
    p.add(tenantId);
    p.add(after);
    where(new Binder(p, now));
    return p;
  }

  private record Binder(List<Object> params, Instant now) {}

  /** The WHERE text; with a binder, the parameters are collected in the same order. */
  private String where(Binder b) {
    StringBuilder w = new StringBuilder("k.tenant_id = ? AND k.id > ?");
    if (!anyTags.isEmpty()) {
      w.append(" AND EXISTS (").append(tagIn(anyTags, b)).append(")");
    }
    for (String tag : allTags) {
      w.append(" AND EXISTS (").append(tagIn(List.of(tag), b)).append(")");
    }
    if (!noTags.isEmpty()) {
      w.append(" AND NOT EXISTS (").append(tagIn(noTags, b)).append(")");
    }
    if (!labels.isEmpty()) {
      w.append(
          " AND EXISTS (SELECT 1 FROM conversation v JOIN conversation_label l"
              + " ON l.tenant_id = v.tenant_id AND l.conversation_id = v.id"
              + " WHERE v.tenant_id = k.tenant_id AND v.contact_id = k.id AND l.label_id IN (");
      marks(labels, w, b);
      w.append("))");
    }
    for (Condition c : conditions) {
      condition(c, w, b);
    }
    if (marketingConsent) {
      w.append(
          " AND EXISTS (SELECT 1 FROM contact_consent c WHERE c.tenant_id = k.tenant_id"
              + " AND c.contact_id = k.id AND c.category = 'MARKETING' AND c.granted = TRUE)");
    }
    if (activity != null) {
      w.append(activity.within() ? " AND EXISTS" : " AND NOT EXISTS")
          .append(
              " (SELECT 1 FROM conversation a WHERE a.tenant_id = k.tenant_id"
                  + " AND a.contact_id = k.id AND a.last_customer_message_at >= ?)");
      if (b != null) {
        b.params().add(Timestamp.from(b.now().minus(Duration.ofDays(activity.days()))));
      }
    }
    return w.toString();
  }

  private static String tagIn(List<String> tags, Binder b) {
    StringBuilder s =
        new StringBuilder(
            "SELECT 1 FROM contact_tag t WHERE t.tenant_id = k.tenant_id AND t.contact_id = k.id");
    if (tags.size() == 1) {
      s.append(" AND t.tag = ?");
      if (b != null) {
        b.params().add(tags.get(0));
      }
    } else {
      s.append(" AND t.tag IN (");
      marks(tags, s, b);
      s.append(")");
    }
    return s.toString();
  }

  private static void marks(List<?> values, StringBuilder s, Binder b) {
    for (int i = 0; i < values.size(); i++) {
      s.append(i == 0 ? "?" : ", ?");
      if (b != null) {
        b.params().add(values.get(i));
      }
    }
  }

  private static void condition(Condition c, StringBuilder w, Binder b) {
    String exists =
        "EXISTS (SELECT 1 FROM contact_field_value f WHERE f.tenant_id = k.tenant_id"
            + " AND f.contact_id = k.id AND f.field_id = ?";
    w.append(c.op() == Op.IS_EMPTY ? " AND NOT " : " AND ").append(exists);
    List<Object> p = b == null ? new ArrayList<>() : b.params();
    p.add(c.fieldId());
    switch (c.op()) {
      case EQUALS -> {
        w.append(" AND f.value = ?");
        p.add(c.value());
      }
      case CONTAINS -> {
        w.append(" AND f.value LIKE ? ESCAPE '!'");
        p.add("%" + c.value().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
      }
      case GREATER, LESS -> {
        String op = c.op() == Op.GREATER ? " > ?" : " < ?";
        if ("NUMBER".equals(c.type())) {
          // Values are stored in canonical text; the cast compares them as numbers.
          w.append(" AND CAST(f.value AS DECIMAL(38, 10))").append(op);
          p.add(new BigDecimal(c.value()));
        } else {
          // Canonical dates (yyyy-MM-dd) sort as text.
          w.append(" AND f.value").append(op);
          p.add(c.value());
        }
      }
      case IS_SET, IS_EMPTY -> {}
    }
    w.append(")");
  }

  /** In words (English), for the campaign list and a draft's problem list. */
  public String describe() {
    return SegmentWords.describe(this, Wording::english, ", ");
  }

  public String toJson() {
    JsonObjectBuilder o =
        Jsons.createObjectBuilder()
            .add("anyTags", strings(anyTags))
            .add("allTags", strings(allTags))
            .add("noTags", strings(noTags));
    JsonArrayBuilder l = Jsons.createArrayBuilder();
    labels.forEach(l::add);
    o.add("labels", l);
    JsonArrayBuilder cs = Jsons.createArrayBuilder();
    for (Condition c : conditions) {
      JsonObjectBuilder j =
          Jsons.createObjectBuilder()
              .add("field", c.fieldId())
              .add("type", c.type())
              .add("op", c.op().name());
      if (c.value() != null) {
        j.add("value", c.value());
      }
      cs.add(j);
    }
    o.add("conditions", cs).add("marketingConsent", marketingConsent);
    if (activity != null) {
      o.add(
          "activity",
          Jsons.createObjectBuilder()
              .add("within", activity.within())
              .add("days", activity.days()));
    }
    return o.build().toString();
  }

  public static CampaignSegment fromJson(String json) {
    try (var reader = Jsons.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      List<Condition> conditions = new ArrayList<>();
      for (JsonValue v : o.getJsonArray("conditions")) {
        JsonObject c = v.asJsonObject();
        conditions.add(
            new Condition(
                c.getJsonNumber("field").longValue(),
                c.getString("type"),
                Op.valueOf(c.getString("op").toUpperCase(Locale.ROOT)),
                c.getString("value", null)));
      }
      JsonObject a = o.getJsonObject("activity");
      return new CampaignSegment(
          strings(o.getJsonArray("anyTags")),
          strings(o.getJsonArray("allTags")),
          strings(o.getJsonArray("noTags")),
          o.getJsonArray("labels").getValuesAs(JsonNumber.class).stream()
              .map(JsonNumber::longValue)
              .toList(),
          conditions,
          o.getBoolean("marketingConsent", false),
          a == null ? null : new Activity(a.getBoolean("within"), a.getInt("days")));
    }
  }

  private static JsonArrayBuilder strings(List<String> list) {
    JsonArrayBuilder b = Jsons.createArrayBuilder();
    list.forEach(b::add);
    return b;
  }

  private static List<String> strings(JsonArray a) {
    return a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }
}
