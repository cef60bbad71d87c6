package in.picode.kretanote.onboarding.boundary;

import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.platform.control.BusinessHoursStatus;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.tenant.boundary.Invitations;
import in.picode.kretanote.tenant.boundary.TeamMembers;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The current business's first-hour checklist, read from the features that own each step through
 * their boundaries: a live WhatsApp number, a second member or a pending invitation, a template, a
 * contact. Business hours come from whichever bean implements {@link BusinessHoursStatus}; while
 * none is deployed (or none says so) the step counts as not done.
 */
@Stateless
@TenantScoped
public class Onboarding {

  @Inject WhatsAppConnections connections;
  @Inject Templates templates;
  @Inject Contacts contacts;
  @Inject TeamMembers members;
  @Inject Invitations invitations;
  @Inject Instance<BusinessHoursStatus> businessHours;

  public Checklist checklist() {
    long tenant = Tenancy.require();
    boolean connected = false;
    boolean template = false;
    for (WhatsAppConnection c : connections.list()) {
      if (c.getStatus().isLive()) {
        connected = true;
      }
      if (!templates.of(c.getId()).isEmpty()) {
        template = true;
      }
    }
    return Checklist.of(
        new Checklist.Facts(
            connected,
            members.members().size() > 1 || !invitations.pending().isEmpty(),
            template,
            contacts.count() > 0,
            hoursSet(businessHours, tenant)));
  }

  /** Unknown (no implementation) is "not done"; any implementation that says so is "done". */
  static boolean hoursSet(Iterable<BusinessHoursStatus> implementations, long tenant) {
    for (BusinessHoursStatus s : implementations) {
      if (s.hoursSet(tenant)) {
        return true;
      }
    }
    return false;
  }
}
