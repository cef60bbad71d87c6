package in.picode.kretanote.retention.view;

import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.retention.boundary.Requester;
import in.picode.kretanote.tenant.entity.Role;

/** The signed-in user as a {@link Requester} of a privacy action. */
final class Requesters {

  private Requesters() {}

  static Requester of(CurrentUser user) {
    Role role =
        user.hasRole("OWNER") ? Role.OWNER : user.hasRole("ADMIN") ? Role.ADMIN : Role.AGENT;
    return new Requester(user.getUserId(), user.getEmail(), role, user.getClientAddress());
  }
}
