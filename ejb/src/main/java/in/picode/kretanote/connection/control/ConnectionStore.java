package in.picode.kretanote.connection.control;

import in.picode.kretanote.connection.boundary.Actor;
import in.picode.kretanote.connection.boundary.ConnectRefusedException;
import in.picode.kretanote.connection.boundary.ConnectionNotFoundException;
import in.picode.kretanote.connection.boundary.ConnectionWords;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.connection.entity.WhatsAppConnection.Step;
import in.picode.kretanote.crypto.boundary.TokenVault;
import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.meta.boundary.PhoneNumberInfo;
import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The database side of the connection flows, one short transaction per call, so that the slow calls
 * to Meta in between never hold a transaction or a row lock, and a crash half-way leaves a row that
 * says which step was reached. Tokens go in and out only through the {@link TokenVault}.
 */
@Stateless
@TenantScoped
public class ConnectionStore {

  public static final String TOKEN_PURPOSE = "meta-access-token";
  public static final String PIN_PURPOSE = "meta-registration-pin";
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject TokenVault vault;
  @Inject AuditLog audit;

  private final Clock clock = Clock.systemUTC();

  /** A signup attempt got as far as storing its token. */
  public record Begun(long connectionId, boolean wasConnectedBefore) {}

  public List<WhatsAppConnection> all() {
    return em.createNamedQuery(WhatsAppConnection.ALL, WhatsAppConnection.class).getResultList();
  }

  public Optional<WhatsAppConnection> find(long id) {
    return Optional.ofNullable(em.find(WhatsAppConnection.class, id));
  }

  public WhatsAppConnection get(long id) {
    return find(id).orElseThrow(() -> new ConnectionNotFoundException(id));
  }

  /**
   * Stores the token of a checked signup as a PENDING connection: a new row, or this tenant's
   * existing row for the number (a reconnect replaces the token). Refused when another tenant took
   * the number in the meantime: the database's unique key on live numbers decides.
   */
  public Begun begin(
      String wabaId,
      String phoneNumberId,
      String businessId,
      AccessToken token,
      Instant tokenExpiresAt) {
    long tenant = Tenancy.require();
    Instant now = Instant.now(clock);
    byte[] sealed = vault.encrypt(tenant, TOKEN_PURPOSE, token.value());
    Optional<WhatsAppConnection> existing =
        em.createNamedQuery(WhatsAppConnection.BY_PHONE_NUMBER, WhatsAppConnection.class)
            .setParameter("pnid", phoneNumberId)
            .getResultStream()
            .findFirst();
    WhatsAppConnection c;
    boolean before;
    if (existing.isPresent()) {
      c = existing.get();
      before = c.getConnectedAt() != null;
      c.rebind(wabaId, businessId);
      c.begin(sealed, tokenExpiresAt, now);
    } else {
      c = new WhatsAppConnection(wabaId, phoneNumberId, businessId, sealed, tokenExpiresAt, now);
      before = false;
      em.persist(c);
    }
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (!takenElsewhere(e)) {
        throw e;
      }
      throw new ConnectRefusedException(Step.CHECK_TOKEN, ConnectionWords.HELD_ELSEWHERE.with());
    }
    return new Begun(c.getId(), before);
  }

  /** The unique key on live phone numbers refused the row: another tenant was faster. */
  private static boolean takenElsewhere(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("whatsapp_connection_live_number_uk")) {
        return true;
      }
    }
    return false;
  }

  /** The step failed for {@code sentences}: kept in English and as codes for the page. */
  public WhatsAppConnection failed(long id, Step step, List<Wording> sentences, Actor actor) {
    WhatsAppConnection c = get(id);
    String reason = String.join(" ", Wording.english(sentences));
    c.stepFailed(step, reason, FailureWording.json(sentences), Instant.now(clock));
    record(actor, "WHATSAPP_CONNECT_FAILED", c, step + ": " + reason);
    return c;
  }

  /**
   * The PIN to register the number with: the configured one, else the one stored for this
   * connection, else a new random one, stored encrypted so that a later re-registration uses the
   * same PIN.
   */
  public String registrationPin(long id, Optional<String> configured) {
    if (configured.isPresent()) {
      return configured.get();
    }
    long tenant = Tenancy.require();
    WhatsAppConnection c = get(id);
    byte[] stored = c.encryptedRegistrationPin();
    if (stored != null) {
      return new String(vault.decrypt(tenant, PIN_PURPOSE, stored), StandardCharsets.UTF_8);
    }
    String pin = String.format("%06d", RANDOM.nextInt(1_000_000));
    c.registrationPin(vault.encrypt(tenant, PIN_PURPOSE, pin));
    return pin;
  }

  public WhatsAppConnection connected(
      long id,
      PhoneNumberInfo number,
      boolean wasConnectedBefore,
      Actor actor,
      Instant firstProbe) {
    WhatsAppConnection c = get(id);
    Instant now = Instant.now(clock);
    c.connected(number.displayPhoneNumber(), number.verifiedName(), now, firstProbe);
    c.numberFields(
        number.qualityRating(),
        number.status(),
        number.nameStatus(),
        number.messagingLimit(),
        number.throughputLevel());
    record(
        actor,
        wasConnectedBefore ? "WHATSAPP_RECONNECTED" : "WHATSAPP_CONNECTED",
        c,
        wasConnectedBefore ? "new access token stored" : null);
    return c;
  }

  /** The stored token, decrypted for one use; never kept beyond the caller's method. */
  public Optional<AccessToken> token(long id) {
    WhatsAppConnection c = get(id);
    byte[] sealed = c.encryptedToken();
    if (sealed == null) {
      return Optional.empty();
    }
    return Optional.of(
        AccessToken.of(
            new String(
                vault.decrypt(Tenancy.require(), TOKEN_PURPOSE, sealed), StandardCharsets.UTF_8)));
  }

  public WhatsAppConnection disconnected(long id, Actor actor, String detail) {
    WhatsAppConnection c = get(id);
    c.disconnect(Instant.now(clock));
    record(actor, "WHATSAPP_DISCONNECTED", c, detail);
    return c;
  }

  public void audit(Actor actor, String action, WhatsAppConnection c, String detail) {
    record(actor, action, c, detail);
  }

  /** An audit line for an attempt that stored nothing (no connection row to point to). */
  public void auditRefusal(Actor actor, String phoneNumberId, String reason) {
    audit.record(
        actor.userId(),
        actor.email(),
        "WHATSAPP_CONNECT_REFUSED",
        "phone number id " + phoneNumberId + ": " + reason,
        actor.clientAddress());
  }

  private void record(Actor actor, String action, WhatsAppConnection c, String detail) {
    String what =
        "connection "
            + c.getId()
            + ", phone number id "
            + c.getPhoneNumberId()
            + (c.getDisplayPhoneNumber() == null ? "" : " (" + c.getDisplayPhoneNumber() + ")")
            + (detail == null ? "" : "; " + detail);
    audit.record(actor.userId(), actor.email(), action, what, actor.clientAddress());
  }
}
