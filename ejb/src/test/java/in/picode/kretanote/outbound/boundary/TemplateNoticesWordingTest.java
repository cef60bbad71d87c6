package in.picode.kretanote.outbound.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.inbound.boundary.TemplateChanged;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.boundary.WordingTexts;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What owners and admins are told when Meta changes a template: the English as before, and the
 * sentence in the reader's language around Meta's own names (RED, MARKETING), which stay as Meta
 * wrote them.
 */
class TemplateNoticesWordingTest {

  private static final Locale ES = Locale.forLanguageTag("es");
  private static final Locale AR = Locale.forLanguageTag("ar");

  private static String all(List<Wording> body, Locale locale) {
    return WordingTexts.all(body, locale, "\n\n");
  }

  @Test
  void aRedQualityScoreNamesThePausedCampaignsInTheReadersLanguage() {
    TemplateUpdates.Notice n =
        TemplateUpdates.qualityNotice(
            "spring_sale", "en_US", "RED", "GREEN", List.of("Spring sale", "Reminder"));
    assertThat(n.subject().english()).isEqualTo("Template spring_sale quality is RED");
    assertThat(Wording.english(n.body()))
        .containsExactly(
            "Meta rated the template spring_sale (en_US) RED, was GREEN.",
            "Paused campaigns: Spring sale, Reminder.");
    assertThat(WordingTexts.of(n.subject(), ES))
        .isEqualTo("La calidad de la plantilla spring_sale es RED");
    assertThat(all(n.body(), ES))
        .isEqualTo(
            "Meta calificó la plantilla spring_sale (en_US) como RED; antes era GREEN.\n\n"
                + "Campañas en pausa: Spring sale, Reminder.");
    assertThat(all(n.body(), AR))
        .contains("spring_sale", "RED", "GREEN", "Spring sale, Reminder")
        .doesNotContain("rated", "Paused", "was");

    TemplateUpdates.Notice yellow =
        TemplateUpdates.qualityNotice("receipt", "es", "YELLOW", null, List.of());
    assertThat(Wording.english(yellow.body()))
        .containsExactly("Meta rated the template receipt (es) YELLOW.");
    assertThat(all(yellow.body(), ES))
        .isEqualTo("Meta calificó la plantilla receipt (es) como YELLOW.");
  }

  @Test
  void aCategoryChangeSoonAndDoneKeepMetasCategoryNames() {
    TemplateUpdates.Notice soon =
        TemplateUpdates.categoryNotice(
            true, "order_update", "en", Category.UTILITY, Category.MARKETING);
    assertThat(soon.subject().english()).isEqualTo("Template order_update will become MARKETING");
    assertThat(soon.body().get(0).english())
        .isEqualTo(
            "Meta will change the category of the template order_update (en) from UTILITY to"
                + " MARKETING.");
    assertThat(WordingTexts.of(soon.body().get(0), ES))
        .isEqualTo(
            "Meta cambiará la categoría de la plantilla order_update (en) de UTILITY a MARKETING.");

    TemplateUpdates.Notice done =
        TemplateUpdates.categoryNotice(
            false, "order_update", "en", Category.UTILITY, Category.MARKETING);
    assertThat(done.subject().english()).isEqualTo("Template order_update is now MARKETING");
    assertThat(done.body().get(0).english())
        .isEqualTo(
            "Meta changed the category of the template order_update (en) from UTILITY to"
                + " MARKETING. KretaNote sends it under the new category's consent and pricing"
                + " rules.");
    assertThat(WordingTexts.of(done.body().get(0), ES))
        .contains("de UTILITY a MARKETING", "consentimiento")
        .doesNotContain("category", "rules");
    assertThat(WordingTexts.of(done.subject(), AR))
        .contains("order_update", "MARKETING")
        .doesNotContain("Template", "now");
  }

  @Test
  void aChangeToAnUnknownTemplateSaysWhichChangeAndWhichTemplate() {
    TemplateUpdates.Notice byName = TemplateUpdates.unknownNotice(change("never_synced", "en"));
    assertThat(byName.subject().english())
        .isEqualTo("Meta updated a template KretaNote does not know");
    assertThat(byName.body().get(0).english())
        .isEqualTo(
            "Meta reported a quality change for the template never_synced (en), which is not"
                + " among your synced templates. Sync the templates in Templates to see it.");
    assertThat(WordingTexts.of(byName.body().get(0), ES))
        .isEqualTo(
            "Meta informó de un cambio de calidad en la plantilla never_synced (en), que no está"
                + " entre tus plantillas sincronizadas. Sincroniza las plantillas en Plantillas"
                + " para verla.");

    TemplateUpdates.Notice byId = TemplateUpdates.unknownNotice(change(null, null));
    assertThat(byId.body().get(0).english())
        .startsWith("Meta reported a quality change for the template id 123456789, which");
    assertThat(WordingTexts.of(byId.body().get(0), ES))
        .startsWith("Meta informó de un cambio de calidad en la plantilla con id 123456789, que");
    assertThat(WordingTexts.of(byId.subject(), AR)).doesNotContain("template", "Meta updated");
  }

  private static TemplateChanged change(String name, String language) {
    return new TemplateChanged(
        1,
        2,
        "waba-1",
        TemplateChanged.Kind.QUALITY,
        "123456789",
        name,
        language,
        "RED",
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        List.of(),
        Instant.parse("2028-05-16T10:00:00Z"),
        99);
  }
}
