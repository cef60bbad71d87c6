package in.picode.kretanote.routing.view;

import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.routing.boundary.Presence;
import in.picode.kretanote.routing.boundary.RoutingRefusedException;
import in.picode.kretanote.routing.entity.Availability;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The header's Online / Busy / Offline switch. Its one-minute poll tells the server the dashboard
 * is open, so an agent who closes it counts as Offline after the idle time.
 */
@Named
@RequestScoped
public class AvailabilityBean {

  @Inject Presence presence;
  @Inject CurrentUser user;

  private Availability availability;

  /** Read only: rendering a page (a GET) changes nothing; the poll says the dashboard is open. */
  public Availability getAvailability() {
    if (availability == null) {
      availability = presence.availability(user.getUserId());
    }
    return availability;
  }

  public void setAvailability(Availability availability) {
    this.availability = availability;
  }

  public void change() {
    Availability chosen = availability;
    if (PageMessages.attempt(
        RoutingRefusedException.class, () -> presence.set(user.getUserId(), chosen))) {
      availability = chosen;
    }
  }

  public void heartbeat() {
    availability = presence.seen(user.getUserId());
  }

  public Availability[] getChoices() {
    return Availability.values();
  }
}
