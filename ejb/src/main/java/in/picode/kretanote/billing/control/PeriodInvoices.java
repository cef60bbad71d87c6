package in.picode.kretanote.billing.control;

import in.picode.kretanote.billing.boundary.Money;
import in.picode.kretanote.billing.entity.BillingInterval;
import in.picode.kretanote.billing.entity.Invoice;
import in.picode.kretanote.billing.entity.PlanVersion;
import in.picode.kretanote.billing.entity.Subscription;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The invoices a billing period ends with, line by line: the renewal (plan, seats beyond the
 * included ones, the ended period's overage, credit from earlier changes) and the overage-only
 * invoice of a subscription cancelled at period end. Issuing goes through {@link InvoiceIssuer};
 * locking and what is due when stay with the billing cycle.
 */
@Dependent
public class PeriodInvoices {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

  @Inject InvoiceIssuer issuer;
  @Inject UsageMeter usage;

  /**
   * The invoice of the period that starts now: the plan, extra seats, the ended period's overage
   * (none after a trial) and credit left from earlier plan changes.
   */
  public Invoice renewal(
      Subscription s, Instant endedStart, Instant endedEnd, boolean wasTrial, Instant now) {
    PlanVersion plan = s.getPlanVersion();
    String name = plan.getPlan().getName();
    String interval = s.getInterval() == BillingInterval.YEAR ? "yearly" : "monthly";
    List<InvoiceIssuer.Line> lines = new ArrayList<>();
    long base = plan.basePriceMinor(s.getInterval());
    lines.add(
        new InvoiceIssuer.Line(
            name
                + " plan, "
                + interval
                + " ("
                + DATE.format(s.getPeriodStart())
                + " – "
                + DATE.format(s.getPeriodEnd())
                + ")",
            1,
            base,
            base));
    long extra = Math.max(0, s.getSeats() - plan.getIncludedSeats());
    if (extra > 0) {
      long months = s.getInterval() == BillingInterval.YEAR ? 12 : 1;
      lines.add(
          new InvoiceIssuer.Line(
              "Extra seats beyond the "
                  + plan.getIncludedSeats()
                  + " included"
                  + (months > 1 ? " (× 12 months)" : ""),
              extra * months,
              plan.getSeatPriceMinor(),
              Math.multiplyExact(extra * months, plan.getSeatPriceMinor())));
    }
    if (!wasTrial) {
      overage(s, endedStart, endedEnd).ifPresent(lines::add);
    }
    long sum = lines.stream().mapToLong(InvoiceIssuer.Line::amountMinor).sum();
    long credit = s.useCredit(sum);
    if (credit > 0) {
      lines.add(new InvoiceIssuer.Line("Credit from earlier plan changes", 1, -credit, -credit));
    }
    return issuer.issue(
        Invoice.Kind.INVOICE,
        "renewal:" + s.getPeriodStart().toEpochMilli(),
        s.getCurrency(),
        lines,
        s.getPeriodStart(),
        s.getPeriodEnd(),
        now);
  }

  /** The last invoice of a subscription cancelled at period end: the overage only, or none. */
  public Invoice overageOnly(
      Subscription s, Instant endedStart, Instant endedEnd, boolean wasTrial, Instant now) {
    if (wasTrial) {
      return null;
    }
    Optional<InvoiceIssuer.Line> line = overage(s, endedStart, endedEnd);
    if (line.isEmpty()) {
      return null;
    }
    return issuer.issue(
        Invoice.Kind.INVOICE,
        "final:" + endedEnd.toEpochMilli(),
        s.getCurrency(),
        List.of(line.get()),
        endedStart,
        endedEnd,
        now);
  }

  /** Messages sent beyond the plan's allowance in the ended period, priced per thousand. */
  public Optional<InvoiceIssuer.Line> overage(Subscription s, Instant from, Instant to) {
    PlanVersion plan = s.getPlanVersion();
    long sent = usage.of(Tenancy.require(), from, to).sent();
    long over = sent - plan.getMessageAllowance();
    if (over <= 0 || plan.getOveragePerThousandMinor() == 0) {
      return Optional.empty();
    }
    long amount = Math.multiplyExact(over, plan.getOveragePerThousandMinor());
    amount = (amount + 500) / 1000;
    return Optional.of(
        new InvoiceIssuer.Line(
            "Messages beyond the allowance of "
                + plan.getMessageAllowance()
                + " ("
                + sent
                + " sent "
                + DATE.format(from)
                + " – "
                + DATE.format(to)
                + "), "
                + Money.format(plan.getOveragePerThousandMinor(), s.getCurrency())
                + " per 1000",
            over,
            0,
            amount));
  }
}
