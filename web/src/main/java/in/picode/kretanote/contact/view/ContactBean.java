package in.picode.kretanote.contact.view;

import in.picode.kretanote.contact.boundary.Consents;
import in.picode.kretanote.contact.boundary.ContactChangeRefusedException;
import in.picode.kretanote.contact.boundary.ContactNotFoundException;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.ConsentEvent;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.outbound.boundary.OutboundRefusedException;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One contact: details, tags, custom field values, conversations, and consent (the current state
 * per category and the ledger of every change, with what caused it); the id is tenant-checked. A
 * team member may record a change of marketing consent the customer gave outside WhatsApp (on the
 * phone, in the shop); the ledger keeps who recorded it and the note they gave.
 */
@Named
@ViewScoped
public class ContactBean implements Serializable {

  private static final String T = "in.picode.kretanote.contact.view.ContactTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient Contacts contacts;
  @Inject transient Conversations conversations;
  @Inject transient Consents consents;
  @Inject CurrentUser currentUser;

  /** The categories a business asks consent for; service messages need none. */
  static final List<Category> CONSENT_CATEGORIES =
      List.of(Category.MARKETING, Category.UTILITY, Category.AUTHENTICATION);

  static final int NOTE_MAX = 255;

  /** A category's current consent, as the page shows it. */
  public record ConsentState(Category category, Boolean granted) implements Serializable {
    /** Opted in, opted out or not recorded, in the page's language. */
    public String state() {
      return granted == null
          ? Texts.of(T, "consent.notRecorded")
          : Texts.of(T, granted ? "consent.optedIn" : "consent.optedOut");
    }
  }

  private String id;
  private long contactId;
  private Contact contact;
  private List<String> tags = List.of();
  private Map<String, String> values = Map.of();
  private List<CustomField> fields = List.of();
  private List<Conversation> history = List.of();
  private String newTag;
  private Long fieldId;
  private String fieldValue;
  private List<ConsentEvent> ledger = List.of();
  private List<ConsentState> consentStates = List.of();
  private Boolean consentGranted;
  private String consentNote;

  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    Long parsed = PageMessages.parseId(id);
    contact = parsed == null ? null : contacts.find(parsed).orElse(null);
    if (contact == null) {
      PageMessages.notFound();
      return;
    }
    contactId = parsed;
    refresh();
  }

  private void refresh() {
    contact = contacts.get(contactId);
    tags = contacts.tags(contactId);
    fields = contacts.fields();
    values = contacts.fieldValues(contactId);
    history = conversations.ofContact(contactId);
    ledger = consents.ledger(contactId);
    consentStates =
        CONSENT_CATEGORIES.stream()
            .map(
                category ->
                    new ConsentState(category, consents.consent(contactId, category).orElse(null)))
            .toList();
  }

  /** The line under the name: opted out of everything, of marketing, or not. */
  public String getOptOutSummary() {
    if (contact.isOptedOut()) {
      return Texts.of(T, "contact.optOut.all");
    }
    return consentStates.stream()
            .anyMatch(s -> s.category() == Category.MARKETING && Boolean.FALSE.equals(s.granted()))
        ? Texts.of(T, "contact.optOut.marketing")
        : Texts.of(T, "contact.optOut.no");
  }

  /** Records a marketing consent change the customer gave outside WhatsApp. */
  public void recordConsent() {
    String note = consentNote == null ? "" : consentNote.strip();
    boolean ok = true;
    if (consentGranted == null) {
      PageMessages.error(Texts.of(T, "contact.consent.choose"));
      ok = false;
    }
    if (note.isEmpty() || note.length() > NOTE_MAX) {
      PageMessages.error(Texts.of(T, "contact.consent.note", NOTE_MAX));
      ok = false;
    }
    if (!ok) {
      return;
    }
    try {
      boolean changed =
          consents.change(
              contactId,
              Category.MARKETING,
              consentGranted,
              ConsentEvent.Source.AGENT,
              currentUser.getEmail(),
              note);
      refresh();
      PageMessages.info(
          Texts.of(T, changed ? "contact.consent.recorded" : "contact.consent.unchanged"));
      consentGranted = null;
      consentNote = null;
    } catch (OutboundRefusedException e) {
      PageMessages.error(Texts.of(T, "contact.gone"));
    }
  }

  /** What caused a ledger entry, in plain words. */
  public String cause(ConsentEvent e) {
    String evidence = e.getEvidence() == null ? "" : e.getEvidence();
    return switch (e.getSource()) {
      case KEYWORD -> Texts.of(T, "contact.cause.keyword", evidence.split(" ", 2)[0]);
      case META_131050 -> Texts.of(T, "contact.cause.meta131050");
      case AGENT ->
          Texts.of(
              T,
              "contact.cause.agent",
              e.getActor() == null ? Texts.of(T, "contact.cause.teamMember") : e.getActor(),
              evidence);
      case API ->
          evidence.isEmpty()
              ? Texts.of(T, "contact.cause.api")
              : Texts.of(T, "contact.cause.apiWith", evidence);
      case META_USER_PREFERENCE ->
          Texts.of(
              T,
              e.isGranted() ? "contact.cause.resumedPromotions" : "contact.cause.stopPromotions",
              evidence);
    };
  }

  public void addTag() {
    act(() -> contacts.tag(contactId, newTag), Texts.of(T, "contact.tag.added"));
    newTag = null;
  }

  public void removeTag(String tag) {
    act(() -> contacts.untag(contactId, tag), Texts.of(T, "contact.tag.removed"));
  }

  public void saveField() {
    if (fieldId == null) {
      PageMessages.error(Texts.of(T, "contact.field.choose"));
      return;
    }
    act(
        () -> contacts.setField(contactId, fieldId, fieldValue),
        Texts.of(T, "contact.field.saved"));
    fieldValue = null;
  }

  private void act(Runnable change, String done) {
    try {
      change.run();
      refresh();
      PageMessages.info(done);
    } catch (ContactChangeRefusedException e) {
      PageMessages.error(Wordings.of(e));
    } catch (ContactNotFoundException e) {
      PageMessages.error(Texts.of(T, "contact.gone"));
    }
  }

  public List<ConsentEvent> getLedger() {
    return ledger;
  }

  public List<ConsentState> getConsentStates() {
    return consentStates;
  }

  public Boolean getConsentGranted() {
    return consentGranted;
  }

  public void setConsentGranted(Boolean consentGranted) {
    this.consentGranted = consentGranted;
  }

  public String getConsentNote() {
    return consentNote;
  }

  public void setConsentNote(String consentNote) {
    this.consentNote = consentNote;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public long getContactId() {
    return contactId;
  }

  public Contact getContact() {
    return contact;
  }

  public List<String> getTags() {
    return tags;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public List<CustomField> getFields() {
    return fields;
  }

  public List<Conversation> getHistory() {
    return history;
  }

  public String getNewTag() {
    return newTag;
  }

  public void setNewTag(String newTag) {
    this.newTag = newTag;
  }

  public Long getFieldId() {
    return fieldId;
  }

  public void setFieldId(Long fieldId) {
    this.fieldId = fieldId;
  }

  public String getFieldValue() {
    return fieldValue;
  }

  public void setFieldValue(String fieldValue) {
    this.fieldValue = fieldValue;
  }
}
