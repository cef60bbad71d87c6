package in.picode.kretanote.outbound.control;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Meta's message object for {@code POST /{PNID}/messages}, built from an {@link OutgoingContent}:
 * {@code messaging_product}, {@code recipient_type}, {@code to}, {@code type}, the type's own
 * object and, for a reply, {@code context.message_id}.
 */
public final class MetaPayloads {

  private MetaPayloads() {}

  /** To a phone number ({@code to}). */
  public static JsonObject build(String to, OutgoingContent content, String contextWamid) {
    return build(to, null, content, contextWamid, null);
  }

  /** To a phone number, with a template's components; see the five-argument form. */
  public static JsonObject build(
      String to, OutgoingContent content, String contextWamid, JsonArray components) {
    return build(to, null, content, contextWamid, components);
  }

  /** To a contact by its phone number or else its user id; see the five-argument form. */
  public static JsonObject build(
      String waId, String userId, OutgoingContent content, String contextWamid) {
    return build(waId, userId, content, contextWamid, null);
  }

  /**
   * To a contact by its phone number ({@code waId}) when known, else by its business-scoped user
   * id: Meta's Messages API takes a phone number in {@code to} and a BSUID (or parent BSUID) in
   * {@code recipient}, and when both are sent {@code to} wins; Meta recommends the phone number
   * where there is one. So exactly one of the two is sent.
   *
   * <p>With a template's components ({@code null} when unknown): a NAMED template's body values
   * carry their {@code parameter_name}, a copy-code button its {@code coupon_code}, and an
   * authentication template's code button the code itself (the body's one value) when the send gave
   * none.
   */
  public static JsonObject build(
      String waId,
      String userId,
      OutgoingContent content,
      String contextWamid,
      JsonArray components) {
    JsonObjectBuilder json =
        Jsons.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add("recipient_type", "individual");
    if (waId != null) {
      json.add("to", waId);
    } else if (userId != null) {
      json.add("recipient", userId);
    } else {
      throw new IllegalArgumentException("A message needs a phone number or a user id");
    }
    json.add("type", content.type());
    if (contextWamid != null && !(content instanceof OutgoingContent.Reaction)) {
      json.add("context", Jsons.createObjectBuilder().add("message_id", contextWamid));
    }
    if (content instanceof OutgoingContent.ContactCard card) {
      json.add("contacts", Jsons.createArrayBuilder().add(card(card)));
    } else {
      json.add(
          content.type(),
          content instanceof OutgoingContent.Template t && components != null
              ? TemplatePayload.of(t, components)
              : object(content));
    }
    return json.build();
  }

  private static JsonObjectBuilder card(OutgoingContent.ContactCard c) {
    String[] words = c.name().split("\\s+", 2);
    JsonObjectBuilder name =
        Jsons.createObjectBuilder().add("formatted_name", c.name()).add("first_name", words[0]);
    if (words.length > 1) {
      name.add("last_name", words[1]);
    }
    JsonObjectBuilder card = Jsons.createObjectBuilder().add("name", name);
    if (c.phone() != null) {
      card.add(
          "phones",
          Jsons.createArrayBuilder()
              .add(Jsons.createObjectBuilder().add("phone", c.phone()).add("type", "CELL")));
    }
    if (c.email() != null) {
      card.add(
          "emails",
          Jsons.createArrayBuilder()
              .add(Jsons.createObjectBuilder().add("email", c.email()).add("type", "WORK")));
    }
    if (c.company() != null) {
      card.add("org", Jsons.createObjectBuilder().add("company", c.company()));
    }
    return card;
  }

