package in.picode.kretanote.outbound.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import in.picode.kretanote.outbound.boundary.CampaignSegment;
import in.picode.kretanote.outbound.boundary.CampaignWords;
import in.picode.kretanote.outbound.boundary.OutboundWords;
import in.picode.kretanote.outbound.boundary.SegmentWords;
import in.picode.kretanote.outbound.boundary.SendResult;
import in.picode.kretanote.outbound.control.AutoPause;
import in.picode.kretanote.outbound.control.RefusalCode;
import in.picode.kretanote.outbound.entity.Campaign;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.tenant.entity.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Why a campaign was paused, kept with it and read on the campaign pages in the reader's language
 * (a person's typed reason as typed); who a segment goes to inside a sentence; a name refused for
 * markup.
 */
class CampaignPauseWordingsTest {

  private static final Locale ES = Locale.forLanguageTag("es");
  private static final Locale AR = Locale.forLanguageTag("ar");
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void anAutomaticPauseForSpamRefusalsReadsInSpanishWithItsFigures() {
    Wording reason = AutoPause.reason(20, 1, "GREEN", 0.05, 20).orElseThrow();
    Campaign c = running();
    c.pause(reason, NOW);

    assertThat(c.getPauseReason())
        .isEqualTo(
            "Paused automatically: 1 of 20 messages (5.0%) were refused by Meta as spam or for low"
                + " quality (errors 131048/131049), at or above the 5.0% limit. Check the template"
                + " and the audience before resuming.");
    assertThat(Wordings.of(c.getPauseWording(), ES))
        .isEqualTo(
            "Pausada automáticamente: Meta rechazó 1 de 20 mensajes (5,0 %) como spam o por baja"
                + " calidad (errores 131048/131049), lo que alcanza o supera el límite del 5,0 %."
                + " Revisa la plantilla y la audiencia antes de reanudar.");
  }

  @Test
  void aPauseForARefusedSendReadsInArabicAndATypedReasonStaysAsTyped() {
    Campaign c = running();
    c.pause(
        CampaignWords.pausedAutomatically(
            SendResult.refused(RefusalCode.TEMPLATE_NOT_APPROVED.refuse("promo", "PAUSED"))),
        NOW);

    assertThat(c.getPauseReason())
        .isEqualTo(
            "Paused automatically: The template promo is not approved by Meta (status PAUSED); it"
                + " cannot be sent.");
    assertThat(Wordings.of(c.getPauseWording(), AR))
        .isEqualTo(
            "أُوقفت تلقائيًا: القالب promo غير معتمد من Meta (الحالة PAUSED)؛ لا يمكن إرساله.");
    assertThat(Wordings.of(c.getPauseWording(), ES))
        .startsWith("Pausada automáticamente: La plantilla promo no está aprobada por Meta");

    Campaign typed = running();
    typed.pause("Back after Diwali", NOW);
    assertThat(Wordings.of(typed.getPauseWording(), ES)).isEqualTo("Back after Diwali");
  }

  @Test
  void noContactInTheSegmentNamesTheSegmentInTheReadersLanguage() {
    CampaignSegment segment =
        new CampaignSegment(
            List.of("vip", "regular"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            true,
            new CampaignSegment.Activity(true, 30));
    Wording refusal = OutboundWords.NO_CONTACT_IN_SEGMENT.with(SegmentWords.of(segment));

    assertThat(SegmentWords.of(segment).english()).isEqualTo(segment.describe());
    assertThat(refusal.english())
        .isEqualTo(
            "No contact matches the segment (any tag of \u201cvip\u201d, \u201cregular\u201d,"
                + " wrote within 30 days with marketing consent)");
    assertThat(Wordings.of(refusal, ES))
        .isEqualTo(
            "Ningún contacto coincide con el segmento (alguna de las etiquetas \u201cvip\u201d,"
                + " \u201cregular\u201d, escribió en los últimos 30 días con consentimiento de"
                + " marketing)");
    assertThat(Wordings.of(refusal, AR)).contains("\u060c ").doesNotContain("tag");
  }

  @Test
  void aBusinessNameWithMarkupIsRefusedInSpanish() {
    Throwable e = catchThrowable(() -> new Tenant("Bistro <b>", NOW));

    assertThat(e).isInstanceOf(IllegalArgumentException.class);
    assertThat(Wordings.of(Wording.of(e), ES))
        .isEqualTo("El nombre de una empresa no puede contener < ni > ni caracteres de control.");
  }

  private static Campaign running() {
    Campaign c = new Campaign(1, "Diwali", "promo", "en", "[]", "vip", false, 1L, NOW);
    c.schedule(NOW, NOW);
    c.running(NOW);
    return c;
  }
}
