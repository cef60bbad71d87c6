package in.picode.kretanote.outbound.view;

import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.outbound.boundary.OutboundRefusedException;
import in.picode.kretanote.outbound.boundary.TemplateDraft;
import in.picode.kretanote.outbound.boundary.TemplatePreview;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.file.UploadedFile;

/**
 * Message templates per WhatsApp number: the list with each template's status in words (what the
 * status webhooks last said), and for OWNER and ADMIN the "Sync from Meta" button, the form that
 * submits a new template for review and the delete confirmation opened by {@code ?delete=id}.
 * Agents see the list read-only: they need to know which templates they may send.
 */
@Named
@ViewScoped
public class TemplatesBean implements Serializable {

  private static final String T = "in.picode.kretanote.outbound.view.OutboundTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient Templates templates;
  @Inject transient WhatsAppConnections connections;
  @Inject transient CurrentUser user;

  /** One number and its templates. */
  public record Group(WhatsAppConnection connection, List<TemplateRow> rows) {
    public WhatsAppConnection getConnection() {
      return connection;
    }

    public List<TemplateRow> getRows() {
      return rows;
    }
  }

  private String delete;
  private List<Group> groups = List.of();
  private TemplateRow pending;

  private Long connection;
  private String name;
  private String language = "en_US";
  private Category category = Category.UTILITY;
  private String header;
  private String body;
  private String examples;
  private String footer;

