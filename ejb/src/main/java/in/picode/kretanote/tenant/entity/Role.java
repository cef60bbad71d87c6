package in.picode.kretanote.tenant.entity;

/**
 * What a person may do. OWNER, ADMIN and AGENT act inside one tenant; OPERATOR runs the platform
 * and belongs to no tenant (sees tenants, plans and health, never message content).
 */
public enum Role {
  OWNER,
  ADMIN,
  AGENT,
  OPERATOR;

  public boolean isTenantRole() {
    return this != OPERATOR;
  }
}
