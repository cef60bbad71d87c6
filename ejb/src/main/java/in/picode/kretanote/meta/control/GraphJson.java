package in.picode.kretanote.meta.control;

import in.picode.kretanote.meta.boundary.ErrorClass;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.meta.boundary.HealthStatus;
import in.picode.kretanote.meta.boundary.MediaInfo;
import in.picode.kretanote.meta.boundary.PhoneNumberInfo;
import in.picode.kretanote.meta.boundary.SubscribedApp;
import in.picode.kretanote.meta.boundary.TokenInfo;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Reads Meta's answers into our records; tolerant of missing fields, strict about types. */
public final class GraphJson {

  private GraphJson() {}

  public static TokenInfo tokenInfo(JsonObject answer) {
    JsonObject data = answer.get("data") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
    Set<String> scopes = new LinkedHashSet<>();
    if (data.get("scopes") instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (v instanceof JsonString s) {
          scopes.add(s.getString());
        }
      }
    }
    Map<String, List<String>> targets = new LinkedHashMap<>();
    if (data.get("granular_scopes") instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (v instanceof JsonObject g
            && g.get("scope") instanceof JsonString scope
            && g.get("target_ids") instanceof JsonArray ids) {
          List<String> list = new ArrayList<>();
          for (JsonValue id : ids) {
            String s = text(id);
            if (s != null) {
              list.add(s);
            }
          }
          targets.put(scope.getString(), List.copyOf(list));
        }
      }
    }
    long expires = number(data.get("expires_at"));
    Integer errorCode = null;
    Integer errorSubcode = null;
    if (data.get("error") instanceof JsonObject e) {
      errorCode = (int) number(e.get("code"));
      long sub = number(e.get("subcode"));
      errorSubcode = sub == 0 ? null : (int) sub;
    }
    return new TokenInfo(
        data.getBoolean("is_valid", false),
        text(data.get("app_id")),
        text(data.get("type")),
        expires > 0 ? Instant.ofEpochSecond(expires) : null,
        scopes,
        targets,
        errorCode,
        errorSubcode);
  }

  public static PhoneNumberInfo phoneNumber(JsonObject n) {
    String throughput = null;
    if (n.get("throughput") instanceof JsonObject t) {
      throughput = text(t.get("level"));
    }
    return new PhoneNumberInfo(
        text(n.get("id")),
        text(n.get("display_phone_number")),
        text(n.get("verified_name")),
        text(n.get("quality_rating")),
        text(n.get("status")),
        text(n.get("name_status")),
        text(n.get("code_verification_status")),
        text(n.get("account_mode")),
        throughput,
        text(n.get("whatsapp_business_manager_messaging_limit")));
  }

  public static List<PhoneNumberInfo> phoneNumbers(JsonObject answer) {
    List<PhoneNumberInfo> out = new ArrayList<>();
    if (answer.get("data") instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (v instanceof JsonObject o) {
          out.add(phoneNumber(o));
        }
      }
    }
    return out;
  }

  public static HealthStatus healthStatus(JsonObject answer) {
    JsonObject h =
        answer.get("health_status") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    List<HealthStatus.Issue> issues = new ArrayList<>();
    if (h.get("entities") instanceof JsonArray entities) {
      for (JsonValue v : entities) {
        if (!(v instanceof JsonObject e)) {
          continue;
        }
        String type = text(e.get("entity_type"));
        String id = text(e.get("id"));
        String can = text(e.get("can_send_message"));
        if (e.get("errors") instanceof JsonArray errors && !errors.isEmpty()) {
          for (JsonValue ev : errors) {
            if (ev instanceof JsonObject err) {
              long code = number(err.get("error_code"));
              issues.add(
                  new HealthStatus.Issue(
                      type,
                      id,
                      can,
                      code == 0 ? null : (int) code,
                      text(err.get("error_description")),
                      text(err.get("possible_solution"))));
            }
          }
        } else if (can != null && !"AVAILABLE".equals(can)) {
          issues.add(new HealthStatus.Issue(type, id, can, null, null, null));
        }
      }
    }
    String overall = text(h.get("can_send_message"));
    return new HealthStatus(overall == null ? "UNKNOWN" : overall, issues);
  }

  public static List<SubscribedApp> subscribedApps(JsonObject answer) {
    List<SubscribedApp> out = new ArrayList<>();
    if (answer.get("data") instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (v instanceof JsonObject o) {
          JsonObject app = o.get("whatsapp_business_api_data") instanceof JsonObject d ? d : o;
          out.add(
              new SubscribedApp(
                  text(app.get("id")),
                  text(app.get("name")),
                  text(o.get("override_callback_uri"))));
        }
      }
    }
    return out;
  }

  /**
   * {@code GET /{media-id}}: {@code url}, {@code mime_type}, {@code sha256}, {@code file_size}. An
   * answer without an absolute http(s) URL is not usable and counts as a hiccup at Meta.
   */
  public static MediaInfo mediaInfo(JsonObject answer) {
    String url = text(answer.get("url"));
    URI uri = null;
    if (url != null && url.length() <= 4096) {
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        uri = null;
      }
    }
    if (uri == null
        || uri.getHost() == null
        || !("https".equalsIgnoreCase(uri.getScheme())
            || "http".equalsIgnoreCase(uri.getScheme()))) {
      throw new GraphException(
          "read media",
          200,
          null,
          null,
          "Meta's answer named no usable download URL",
          null,
          null,
          ErrorClass.TRANSIENT);
    }
    JsonValue size = answer.get("file_size");
    long bytes = number(size);
    return new MediaInfo(
        uri,
        Optional.ofNullable(text(answer.get("mime_type"))),
        Optional.ofNullable(text(answer.get("sha256"))),
        size == null || (bytes == 0 && !(size instanceof JsonNumber))
            ? OptionalLong.empty()
            : OptionalLong.of(bytes));
  }

  /** A string, or a number rendered as digits (Meta sends ids either way). */
  static String text(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.isIntegral() ? n.bigIntegerValue().toString() : n.toString();
    }
    return null;
  }

  private static long number(JsonValue v) {
    if (v instanceof JsonNumber n) {
      return n.longValue();
    }
    if (v instanceof JsonString s && s.getString().matches("[0-9]{1,18}")) {
      return Long.parseLong(s.getString());
    }
    return 0;
  }

  public static in.picode.kretanote.meta.boundary.AcceptedMessage acceptedMessage(
      JsonObject answer) {
    String wamid = null;
    if (answer.get("messages") instanceof JsonArray messages
        && !messages.isEmpty()
        && messages.get(0) instanceof JsonObject first) {
      wamid = text(first.get("id"));
    }
    String waId = null;
    if (answer.get("contacts") instanceof JsonArray contacts
        && !contacts.isEmpty()
        && contacts.get(0) instanceof JsonObject first) {
      waId = text(first.get("wa_id"));
    }
    if (wamid == null || wamid.isBlank() || wamid.length() > 255) {
      throw in.picode.kretanote.meta.boundary.GraphException.unanswered(
          "send message", "Meta's answer named no message id");
    }
    return new in.picode.kretanote.meta.boundary.AcceptedMessage(wamid, waId);
  }

  public static List<in.picode.kretanote.meta.boundary.TemplateInfo> templates(JsonObject answer) {
    List<in.picode.kretanote.meta.boundary.TemplateInfo> list = new ArrayList<>();
    if (answer.get("data") instanceof JsonArray data) {
      for (JsonValue v : data) {
        if (v instanceof JsonObject t && text(t.get("name")) != null) {
          String reason = text(t.get("rejected_reason"));
          list.add(
              new in.picode.kretanote.meta.boundary.TemplateInfo(
                  text(t.get("id")),
                  text(t.get("name")),
                  text(t.get("language")),
                  text(t.get("category")),
                  text(t.get("status")),
                  reason == null || reason.equals("NONE") ? null : reason,
                  t.get("components") instanceof JsonArray c ? c : JsonValue.EMPTY_JSON_ARRAY));
        }
      }
    }
    return list;
  }

  /** The {@code after} cursor when Meta says there is a next page, else {@code null}. */
  public static String nextCursor(JsonObject answer) {
    if (answer.get("paging") instanceof JsonObject paging
        && paging.containsKey("next")
        && paging.get("cursors") instanceof JsonObject cursors) {
      return text(cursors.get("after"));
    }
    return null;
  }
}
