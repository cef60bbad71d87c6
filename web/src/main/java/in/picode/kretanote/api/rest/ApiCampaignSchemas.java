package in.picode.kretanote.api.rest;

import static in.picode.kretanote.api.rest.ApiSchemas.INT64;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shapes of {@link CampaignsResource} and {@link TemplatesResource} for the OpenAPI document only,
 * next to {@link ApiSchemas}: what {@code CampaignsResource.json} and {@code
 * TemplatesResource.json} write and what their creations read. Field names are the wire names.
 */
@SuppressWarnings({"unused", "checkstyle:MemberName"})
final class ApiCampaignSchemas {

  static final String DATE_TIME = "date-time";

  private ApiCampaignSchemas() {}

  @Schema(name = "CampaignTemplate", description = "An approved template of the campaign's number")
  static final class CampaignTemplate {
    @Schema(required = true, example = "winter_sale")
    public String name;

    @Schema(required = true, example = "en")
    public String language;
  }

  @Schema(name = "Segment", description = "Who receives it: a tag and/or marketing consent")
  static final class Segment {
    @Schema(nullable = true, description = "Contacts with this tag", example = "vip")
    public String tag;

    @Schema(description = "Only contacts who agreed to marketing; false when left out")
    public Boolean marketing_consent;
  }

  @Schema(name = "CampaignInput", description = "A new draft campaign")
  static final class CampaignInput {
    @Schema(required = true, description = "1 to 120 characters", example = "Winter sale")
    public String name;

    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "7")
    public long connection_id;

    @Schema(required = true)
    public CampaignTemplate template;

    @Schema(
        type = SchemaType.ARRAY,
        implementation = String.class,
        description = "Values of the template body's placeholders, in order (at most 20)",
        example = "[\"20%\"]")
    public List<String> values;

    @Schema(required = true)
    public Segment segment;
  }

  @Schema(name = "CampaignPause", description = "Why it is paused (the body may be left out)")
  static final class CampaignPause {
    @Schema(description = "At most 200 characters", example = "Stock ran out")
    public String reason;
  }

  @Schema(name = "CampaignProgress", description = "Recipients in total and per state")
  static final class CampaignProgress {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "120")
    public long total;

    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "20")
    public long queued;

    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "40")
    public long sent;

    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "30")
    public long delivered;

    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "25")
    public long read;

    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "3")
    public long failed;

    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "2")
    public long skipped;
  }

  @Schema(name = "Campaign", description = "A campaign; progress only in GET /campaigns/{id}")
  static final class Campaign {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "15")
    public long id;

    @Schema(required = true, example = "Winter sale")
    public String name;

    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "7")
    public long connection_id;

    @Schema(required = true)
    public CampaignTemplate template;

    @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
    public List<String> values;

    @Schema(required = true)
    public Segment segment;

    @Schema(
        required = true,
        enumeration = {"draft", "scheduled", "running", "paused", "completed", "cancelled"},
        example = "draft")
    public String state;

    @Schema(required = true, nullable = true, example = "Stock ran out")
    public String pause_reason;

    @Schema(required = true, nullable = true, format = DATE_TIME)
    public String scheduled_at;

    @Schema(required = true, nullable = true, format = DATE_TIME)
    public String started_at;

    @Schema(required = true, nullable = true, format = DATE_TIME)
    public String finished_at;

    @Schema(required = true, nullable = true, format = DATE_TIME, example = "2026-12-06T08:00:00Z")
    public String created_at;

    /** GET /campaigns/{id} only (the schema's description says so). */
    public CampaignProgress progress;
  }

  @Schema(name = "TemplateButton", description = "A quick reply (text) or a link button (url)")
  static final class TemplateButton {
    @Schema(required = true, description = "At most 25 characters", example = "Shop now")
    public String text;

    @Schema(description = "A link button's URL", example = "https://shop.example/sale")
    public String url;
  }

  @Schema(name = "TemplateInput", description = "A template to submit to Meta for review")
  static final class TemplateInput {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "7")
    public long connection_id;

    @Schema(required = true, description = "The name at Meta", example = "winter_sale")
    public String name;

    @Schema(required = true, example = "en")
    public String language;

    @Schema(
        required = true,
        enumeration = {"marketing", "utility", "authentication"},
        example = "marketing")
    public String category;

    @Schema(description = "A text header, at most 60 characters", example = "Winter sale")
    public String header;

    @Schema(
        required = true,
        description = "At most 1024 characters; placeholders {{1}}, {{2}} …",
        example = "Hello {{1}}, everything is {{2}} off this week.")
    public String body;

    @Schema(
        type = SchemaType.ARRAY,
        implementation = String.class,
        description = "Example values of the body's placeholders, in order",
        example = "[\"Ana\", \"20%\"]")
    public List<String> examples;

    @Schema(description = "At most 60 characters", example = "Reply STOP to opt out")
    public String footer;

    @Schema(
        type = SchemaType.ARRAY,
        implementation = TemplateButton.class,
        description = "At most 3")
    public List<TemplateButton> buttons;
  }

  @Schema(name = "Template", description = "A message template of one number")
  static final class Template {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "31")
    public long id;

    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "7")
    public long connection_id;

    @Schema(required = true, example = "winter_sale")
    public String name;

    @Schema(required = true, example = "en")
    public String language;

    @Schema(
        required = true,
        enumeration = {"marketing", "utility", "authentication", "service"},
        example = "marketing")
    public String category;

    @Schema(
        required = true,
        description =
            "Meta's review status as Meta names it: PENDING, APPROVED, REJECTED, PAUSED, DISABLED,"
                + " … and DELETED",
        example = "PENDING")
    public String status;

    @Schema(
        required = true,
        description = "Meta's components array, as a JSON text",
        example = "[{\"type\":\"BODY\",\"text\":\"Hello {{1}}\"}]")
    public String components;
  }

  @Schema(name = "TemplateList", description = "The templates of all numbers")
  static final class TemplateList {
    @Schema(required = true, type = SchemaType.ARRAY, implementation = Template.class)
    public List<Template> data;
  }
}
