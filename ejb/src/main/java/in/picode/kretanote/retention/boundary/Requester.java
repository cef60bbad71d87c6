package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.tenant.entity.Role;

/**
 * Who asks for a privacy action, for the role check and the audit log: the signed-in user of the
 * current tenant, with the role the session carries and the client address.
 */
public record Requester(Long userId, String email, Role role, String clientAddress) {

  boolean isOwnerOrAdmin() {
    return role == Role.OWNER || role == Role.ADMIN;
  }
}