  private static JsonObjectBuilder object(OutgoingContent content) {
    if (content instanceof OutgoingContent.Text t) {
      return Jsons.createObjectBuilder().add("preview_url", t.previewUrl()).add("body", t.body());
    }
    if (content instanceof OutgoingContent.Media m) {
      JsonObjectBuilder o = Jsons.createObjectBuilder().add("id", m.mediaId());
      if (m.caption() != null) {
        o.add("caption", m.caption());
      }
      if (m.filename() != null && m.kind() == OutgoingContent.MediaKind.DOCUMENT) {
        o.add("filename", m.filename());
      }
      return o;
    }
    if (content instanceof OutgoingContent.MediaLink m) {
      JsonObjectBuilder o = Jsons.createObjectBuilder().add("link", m.link());
      if (m.caption() != null) {
        o.add("caption", m.caption());
      }
      if (m.filename() != null && m.kind() == OutgoingContent.MediaKind.DOCUMENT) {
        o.add("filename", m.filename());
      }
      return o;
    }
    if (content instanceof OutgoingContent.Location l) {
      JsonObjectBuilder o =
          Jsons.createObjectBuilder().add("latitude", l.latitude()).add("longitude", l.longitude());
      if (l.name() != null) {
        o.add("name", l.name());
      }
      if (l.address() != null) {
        o.add("address", l.address());
      }
      return o;
    }
    if (content instanceof OutgoingContent.Buttons b) {
      JsonArrayBuilder buttons = Jsons.createArrayBuilder();
      for (OutgoingContent.Button button : b.buttons()) {
        buttons.add(
            Jsons.createObjectBuilder()
                .add("type", "reply")
                .add(
                    "reply",
                    Jsons.createObjectBuilder()
                        .add("id", button.id())
                        .add("title", button.title())));
      }
      JsonObjectBuilder o =
          Jsons.createObjectBuilder()
              .add("type", "button")
              .add("body", Jsons.createObjectBuilder().add("text", b.body()))
              .add("action", Jsons.createObjectBuilder().add("buttons", buttons));
      if (b.footer() != null) {
        o.add("footer", Jsons.createObjectBuilder().add("text", b.footer()));
      }
      return o;
    }
    if (content instanceof OutgoingContent.ListMessage l) {
      JsonArrayBuilder sections = Jsons.createArrayBuilder();
      for (OutgoingContent.Section section : l.sections()) {
        JsonArrayBuilder rows = Jsons.createArrayBuilder();
        for (OutgoingContent.Row row : section.rows()) {
          JsonObjectBuilder r =
              Jsons.createObjectBuilder().add("id", row.id()).add("title", row.title());
          if (row.description() != null) {
            r.add("description", row.description());
          }
          rows.add(r);
        }
        JsonObjectBuilder s = Jsons.createObjectBuilder().add("rows", rows);
        if (section.title() != null) {
          s.add("title", section.title());
        }
        sections.add(s);
      }
      JsonObjectBuilder o =
          Jsons.createObjectBuilder()
              .add("type", "list")
              .add("body", Jsons.createObjectBuilder().add("text", l.body()))
              .add(
                  "action",
                  Jsons.createObjectBuilder()
                      .add("button", l.buttonText())
                      .add("sections", sections));
      if (l.footer() != null) {
        o.add("footer", Jsons.createObjectBuilder().add("text", l.footer()));
      }
      return o;
    }
    if (content instanceof OutgoingContent.Reaction r) {
      return Jsons.createObjectBuilder().add("message_id", r.targetWamid()).add("emoji", r.emoji());
    }
    if (content instanceof OutgoingContent.Template t) {
      JsonArrayBuilder components = Jsons.createArrayBuilder();
      if (t.headerMedia() != null) {
        components.add(TemplatePayload.mediaHeader(t.headerMedia()));
      } else if (!t.header().isEmpty()) {
        components.add(component("header", t.header()));
      }
      if (!t.body().isEmpty()) {
        components.add(component("body", t.body()));
      }
      for (Map.Entry<Integer, List<String>> b : new TreeMap<>(t.buttons()).entrySet()) {
        components.add(
            component("button", b.getValue())
                .add("sub_type", "url")
                .add("index", String.valueOf(b.getKey())));
      }
      return Jsons.createObjectBuilder()
          .add("name", t.name())
          .add("language", Jsons.createObjectBuilder().add("code", t.language()))
          .add("components", components);
    }
    throw new IllegalArgumentException("Unknown content " + content.getClass());
  }

  private static JsonObjectBuilder component(String type, List<String> values) {
    JsonArrayBuilder parameters = Jsons.createArrayBuilder();
    for (String v : values) {
      parameters.add(Jsons.createObjectBuilder().add("type", "text").add("text", v));
    }
    return Jsons.createObjectBuilder().add("type", type).add("parameters", parameters);
  }
}
