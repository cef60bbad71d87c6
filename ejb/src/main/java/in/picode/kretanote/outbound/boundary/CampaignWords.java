package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/**
 * What a campaign draft's audience and value mapping say to a user, as codes (the draft's name,
 * template and state refusals are {@link OutboundWords}); and why a campaign was paused, kept with
 * it (V174) and worded for the reader (a person's typed reason stays as typed).
 */
public enum CampaignWords implements Wording.Code {
  SEGMENT_EMPTY(
      "The segment is empty: pick tags, labels, field conditions, marketing consent or last"
          + " activity"),
  TAGS_MAX("At most {0} tags in each tag list"),
  LABELS_MAX("At most {0} labels"),
  CONDITIONS_MAX("At most {0} field conditions"),
  ACTIVITY_DAYS("Last activity: give 1 to {0,number,#} days"),
  NO_LABEL("There is no label with id {0,number,#}"),
  CONDITION_NO_FIELD("Condition {0}: there is no custom field with id {1,number,#}"),
  CONDITION_VALUE("Condition {0}: {1}"),
  CONDITION_PICK_OP("Condition {0}: pick a comparison"),
  CONDITION_NEEDS_VALUE("Condition {0}: give a value to compare with"),
  CONDITION_ORDERED("Condition {0}: greater/less than works on number and date fields only"),
  CONDITION_CONTAINS("Condition {0}: contains works on text fields only"),
  PLACEHOLDER_UNMAPPED("Placeholder {0} has no value: map it to a text or a field"),
  PLACEHOLDERS_MAPPED(
      "The template''s body has {0,choice,0#0 placeholders|1#1 placeholder|1<{0} placeholders},"
          + " {1} mapped"),
  PLACEHOLDER_NO_FIELD("Placeholder {0}: there is no custom field with id {1,number,#}"),
  PLACEHOLDER_PICK_SOURCE("Placeholder {0}: pick where its value comes from"),
  PLACEHOLDER_TEXT("Placeholder {0}: give the text"),
  PLACEHOLDER_TEXT_LONG("Placeholder {0}: the text has more than {1} characters"),
  PLACEHOLDER_PICK_FIELD("Placeholder {0}: pick the custom field"),
  PLACEHOLDER_FALLBACK("Placeholder {0}: give a fallback for contacts without this value"),
  PLACEHOLDER_FALLBACK_LONG("Placeholder {0}: the fallback has more than {1} characters"),
  PICK_TEMPLATE_OF_NUMBER("Pick a template of this number"),
  TEST_NUMBER("Test number: {0}"),
  PAUSED_BY_PERSON("Paused by a person"),
  PAUSED_BY("Paused by {0}"),
  PAUSED_AUTOMATICALLY("Paused automatically: {0}"),
  PAUSED_QUALITY_RED(
      "Paused automatically: the number''s quality rating at Meta dropped to RED. Meta may limit or"
          + " block the number; check the template and the audience before resuming."),
  PAUSED_SPAM(
      "Paused automatically: {0,number,#} of {1,number,#} messages ({2,number,0.0}%) were refused"
          + " by Meta as spam or for low quality (errors 131048/131049), at or above the"
          + " {3,number,0.0}% limit. Check the template and the audience before resuming."),
  PAUSED_TEMPLATE_RED(
      "Paused automatically: Meta rated the template {0} RED (low quality). Check the template"
          + " and the audience before resuming.");

  /**
   * Why a campaign pauses itself when a send is refused for a cause that holds for every recipient
   * (the account, the number, the template): "Paused automatically: " and the refusal.
   */
  public static Wording pausedAutomatically(SendResult refused) {
    return PAUSED_AUTOMATICALLY.with(
        refused.refusalWording() != null
            ? refused.refusalWording()
            : Wording.unworded(refused.refusalReason()));
  }

  private final String pattern;

  CampaignWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
