package in.picode.kretanote.contact.view;

import in.picode.kretanote.contact.boundary.Consents;
import in.picode.kretanote.contact.boundary.ContactChangeRefusedException;
import in.picode.kretanote.contact.boundary.ContactImports;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/** The contacts list: search, tag and opt-out filters, keyset pages, CSV export, custom fields. */
@Named
@ViewScoped
public class ContactsBean implements Serializable {

  private static final String T = "in.picode.kretanote.contact.view.ContactTexts";

  private static final long serialVersionUID = 1L;
  static final int PAGE = 50;

  @Inject transient Contacts contacts;
  @Inject transient ContactImports imports;
  @Inject transient Consents consents;
  @Inject CurrentUser currentUser;

  private String query;
  private String tag;
  private String optedOut = "";
  private List<Contact> page = List.of();
  private Set<Long> marketingWithdrawn = Set.of();
  private final Deque<Long> previous = new ArrayDeque<>();
  private Long before;
  private boolean more;
  private List<String> tags = List.of();
  private List<CustomField> fields = List.of();
  private String fieldName;
  private CustomField.Type fieldType = CustomField.Type.TEXT;

  @PostConstruct
  void load() {
    tags = contacts.allTags();
    fields = contacts.fields();
    read();
  }

  public void search() {
    previous.clear();
    before = null;
    read();
  }

  public void next() {
    if (!more) {
      return;
    }
    previous.push(before == null ? 0L : before);
    before = page.get(page.size() - 1).getId();
    read();
  }

  public void newer() {
    if (previous.isEmpty()) {
      return;
    }
    long b = previous.pop();
    before = b == 0L ? null : b;
    read();
  }

  private void read() {
    List<Contact> found = contacts.search(filter(), before, PAGE + 1);
    more = found.size() > PAGE;
    page = more ? found.subList(0, PAGE) : found;
    marketingWithdrawn =
        consents.withdrawn(page.stream().map(Contact::getId).toList(), Category.MARKETING);
  }

  /** Opted out of all business messages, or of marketing (STOP, Meta's 131050, recorded). */
  public String optOut(Contact c) {
    return c.isOptedOut()
        ? Texts.of(T, "contacts.optOut.all")
        : marketingWithdrawn.contains(c.getId())
            ? Texts.of(T, "contacts.optOut.marketing")
            : Texts.of(T, "contacts.optOut.no");
  }

  /**
   * Streams the contacts the list's filter selects (search, tag, opt-out) as a CSV download, for
   * owners and admins only (the button is theirs alone; this refuses a forged postback too).
   */
  public void export() throws IOException {
    if (!currentUser.isManager()) {
      PageMessages.error(Texts.of(T, "contacts.export.managersOnly"));
      return;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ec = faces.getExternalContext();
    ec.responseReset();
    ec.setResponseContentType("text/csv; charset=UTF-8");
    ec.setResponseHeader("Content-Disposition", "attachment; filename=\"contacts.csv\"");
    try (OutputStream out = ec.getResponseOutputStream()) {
      imports.export(filter(), actor(), out);
    }
    faces.responseComplete();
  }

  private Contacts.Filter filter() {
    Boolean out = optedOut == null || optedOut.isEmpty() ? null : Boolean.valueOf(optedOut);
    return new Contacts.Filter(query, tag, out);
  }

  private Contacts.Actor actor() {
    return new Contacts.Actor(
        currentUser.getUserId(), currentUser.getEmail(), currentUser.getClientAddress());
  }

  public void defineField() {
    if (!currentUser.isManager()) {
      PageMessages.error(Texts.of(T, "contacts.fields.managersOnly"));
      return;
    }
    try {
      contacts.defineField(fieldName, fieldType);
      fields = contacts.fields();
      PageMessages.info(Texts.of(T, "contacts.fields.added", fieldName.strip()));
      fieldName = null;
    } catch (ContactChangeRefusedException e) {
      PageMessages.error(Wordings.of(e));
    }
  }

  public List<Contact> getPage() {
    return page;
  }

  public boolean isMore() {
    return more;
  }

  public boolean isFirstPage() {
    return previous.isEmpty();
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query == null || query.length() <= 100 ? query : query.substring(0, 100);
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }

  public String getOptedOut() {
    return optedOut;
  }

  public void setOptedOut(String optedOut) {
    this.optedOut = optedOut;
  }

  public List<String> getTags() {
    return tags;
  }

  public List<CustomField> getFields() {
    return fields;
  }

  public String getFieldName() {
    return fieldName;
  }

  public void setFieldName(String fieldName) {
    this.fieldName = fieldName;
  }

  public CustomField.Type getFieldType() {
    return fieldType;
  }

  public void setFieldType(CustomField.Type fieldType) {
    this.fieldType = fieldType;
  }

  public CustomField.Type[] getFieldTypes() {
    return CustomField.Type.values();
  }
}
