package in.picode.kretanote.connection.control;

import in.picode.kretanote.connection.boundary.HealthWords;
import in.picode.kretanote.connection.boundary.SendingProblem;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.meta.boundary.PhoneNumberInfo;
import in.picode.kretanote.meta.boundary.TokenInfo;
import in.picode.kretanote.platform.boundary.Wording;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what a probe learnt into the set of {@link Problem}s a connection has, and explains a
 * connection's state in plain words (as wordings the page words in the reader's language; the
 * notifications to owners and admins are written in English). A connection's health state is that
 * set; a notification goes out only when it changes. An aspect Meta could not be asked about keeps
 * the problems it had, so a hiccup at Meta never makes a problem vanish or appear.
 */
public final class HealthAssessment {

  public record Thresholds(Duration tokenExpiryWarning, Duration webhookSilence) {}

  private HealthAssessment() {}

  public static Set<Problem> assess(
      ProbeResult r,
      Set<Problem> previous,
      String wabaId,
      Instant lastActivity,
      Instant now,
      Thresholds t) {
    Set<Problem> out = EnumSet.noneOf(Problem.class);
    // Token
    if (r.tokenRejected() || (r.token() != null && !r.token().valid())) {
      out.add(Problem.TOKEN_INVALID);
    } else if (r.token() != null) {
      TokenInfo info = r.token();
      if (!info.grants(TokenInfo.MANAGEMENT, wabaId) || !info.grants(TokenInfo.MESSAGING, wabaId)) {
        out.add(Problem.PERMISSIONS_MISSING);
      }
      if (info.expiresAt() != null && info.expiresAt().isBefore(now.plus(t.tokenExpiryWarning()))) {
        out.add(Problem.TOKEN_EXPIRING);
      }
    } else {
      keep(previous, Problem.Aspect.TOKEN, out);
    }
    // Subscription
    if (r.subscribed() != null) {
      if (!r.subscribed()) {
        out.add(Problem.APP_UNSUBSCRIBED);
      }
    } else {
      keep(previous, Problem.Aspect.SUBSCRIPTION, out);
    }
    // Number
    if (r.number() != null) {
      number(r.number(), out);
    } else {
      keep(previous, Problem.Aspect.NUMBER, out);
    }
    // Health status
    if (r.health() != null) {
      switch (String.valueOf(r.health().canSendMessage())) {
        case "LIMITED" -> out.add(Problem.SENDING_LIMITED);
        case "BLOCKED" -> out.add(Problem.SENDING_BLOCKED);
        default -> {}
      }
    } else {
      keep(previous, Problem.Aspect.HEALTH, out);
    }
    // Account: only account_update webhooks set or clear these.
    keep(previous, Problem.Aspect.ACCOUNT, out);
    // Webhooks
    if (lastActivity != null && lastActivity.isBefore(now.minus(t.webhookSilence()))) {
      out.add(Problem.NO_RECENT_WEBHOOKS);
    }
    return out;
  }

  private static void number(PhoneNumberInfo n, Set<Problem> out) {
    number(n.status(), n.qualityRating(), n.nameStatus(), out);
  }

  /** The number's problems from its status, quality rating and name status, as Meta words them. */
  static void number(
      String numberStatus, String qualityRating, String nameStatus, Set<Problem> out) {
    String status = upper(numberStatus);
    switch (status) {
      case "", "CONNECTED" -> {}
      case "FLAGGED" -> out.add(Problem.NUMBER_FLAGGED);
      case "RESTRICTED", "RATE_LIMITED" -> out.add(Problem.NUMBER_RESTRICTED);
      case "BANNED" -> out.add(Problem.NUMBER_BANNED);
      default -> out.add(Problem.NUMBER_DISCONNECTED);
    }
    switch (upper(qualityRating)) {
      case "YELLOW" -> out.add(Problem.QUALITY_YELLOW);
      case "RED" -> out.add(Problem.QUALITY_RED);
      default -> {}
    }
    switch (upper(nameStatus)) {
      case "DECLINED", "EXPIRED", "NONE" -> out.add(Problem.NAME_NOT_APPROVED);
      default -> {}
    }
  }

