package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.platform.control.BusinessHoursStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Tells the first-hour checklist whether the current business has saved its business hours. */
@ApplicationScoped
public class HoursStatus implements BusinessHoursStatus {

  @Inject BusinessHoursSettings settings;

  @Override
  public boolean hoursSet(long tenantId) {
    return settings.find().isPresent();
  }
}
