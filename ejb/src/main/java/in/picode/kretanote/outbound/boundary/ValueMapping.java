package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one template placeholder of a campaign gets its value for each recipient: a fixed text, a
 * contact field (first name, name, phone) or a custom field, with a fallback used when the
 * contact's value is empty. A resolved value is made fit for a body parameter (Meta refuses line
 * breaks, tabs and runs of spaces) and clipped to Meta's length.
 */
public record ValueMapping(Source source, String text, Long fieldId, String fallback) {

  public static final int TEXT_MAX = 1024;

  public enum Source {
    TEXT,
    FIRST_NAME,
    NAME,
    PHONE,
    CUSTOM_FIELD
  }

  /** What is known about a recipient: the name shown, the phone (digits) and custom values. */
  public record Recipient(String name, String phone, Map<Long, String> fields) {
    public static final Recipient NOBODY = new Recipient(null, null, Map.of());
  }

  public static ValueMapping text(String text) {
    return new ValueMapping(Source.TEXT, text, null, null);
  }

  /** The problems of placeholder {@code n} (1-based), in English; empty when it can be resolved. */
  public List<String> problems(int n) {
    return Wording.english(wordedProblems(n));
  }

  /** {@link #problems} as wordings, for the form in the reader's language. */
  public List<Wording> wordedProblems(int n) {
    List<Wording> p = new ArrayList<>();
    String at = "{{" + n + "}}";
    if (source == null) {
      p.add(CampaignWords.PLACEHOLDER_PICK_SOURCE.with(at));
      return p;
    }
    if (source == Source.TEXT) {
      if (text == null || text.isBlank()) {
        p.add(CampaignWords.PLACEHOLDER_TEXT.with(at));
      } else if (text.length() > TEXT_MAX) {
        p.add(CampaignWords.PLACEHOLDER_TEXT_LONG.with(at, TEXT_MAX));
      }
      return p;
    }
    if (source == Source.CUSTOM_FIELD && fieldId == null) {
      p.add(CampaignWords.PLACEHOLDER_PICK_FIELD.with(at));
    }
    if (fallback == null || fallback.isBlank()) {
      p.add(CampaignWords.PLACEHOLDER_FALLBACK.with(at));
    } else if (fallback.length() > TEXT_MAX) {
      p.add(CampaignWords.PLACEHOLDER_FALLBACK_LONG.with(at, TEXT_MAX));
    }
    return p;
  }

  /** The value for one recipient. */
  public String resolve(Recipient r) {
    String v =
        switch (source) {
          case TEXT -> text;
          case NAME -> r.name();
          case FIRST_NAME -> firstName(r.name());
          case PHONE -> r.phone() == null || r.phone().isBlank() ? null : "+" + r.phone();
          case CUSTOM_FIELD -> fieldId == null ? null : r.fields().get(fieldId);
        };
    String fit = fit(v);
    return fit.isEmpty() ? fit(fallback) : fit;
  }

  static String firstName(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return name.strip().split("\\s+", 2)[0];
  }

  /** One line, no tabs, no runs of spaces, at most Meta's body value length. */
  static String fit(String v) {
    if (v == null) {
      return "";
    }
    String s = v.replaceAll("\\s+", " ").strip();
    return s.length() > TEXT_MAX ? s.substring(0, TEXT_MAX) : s;
  }

  public static String toJson(List<ValueMapping> mappings) {
    JsonArrayBuilder a = Jsons.createArrayBuilder();
    for (ValueMapping m : mappings) {
      JsonObjectBuilder o = Jsons.createObjectBuilder().add("source", m.source().name());
      if (m.text() != null) {
        o.add("text", m.text());
      }
      if (m.fieldId() != null) {
        o.add("field", m.fieldId());
      }
      if (m.fallback() != null) {
        o.add("fallback", m.fallback());
      }
      a.add(o);
    }
    return a.build().toString();
  }

  public static List<ValueMapping> fromJson(String json) {
    try (var reader = Jsons.createReader(new StringReader(json))) {
      List<ValueMapping> out = new ArrayList<>();
      for (JsonValue v : reader.readArray()) {
        JsonObject o = v.asJsonObject();
        out.add(
            new ValueMapping(
                Source.valueOf(o.getString("source").toUpperCase(Locale.ROOT)),
                o.getString("text", null),
                o.containsKey("field") ? o.getJsonNumber("field").longValue() : null,
                o.getString("fallback", null)));
      }
      return out;
    }
  }
}
