package in.picode.kretanote.onboarding.view;

import in.picode.kretanote.onboarding.boundary.Checklist;
import in.picode.kretanote.onboarding.boundary.Onboarding;
import in.picode.kretanote.platform.view.Texts;
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

  private static final String TEXTS = "in.picode.kretanote.platform.view.AppTexts";

  @Inject Onboarding onboarding;
  @Inject SecurityContext security;

  private Checklist checklist;

  public boolean isVisible() {
    return (security.isCallerInRole("OWNER") || security.isCallerInRole("ADMIN"))
        && !getChecklist().complete();
  }

  /**
   * A step's title in the page's language, by its stable key; the ejb's English title otherwise.
   */
  public String title(Checklist.Step step) {
    return switch (step.key()) {
      case "connect" -> Texts.of(TEXTS, "home.step.connect");
      case "team" -> Texts.of(TEXTS, "home.step.team");
      case "template" -> Texts.of(TEXTS, "home.step.template");
      case "contacts" -> Texts.of(TEXTS, "home.step.contacts");
      case "hours" -> Texts.of(TEXTS, "home.step.hours");
      default -> step.title();
    };
  }

  /** "2 of 5 done" in the page's language. */
  public String getProgress() {
    Checklist c = getChecklist();
    return Texts.of(TEXTS, "home.progress", c.doneCount(), c.steps().size());
  }

  public Checklist getChecklist() {
    if (checklist == null) {
      checklist = onboarding.checklist();
    }
    return checklist;
  }
}
