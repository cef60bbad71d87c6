package in.picode.kretanote.contact.view;

import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.outbound.boundary.ContactTemplates;
import in.picode.kretanote.outbound.boundary.OutboundRefusedException;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The contact page's "Send template": an approved template of one of the business's numbers, with
 * its values one per line, to this contact, also when no conversation exists yet. The form carries
 * an idempotency key, so a double click sends once; the guard's refusal is shown in its words;
 * after sending, the conversation opens.
 */
@Named
@ViewScoped
public class ContactTemplateBean implements Serializable {

  private static final String T = "in.picode.kretanote.contact.view.ContactTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient ContactTemplates contactTemplates;
  @Inject transient Templates templates;
  @Inject transient WhatsAppConnections connections;
  @Inject ContactBean contact;

  private Map<String, String> choices = Map.of();
  private String template;
  private String values;
  private String key = UUID.randomUUID().toString();

  @PostConstruct
  void load() {
    Map<String, String> out = new LinkedHashMap<>();
    for (WhatsAppConnection c : connections.list()) {
      if (c.getStatus() != WhatsAppConnection.Status.CONNECTED) {
        continue;
      }
      for (MessageTemplate t : templates.of(c.getId())) {
        if ("APPROVED".equals(t.getStatus())) {
          out.put(
              t.getName() + " (" + t.getLanguage() + ") · " + c.getDisplayPhoneNumber(),
              c.getId() + "|" + t.getName() + "|" + t.getLanguage());
        }
      }
    }
    choices = out;
  }

  public String send() {
    String[] parts = template == null ? new String[0] : template.split("\\|", 3);
    if (parts.length != 3 || PageMessages.parseId(parts[0]) == null) {
      PageMessages.error("sendTemplate", "template", Texts.of(T, "contact.template.pick"));
      return null;
    }
    List<String> list =
        values == null || values.isBlank()
            ? List.of()
            : Arrays.stream(values.split("\\r?\\n")).map(String::strip).toList();
    ContactTemplates.Sent sent;
    try {
      sent =
          contactTemplates.send(
              Long.parseLong(parts[0]), contact.getContactId(), key, parts[1], parts[2], list);
    } catch (OutboundRefusedException e) {
      PageMessages.error(Wordings.of(e));
      return null;
    }
    if (!sent.result().isQueued()) {
      PageMessages.error(Wordings.of(sent.result().refusalWording()));
      return null;
    }
    key = UUID.randomUUID().toString();
    return "/app/conversation?faces-redirect=true&id=" + sent.conversationId();
  }

  public Map<String, String> getChoices() {
    return choices;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public String getValues() {
    return values;
  }

  public void setValues(String values) {
    this.values = values;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
