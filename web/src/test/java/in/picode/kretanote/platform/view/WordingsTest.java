package in.picode.kretanote.platform.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import in.picode.kretanote.automation.boundary.AutomationRefusedException;
import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.messaging.boundary.DeliveryWords;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.routing.boundary.RoutingRefusedException;
import in.picode.kretanote.routing.boundary.RoutingWords;
import jakarta.ejb.EJBException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every code the business core can say (each constant of each enum implementing {@link
 * Wording.Code}, found on the class path, so a new enum is covered too) has a text in all six
 * languages, the English one equal to the core's pattern; and a refusal reaches the page in the
 * reader's language.
 */
class WordingsTest {

  private static final List<String> LANGUAGES = List.of("", "_hi", "_es", "_pt_BR", "_id", "_ar");

  @Test
  void everyCodeHasATextInEveryLanguage() throws IOException {
    List<Wording.Code> codes = allCodes();
    assertThat(codes).hasSizeGreaterThan(60);
    Properties english = texts("");
    List<String> problems = new ArrayList<>();
    for (String language : LANGUAGES) {
      Properties texts = texts(language);
      for (Wording.Code code : codes) {
        String key = code.with().code();
        String text = texts.getProperty(key);
        if (text == null || text.isBlank()) {
          problems.add("WordingTexts" + language + " has no text for " + key);
        } else if (!BundlesTest.placeholders(text)
            .equals(BundlesTest.placeholders(code.pattern()))) {
          problems.add("WordingTexts" + language + ": " + key + " has other placeholders");
        }
      }
      assertThat(texts.keySet()).as("WordingTexts" + language).isEqualTo(english.keySet());
    }
    for (Wording.Code code : codes) {
      if (english.getProperty(code.with().code()) != null) {
        assertThat(english.getProperty(code.with().code()))
            .as("English of " + code.with().code() + " is the core's pattern")
            .isEqualTo(code.pattern());
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aRefusalIsWordedInTheReadersLanguage() {
    RoutingRefusedException refused =
        new RoutingRefusedException(
            List.of(RoutingWords.NAME_TAKEN.with("Ventas"), RoutingWords.CHOOSE_MODE.with()));
    assertThat(refused.getMessage())
        .isEqualTo("There is already a team called \"Ventas\". Choose an assignment mode.");
    Wording taken = refused.wordings().get(0);
    assertThat(Wordings.of(taken, Locale.forLanguageTag("es")))
        .isEqualTo("Ya hay un equipo llamado «Ventas».");
    assertThat(Wordings.of(taken, Locale.forLanguageTag("ar")))
        .isEqualTo("يوجد فريق باسم «Ventas» بالفعل.");
    assertThat(Wordings.of(taken, Locale.ENGLISH)).isEqualTo(taken.english());
    // Outside a Faces request the page's language is English; an EJBException is unwrapped.
    assertThat(Wordings.all(new EJBException(refused)))
        .containsExactly(
            "There is already a team called \"Ventas\".", "Choose an assignment mode.");
  }

  @Test
  void weekdaysAndNumbersAreTheReaders() {
    Wording overlap =
        AutomationWords.HOURS_OVERLAP.with(DayOfWeek.MONDAY, "09:00-12:00", "11:00-13:00");
    assertThat(overlap.english()).isEqualTo("Monday: 09:00-12:00 and 11:00-13:00 overlap.");
    assertThat(Wordings.of(overlap, Locale.forLanguageTag("es")))
        .isEqualTo("lunes: 09:00-12:00 y 11:00-13:00 se solapan.");
    assertThat(Wordings.of(overlap, Locale.forLanguageTag("ar"))).startsWith("الاثنين: ");
    Wording failed = DeliveryWords.WINDOW.with(131047, "");
    assertThat(failed.english()).endsWith("(Meta code 131047)");
    assertThat(Wordings.of(failed, Locale.forLanguageTag("pt-BR")))
        .startsWith("Passaram mais de 24 horas")
        .endsWith("(Código da Meta 131047)");
  }

  @Test
  void aSentenceWithoutACodeIsShownAsTheCoreWroteIt() {
    AutomationRefusedException e = new AutomationRefusedException("Actions are not a list.");
    assertThat(Wordings.of(e.wordings().get(0), Locale.forLanguageTag("hi")))
        .isEqualTo("Actions are not a list.");
    assertThat(Wordings.of(new IllegalStateException("plain"))).isEqualTo("plain");
  }

  /** The constants of every enum in the application that implements {@link Wording.Code}. */
  static List<Wording.Code> allCodes() {
    List<Wording.Code> codes = new ArrayList<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("in.picode.kretanote")) {
      if (c.isEnum() && c.isAssignableTo(Wording.Code.class)) {
        for (Object constant : c.reflect().getEnumConstants()) {
          codes.add((Wording.Code) constant);
        }
      }
    }
    Set<String> seen = new java.util.HashSet<>();
    codes.forEach(code -> assertThat(seen.add(code.with().code())).as("unique").isTrue());
    return codes;
  }

  private static Properties texts(String language) throws IOException {
    Properties p = new Properties();
    String name = "/in/picode/kretanote/platform/boundary/WordingTexts" + language + ".properties";
    try (InputStream in = WordingsTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
