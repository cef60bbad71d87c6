package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.tenant.boundary.HashingBusyException;
import in.picode.kretanote.tenant.boundary.SignUpForm;
import in.picode.kretanote.tenant.boundary.SignUpRefusedException;
import in.picode.kretanote.tenant.boundary.SignUps;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The sign-up form; a refusal is shown next to the field it concerns. */
@Named
@RequestScoped
public class SignUpBean {

  static final String BUNDLE = "in.picode.kretanote.tenant.view.SignInTexts";

  @Inject SignUps signUps;
  @Inject FacesContext faces;

  private String companyName;
  private String ownerName;
  private String email;
  private String password;
  private boolean done;

  public void submit() {
    try {
      signUps.signUp(
          new SignUpForm(
              companyName, ownerName, email, password, null, null, null, null, null, null),
          Texts.locale().toLanguageTag());
      done = true;
    } catch (SignUpRefusedException e) {
      e.byField()
          .forEach(
              (field, problem) ->
                  faces.addMessage(
                      "signup:" + field,
                      new FacesMessage(FacesMessage.SEVERITY_ERROR, Wordings.of(problem), null)));
    } catch (HashingBusyException e) {
      Busy.show(e);
    } catch (EJBException e) {
      faces.addMessage(
          null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.of(BUNDLE, "signup.failed"), null));
    } finally {
      password = null;
    }
  }

  public boolean isDone() {
    return done;
  }

  public String getCompanyName() {
    return companyName;
  }

  public void setCompanyName(String v) {
    companyName = v;
  }

  public String getOwnerName() {
    return ownerName;
  }

  public void setOwnerName(String v) {
    ownerName = v;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String v) {
    email = v;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String v) {
    password = v;
  }
}
