package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.connection.boundary.Actor;
import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.boundary.SignInOutcome;
import in.picode.kretanote.tenant.boundary.SignIns;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Account deletion by the owner. {@link #request} re-authenticates (password) and checks the typed
 * account name; then at once sign-in is disabled for everyone (tenant DELETION_PENDING, which the
 * outbound sender also reads to stop scheduled sends and campaigns), every session ends, pending
 * links are void, and every WhatsApp number is disconnected: the app is unsubscribed at Meta and
 * the access token destroyed. After {@code kretanote.deletion.grace} (at most 30 days) {@link
 * AccountPurge} deletes everything.
 *
 * <p><b>Cancelling.</b> During the grace period nobody can sign in, not even the owner; the owner
 * cancels on the public page {@code /cancel-deletion.xhtml} with email and password (the same
 * checks and lockout as sign-in). The account becomes active again; WhatsApp must be reconnected,
 * because its tokens were destroyed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountDeletions {

  private static final System.Logger LOG = System.getLogger(AccountDeletions.class.getName());

  @Inject DeletionStore store;
  @Inject PrivacyConfig config;
  @Inject WhatsAppConnections connections;
  @Inject SignIns signIns;

  /** What happened: the schedule and what Meta could not be told while disconnecting. */
  public record Requested(DeletionStore.Deletion deletion, List<String> notes) {}

  public Requested request(Requester who, String password, String typedName) {
    long tenant = Tenancy.require();
    // Re-authentication goes through sign-in, so wrong passwords count towards its lockout.
    SignInOutcome reauth =
        password == null || password.isEmpty()
            ? SignInOutcome.failed(null, null, null, "empty")
            : signIns.verify(who.email(), password, who.clientAddress());
    if (SignIns.DELETION_PENDING.equals(reauth.reason())) {
      throw new PrivacyRefusedException(PrivacyWords.DELETION_SCHEDULED.with());
    }
    if (!reauth.success() || reauth.userId() == null || reauth.userId() != who.userId()) {
      throw new PrivacyRefusedException(PrivacyWords.DELETE_WRONG_PASSWORD.with());
    }
    DeletionStore.Deletion d = store.schedule(who, typedName, config.grace(), Instant.now());
    List<String> notes =
        disconnectAll(tenant, new Actor(who.userId(), who.email(), who.clientAddress()));
    LOG.log(
        Level.INFO,
        "Tenant {0} scheduled for deletion after {1}",
        String.valueOf(tenant),
        d.purgeAfter());
    return new Requested(d, notes);
  }

  /** Disconnects every number of the tenant that is not yet disconnected; returns Meta's notes. */
  public List<String> disconnectAll(long tenant, Actor actor) {
    List<String> notes = new ArrayList<>();
    Tenancy.runAs(
        tenant,
        () -> {
          for (WhatsAppConnection c : connections.list()) {
            if (c.getStatus() == WhatsAppConnection.Status.DISCONNECTED) {
              continue;
            }
            try {
              notes.addAll(connections.disconnect(c.getId(), actor).notes());
            } catch (RuntimeException e) {
              notes.add("Number " + c.getDisplayPhoneNumber() + " could not be disconnected yet.");
              LOG.log(
                  Level.WARNING,
                  "Disconnecting connection {0} for account deletion failed: {1}",
                  String.valueOf(c.getId()),
                  e.toString());
            }
          }
        });
    return notes;
  }

  /**
   * The owner cancels a pending deletion with email and password (sign-in is disabled meanwhile).
   * Wrong credentials, a user who is not the owner, or no pending deletion all get the same answer,
   * so the page does not tell which emails exist.
   */
  public void cancel(String email, String password, String clientAddress) {
    SignInOutcome outcome = signIns.verify(email, password, clientAddress);
    if (outcome.success()
        || !SignIns.DELETION_PENDING.equals(outcome.reason())
        || outcome.tenantId() == null
        || !signIns.isOwner(outcome.userId())) {
      throw new PrivacyRefusedException(PrivacyWords.CANCEL_REFUSED.with());
    }
    if (!store.cancel(
        outcome.tenantId(), outcome.userId(), outcome.email(), clientAddress, Instant.now())) {
      throw new PrivacyRefusedException(PrivacyWords.CANCEL_TOO_LATE.with());
    }
  }

  public Optional<DeletionStore.Deletion> pending() {
    return store.pending(Tenancy.require());
  }
}