  private String headerFormat = "";
  private transient UploadedFile sample;
  private final TemplateButtonsForm buttonForm = new TemplateButtonsForm();
  private String otpType = "COPY_CODE";
  private boolean securityRecommendation = true;
  private Integer expiryMinutes;
  private String packageName;
  private String signatureHash;

  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    refresh();
    if (!groups.isEmpty()) {
      connection = groups.get(0).connection().getId();
    }
    if (delete != null) {
      Long id = PageMessages.parseId(delete);
      pending = id == null ? null : templates.find(id).map(TemplateRow::of).orElse(null);
      if (pending == null || !user.isManager()) {
        PageMessages.notFound();
      }
    }
  }

  private void refresh() {
    List<Group> out = new ArrayList<>();
    for (WhatsAppConnection c : connections.list()) {
      out.add(new Group(c, templates.of(c.getId()).stream().map(TemplateRow::of).toList()));
    }
    groups = out;
  }

  public void sync() {
    if (!user.isManager()) {
      PageMessages.error(Texts.of(T, "templates.managersOnly"));
      return;
    }
    if (connection == null) {
      PageMessages.error(Texts.of(T, "templates.sync.pickNumber"));
      return;
    }
    int[] listed = {0};
    if (PageMessages.attempt(
        OutboundRefusedException.class, () -> listed[0] = templates.sync(connection))) {
      PageMessages.info(Texts.of(T, "templates.synced", listed[0]));
    }
    refresh();
  }

  public void create() {
    if (!user.isManager()) {
      PageMessages.error(Texts.of(T, "templates.managersOnly"));
      return;
    }
    TemplateDraft draft = draft();
    String n = name == null ? null : name.strip();
    String l = language == null ? null : language.strip();
    Map<String, String> problems = new LinkedHashMap<>();
    if (connection == null) {
      problems.put("connection", Texts.of(T, "templates.pickNumber"));
    }
    Templates.wordedProblems(n, l, category, draft)
        .forEach(
            (field, w) ->
                problems.put(field, String.join(" ", w.stream().map(Wordings::of).toList())));
    if (!problems.isEmpty()) {
      // The buttons' problem goes next to the first button, where the fieldset starts.
      problems.forEach(
          (field, text) ->
              PageMessages.error(
                  "create",
                  switch (field) {
                    case "buttons" -> "button0";
                    case "otp" -> "otpType";
                    default -> field;
                  },
                  text));
      return;
    }
    byte[] bytes;
    try {
      bytes = draft.mediaHeader() ? sample.getContent() : null;
    } catch (RuntimeException e) {
      PageMessages.error("create", "header", Texts.of(T, "templates.sample.unreadable"));
      return;
    }
    String sampleName = sample == null ? null : sample.getFileName();
    if (PageMessages.attempt(
        OutboundRefusedException.class,
        () -> templates.create(connection, n, l, category, draft, bytes, sampleName))) {
      PageMessages.info(Texts.of(T, "templates.submitted", n));
      name = null;
      header = null;
      headerFormat = "";
      body = null;
      examples = null;
      footer = null;
      expiryMinutes = null;
      buttonForm.clear();
    }
    sample = null;
    refresh();
  }

  /** The form as Meta's draft: a sample over the form's limit counts as too large for its kind. */
  TemplateDraft draft() {
    if (category == Category.AUTHENTICATION) {
      return new TemplateDraft(
          header,
          body,
          List.of(),
          footer,
          buttonForm.buttons(),
          null,
          null,
          new TemplateDraft.Otp(
              otpType, securityRecommendation, expiryMinutes, packageName, signatureHash));
    }
    List<String> values =
        examples == null || examples.isBlank()
            ? List.of()
            : Arrays.stream(examples.split("\\r?\\n"))
                .filter(TemplateButtonsForm::notBlank)
                .toList();
    TemplateDraft.HeaderFormat format =
        headerFormat == null || headerFormat.isBlank()
            ? null
            : TemplateDraft.HeaderFormat.valueOf(headerFormat);
    TemplateDraft.Sample s =
        sample == null || sample.getSize() == 0
            ? null
            : new TemplateDraft.Sample(sample.getContentType(), sample.getSize(), null);
    return new TemplateDraft(
        format == TemplateDraft.HeaderFormat.TEXT || format == null ? header : null,
        body,
        values,
        footer,
        buttonForm.buttons(),
        format,
        s,
        null);
  }

  /** The form's template as WhatsApp would show it, redrawn as the user types. */
  public Bubble getPreview() {
    return Bubble.of(TemplatePreview.of(draft()));
  }

  public boolean isAuthentication() {
    return category == Category.AUTHENTICATION;
  }

  public List<String> getHeaderFormats() {
    return List.of("", "TEXT", "IMAGE", "VIDEO", "DOCUMENT");
  }

  public void confirmDelete() {
    if (!user.isManager() || pending == null) {
      PageMessages.error(Texts.of(T, "templates.managersOnly"));
      return;
    }
    long id = pending.template().getId();
    if (PageMessages.attempt(OutboundRefusedException.class, () -> templates.deleteById(id))) {
      PageMessages.info(Texts.of(T, "templates.deleted", pending.template().getName()));
      pending = null;
    }
    refresh();
  }

  public List<Category> getCategories() {
    return List.of(Category.MARKETING, Category.UTILITY, Category.AUTHENTICATION);
  }

  public List<Group> getGroups() {
    return groups;
  }

  public TemplateRow getPending() {
    return pending;
  }

  public String getDelete() {
    return delete;
  }

  public void setDelete(String delete) {
    this.delete = delete;
  }

  public Long getConnection() {
    return connection;
  }

  public void setConnection(Long connection) {
    this.connection = connection;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public Category getCategory() {
    return category;
  }

  public void setCategory(Category category) {
    this.category = category;
  }

  public String getHeader() {
    return header;
  }

  public void setHeader(String header) {
    this.header = header;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getExamples() {
    return examples;
  }

  public void setExamples(String examples) {
    this.examples = examples;
  }

  public String getFooter() {
    return footer;
  }

  public void setFooter(String footer) {
    this.footer = footer;
  }

  public String getHeaderFormat() {
    return headerFormat;
  }

  public void setHeaderFormat(String headerFormat) {
    this.headerFormat = headerFormat;
  }

  public UploadedFile getSample() {
    return sample;
  }

  public void setSample(UploadedFile sample) {
    this.sample = sample;
  }

  public String getOtpType() {
    return otpType;
  }

  public void setOtpType(String otpType) {
    this.otpType = otpType;
  }

  public boolean isSecurityRecommendation() {
    return securityRecommendation;
  }

  public void setSecurityRecommendation(boolean securityRecommendation) {
    this.securityRecommendation = securityRecommendation;
  }

  public Integer getExpiryMinutes() {
    return expiryMinutes;
  }

  public void setExpiryMinutes(Integer expiryMinutes) {
    this.expiryMinutes = expiryMinutes;
  }

  public String getPackageName() {
    return packageName;
  }

  public void setPackageName(String packageName) {
    this.packageName = packageName;
  }

  public String getSignatureHash() {
    return signatureHash;
  }

  public void setSignatureHash(String signatureHash) {
    this.signatureHash = signatureHash;
  }

  public TemplateButtonsForm getButtonForm() {
    return buttonForm;
  }
}
