package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.inbound.boundary.TemplateStatusChanged;
import in.picode.kretanote.meta.boundary.GraphApi;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.meta.boundary.TemplateInfo;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.boundary.ReferenceDeleted;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The current tenant's message templates per connection: synced from Meta ({@code GET
 * /{WABA}/message_templates}, all pages), created and deleted from KretaNote, and moved by Meta's
 * status webhooks. A template Meta no longer lists is kept as DELETED, so old messages still name
 * it.
 *
 * <p>The calls to Meta hold no transaction: what they read before and write after happens in {@link
 * TemplateRows}, one short transaction each.
 */
@Stateless
@TenantScoped
public class Templates {

  static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
  static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject TemplateRows rows;
  @Inject Event<ReferenceDeleted> deleted;
  @Inject GraphApi graph;

  private final Clock clock = Clock.systemUTC();

  public List<MessageTemplate> of(long connectionId) {
    return em.createNamedQuery(MessageTemplate.OF_CONNECTION, MessageTemplate.class)
        .setParameter("connection", connectionId)
        .getResultList();
  }

  /** A template row of the current tenant; another tenant's id finds nothing. */
  public Optional<MessageTemplate> find(long templateId) {
    return Optional.ofNullable(em.find(MessageTemplate.class, templateId));
  }

  /** Brings the table in line with Meta; returns how many templates Meta listed. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int sync(long connectionId) {
    TemplateRows.Account account = rows.account(connectionId);
    List<TemplateInfo> remote;
    try {
      remote = graph.templates(account.token(), account.wabaId());
    } catch (GraphException e) {
      throw refused(TemplateWords.META_READ, e);
    }
    rows.synced(account, remote, Instant.now(clock));
    return remote.size();
  }

  /** Submits the template form's content; see {@link TemplateDraft} for what is checked. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public MessageTemplate create(
      long connectionId, String name, String language, Category category, TemplateDraft draft) {
    return create(connectionId, name, language, category, draft, null, null);
  }

  /**
   * Submits a template whose media header's sample is {@code sample} (the form's file): every check
   * of {@link #problems} first, then the sample goes to Meta's Resumable Upload API and its handle
   * into {@code example.header_handle}, then the template to review. A refused draft uploads
   * nothing and stores nothing.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public MessageTemplate create(
      long connectionId,
      String name,
      String language,
      Category category,
      TemplateDraft draft,
      byte[] sample,
      String sampleName) {
    Map<String, List<Wording>> problems = wordedProblems(name, language, category, draft);
    if (draft.mediaHeader()
        && (sample == null || draft.sample() == null || sample.length != draft.sample().size())) {
      problems.put("header", List.of(TemplateWords.SAMPLE_NOT_WHOLE.with()));
    }
    if (!problems.isEmpty()) {
      throw new OutboundRefusedException(problems.values().stream().flatMap(List::stream).toList());
    }
    TemplateDraft ready = draft;
    if (draft.mediaHeader()) {
      TemplateRows.Account account = rows.accountForNew(connectionId, name, language);
      String handle;
      try {
        handle =
            graph.uploadTemplateSample(
                account.token(), sample, draft.sample().mimeType(), safeName(sampleName));
      } catch (GraphException e) {
        throw refused(TemplateWords.META_SAMPLE, e);
      } catch (IllegalStateException e) {
        throw new OutboundRefusedException(TemplateWords.NO_APP_ID.with());
      }
      ready = draft.withHandle(handle);
    }
    JsonArray components;
    try {
      components = ready.components();
    } catch (IllegalArgumentException e) {
      throw new OutboundRefusedException(
          e instanceof Wording.Worded w ? w.wordings() : List.of(Wording.of(e)));
    }
    return create(
        connectionId,
        name,
        language,
        category,
        components,
        ready.named() ? "NAMED" : null,
        ready.stored());
  }

  private static String safeName(String name) {
    if (name == null || name.isBlank()) {
      return "sample";
    }
    String n = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return n.length() > 100 ? n.substring(n.length() - 100) : n;
  }

  /**
   * Everything wrong with a template form at once, by field ({@code name}, {@code language}, {@code
   * category} and the draft's fields), so the page shows all of it before anything is sent.
   */
  public static Map<String, String> problems(
      String name, String language, Category category, TemplateDraft draft) {
    return TemplateDraft.english(wordedProblems(name, language, category, draft));
  }

  /** {@link #problems} as wordings, for the form to show in the reader's language. */
  public static Map<String, List<Wording>> wordedProblems(
      String name, String language, Category category, TemplateDraft draft) {
    Map<String, List<Wording>> out = new LinkedHashMap<>();
    if (name == null || !NAME.matcher(name).matches()) {
      out.put("name", List.of(TemplateWords.NAME.with()));
    }
    if (language == null || !LANGUAGE.matcher(language).matches()) {
      out.put("language", List.of(TemplateWords.LANGUAGE.with()));
    }
    if (category == null || category == Category.SERVICE) {
      out.put("category", List.of(TemplateWords.CATEGORY.with()));
    } else if (category == Category.AUTHENTICATION && draft.otp() == null) {
      out.put("category", List.of(TemplateWords.AUTH_NEEDS_CODE.with()));
    } else if (category != Category.AUTHENTICATION && draft.otp() != null) {
      out.put("category", List.of(TemplateWords.CODE_NEEDS_AUTH.with()));
    }
    out.putAll(draft.wordedProblems());
    return out;
  }

