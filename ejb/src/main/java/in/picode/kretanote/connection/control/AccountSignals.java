package in.picode.kretanote.connection.control;

import in.picode.kretanote.connection.boundary.HealthWords;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What Meta's account webhooks mean for a connection, without a container: the value of an {@code
 * account_update}, {@code phone_number_quality_update} or {@code phone_number_name_update} change
 * becomes new number fields and a new set of {@link Problem}s, and, for news that is not a lasting
 * state (a lower messaging limit, a policy violation), a one-off notice. Only what the webhook
 * carries changes; a value Meta did not send keeps what the connection had.
 */
public final class AccountSignals {

  public static final String ACCOUNT_UPDATE = "account_update";
  public static final String QUALITY_UPDATE = "phone_number_quality_update";
  public static final String NAME_UPDATE = "phone_number_name_update";

  /** The number's fields as stored; null where unknown. */
  public record Current(
      String qualityRating,
      String numberStatus,
      String nameStatus,
      String messagingLimit,
      Set<Problem> problems) {}

  /** A notice that goes out once, whatever the problems do. */
  public record Notice(boolean warning, Wording subject, List<Wording> body) {}

  /** The new fields (null: unchanged) and problems. */
  public record Outcome(
      String qualityRating,
      String numberStatus,
      String nameStatus,
      String messagingLimit,
      String verifiedName,
      Set<Problem> problems,
      Optional<Notice> notice) {}

  private AccountSignals() {}

  public static boolean handles(String field) {
    return ACCOUNT_UPDATE.equals(field)
        || QUALITY_UPDATE.equals(field)
        || NAME_UPDATE.equals(field);
  }

  /** The phone number the value names, digits only; empty for account-wide news. */
  public static Optional<String> number(JsonObject value) {
    String n = text(value, "display_phone_number");
    if (n == null) {
      n = text(value, "phone_number");
    }
    return Optional.ofNullable(n).map(s -> s.replaceAll("[^0-9]", "")).filter(s -> !s.isEmpty());
  }

  public static Outcome apply(String field, JsonObject value, Current now, String numberLabel) {
    return switch (field) {
      case QUALITY_UPDATE -> quality(value, now, numberLabel);
      case NAME_UPDATE -> name(value, now);
      case ACCOUNT_UPDATE -> account(value, now, numberLabel);
      default -> throw new IllegalArgumentException("not an account field: " + field);
    };
  }

  /**
   * {@code event} FLAGGED (quality fell to low), UNFLAGGED, UPGRADE, DOWNGRADE (the messaging limit
   * moved; {@code current_limit} says to what), and in newer payloads a {@code quality_rating}.
   */
  static Outcome quality(JsonObject value, Current now, String numberLabel) {
    String event = upper(text(value, "event"));
    String limit = text(value, "current_limit");
    String quality = upper(text(value, "quality_rating"));
    String status = null;
    switch (event) {
      case "FLAGGED" -> {
        status = "FLAGGED";
        if (quality == null) {
          quality = "RED";
        }
      }
      case "UNFLAGGED" -> {
        status = "CONNECTED";
        if (quality == null && "RED".equalsIgnoreCase(now.qualityRating())) {
          quality = "YELLOW";
        }
      }
      default -> {}
    }
    Optional<Notice> notice = Optional.empty();
    if ("DOWNGRADE".equals(event)) {
      notice =
          Optional.of(
              new Notice(
                  true,
                  HealthWords.NOTICE_LIMIT_LOWERED_SUBJECT.with(numberLabel),
                  List.of(
                      limit == null
                          ? HealthWords.NOTICE_LIMIT_LOWERED.with()
                          : HealthWords.NOTICE_LIMIT_LOWERED_TO.with(limit))));
    }
    Set<Problem> problems =
        numberProblems(
            now.problems(),
            status == null ? now.numberStatus() : status,
            quality == null ? now.qualityRating() : quality,
            now.nameStatus());
    return new Outcome(quality, status, null, limit, null, problems, notice);
  }

