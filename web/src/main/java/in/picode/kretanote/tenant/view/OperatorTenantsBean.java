package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.tenant.boundary.AccountChangeRefusedException;
import in.picode.kretanote.tenant.boundary.SecondFactors;
import in.picode.kretanote.tenant.boundary.Tenants;
import in.picode.kretanote.tenant.entity.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The platform operator's tenant list: names and states, never content. */
@Named
@RequestScoped
public class OperatorTenantsBean {

  @Inject Tenants tenants;
  @Inject SecondFactors secondFactors;
  @Inject CurrentUser currentUser;

  private String email;
  private String reason;

  public List<Tenant> getTenants() {
    return tenants.all();
  }

  /** The recovery path of a member who lost both the authenticator and the recovery codes. */
  public void resetSecondFactor() {
    try {
      secondFactors.resetByOperator(
          currentUser.getEmail(), email, reason, currentUser.getClientAddress());
      PageMessages.info(
          Texts.of(
              "in.picode.kretanote.platform.view.OperatorTexts", "tenants.factorReset", email));
      email = null;
      reason = null;
    } catch (AccountChangeRefusedException e) {
      PageMessages.error("reset", e.field(), Wordings.of(e));
    }
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
