package in.picode.kretanote.billing.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.billing.boundary.BillingWords;
import in.picode.kretanote.billing.entity.Invoice;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.boundary.WordingTexts;
import in.picode.kretanote.tenant.boundary.Notifications;
import in.picode.kretanote.tenant.entity.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The billing notices are said as codes: the English stays the sentence owners read before (the
 * stored notification, the API), and a Spanish or Arabic owner reads the whole notice, dates
 * included, in their language; only the payment provider's own words stay as it wrote them.
 */
class BillingNoticesWordingTest {

  private static final Locale ES = Locale.forLanguageTag("es");
  private static final Locale AR = Locale.forLanguageTag("ar");
  private static final Instant MAY_16 = Instant.parse("2028-05-16T00:00:00Z");
  private static final Instant MAY_22 = Instant.parse("2028-05-22T23:30:00Z");

  /** What the notices hand to {@link Notifications}, instead of storing and mailing it. */
  static class Told extends Notifications {
    final List<Object[]> calls = new ArrayList<>();

    @Override
    public Notification notifyAdmins(
        String kind,
        Notification.Severity severity,
        Wording subject,
        List<Wording> body,
        String dedupeKey) {
      calls.add(new Object[] {kind, severity, subject, body, dedupeKey});
      return null;
    }
  }

  @Test
  void aFailedPaymentIsToldInTheReadersLanguageWithTheProvidersWordsAsTheyCame() {
    Told told = new Told();
    BillingNotices notices = new BillingNotices();
    notices.notifications = told;
    Invoice invoice =
        new Invoice(
            Invoice.Kind.INVOICE,
            "KN2028",
            7,
            "key-7",
            "EUR",
            2000,
            "AT",
            null,
            null,
            MAY_16,
            MAY_16,
            "Dunning GmbH");
    invoice.totals(2900, 580);

    notices.paymentFailed(
        invoice,
        Wording.unworded("Your card was declined."),
        Optional.of(MAY_16),
        MAY_22,
        "payment-failed:pi_1");

    assertThat(told.calls).hasSize(1);
    Object[] call = told.calls.get(0);
    assertThat(call[0]).isEqualTo("BILLING");
    assertThat(call[4]).isEqualTo("billing:payment-failed:pi_1");
    Wording subject = (Wording) call[2];
    @SuppressWarnings("unchecked")
    List<Wording> body = (List<Wording>) call[3];
    assertThat(subject.english()).isEqualTo("Payment failed for KretaNote invoice KN2028-000007");
    assertThat(body).hasSize(1);
    assertThat(body.get(0).english())
        .isEqualTo(
            "We could not collect EUR 34.80 for invoice KN2028-000007: Your card was declined."
                + " We will try again on 16 May 2028. If it is still unpaid on 22 May 2028,"
                + " sending messages pauses until it is paid (incoming messages keep arriving)."
                + " Update your card under Settings → Billing.");

    String spanish = WordingTexts.of(body.get(0), ES);
    assertThat(spanish)
        .startsWith("No pudimos cobrar EUR 34.80 de la factura KN2028-000007: ")
        // the provider's words, as it wrote them (no second full stop)
        .contains(": Your card was declined. ")
        .contains("16 de mayo de 2028", "22 de mayo de 2028")
        .doesNotContain("May", "We will", "Update your card");
    assertThat(WordingTexts.of(subject, ES))
        .isEqualTo("Falló el pago de la factura KN2028-000007 de KretaNote");
    String arabic = WordingTexts.of(body.get(0), AR);
    assertThat(arabic)
        .contains("KN2028-000007", "Your card was declined", "مايو")
        .doesNotContain("May 2028", "We could not");
  }

  @Test
  void ourOwnReasonIsTranslatedAndTheLastAttemptSaysNoRetry() {
    BillingNotices.Notice notice =
        BillingNotices.paymentFailedNotice(
            "KN-000001",
            "EUR 29.00",
            BillingWords.NO_CARD_ON_FILE.with(),
            Optional.empty(),
            MAY_22);
    Wording body = notice.body().get(0);
    assertThat(body.english())
        .isEqualTo(
            "We could not collect EUR 29.00 for invoice KN-000001: there is no card on file. If it"
                + " is still unpaid on 22 May 2028, sending messages pauses until it is paid"
                + " (incoming messages keep arriving). Update your card under Settings →"
                + " Billing.");
    assertThat(WordingTexts.of(body, ES))
        .contains("no hay ninguna tarjeta registrada", "22 de mayo de 2028")
        .doesNotContain("Lo intentaremos", "card", "May");
    assertThat(WordingTexts.of(body, AR)).contains("لا توجد بطاقة محفوظة").doesNotContain("card");
  }

  @Test
  void endedSuspendedAndSettledKeepTheirEnglishAndReadInSpanish() {
    BillingNotices.Notice ended = BillingNotices.endedNotice(MAY_16);
    assertThat(ended.subject().english()).isEqualTo("Your KretaNote subscription has ended");
    assertThat(ended.body().get(0).english())
        .isEqualTo(
            "Your subscription ended on 16 May 2028 as you asked. Sending messages has stopped;"
                + " incoming messages are still received. Choose a plan under Settings → Billing"
                + " to continue.");
    assertThat(WordingTexts.of(ended.body().get(0), ES))
        .startsWith("Tu suscripción terminó el 16 de mayo de 2028")
        .doesNotContain("May");

    // A moment late in the day is still that day in UTC, in every language.
    BillingNotices.Notice suspended = BillingNotices.suspendedNotice(MAY_22);
    assertThat(suspended.subject().english())
        .isEqualTo("Sending is paused: your KretaNote invoice is unpaid");
    assertThat(suspended.body().get(0).english())
        .startsWith("We could not collect your payment since 22 May 2028, so sending");
    assertThat(WordingTexts.of(suspended.body().get(0), ES))
        .contains("desde el 22 de mayo de 2028");
    assertThat(WordingTexts.of(suspended.subject(), AR)).doesNotContain("Sending", "invoice");

    assertThat(BillingNotices.settledNotice("KN-000009", true).body().get(0).english())
        .isEqualTo("Thank you: invoice KN-000009 is paid and sending works again.");
    assertThat(BillingNotices.settledNotice("KN-000009", false).body().get(0).english())
        .isEqualTo("Thank you: invoice KN-000009 is paid.");
    assertThat(WordingTexts.of(BillingNotices.settledNotice("KN-000009", true).body().get(0), ES))
        .isEqualTo("Gracias: la factura KN-000009 está pagada y los envíos vuelven a funcionar.");
    assertThat(WordingTexts.of(BillingNotices.settledNotice("KN-000009", false).body().get(0), ES))
        .isEqualTo("Gracias: la factura KN-000009 está pagada.");
  }
}
