package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/** What campaigns and templates say to a user when they refuse a request, as codes. */
public enum OutboundWords implements Wording.Code {
  NO_CAMPAIGN_GIVEN("No campaign given"),
  CAMPAIGN_NAME("Give the campaign a name of 1 to {0} characters"),
  NO_SUCH_NUMBER("No such WhatsApp number"),
  PICK_TEMPLATE("Pick a template"),
  NO_SUCH_TEMPLATE(
      "There is no template {0} ({1}) for this number; sync the templates or pick another"),
  TEMPLATE_NOT_APPROVED(
      "The template {0} is not approved by Meta (status {1}); only approved templates can go to a"
          + " campaign"),
  VALUES_LIMIT("At most {0} values of at most {1,number,#} characters each"),
  VALUES_DO_NOT_FIT("The values do not fit the template: {0}"),
  NO_CONTACT_WITH_TAG("No contact has the tag \u201c{0}\u201d"),
  NO_CONTACT_IN_SEGMENT("No contact matches the segment ({0})"),
  NO_SUCH_CAMPAIGN("No such campaign"),
  START_ONLY_DRAFT("Only a draft campaign can be started (this one is {0})"),
  PAUSE_ONLY_RUNNING("Only a running or scheduled campaign can be paused (this one is {0})"),
  RESUME_ONLY_PAUSED("Only a paused campaign can be resumed (this one is {0})"),
  ALREADY("The campaign is already {0}"),
  ACCOUNT_DELETING("This account is being deleted; nothing is sent any more."),
  ACCOUNT_INACTIVE("This account is not active; nothing is sent."),
  NO_SUCH_CONNECTION("No such WhatsApp connection"),
  NO_TOKEN("The number has no access token: reconnect it"),
  THROUGHPUT("A number sends 1 to 1,000 messages per second"),
  TEMPLATE_EXISTS("This number already has a template {0} in {1}");

  private final String pattern;

  OutboundWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