  /** {@code decision} APPROVED, REJECTED, DEFERRED (and {@code requested_verified_name}). */
  static Outcome name(JsonObject value, Current now) {
    String decision = upper(text(value, "decision"));
    String nameStatus =
        switch (decision == null ? "" : decision) {
          case "APPROVED" -> "APPROVED";
          case "REJECTED", "DECLINED" -> "DECLINED";
          case "DEFERRED", "PENDING" -> "PENDING_REVIEW";
          case "" -> null;
          default -> decision;
        };
    String name = "APPROVED".equals(nameStatus) ? text(value, "requested_verified_name") : null;
    Set<Problem> problems =
        numberProblems(
            now.problems(),
            now.numberStatus(),
            now.qualityRating(),
            nameStatus == null ? now.nameStatus() : nameStatus);
    return new Outcome(null, null, nameStatus, null, name, problems, Optional.empty());
  }

  /**
   * {@code event} with {@code ban_info.waba_ban_state} (DISABLE, SCHEDULE_FOR_DISABLE, REINSTATE),
   * {@code restriction_info} (a list, empty when lifted), PARTNER_REMOVED (our app was removed),
   * ACCOUNT_VIOLATION ({@code violation_info.violation_type}).
   */
  static Outcome account(JsonObject value, Current now, String numberLabel) {
    String event = upper(text(value, "event"));
    Set<Problem> problems = EnumSet.noneOf(Problem.class);
    problems.addAll(now.problems());
    Optional<Notice> notice = Optional.empty();
    if (value.get("ban_info") instanceof JsonObject ban) {
      switch (String.valueOf(upper(text(ban, "waba_ban_state")))) {
        case "DISABLE" -> {
          problems.add(Problem.ACCOUNT_BANNED);
          problems.remove(Problem.ACCOUNT_BAN_SCHEDULED);
        }
        case "SCHEDULE_FOR_DISABLE" -> problems.add(Problem.ACCOUNT_BAN_SCHEDULED);
        case "REINSTATE" -> {
          problems.remove(Problem.ACCOUNT_BANNED);
          problems.remove(Problem.ACCOUNT_BAN_SCHEDULED);
        }
        default -> {}
      }
    }
    if ("ACCOUNT_RESTRICTION".equals(event) || value.containsKey("restriction_info")) {
      if (value.get("restriction_info") instanceof JsonArray restrictions
          && !restrictions.isEmpty()) {
        problems.add(Problem.ACCOUNT_RESTRICTED);
      } else {
        problems.remove(Problem.ACCOUNT_RESTRICTED);
      }
    }
    if ("PARTNER_REMOVED".equals(event)) {
      problems.add(Problem.APP_UNSUBSCRIBED);
    }
    if ("ACCOUNT_VIOLATION".equals(event)) {
      String type =
          value.get("violation_info") instanceof JsonObject v ? text(v, "violation_type") : null;
      notice =
          Optional.of(
              new Notice(
                  true,
                  HealthWords.NOTICE_VIOLATION_SUBJECT.with(numberLabel),
                  List.of(
                      type == null
                          ? HealthWords.NOTICE_VIOLATION.with()
                          : HealthWords.NOTICE_VIOLATION_OF.with(type))));
    }
    return new Outcome(null, null, null, null, null, problems, notice);
  }

  private static Set<Problem> numberProblems(
      Set<Problem> previous, String status, String quality, String nameStatus) {
    Set<Problem> out = EnumSet.noneOf(Problem.class);
    previous.stream().filter(p -> p.aspect() != Problem.Aspect.NUMBER).forEach(out::add);
    HealthAssessment.number(status, quality, nameStatus, out);
    return out;
  }

  private static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v instanceof JsonString s) {
      String t = s.getString().strip();
      return t.isEmpty() || t.length() > 200 ? null : t;
    }
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    return null;
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }
}
