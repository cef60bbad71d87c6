package in.picode.kretanote.billing.control;

import in.picode.kretanote.billing.boundary.BillingWords;
import in.picode.kretanote.billing.boundary.Money;
import in.picode.kretanote.billing.entity.Invoice;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.tenant.boundary.Notifications;
import in.picode.kretanote.tenant.entity.Notification;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the billing cycle tells a tenant's admins (a notification, and a mail where they asked for
 * one): the subscription ended, sending paused for an unpaid invoice, a payment failed, a payment
 * settled what was owed. Each notice is said as {@link BillingWords} (every admin reads it in their
 * language; dates are the reader's) and has its de-duplication key, so a step repeated by a second
 * server tells nobody twice.
 */
@Dependent
public class BillingNotices {

  static final String KIND = "BILLING";

  @Inject Notifications notifications;

  /** A subscription cancelled at period end has ended. */
  public void ended(Instant endedEnd) {
    notify(endedNotice(endedEnd), "cancelled:" + endedEnd.toEpochMilli());
  }

  /** Dunning ran out: sending is paused until the invoice is paid. */
  public void suspended(Instant pastDueSince, Instant now) {
    notify(suspendedNotice(pastDueSince), "suspended:" + now.toEpochMilli());
  }

  /** A past-due or suspended subscription owes nothing any more. */
  public void settled(Invoice invoice, boolean wasSuspended) {
    notify(settledNotice(invoice.getDisplayNumber(), wasSuspended), "settled:" + invoice.getId());
  }

  /**
   * A charge failed ({@code why}: one of our reasons as a code, or the payment provider's words as
   * they came, {@link Wording#unworded}); the next attempt and the day sending pauses.
   */
  public void paymentFailed(
      Invoice invoice, Wording why, Optional<Instant> retry, Instant suspendAt, String dedupe) {
    notify(
        paymentFailedNotice(
            invoice.getDisplayNumber(),
            Money.format(invoice.getTotalMinor(), invoice.getCurrency()),
            why,
            retry,
            suspendAt),
        dedupe);
  }

  /** The subject and paragraphs of a notice. */
  record Notice(Wording subject, List<Wording> body) {}

  static Notice endedNotice(Instant endedEnd) {
    return new Notice(
        BillingWords.NOTICE_ENDED_SUBJECT.with(),
        List.of(BillingWords.NOTICE_ENDED.with(endedEnd)));
  }

  static Notice suspendedNotice(Instant pastDueSince) {
    return new Notice(
        BillingWords.NOTICE_SUSPENDED_SUBJECT.with(),
        List.of(BillingWords.NOTICE_SUSPENDED.with(pastDueSince)));
  }

  static Notice settledNotice(String invoiceNumber, boolean wasSuspended) {
    return new Notice(
        BillingWords.NOTICE_SETTLED_SUBJECT.with(),
        List.of(
            (wasSuspended ? BillingWords.NOTICE_SETTLED_RESUMED : BillingWords.NOTICE_SETTLED)
                .with(invoiceNumber)));
  }

  static Notice paymentFailedNotice(
      String invoiceNumber,
      String amount,
      Wording why,
      Optional<Instant> retry,
      Instant suspendAt) {
    // The sentence ends the reason with its own full stop.
    Wording reason =
        why.code() == null && why.pattern().endsWith(".")
            ? Wording.unworded(why.pattern().substring(0, why.pattern().length() - 1))
            : why;
    Wording body =
        retry
            .map(
                r ->
                    BillingWords.NOTICE_PAYMENT_FAILED_RETRY.with(
                        amount, invoiceNumber, reason, r, suspendAt))
            .orElseGet(
                () ->
                    BillingWords.NOTICE_PAYMENT_FAILED.with(
                        amount, invoiceNumber, reason, suspendAt));
    return new Notice(
        BillingWords.NOTICE_PAYMENT_FAILED_SUBJECT.with(invoiceNumber), List.of(body));
  }

  private void notify(Notice notice, String dedupe) {
    notifications.notifyAdmins(
        KIND, Notification.Severity.WARNING, notice.subject(), notice.body(), "billing:" + dedupe);
  }
}
