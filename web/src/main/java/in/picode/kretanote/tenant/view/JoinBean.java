package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.tenant.boundary.AccountChangeRefusedException;
import in.picode.kretanote.tenant.boundary.HashingBusyException;
import in.picode.kretanote.tenant.boundary.Joins;
import in.picode.kretanote.tenant.boundary.TenantWords;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Objects;

/** The page behind an invitation link: shows who invites to what, then takes name and password. */
@Named
@ViewScoped
public class JoinBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Joins joins;

  private String token;
  private String email;
  private String role;
  private String tenantName;
  private boolean valid;
  private boolean done;
  private String name;
  private String password;
  private String confirm;

  public void check() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    joins.preview(token).ifPresent(this::show);
    valid = email != null;
  }

  public void submit() {
    try {
      if (!Objects.equals(password, confirm)) {
        PageMessages.error("join", "confirm", Texts.of(SignUpBean.BUNDLE, "password.differ"));
        return;
      }
      show(joins.accept(token, name, password, PageMessages.clientAddress()));
      done = true;
      token = null;
    } catch (AccountChangeRefusedException e) {
      if (Joins.INVALID_LINK.equals(e.getMessage())) {
        valid = false;
      } else {
        PageMessages.error("join", e.field(), Wordings.of(e));
      }
    } catch (HashingBusyException e) {
      Busy.show(e);
    } catch (EJBException e) {
      PageMessages.error("join", null, PageMessages.ourFault());
    } finally {
      password = null;
      confirm = null;
    }
  }

  private void show(Joins.JoinPreview p) {
    email = p.email();
    role = p.role().name();
    tenantName = p.tenantName();
  }

  public String getInvalidMessage() {
    return Wordings.of(TenantWords.JOIN_LINK_INVALID.with());
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getEmail() {
    return email;
  }

  public String getRole() {
    return role;
  }

  public String getTenantName() {
    return tenantName;
  }

  public boolean isValid() {
    return valid;
  }

  public boolean isDone() {
    return done;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirm() {
    return confirm;
  }

  public void setConfirm(String confirm) {
    this.confirm = confirm;
  }
}
