package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.tenant.boundary.AccountChangeRefusedException;
import in.picode.kretanote.tenant.boundary.Invitations;
import in.picode.kretanote.tenant.boundary.TeamMembers;
import in.picode.kretanote.tenant.entity.Invitation;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Settings → Team: the tenant's people, open invitations, and the invite form. */
@Named
@ViewScoped
public class TeamBean implements Serializable {

  private static final String T = "in.picode.kretanote.tenant.view.TeamTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient TeamMembers team;
  @Inject transient Invitations invitations;
  @Inject CurrentUser currentUser;

  private List<UserAccount> members;
  private List<Invitation> pending;
  private String inviteEmail;
  private Role inviteRole = Role.AGENT;

  @PostConstruct
  void load() {
    members = team.members();
    pending = invitations.pending();
  }

  public void invite() {
    try {
      Invitation sent =
          invitations.invite(
              currentUser.getUserId(), inviteEmail, inviteRole, currentUser.getClientAddress());
      PageMessages.info(Texts.of(T, "team.invited", sent.getEmail()));
      inviteEmail = null;
      inviteRole = Role.AGENT;
    } catch (AccountChangeRefusedException e) {
      PageMessages.error("invite", e.field(), Wordings.of(e));
    } catch (EJBException e) {
      PageMessages.error("invite", null, PageMessages.ourFault());
    }
    load();
  }

  public void revoke(long invitationId) {
    try {
      invitations.revoke(currentUser.getUserId(), invitationId, currentUser.getClientAddress());
      PageMessages.info(Texts.of(T, "team.revoked"));
    } catch (AccountChangeRefusedException e) {
      PageMessages.error("pending", null, Wordings.of(e));
    } catch (EJBException e) {
      PageMessages.error("pending", null, PageMessages.ourFault());
    }
    load();
  }

  public List<Role> getInviteRoles() {
    return List.of(Role.AGENT, Role.ADMIN);
  }

  public List<UserAccount> getMembers() {
    return members;
  }

  public List<Invitation> getPending() {
    return pending;
  }

  public String getInviteEmail() {
    return inviteEmail;
  }

  public void setInviteEmail(String inviteEmail) {
    this.inviteEmail = inviteEmail;
  }

  public Role getInviteRole() {
    return inviteRole;
  }

  public void setInviteRole(Role inviteRole) {
    this.inviteRole = inviteRole;
  }
}
