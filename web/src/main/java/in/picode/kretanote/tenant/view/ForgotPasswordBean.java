package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.tenant.boundary.PasswordResets;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.regex.Pattern;

/**
 * "Forgot password": the answer is the same whether or not the address has an account; only a
 * mistyped address gets a message of its own, which tells nothing about accounts.
 */
@Named
@RequestScoped
public class ForgotPasswordBean {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  @Inject PasswordResets resets;

  private String email;
  private boolean done;

  public void submit() {
    String e = email == null ? "" : email.strip();
    if (e.isEmpty()) {
      PageMessages.error("forgot", "email", Texts.of(LoginBean.BUNDLE, "login.emailRequired"));
      return;
    }
    if (e.length() > UserAccount.EMAIL_MAX || !EMAIL.matcher(e).matches()) {
      PageMessages.error("forgot", "email", Texts.of(LoginBean.BUNDLE, "forgot.invalidEmail"));
      return;
    }
    try {
      resets.request(e, PageMessages.clientAddress(), Texts.locale().toLanguageTag());
      done = true;
    } catch (EJBException failure) {
      PageMessages.error("forgot", null, PageMessages.ourFault());
    }
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isDone() {
    return done;
  }
}
