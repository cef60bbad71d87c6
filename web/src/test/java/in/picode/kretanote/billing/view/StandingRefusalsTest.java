package in.picode.kretanote.billing.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.billing.boundary.Standing;
import in.picode.kretanote.billing.control.BillingSettings;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.outbound.control.GuardInput;
import in.picode.kretanote.outbound.control.GuardRules;
import in.picode.kretanote.outbound.control.Refusal;
import in.picode.kretanote.outbound.control.RefusalCode;
import in.picode.kretanote.outbound.control.TenantStanding;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The send guard's refusal for an account that may not send, with billing's reason (the trial's or
 * the unpaid invoice's date) worded inside it in the agent's language. The reason comes from the
 * real {@link Standing} over the rows a database would return.
 */
class StandingRefusalsTest {

  static final Instant NOW = Instant.parse("2029-01-20T09:00:00Z");

  @Test
  void aTrialThatEndedRefusesSendingInSpanishWithTheDate() throws Exception {
    Standing standing =
        standing(List.of(), List.of(Timestamp.from(Instant.parse("2029-01-01T10:00:00Z"))));

    Wording reason = standing.sendingRefusal(7).orElseThrow();
    Refusal refusal = refuse(reason);

    assertThat(refusal.code()).isEqualTo(RefusalCode.TENANT_NOT_IN_GOOD_STANDING);
    assertThat(refusal.reason())
        .isEqualTo(
            "Sending is paused for this account: Your free trial ended on 15 Jan 2029. Choose a"
                + " plan under Settings → Billing to send messages again.");
    assertThat(Wordings.of(refusal.wording(), Locale.forLanguageTag("es")))
        .isEqualTo(
            "Los envíos de esta cuenta están en pausa: Tu prueba gratuita terminó el 15 de enero"
                + " de 2029. Elige un plan en Configuración → Facturación para volver a enviar"
                + " mensajes.");
  }

  @Test
  void anUnpaidInvoiceRefusesSendingInArabic() throws Exception {
    Standing standing =
        standing(
            List.<Object[]>of(
                new Object[] {
                  "SUSPENDED", Timestamp.from(Instant.parse("2029-01-12T00:00:00Z")), null
                }),
            List.of());

    Refusal refusal = refuse(standing.sendingRefusal(7).orElseThrow());

    assertThat(refusal.reason())
        .startsWith(
            "Sending is paused for this account: Sending is paused because an invoice is unpaid"
                + " (since 12 Jan 2029).");
    assertThat(Wordings.of(refusal.wording(), Locale.forLanguageTag("ar")))
        .startsWith(
            "الإرسال متوقف مؤقتًا لهذا الحساب: الإرسال متوقف مؤقتًا لأن هناك فاتورة غير مدفوعة (منذ ")
        .contains("يناير")
        .endsWith("ولا تزال الرسائل الواردة تُستقبل.");
    assertThat(Wordings.of(refusal.wording(), Locale.forLanguageTag("hi")))
        .contains("12 जनवरी 2029")
        .doesNotContain("Sending");
  }

  private static Refusal refuse(Wording reason) {
    GuardInput in =
        new GuardInput(
            TenantStanding.Standing.suspended(reason),
            "CONNECTED",
            "AVAILABLE",
            true,
            Category.SERVICE,
            null,
            null,
            false,
            null,
            false,
            250,
            0,
            false);
    return GuardRules.check(in).orElseThrow();
  }

  /** Billing's standing over {@code subscription} rows and the tenant's creation time. */
  private static Standing standing(List<Object[]> subscription, List<Object> created)
      throws Exception {
    EntityManager em =
        (EntityManager)
            Proxy.newProxyInstance(
                StandingRefusalsTest.class.getClassLoader(),
                new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("createNativeQuery")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  List<?> rows =
                      ((String) args[0]).contains("from subscription") ? subscription : created;
                  return query(rows);
                });
    Standing standing = new Standing();
    set(standing, "em", em);
    set(standing, "clock", Clock.fixed(NOW, ZoneOffset.UTC));
    BillingSettings settings = new BillingSettings();
    set(settings, "trialLength", "P14D");
    set(standing, "settings", settings);
    return standing;
  }

  private static Query query(List<?> rows) {
    return (Query)
        Proxy.newProxyInstance(
            StandingRefusalsTest.class.getClassLoader(),
            new Class<?>[] {Query.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getResultList" -> rows;
                  case "getResultStream" -> rows.stream();
                  default -> proxy;
                });
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }
}
