package in.picode.kretanote.connection.control;

import in.picode.kretanote.connection.entity.WhatsAppConnection.Step;
import in.picode.kretanote.meta.boundary.GraphException;

/**
 * Plain words for a failed signup step: what KretaNote was doing, why it failed (from Meta's code,
 * never its message alone), and what to do. Meta's code and trace id are appended for support.
 */
public final class FailureWording {

  private FailureWording() {}

  public static String of(Step step, GraphException e) {
    return what(step) + " " + why(step, e) + support(e);
  }

  static String what(Step step) {
    return switch (step) {
      case EXCHANGE_CODE -> "KretaNote could not exchange Meta's authorization code.";
      case CHECK_TOKEN -> "KretaNote could not check the permissions Meta granted.";
      case SUBSCRIBE_APP ->
          "KretaNote could not subscribe to your WhatsApp Business Account, so it would not"
              + " receive your customers' messages.";
      case REGISTER_NUMBER ->
          "KretaNote could not register your phone number for the WhatsApp Cloud API.";
      case READ_NUMBER -> "KretaNote could not read your phone number's details from Meta.";
    };
  }

  static String why(Step step, GraphException e) {
    if (step == Step.EXCHANGE_CODE && e.hasCode(100)) {
      return "The code was already used, has expired, or was not issued for KretaNote."
          + " Start the connection again.";
    }
    if (step == Step.REGISTER_NUMBER && e.hasCode(133005)) {
      return "The number is protected by a two-step verification PIN that KretaNote does not"
          + " know. Turn off two-step verification for this number in WhatsApp Manager, then"
          + " retry.";
    }
    if (step == Step.REGISTER_NUMBER && e.hasCode(133016)) {
      return "Meta allows only a few registration attempts per number per day. Retry tomorrow.";
    }
    return switch (e.errorClass()) {
      case TRANSIENT ->
          e.httpStatus() == 0
              ? "Meta did not answer in time. Retry in a moment."
              : "Meta had a temporary problem. Retry in a moment.";
      case THROTTLED -> "Meta is limiting requests right now. Retry in a few minutes.";
      case AUTH ->
          "Meta rejected the authorization (it may have expired, been revoked, or lack a"
              + " permission). Connect again.";
      case PERMANENT ->
          "Meta refused the request"
              + e.details().or(e::metaMessage).map(d -> ": " + trim(d)).orElse(".")
              + " Retry, and if it fails again contact support.";
    };
  }

  private static String support(GraphException e) {
    StringBuilder s = new StringBuilder();
    if (e.code().isPresent() || e.fbtraceId().isPresent()) {
      s.append(" (");
      e.code().ifPresent(c -> s.append("Meta error ").append(c));
      e.fbtraceId()
          .ifPresent(t -> s.append(e.code().isPresent() ? ", " : "").append("trace ").append(t));
      s.append(')');
    }
    return s.toString();
  }

  private static String trim(String s) {
    String t = s.strip();
    if (t.length() > 200) {
      t = t.substring(0, 200) + "…";
    }
    return t.endsWith(".") ? t : t + ".";
  }
}
