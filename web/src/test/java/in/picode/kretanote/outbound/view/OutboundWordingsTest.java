package in.picode.kretanote.outbound.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.outbound.boundary.CampaignSegment;
import in.picode.kretanote.outbound.boundary.SegmentWords;
import in.picode.kretanote.outbound.boundary.TemplateDraft;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.outbound.boundary.ValueMapping;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.view.Wordings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The template form's and the campaign form's problems, as the checks of the business core find
 * them, read in the reader's language; the English stays the core's (the public API's answers).
 */
class OutboundWordingsTest {

  private static final Locale ES = Locale.forLanguageTag("es");
  private static final Locale AR = Locale.forLanguageTag("ar");

  @Test
  void theTemplateFormsProblemsReadInSpanishFieldByField() {
    TemplateDraft draft =
        new TemplateDraft(
            null,
            "Hi {{1}} and {{2}}",
            List.of("Ana"),
            null,
            List.of(),
            TemplateDraft.HeaderFormat.IMAGE,
            new TemplateDraft.Sample("application/pdf", 1000, null),
            null);
    Map<String, List<Wording>> problems =
        Templates.wordedProblems("Order Update", "en_US", Category.UTILITY, draft);

    assertThat(spanish(problems.get("name")))
        .isEqualTo("El nombre de una plantilla solo tiene minúsculas, dígitos y guiones bajos.");
    // The kind of file is a word of the reader's language inside the sentence.
    assertThat(spanish(problems.get("header")))
        .isEqualTo(
            "El ejemplo de un encabezado de imagen es image/jpeg, image/png, no"
                + " application/pdf.");
    assertThat(spanish(problems.get("body")))
        .isEqualTo(
            "El cuerpo usa 2 variables: da un valor de ejemplo para cada una, uno por línea (1"
                + " dados).");
    assertThat(Wording.english(problems.get("body")))
        .containsExactly(
            "The body uses 2 placeholders: give one example value for each, one a line (1 given).");
  }

  @Test
  void aButtonsProblemNamesTheButtonInArabic() {
    TemplateDraft draft =
        new TemplateDraft(
            null, "Hello", List.of(), null, List.of(new TemplateDraft.Button("Go", "http://x")));
    List<Wording> buttons = draft.wordedProblems().get("buttons");

    assertThat(Wordings.of(buttons.get(0), AR))
        .isEqualTo("الزر ١: الرابط يبدأ بـ https:// ولا يحتوي على مسافات.");
  }

  @Test
  void aCampaignsAudienceAndMappingProblemsReadInTheReadersLanguage() {
    WordedArgumentException empty =
        catchThrowableOfType(
            () ->
                new CampaignSegment(
                    List.of(), List.of(), List.of(), List.of(), List.of(), false, null),
            WordedArgumentException.class);
    assertThat(Wordings.of(empty.wordings().get(0), ES))
        .startsWith("El segmento está vacío: elige etiquetas");

    List<Wording> condition =
        CampaignSegment.problems(
            2, new CampaignSegment.Condition(7, "TEXT", CampaignSegment.Op.GREATER, "5"));
    assertThat(Wordings.of(condition.get(0), ES))
        .isEqualTo("Condición 2: mayor/menor que solo funciona con campos de número y fecha");

    List<Wording> mapping = ValueMapping.text(" ").wordedProblems(1);
    assertThat(Wordings.of(mapping.get(0), ES)).isEqualTo("Variable {{1}}: escribe el texto");
    assertThat(Wording.english(mapping)).containsExactly("Placeholder {{1}}: give the text");
  }

  private static String spanish(List<Wording> wordings) {
    return String.join(" ", wordings.stream().map(w -> Wordings.of(w, ES)).toList());
  }

  @Test
  void whoACampaignGoesToReadsInTheReadersLanguage() {
    CampaignSegment segment =
        new CampaignSegment(
            List.of("vip", "regular"),
            List.of(),
            List.of("blocked"),
            List.of(),
            List.of(new CampaignSegment.Condition(7L, "TEXT", CampaignSegment.Op.IS_SET, null)),
            true,
            new CampaignSegment.Activity(true, 30));
    assertThat(segment.describe())
        .isEqualTo(
            "any tag of \u201cvip\u201d, \u201cregular\u201d, none of the tags \u201cblocked\u201d,"
                + " 1 field condition, wrote within 30 days with marketing consent");
    assertThat(SegmentWords.describe(segment, w -> Wordings.of(w, ES), ", "))
        .isEqualTo(
            "alguna de las etiquetas \u201cvip\u201d, \u201cregular\u201d, ninguna de las"
                + " etiquetas \u201cblocked\u201d, 1 condición de campo, escribió en los últimos"
                + " 30 días con consentimiento de marketing");
    assertThat(SegmentWords.describe(segment, w -> Wordings.of(w, AR), "\u060c "))
        .contains("شرط حقل واحد")
        .contains("٣٠")
        .doesNotContain("tag")
        .doesNotContain("field");
  }
}
