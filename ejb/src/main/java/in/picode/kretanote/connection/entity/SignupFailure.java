package in.picode.kretanote.connection.entity;

import static in.picode.kretanote.connection.entity.WhatsAppConnection.limit;

import in.picode.kretanote.connection.entity.WhatsAppConnection.Step;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Why a connection does not work, kept in its row: the signup step that failed, the reason in
 * English (logs, audit, the public API) and the same sentences as codes and arguments (a JSON
 * array, V175) that the settings page words in the reader's language. A row from before V175, or a
 * wording too long for its column, has none: the page shows the English reason. Immutable: a change
 * replaces it.
 */
@Embeddable
public class SignupFailure {

  public static final int REASON_MAX = 500;
  public static final int WORDING_MAX = 1000;

  @Enumerated(EnumType.STRING)
  @Column(name = "failed_step", length = 20)
  private Step step;

  @Column(name = "failure_reason", length = REASON_MAX)
  private String reason;

  @Column(name = "failure_wording", length = WORDING_MAX)
  private String wording;

  /** No failure. */
  public SignupFailure() {}

  SignupFailure(Step step, String reason, String wording) {
    this.step = step;
    this.reason = limit(reason, REASON_MAX);
    this.wording = wording == null || wording.length() > WORDING_MAX ? null : wording;
  }

  public Step step() {
    return step;
  }

  public String reason() {
    return reason;
  }

  public String wording() {
    return wording;
  }
}
