package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/**
 * What the template form and the templates boundary say to a user, as codes: Meta's limits on a
 * draft (header, body, footer, buttons, an authentication template's code button), the form's name,
 * language and category, and Meta's refusals of a template call.
 */
public enum TemplateWords implements Wording.Code {
  KIND_IMAGE("image"),
  KIND_VIDEO("video"),
  KIND_DOCUMENT("document"),
  HEADER_TEXT_MISSING("A text header needs its text."),
  HEADER_TOO_LONG("The header has at most {0} characters."),
  HEADER_PLACEHOLDERS("The header cannot have placeholders here."),
  MEDIA_HEADER_TEXT("A {0} header has no text."),
  SAMPLE_MISSING("Meta requires a sample {0} for a {0} header: choose a file."),
  SAMPLE_TYPE("A {0} header''s sample is {1}, not {2}."),
  SAMPLE_TYPE_UNKNOWN("A {0} header''s sample is {1}; this file''s type is unknown."),
  SAMPLE_SIZE("The sample has {0}, a {1} header''s at most {2}."),
  SAMPLE_NOT_UPLOADED("The header''s sample has not been uploaded to Meta yet."),
  SAMPLE_NOT_WHOLE("The header''s sample file did not arrive whole: choose it again."),
  FOOTER_TOO_LONG("The footer has at most {0} characters."),
  BODY_MISSING("The body text is needed."),
  BODY_TOO_LONG("The body has at most {0,number,#} characters."),
  BODY_NO_EXAMPLES("The body has no placeholders, so give no example values."),
  BODY_EXAMPLES(
      "The body uses {0,choice,1#1 placeholder|1<{0} placeholders}: give one example"
          + " value for each, one a line ({1} given)."),
  BODY_EXAMPLES_NAMED(
      "The body uses {0,choice,1#1 placeholder|1<{0} placeholders} ({2}): give one"
          + " example value for each, one a line ({1} given)."),
  PLACEHOLDER_NUMBERS("Placeholders are numbered {1}, {2}, …, not {0}."),
  PLACEHOLDER_GAPS("Placeholders are numbered from {1} without gaps; the body uses {0}."),
  PLACEHOLDER_NAME(
      "Named placeholders use lowercase letters, digits and underscores, starting with a letter"
          + " ({1}), and are not mixed with numbers: not {0}."),
  BUTTONS_MAX("At most {0} buttons ({1} given)."),
  QUICK_REPLIES_MAX("At most {0} quick replies ({1} given)."),
  LINK_BUTTONS_MAX("At most {0} link buttons ({1} given)."),
  COPY_CODE_MAX("At most one copy-code button."),
  QUICK_REPLIES_TOGETHER("Quick replies go together, before or after the other buttons."),
  BUTTON_TEXT("Button {0}: the text has 1 to {1} characters."),
  BUTTON_LINK("Button {0}: the link starts with https:// and has no spaces."),
  BUTTON_LINK_VARIABLE("Button {0}: a link has at most one variable, {1}, at its end."),
  BUTTON_LINK_EXAMPLE("Button {0}: Meta requires an example of the full link for a link with {1}."),
  BUTTON_EXAMPLE_LINK("Button {0}: the example is a full https:// link without {1}."),
  BUTTON_CODE_EXAMPLE(
      "Button {0}: a copy-code button needs an example code of 1 to {1} characters."),
  AUTH_NO_HEADER("An authentication template has no header."),
  AUTH_NO_BODY("Meta fixes an authentication template''s text: leave the body empty."),
  AUTH_NO_FOOTER("An authentication template has no footer and no buttons of its own."),
  OTP_TYPE("Choose the code button: copy code or one-tap autofill."),
  OTP_EXPIRY("The code expires after 1 to {0} minutes."),
  OTP_PACKAGE("One-tap autofill needs the Android app''s package name (com.example.app)."),
  OTP_SIGNATURE("One-tap autofill needs the app''s 11-character signature hash."),
  NAME("A template name has lowercase letters, digits and underscores only."),
  LANGUAGE("A language code such as en or en_US is needed."),
  CATEGORY("A template is MARKETING, UTILITY or AUTHENTICATION."),
  AUTH_NEEDS_CODE("An authentication template needs a code button (copy code or one-tap)."),
  CODE_NEEDS_AUTH("A code button belongs to an AUTHENTICATION template."),
  NEEDS_BODY("A template needs a BODY component."),
  TOO_LARGE("The template is too large."),
  UNKNOWN("No such template."),
  NO_APP_ID("Media headers need the Meta app id in the configuration (kretanote.meta.app-id)."),
  META_READ("The templates could not be read from Meta."),
  META_SAMPLE("Meta did not take the header''s sample."),
  META_CREATE("Meta did not accept the template."),
  META_DELETE("Meta did not delete the template."),
  META_TRANSIENT("Meta did not answer or had a temporary problem; try again in a moment."),
  META_THROTTLED("Meta is limiting requests right now; try again in a few minutes."),
  META_AUTH(
      "Meta refused the number''s access (expired or revoked): reconnect the number in Settings,"
          + " WhatsApp."),
  META_SAYS("Meta says: {0}"),
  META_CANNOT("Meta says it cannot be done."),
  META_REFUSED("{0} {1}"),
  META_REFUSED_CODE("{0} {1} (Meta error {2})"),
  /*
   * What owners and admins are told when Meta changes a template (quality, category, content).
   * Meta's own names (RED, MARKETING …) are given as Meta wrote them, as in WhatsApp Manager.
   */
  NOTICE_UNKNOWN_SUBJECT("Meta updated a template KretaNote does not know"),
  NOTICE_UNKNOWN_QUALITY(
      "Meta reported a quality change for the template {0}, which is not among your synced"
          + " templates. Sync the templates in Templates to see it."),
  NOTICE_UNKNOWN_CATEGORY(
      "Meta reported a category change for the template {0}, which is not among your synced"
          + " templates. Sync the templates in Templates to see it."),
  NOTICE_UNKNOWN_COMPONENTS(
      "Meta reported a content change for the template {0}, which is not among your synced"
          + " templates. Sync the templates in Templates to see it."),
  NOTICE_TEMPLATE_ID("id {0}"),
  NOTICE_TEMPLATE_ID_LANGUAGE("id {0} ({1})"),
  NOTICE_QUALITY_SUBJECT("Template {0} quality is {1}"),
  NOTICE_QUALITY("Meta rated the template {0} ({1}) {2}."),
  NOTICE_QUALITY_WAS("Meta rated the template {0} ({1}) {2}, was {3}."),
  NOTICE_QUALITY_PAUSED("Paused campaigns: {0}."),
  NOTICE_CATEGORY_SOON_SUBJECT("Template {0} will become {1}"),
  NOTICE_CATEGORY_SOON("Meta will change the category of the template {0} ({1}) from {2} to {3}."),
  NOTICE_CATEGORY_SUBJECT("Template {0} is now {1}"),
  NOTICE_CATEGORY(
      "Meta changed the category of the template {0} ({1}) from {2} to {3}. KretaNote sends it"
          + " under the new category''s consent and pricing rules.");

  private final String pattern;

  TemplateWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
