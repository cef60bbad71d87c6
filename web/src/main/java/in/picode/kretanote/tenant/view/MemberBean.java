package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.tenant.boundary.AccountChangeRefusedException;
import in.picode.kretanote.tenant.boundary.TeamMembers;
import in.picode.kretanote.tenant.boundary.TenantWords;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.EJBException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * Settings → Team → one person: change the role, disable or enable. The id comes from the URL, so
 * it can be anything; the boundary looks it up inside the signed-in user's tenant only, and an id
 * from elsewhere gives "not found" (on arrival) or a refusal (on a tampered post).
 */
@Named
@ViewScoped
public class MemberBean implements Serializable {

  private static final String T = "in.picode.kretanote.tenant.view.TeamTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient TeamMembers team;
  @Inject CurrentUser currentUser;

  private String id;
  private UserAccount member;
  private Role role;

  public void load() throws IOException {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    member = parse(id) == null ? null : team.find(parse(id)).orElse(null);
    if (member == null) {
      ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
      ec.responseSendError(404, "No such member");
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    role = member.getRole();
  }

  public void saveRole() {
    act(
        userId -> team.changeRole(currentUser.getUserId(), userId, role, address()),
        Texts.of(T, "member.roleSaved"));
  }

  public void disable() {
    act(
        userId -> team.disable(currentUser.getUserId(), userId, address()),
        Texts.of(T, "member.disabled"));
  }

  public void enable() {
    act(
        userId -> team.enable(currentUser.getUserId(), userId, address()),
        Texts.of(T, "member.enabled"));
  }

  private void act(Function<Long, UserAccount> change, String done) {
    Long userId = parse(id);
    if (userId == null) {
      PageMessages.error("member", null, Wordings.of(TenantWords.NOT_IN_TEAM.with()));
      return;
    }
    try {
      member = change.apply(userId);
      role = member.getRole();
      PageMessages.info(done);
    } catch (AccountChangeRefusedException e) {
      PageMessages.error("member", null, Wordings.of(e));
    } catch (EJBException e) {
      PageMessages.error("member", null, PageMessages.ourFault());
    }
  }

  /** The id from the URL or a post; anything but a positive number is nobody. */
  static Long parse(String raw) {
    if (raw == null || !raw.matches("[0-9]{1,18}")) {
      return null;
    }
    long v = Long.parseLong(raw);
    return v > 0 ? v : null;
  }

  private String address() {
    return currentUser.getClientAddress();
  }

  public List<Role> getRoles() {
    return List.of(Role.AGENT, Role.ADMIN, Role.OWNER);
  }

  public boolean isSelf() {
    return member != null && member.getId().equals(currentUser.getUserId());
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public UserAccount getMember() {
    return member;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }
}
