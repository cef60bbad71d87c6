package in.picode.kretanote.tenant.view;

import in.picode.kretanote.tenant.boundary.SignUps;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Opens the link from the verification mail. */
@Named
@RequestScoped
public class VerifyBean {

  @Inject SignUps signUps;

  private String token;
  private Boolean verified;

  public void verify() {
    verified = signUps.verifyEmail(token);
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public Boolean getVerified() {
    return verified;
  }
}
