package in.picode.kretanote.onboarding.view;

import in.picode.kretanote.onboarding.boundary.Checklist;
import in.picode.kretanote.onboarding.boundary.Onboarding;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/**
 * Home: the first-hour checklist with its progress, for owners and admins (the steps are theirs to
 * do) until every step is done.
 */
@Named
@RequestScoped
public class ChecklistBean {

  @Inject Onboarding onboarding;
  @Inject SecurityContext security;

  private Checklist checklist;

  public boolean isVisible() {
    return (security.isCallerInRole("OWNER") || security.isCallerInRole("ADMIN"))
        && !getChecklist().complete();
  }

  public Checklist getChecklist() {
    if (checklist == null) {
      checklist = onboarding.checklist();
    }
    return checklist;
  }
}