  private static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }

  private static void keep(Set<Problem> previous, Problem.Aspect aspect, Set<Problem> out) {
    previous.stream().filter(p -> p.aspect() == aspect).forEach(out::add);
  }

  /** The stored form: problem names, sorted, comma-separated; empty for a healthy number. */
  public static String signature(Set<Problem> problems) {
    return problems.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  public static Set<Problem> parse(String signature) {
    Set<Problem> out = EnumSet.noneOf(Problem.class);
    if (signature == null || signature.isBlank()) {
      return out;
    }
    for (String name : signature.split(",")) {
      try {
        out.add(Problem.valueOf(name.strip()));
      } catch (IllegalArgumentException e) {
        // a problem code from a newer version; ignored rather than failing the probe
      }
    }
    return out;
  }

  /**
   * What the owners and admins are told when a number's problems change: the subject names the
   * number and the first new blocking problem (or that it is healthy again, or that one was
   * resolved); a paragraph for each new problem (why it matters, what to do), each resolved one
   * and, when nothing is new, each one still open. All of it as wordings, so each reader gets their
   * language.
   */
  public static Notice notification(String number, Set<Problem> before, Set<Problem> after) {
    Set<Problem> added = EnumSet.noneOf(Problem.class);
    added.addAll(after);
    added.removeAll(before);
    Set<Problem> resolved = EnumSet.noneOf(Problem.class);
    resolved.addAll(before);
    resolved.removeAll(after);
    Wording subject;
    if (after.isEmpty()) {
      subject = HealthWords.NOTICE_HEALTHY.with(number);
    } else if (!added.isEmpty()) {
      Problem first =
          added.stream().filter(Problem::blocking).findFirst().orElse(added.iterator().next());
      subject =
          added.size() > 1
              ? HealthWords.NOTICE_PROBLEMS.with(number, first.titleWording(), added.size() - 1)
              : HealthWords.NOTICE_PROBLEM.with(number, first.titleWording());
    } else {
      subject = HealthWords.NOTICE_RESOLVED.with(number);
    }
    List<Wording> body = new ArrayList<>();
    for (Problem p : added) {
      body.add(
          HealthWords.NOTICE_NEW.with(p.titleWording(), p.explanationWording(), p.fixWording()));
    }
    for (Problem p : resolved) {
      body.add(HealthWords.NOTICE_GONE.with(p.titleWording()));
    }
    if (added.isEmpty()) {
      for (Problem p : after) {
        body.add(HealthWords.NOTICE_STILL.with(p.titleWording()));
      }
    }
    return new Notice(subject, body);
  }

  /** A notice to owners and admins: its subject and paragraphs. */
  public record Notice(Wording subject, List<Wording> body) {}

  /** The "Why can't I send?" panel for one connection; empty when nothing stands in the way. */
  public static List<SendingProblem> explain(WhatsAppConnection c, Instant now) {
    List<SendingProblem> out = new ArrayList<>();
    switch (c.getStatus()) {
      case PENDING ->
          out.add(
              new SendingProblem(
                  HealthWords.PENDING_TITLE.with(),
                  List.of(HealthWords.PENDING_WHY.with()),
                  HealthWords.PENDING_FIX.with(),
                  true));
      case FAILED ->
          out.add(
              new SendingProblem(
                  HealthWords.FAILED_TITLE.with(stepWords(c.getFailedStep())),
                  FailureWording.stored(c),
                  HealthWords.FAILED_FIX.with(),
                  true));
      case DISCONNECTED ->
          out.add(
              new SendingProblem(
                  HealthWords.DISCONNECTED_TITLE.with(),
                  List.of(
                      c.getDisconnectedAt() == null
                          ? HealthWords.DISCONNECTED_WHY.with()
                          : HealthWords.DISCONNECTED_ON_WHY.with(c.getDisconnectedAt())),
                  HealthWords.DISCONNECTED_FIX.with(),
                  true));
      case RECONNECT_NEEDED, CONNECTED -> {}
    }
    if (c.getStatus() == WhatsAppConnection.Status.CONNECTED
        || c.getStatus() == WhatsAppConnection.Status.RECONNECT_NEEDED) {
      Set<Problem> problems = parse(c.getHealthProblems());
      if (c.getStatus() == WhatsAppConnection.Status.RECONNECT_NEEDED
          && problems.stream().noneMatch(Problem::needsReconnect)) {
        problems.add(Problem.TOKEN_INVALID);
      }
      problems.stream()
          .sorted((a, b) -> Boolean.compare(b.blocking(), a.blocking()))
          .forEach(
              p -> {
                List<Wording> explanation = new ArrayList<>();
                explanation.add(p.explanationWording());
                if (p == Problem.TOKEN_EXPIRING && c.getTokenExpiresAt() != null) {
                  explanation.add(HealthWords.TOKEN_EXPIRES_ON.with(c.getTokenExpiresAt()));
                }
                out.add(
                    new SendingProblem(
                        p.titleWording(), explanation, p.fixWording(), p.blocking()));
              });
    }
    return out;
  }

  /** The signup step as the failed line names it ("stopped at: registering the number"). */
  public static Wording stepWords(WhatsAppConnection.Step step) {
    if (step == null) {
      return HealthWords.AT_UNKNOWN.with();
    }
    return switch (step) {
      case EXCHANGE_CODE -> HealthWords.AT_EXCHANGE_CODE.with();
      case CHECK_TOKEN -> HealthWords.AT_CHECK_TOKEN.with();
      case SUBSCRIBE_APP -> HealthWords.AT_SUBSCRIBE_APP.with();
      case REGISTER_NUMBER -> HealthWords.AT_REGISTER_NUMBER.with();
      case READ_NUMBER -> HealthWords.AT_READ_NUMBER.with();
    };
  }
}