  /**
   * Submits a template to Meta for review and keeps it as PENDING. {@code components} is Meta's
   * array (HEADER, BODY, FOOTER, BUTTONS); a BODY is required.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public MessageTemplate create(
      long connectionId, String name, String language, Category category, JsonArray components) {
    return create(connectionId, name, language, category, components, null, components);
  }

  /**
   * As above, with Meta's {@code parameter_format} ({@code NAMED}, or null for positional) and the
   * components as KretaNote keeps them (see {@link TemplateDraft#stored()}).
   */
  private MessageTemplate create(
      long connectionId,
      String name,
      String language,
      Category category,
      JsonArray components,
      String parameterFormat,
      JsonArray stored) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new OutboundRefusedException(TemplateWords.NAME.with());
    }
    if (language == null || !LANGUAGE.matcher(language).matches()) {
      throw new OutboundRefusedException(TemplateWords.LANGUAGE.with());
    }
    if (category == null || category == Category.SERVICE) {
      throw new OutboundRefusedException(TemplateWords.CATEGORY.with());
    }
    if (components == null
        || components.stream()
            .noneMatch(
                v ->
                    v instanceof JsonObject o
                        && o.get("type") instanceof JsonString s
                        && s.getString().equalsIgnoreCase("BODY"))) {
      throw new OutboundRefusedException(TemplateWords.NEEDS_BODY.with());
    }
    if (components.toString().length() > 100_000) {
      throw new OutboundRefusedException(TemplateWords.TOO_LARGE.with());
    }
    TemplateRows.Account account = rows.accountForNew(connectionId, name, language);
    jakarta.json.JsonObjectBuilder request =
        Jsons.createObjectBuilder()
            .add("name", name)
            .add("language", language)
            .add("category", category.name());
    if (parameterFormat != null) {
      request.add("parameter_format", parameterFormat);
    }
    JsonObject body = request.add("components", components).build();
    String metaId;
    try {
      metaId = graph.createTemplate(account.token(), account.wabaId(), body);
    } catch (GraphException e) {
      throw refused(TemplateWords.META_CREATE, e);
    }
    return rows.created(
        account, name, language, category, stored.toString(), metaId, Instant.now(clock));
  }

  /** Deletes a template (all its languages) at Meta and here. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int delete(long connectionId, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new OutboundRefusedException(TemplateWords.NAME.with());
    }
    TemplateRows.Account account = rows.account(connectionId);
    try {
      graph.deleteTemplate(account.token(), account.wabaId(), name);
    } catch (GraphException e) {
      throw refused(TemplateWords.META_DELETE, e);
    }
    int removed = rows.deleted(connectionId, name, Instant.now(clock));
    // No transaction here: observers after commit hear it at once.
    deleted.fire(new ReferenceDeleted(Tenancy.require(), "template", 0, name));
    return removed;
  }

  /**
   * Deletes the template of that row (every language of its name, as Meta does); a row of another
   * tenant, or none, is refused as unknown.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int deleteById(long templateId) {
    MessageTemplate t =
        rows.find(templateId)
            .orElseThrow(() -> new OutboundRefusedException(TemplateWords.UNKNOWN.with()));
    return delete(t.getConnectionId(), t.getName());
  }

  /**
   * A status webhook for one of this tenant's templates; unknown templates are ignored. Templates
   * belong to the WhatsApp Business Account, so every row of that template is updated, whichever of
   * the account's numbers it was synced for: by Meta's id, else by name and language among the rows
   * of the event's connection's account. Setting a status is idempotent, so a re-applied webhook
   * changes nothing more.
   */
  public int applyStatus(TemplateStatusChanged change) {
    List<MessageTemplate> rows = List.of();
    if (change.templateId() != null) {
      rows =
          em.createNamedQuery(MessageTemplate.BY_META_ID, MessageTemplate.class)
              .setParameter("metaId", change.templateId())
              .getResultList();
    }
    if (rows.isEmpty() && change.name() != null && change.language() != null) {
      WhatsAppConnection c = em.find(WhatsAppConnection.class, change.connectionId());
      if (c != null) {
        rows =
            em.createQuery(
                    "select t from MessageTemplate t where t.wabaId = :waba and t.name = :name"
                        + " and t.language = :language",
                    MessageTemplate.class)
                .setParameter("waba", c.getWabaId())
                .setParameter("name", change.name())
                .setParameter("language", change.language())
                .getResultList();
      }
    }
    Instant now = Instant.now(clock);
    rows.forEach(t -> t.status(change.status(), change.reason(), now));
    return rows.size();
  }

  /**
   * Meta's refusal in plain words: what failed, why by the error's class (Meta's own explanation
   * for a permanent refusal, which names the field at fault) and Meta's code for support.
   */
  private static OutboundRefusedException refused(TemplateWords what, GraphException e) {
    Wording why =
        switch (e.errorClass()) {
          case TRANSIENT -> TemplateWords.META_TRANSIENT.with();
          case THROTTLED -> TemplateWords.META_THROTTLED.with();
          case AUTH -> TemplateWords.META_AUTH.with();
          case PERMANENT ->
              e.details()
                  .or(e::metaMessage)
                  .map(d -> d.length() > 300 ? d.substring(0, 300) + "…" : d.strip())
                  .map(d -> TemplateWords.META_SAYS.with(d))
                  .orElseGet(() -> TemplateWords.META_CANNOT.with());
        };
    return new OutboundRefusedException(
        e.code()
            .map(
                code ->
                    TemplateWords.META_REFUSED_CODE.with(what.with(), why, String.valueOf(code)))
            .orElseGet(() -> TemplateWords.META_REFUSED.with(what.with(), why)));
  }
}
