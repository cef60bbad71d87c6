package in.picode.kretanote.onboarding.boundary;

import java.util.List;

/**
 * The first-hour checklist of a new business: the five things that make KretaNote useful, each with
 * the page that does it and whether it is done. Plain data, so the order, the links and the
 * progress are tested without a container.
 */
public record Checklist(List<Step> steps) {

  /** One thing to do; {@code page} is the dashboard page where it is done. */
  public record Step(String key, String title, String page, boolean done) {}

  /** What the boundary found out about the business. */
  public record Facts(
      boolean numberConnected,
      boolean teamInvited,
      boolean templateCreated,
      boolean contactsImported,
      boolean businessHoursSet) {}

  public static Checklist of(Facts f) {
    return new Checklist(
        List.of(
            new Step(
                "connect",
                "Connect a WhatsApp number",
                "/app/settings/whatsapp.xhtml",
                f.numberConnected()),
            new Step("team", "Invite your team", "/app/settings/team.xhtml", f.teamInvited()),
            new Step(
                "template",
                "Create a message template",
                "/app/templates.xhtml",
                f.templateCreated()),
            new Step(
                "contacts",
                "Import your contacts",
                "/app/contacts-import.xhtml",
                f.contactsImported()),
            new Step(
                "hours",
                "Set your business hours",
                "/app/settings/business-hours.xhtml",
                f.businessHoursSet())));
  }

  public long doneCount() {
    return steps.stream().filter(Step::done).count();
  }

  /** Whole per cent of the steps done, for the progress bar. */
  public int percent() {
    return steps.isEmpty() ? 100 : (int) (doneCount() * 100 / steps.size());
  }

  public boolean complete() {
    return doneCount() == steps.size();
  }

  /** "2 of 5 done". */
  public String progressInWords() {
    return doneCount() + " of " + steps.size() + " done";
  }
}
