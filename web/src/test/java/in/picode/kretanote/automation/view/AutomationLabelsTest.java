package in.picode.kretanote.automation.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import in.picode.kretanote.automation.control.Action;
import in.picode.kretanote.automation.control.Condition;
import in.picode.kretanote.automation.entity.Trigger;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule and macro editors name every event, condition and action in every language: each {@link
 * Trigger}, and the type of every {@link Condition} and {@link Action} class the ejb module has
 * (found by scanning, so a new kind without texts fails here), has a label and a value hint in
 * {@code AutomationTexts} for each of the six languages, and no language merely falls back to
 * English for them.
 */
class AutomationLabelsTest {

  static final List<Locale> LANGUAGES =
      List.of(
          Locale.ENGLISH,
          Locale.forLanguageTag("hi"),
          Locale.forLanguageTag("es"),
          Locale.forLanguageTag("pt-BR"),
          Locale.forLanguageTag("id"),
          Locale.forLanguageTag("ar"));

  static final List<String> conditions = new ArrayList<>();
  static final List<String> actions = new ArrayList<>();

  @BeforeAll
  static void findTypes() throws ReflectiveOperationException {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("in.picode.kretanote.automation");
    for (JavaClass c : classes) {
      if (c.isInterface() || c.getModifiers().contains(JavaModifier.ABSTRACT)) {
        continue;
      }
      if (c.isAssignableTo(Condition.class)) {
        conditions.add(((Condition) instance(c)).type());
      } else if (c.isAssignableTo(Action.class)) {
        actions.add(((Action) instance(c)).type());
      }
    }
  }

  private static Object instance(JavaClass c) throws ReflectiveOperationException {
    Constructor<?> constructor = Class.forName(c.getName()).getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }

  @Test
  void theScanFindsTheKindsTheEditorsOffer() {
    assertThat(conditions)
        .contains("text_contains", "label", "business_hours")
        .hasSizeGreaterThan(8);
    assertThat(actions).contains("add_label", "resolve", "send_template").hasSizeGreaterThan(13);
  }

  @Test
  void everyEventConditionAndActionHasALabelAndHintInEveryLanguage() {
    List<String> keys = new ArrayList<>();
    for (Trigger t : Trigger.values()) {
      keys.add("event." + t.name());
    }
    conditions.forEach(t -> keys.addAll(List.of("condition." + t, "hint." + t)));
    actions.forEach(t -> keys.addAll(List.of("action." + t, "hint." + t)));
    ResourceBundle english = bundle(Locale.ENGLISH);
    for (Locale language : LANGUAGES) {
      ResourceBundle texts = bundle(language);
      assertThat(texts.getLocale())
          .as("a file of its own for %s", language)
          .isEqualTo(language.equals(Locale.ENGLISH) ? Locale.ROOT : language);
      for (String key : keys) {
        assertThat(texts.containsKey(key)).as("%s in %s", key, language).isTrue();
        assertThat(texts.getString(key)).as("%s in %s", key, language).isNotBlank();
      }
    }
    // A label that stayed English in another language is a missed translation (hints may share
    // codes such as "Field=value", so they are not compared).
    for (Locale language : LANGUAGES.subList(1, LANGUAGES.size())) {
      ResourceBundle texts = bundle(language);
      keys.stream()
          .filter(k -> k.startsWith("condition.") || k.startsWith("action."))
          .forEach(
              k ->
                  assertThat(texts.getString(k))
                      .as("%s in %s", k, language)
                      .isNotEqualTo(english.getString(k)));
    }
  }

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        AutomationLabels.BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
