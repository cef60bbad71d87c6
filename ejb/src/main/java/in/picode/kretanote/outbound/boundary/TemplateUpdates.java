package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.inbound.boundary.TemplateChanged;
import in.picode.kretanote.outbound.control.TemplateComponents;
import in.picode.kretanote.outbound.entity.Campaign;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.tenant.boundary.Notifications;
import in.picode.kretanote.tenant.entity.Notification;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies Meta's template quality, category and content webhooks to the current tenant's stored
 * templates (found by Meta's id, else by account, name and language), inside the inbound applier's
 * transaction:
 *
 * <ul>
 *   <li>quality: stored on the template; owners and admins are notified of YELLOW and RED; on RED
 *       every running or scheduled campaign sending that template on the account is paused through
 *       {@link Campaigns#pauseWith} (a person looks at it before resuming);
 *   <li>category: stored, the old one kept; the send guard reads the template's category when it
 *       checks consent, so the next message of a template moved to MARKETING needs marketing
 *       consent. An impending change (Meta's {@code correct_category}) is notified, not applied;
 *   <li>components: the stored components are re-synced with the webhook's texts and buttons.
 * </ul>
 *
 * A change for a template KretaNote does not know (never synced, or another tenant's) changes no
 * row: it is logged and notified once, so a person can sync the templates.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TemplateUpdates {

  static final String KIND = "WHATSAPP_TEMPLATE";
  private static final Logger LOG = System.getLogger(TemplateUpdates.class.getName());

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Campaigns campaigns;
  @Inject Notifications notifications;

  /** Returns how many stored templates the change touched. */
  public int apply(TemplateChanged change) {
    List<MessageTemplate> rows = rows(change);
    String label =
        (change.name() == null ? "id " + change.templateId() : change.name())
            + (change.language() == null ? "" : " (" + change.language() + ")");
    if (rows.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "{0} for a template the tenant does not have: {1}, event {2}",
          change.kind(),
          label,
          change.eventId());
      notifyOnce(
          Notification.Severity.INFO,
          unknownNotice(change),
          "template-unknown:" + change.eventId());
      return 0;
    }
    for (MessageTemplate t : rows) {
      switch (change.kind()) {
        case QUALITY -> quality(t, change);
        case CATEGORY -> category(t, change);
        case COMPONENTS ->
            t.componentsChanged(
                TemplateComponents.merged(
                    t.getComponents(),
                    change.body(),
                    change.title(),
                    change.footer(),
                    change.buttons().stream()
                        .map(
                            b ->
                                new TemplateComponents.Button(
                                    b.type(), b.text(), b.url(), b.phoneNumber()))
                        .toList()),
                change.at());
      }
    }
    return rows.size();
  }

  private void quality(MessageTemplate t, TemplateChanged change) {
    boolean changed = t.quality(change.quality(), change.at());
    String score = t.getQuality();
    if (!changed || !("RED".equals(score) || "YELLOW".equals(score))) {
      return;
    }
    List<String> paused = new ArrayList<>();
    if ("RED".equals(score)) {
      for (Campaign c : runningWith(t)) {
        campaigns.pauseWith(c.getId(), CampaignWords.PAUSED_TEMPLATE_RED.with(t.getName()));
        paused.add(c.getName());
      }
    }
    notifyOnce(
        "RED".equals(score) ? Notification.Severity.PROBLEM : Notification.Severity.WARNING,
        qualityNotice(t.getName(), t.getLanguage(), score, change.previousQuality(), paused),
        "template-quality:" + t.getId() + ":" + change.eventId());
  }

  private void category(MessageTemplate t, TemplateChanged change) {
    Category next;
    try {
      next = Category.valueOf(change.newCategory().strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Unknown template category {0}", change.newCategory());
      return;
    }
    if (change.categoryPending()) {
      notifyOnce(
          Notification.Severity.WARNING,
          categoryNotice(true, t.getName(), t.getLanguage(), t.getCategory(), next),
          "template-category-soon:" + t.getId() + ":" + change.eventId());
      return;
    }
    Category before = t.getCategory();
    if (t.recategorised(next, change.at())) {
      notifyOnce(
          Notification.Severity.WARNING,
          categoryNotice(false, t.getName(), t.getLanguage(), before, next),
          "template-category:" + t.getId() + ":" + change.eventId());
    }
  }

  private List<Campaign> runningWith(MessageTemplate t) {
    return em.createQuery(
            "select c from Campaign c where c.templateName = :name"
                + " and c.templateLanguage = :language and c.state in :states",
            Campaign.class)
        .setParameter("name", t.getName())
        .setParameter("language", t.getLanguage())
        .setParameter("states", List.of(Campaign.State.RUNNING, Campaign.State.SCHEDULED))
        .getResultStream()
        .filter(
            c -> {
              WhatsAppConnection w = em.find(WhatsAppConnection.class, c.getConnectionId());
              return w != null && t.getWabaId().equals(w.getWabaId());
            })
        .toList();
  }

  private List<MessageTemplate> rows(TemplateChanged change) {
    List<MessageTemplate> rows = List.of();
    if (change.templateId() != null) {
      rows =
          em.createNamedQuery(MessageTemplate.BY_META_ID, MessageTemplate.class)
              .setParameter("metaId", change.templateId())
              .getResultList();
    }
    if (rows.isEmpty() && change.name() != null && change.language() != null) {
      rows =
          em.createQuery(
                  "select t from MessageTemplate t where t.wabaId = :waba and t.name = :name"
                      + " and t.language = :language",
                  MessageTemplate.class)
              .setParameter("waba", change.wabaId())
              .setParameter("name", change.name())
              .setParameter("language", change.language())
              .getResultList();
    }
    return rows;
  }

  /**
   * What owners and admins read about a change to a template KretaNote does not have: the kind of
   * change and the template (its name and language as Meta gave them, else Meta's id).
   */
  static Notice unknownNotice(TemplateChanged change) {
    Object template =
        change.name() != null
            ? change.name() + (change.language() == null ? "" : " (" + change.language() + ")")
            : change.language() == null
                ? TemplateWords.NOTICE_TEMPLATE_ID.with(change.templateId())
                : TemplateWords.NOTICE_TEMPLATE_ID_LANGUAGE.with(
                    change.templateId(), change.language());
    TemplateWords sentence =
        switch (change.kind()) {
          case QUALITY -> TemplateWords.NOTICE_UNKNOWN_QUALITY;
          case CATEGORY -> TemplateWords.NOTICE_UNKNOWN_CATEGORY;
          case COMPONENTS -> TemplateWords.NOTICE_UNKNOWN_COMPONENTS;
        };
    return new Notice(
        TemplateWords.NOTICE_UNKNOWN_SUBJECT.with(), List.of(sentence.with(template)));
  }

  /**
   * The paragraphs about a template's new quality score ({@code score} and {@code previous} are
   * Meta's names, GREEN, YELLOW, RED): the rating, then the campaigns it paused, if any.
   */
  static Notice qualityNotice(
      String name, String language, String score, String previous, List<String> paused) {
    List<Wording> body = new ArrayList<>();
    body.add(
        previous == null
            ? TemplateWords.NOTICE_QUALITY.with(name, language, score)
            : TemplateWords.NOTICE_QUALITY_WAS.with(name, language, score, previous));
    if (!paused.isEmpty()) {
      body.add(TemplateWords.NOTICE_QUALITY_PAUSED.with(String.join(", ", paused)));
    }
    return new Notice(TemplateWords.NOTICE_QUALITY_SUBJECT.with(name, score), body);
  }

  /**
   * A template's category changes ({@code pending}: Meta announced it; else it is applied). The
   * categories are Meta's names (MARKETING, UTILITY …), as in WhatsApp Manager.
   */
  static Notice categoryNotice(
      boolean pending, String name, String language, Category from, Category to) {
    return pending
        ? new Notice(
            TemplateWords.NOTICE_CATEGORY_SOON_SUBJECT.with(name, to.name()),
            List.of(
                TemplateWords.NOTICE_CATEGORY_SOON.with(name, language, from.name(), to.name())))
        : new Notice(
            TemplateWords.NOTICE_CATEGORY_SUBJECT.with(name, to.name()),
            List.of(TemplateWords.NOTICE_CATEGORY.with(name, language, from.name(), to.name())));
  }

  /** A notice's subject and paragraphs. */
  record Notice(Wording subject, List<Wording> body) {}

  private void notifyOnce(Notification.Severity severity, Notice notice, String dedupeKey) {
    long known =
        em.createQuery("select count(n) from Notification n where n.dedupeKey = :key", Long.class)
            .setParameter("key", dedupeKey)
            .getSingleResult();
    if (known == 0) {
      notifications.notifyAdmins(KIND, severity, notice.subject(), notice.body(), dedupeKey);
    }
  }
}
