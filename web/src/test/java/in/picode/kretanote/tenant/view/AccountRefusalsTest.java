package in.picode.kretanote.tenant.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.tenant.boundary.BillingDetails;
import in.picode.kretanote.tenant.boundary.HashingBusyException;
import in.picode.kretanote.tenant.boundary.SignUpForm;
import in.picode.kretanote.tenant.boundary.TenantWords;
import in.picode.kretanote.tenant.control.PasswordPolicy;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The account pages' refusals (sign-up, password, busy server) read in the reader's language. */
class AccountRefusalsTest {

  private static final Locale ES = Locale.forLanguageTag("es");
  private static final Locale AR = Locale.forLanguageTag("ar");

  @Test
  void aWeakPasswordIsRefusedInTheReadersLanguage() {
    Wording tooShort = PasswordPolicy.violation("short", null).orElseThrow();
    assertThat(tooShort.english()).isEqualTo("The password needs at least 12 characters.");
    assertThat(Wordings.of(tooShort, ES))
        .isEqualTo("La contraseña necesita al menos 12 caracteres.");
    Wording withEmail =
        PasswordPolicy.violation("maria.lopez-2026!", "maria.lopez@example.com").orElseThrow();
    assertThat(Wordings.of(withEmail, AR))
        .isEqualTo("يجب ألا تحتوي كلمة المرور على عنوان بريدك الإلكتروني.");
  }

  @Test
  void aBusyServerSaysSoInTheReadersLanguage() {
    HashingBusyException busy = new HashingBusyException();
    assertThat(busy.getMessage())
        .isEqualTo("The server is busy; please try again in a few seconds.");
    assertThat(Wordings.of(Wording.of(busy), ES))
        .isEqualTo("El servidor está ocupado; inténtalo de nuevo en unos segundos.");
  }

  /**
   * Every message of the sign-up form's and the billing details' checks has a code, so a refused
   * field reads in the page's language (a changed message without its code would show English).
   */
  @Test
  void everyFormCheckHasACode() {
    List<String> uncoded = new ArrayList<>();
    int checked = 0;
    for (Class<?> form : List.of(SignUpForm.class, BillingDetails.class)) {
      for (RecordComponent c : form.getRecordComponents()) {
        for (Annotation a : c.getAccessor().getAnnotations()) {
          String message = message(a);
          checked += message == null ? 0 : 1;
          if (message != null && TenantWords.forMessage(message).isEmpty()) {
            uncoded.add(form.getSimpleName() + "." + c.getName() + ": " + message);
          }
        }
      }
    }
    assertThat(checked).as("messages found on the forms").isGreaterThan(20);
    assertThat(uncoded).isEmpty();
    assertThat(TenantWords.forMessage("The company name has at most {max} characters."))
        .contains(TenantWords.COMPANY_NAME_LONG);
    assertThat(Wordings.of(TenantWords.COMPANY_NAME_LONG.with(200), ES))
        .isEqualTo("El nombre de la empresa tiene como máximo 200 caracteres.");
  }

  private static String message(Annotation a) {
    try {
      Object m = a.annotationType().getMethod("message").invoke(a);
      return m instanceof String s && !s.startsWith("{") ? s : null;
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
