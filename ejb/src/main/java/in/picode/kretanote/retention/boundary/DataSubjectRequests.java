package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Requests of a tenant's customer (the data subject) about one contact, made by an OWNER or ADMIN
 * of the current tenant: export (zip of JSON and CSV), correction, erasure (messages, media,
 * contact; a STOP survives as a suppression record), objection to automated processing, and a
 * per-contact legal hold. Every request is logged with who, when and outcome ({@code
 * data_subject_request}); refusals are logged too, in a transaction of their own, and change
 * nothing else. A contact id of another tenant is "no such contact".
 *
 * <p>{@link #automatedProcessingAllowed} is the boundary campaigns, automations and bots must ask
 * before they touch a contact.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DataSubjectRequests {

  public static final int EMAIL_MAX = 254;
  public static final int PHONE_MAX = 32;
  public static final int NAME_MAX = 200;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,32}");
  private static final System.Logger LOG = System.getLogger(DataSubjectRequests.class.getName());

  @Inject DsrStore store;
  @Inject PrivacyConfig config;

  public ContactPrivacy contact(long contactId) {
    return store.contact(Tenancy.require(), contactId);
  }

  public List<RequestLogEntry> history(long contactId) {
    return store.history(Tenancy.require(), contactId);
  }

  /** The zip: {@code export.json} and one CSV per section. */
  public byte[] export(long contactId, Requester who) {
    return logged(
        contactId,
        "EXPORT",
        who,
        () -> store.export(Tenancy.require(), contactId, who, Instant.now()));
  }

  public void correct(
      long contactId, String displayName, String email, String phone, Requester who) {
    logged(
        contactId,
        "CORRECTION",
        who,
        () -> {
          String name = blankToNull(displayName);
          String mail = blankToNull(email);
          String tel = blankToNull(phone);
          if (name != null && name.length() > NAME_MAX) {
            throw new PrivacyRefusedException(PrivacyWords.NAME_LONG.with(NAME_MAX));
          }
          if (mail != null && (mail.length() > EMAIL_MAX || !EMAIL.matcher(mail).matches())) {
            throw new PrivacyRefusedException(PrivacyWords.NOT_AN_EMAIL.with());
          }
          if (tel != null && !PHONE.matcher(tel).matches()) {
            throw new PrivacyRefusedException(PrivacyWords.NOT_A_PHONE.with(PHONE_MAX));
          }
          store.correct(Tenancy.require(), contactId, name, mail, tel, who, Instant.now());
          return null;
        });
  }

  /** Erases the contact; returns how many messages and media files were deleted. */
  public Erasure erase(long contactId, Requester who) {
    PurgeBatch erased =
        logged(
            contactId,
            "ERASURE",
            who,
            () ->
                store.erase(Tenancy.require(), contactId, who, Instant.now(), config.batchSize()));
    try {
      config.mediaFolder().delete(erased.files());
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "Media files of an erased contact not deleted: {0}", e.toString());
    }
    return new Erasure(erased.rows().getOrDefault("message", 0), erased.files().size());
  }

  public void setAutomationOptOut(long contactId, boolean optOut, Requester who) {
    logged(
        contactId,
        "AUTOMATION_OPT_OUT",
        who,
        () -> {
          store.flag(
              Tenancy.require(), contactId, "automation_opt_out", optOut, who, Instant.now());
          return null;
        });
  }

  public void setLegalHold(long contactId, boolean hold, Requester who) {
    logged(
        contactId,
        "LEGAL_HOLD",
        who,
        () -> {
          store.flag(Tenancy.require(), contactId, "legal_hold", hold, who, Instant.now());
          return null;
        });
  }

  /**
   * Whether campaigns, automations and bots may process this contact: false when the contact
   * objected to automated processing, said STOP, does not exist in the tenant, or the tenant is not
   * active (for example being deleted). Needs no tenant bound, so senders and timers can ask.
   */
  public boolean automatedProcessingAllowed(long tenantId, long contactId) {
    return store.automatedProcessingAllowed(tenantId, contactId);
  }

  /** Whether an erased contact with this WhatsApp id had said STOP (never send to it). */
  public boolean suppressed(long tenantId, String waId) {
    return waId != null && store.suppressed(tenantId, waId);
  }

  /**
   * {@link #automatedProcessingAllowed} for a block of contacts (a sender's block): the allowed.
   */
  public Set<Long> automatedProcessingAllowedAmong(long tenantId, Collection<Long> contactIds) {
    return contactIds.isEmpty() ? Set.of() : store.automatedProcessingAllowed(tenantId, contactIds);
  }

  /** {@link #suppressed} for a block of WhatsApp ids: the ones suppressed. */
  public Set<String> suppressedAmong(long tenantId, Collection<String> waIds) {
    List<String> known = waIds.stream().filter(Objects::nonNull).distinct().toList();
    return known.isEmpty() ? Set.of() : store.suppressed(tenantId, known);
  }

  private <T> T logged(long contactId, String kind, Requester who, Supplier<T> work) {
    long tenant = Tenancy.require();
    try {
      RetentionSettings.requireOwnerOrAdmin(who);
      return work.get();
    } catch (PrivacyRefusedException e) {
      store.logRefused(tenant, contactId, kind, who, Instant.now(), e.getMessage());
      throw e;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
