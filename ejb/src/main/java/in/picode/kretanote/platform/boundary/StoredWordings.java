package in.picode.kretanote.platform.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Wording} kept in a row (a paused rule's or campaign's reason, a rule run's log), so a
 * page words it in the reader's language long after it was said: JSON of its code, English pattern
 * and arguments ({@code {"c":…,"p":…,"a":[…]}}; a wording argument nested the same way, a sentence
 * without a code as {@code {"t":…}}, a weekday as {@code {"d":…}}, a moment as {@code {"i":…}};
 * several sentences as a JSON array of them). The pattern travels with the code, so a row reads
 * back without knowing the feature that said it, and shows its English if the code's text is gone.
 * The row keeps its English sentence too (the API, logs, and the rows from before).
 */
public final class StoredWordings {

  private StoredWordings() {}

  /** {@code w} as JSON, or null when it has no code or the JSON is longer than {@code max}. */
  public static String json(Wording w, int max) {
    if (w == null || w.code() == null) {
      return null;
    }
    String out = node(w).toString();
    return out.length() > max ? null : out;
  }

  /** The wording kept as {@code json}; empty when there is none or it cannot be read. */
  public static Optional<Wording> read(String json) {
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    try (var r = Jsons.createReader(new StringReader(json))) {
      return Optional.of(wording(r.readObject()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Several sentences as one JSON array, or null when one of them has no code or the JSON is longer
   * than {@code max}.
   */
  public static String jsonAll(List<Wording> sentences, int max) {
    JsonArrayBuilder all = Jsons.createArrayBuilder();
    for (Wording w : sentences) {
      if (w == null || w.code() == null) {
        return null;
      }
      all.add(node(w));
    }
    String out = all.build().toString();
    return out.length() > max ? null : out;
  }

  /** The sentences kept by {@link #jsonAll}; empty when there are none or they cannot be read. */
  public static List<Wording> readAll(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try (var r = Jsons.createReader(new StringReader(json))) {
      List<Wording> out = new ArrayList<>();
      for (JsonValue v : r.readArray()) {
        out.add(wording(v.asJsonObject()));
      }
      return out;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** The wording kept as {@code json}, else {@code english} as it is (null when both are null). */
  public static Wording read(String json, String english) {
    return read(json).orElse(english == null ? null : Wording.unworded(english));
  }

  private static JsonObject node(Wording w) {
    if (w.code() == null) {
      return Jsons.createObjectBuilder().add("t", w.pattern()).build();
    }
    JsonArrayBuilder args = Jsons.createArrayBuilder();
    for (Object a : w.args()) {
      if (a instanceof Wording n) {
        args.add(node(n));
      } else if (a instanceof Integer || a instanceof Long || a instanceof Short) {
        args.add(((Number) a).longValue());
      } else if (a instanceof BigInteger b) {
        args.add(b);
      } else if (a instanceof Number n) {
        args.add(new BigDecimal(n.toString()));
      } else if (a instanceof DayOfWeek d) {
        args.add(Jsons.createObjectBuilder().add("d", d.name()));
      } else if (a instanceof Instant i) {
        args.add(Jsons.createObjectBuilder().add("i", i.toString()));
      } else {
        args.add(String.valueOf(a));
      }
    }
    JsonObjectBuilder o =
        Jsons.createObjectBuilder().add("c", w.code()).add("p", w.pattern()).add("a", args);
    return o.build();
  }

  private static Wording wording(JsonObject o) {
    if (!o.containsKey("c")) {
      return Wording.unworded(o.getString("t"));
    }
    List<Object> args = new ArrayList<>();
    JsonArray a = o.getJsonArray("a");
    for (JsonValue v : a == null ? List.<JsonValue>of() : a) {
      args.add(arg(v));
    }
    return new Wording(o.getString("c"), o.getString("p"), args);
  }

  private static Object arg(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.isIntegral() ? (Object) n.longValue() : (Object) n.doubleValue();
    }
    if (v instanceof JsonObject o) {
      if (o.containsKey("d")) {
        return DayOfWeek.valueOf(o.getString("d"));
      }
      return o.containsKey("i") ? Instant.parse(o.getString("i")) : wording(o);
    }
    return String.valueOf(v);
  }
}
