package in.picode.kretanote.billing.control;

import in.picode.kretanote.billing.boundary.Money;
import in.picode.kretanote.billing.entity.Invoice;
import in.picode.kretanote.tenant.boundary.Notifications;
import in.picode.kretanote.tenant.entity.Notification;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * What the billing cycle tells a tenant's admins (a notification, and a mail where they asked for
 * one): the subscription ended, sending paused for an unpaid invoice, a payment failed, a payment
 * settled what was owed. Each notice has its de-duplication key, so a step repeated by a second
 * server tells nobody twice.
 */
@Dependent
public class BillingNotices {

  static final String KIND = "BILLING";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

  @Inject Notifications notifications;

  /** A subscription cancelled at period end has ended. */
  public void ended(Instant endedEnd) {
    notify(
        "Your KretaNote subscription has ended",
        "Your subscription ended on "
            + DATE.format(endedEnd)
            + " as you asked. Sending messages has stopped; incoming messages are still"
            + " received. Choose a plan under Settings → Billing to continue.",
        "cancelled:" + endedEnd.toEpochMilli());
  }

  /** Dunning ran out: sending is paused until the invoice is paid. */
  public void suspended(Instant pastDueSince, Instant now) {
    notify(
        "Sending is paused: your KretaNote invoice is unpaid",
        "We could not collect your payment since "
            + DATE.format(pastDueSince)
            + ", so sending messages and campaigns is paused. Incoming messages are still"
            + " received and stored. Pay under Settings → Billing (update your card) and"
            + " sending resumes at once.",
        "suspended:" + now.toEpochMilli());
  }

  /** A past-due or suspended subscription owes nothing any more. */
  public void settled(Invoice invoice, boolean wasSuspended) {
    notify(
        "Payment received: your KretaNote subscription is active",
        "Thank you: invoice "
            + invoice.getDisplayNumber()
            + " is paid"
            + (wasSuspended ? " and sending works again." : "."),
        "settled:" + invoice.getId());
  }

  /** A charge failed ({@code why}); the next attempt and the day sending pauses. */
  public void paymentFailed(
      Invoice invoice, String why, Optional<Instant> retry, Instant suspendAt, String dedupe) {
    notify(
        "Payment failed for KretaNote invoice " + invoice.getDisplayNumber(),
        "We could not collect "
            + Money.format(invoice.getTotalMinor(), invoice.getCurrency())
            + " for invoice "
            + invoice.getDisplayNumber()
            + ": "
            + (why.endsWith(".") ? why.substring(0, why.length() - 1) : why)
            + ". "
            + retry.map(r -> "We will try again on " + DATE.format(r) + ". ").orElse("")
            + "If it is still unpaid on "
            + DATE.format(suspendAt)
            + ", sending messages pauses until it is paid (incoming messages keep arriving)."
            + " Update your card under Settings → Billing.",
        dedupe);
  }

  private void notify(String subject, String body, String dedupe) {
    notifications.notifyAdmins(
        KIND, Notification.Severity.WARNING, subject, body, "billing:" + dedupe);
  }
}
