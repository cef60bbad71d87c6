package in.picode.kretanote.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened to a message after it was written (issue 20): sent from the WhatsApp Business app
 * on the same number ({@code smb_message_echoes}), edited by the customer (with the text before the
 * latest edit, for agents), deleted by the customer.
 */
@Embeddable
public class MessageMarks {

  @Column(name = "from_phone", nullable = false, updatable = false)
  private boolean fromPhone;

  @Column(name = "edited_at")
  private Instant editedAt;

  @Column(name = "previous_text")
  private String previousText;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  /** KretaNote sent it by itself (away, greeting, a rule or a macro), not a person. */
  @Column(nullable = false, updatable = false)
  private boolean automatic;

  protected MessageMarks() {}

  static MessageMarks sentFromPhone() {
    MessageMarks marks = new MessageMarks();
    marks.fromPhone = true;
    return marks;
  }

  static MessageMarks none() {
    return new MessageMarks();
  }

  static MessageMarks automaticSend() {
    MessageMarks marks = new MessageMarks();
    marks.automatic = true;
    return marks;
  }

  public boolean isAutomatic() {
    return automatic;
  }

  /**
   * Records an edit at {@code at} of a message whose text is {@code current}; an edit not newer
   * than the one applied already is refused, so edits applied in any order end with the latest.
   */
  boolean edited(String current, Instant at) {
    if (editedAt != null && !at.isAfter(editedAt)) {
      return false;
    }
    this.previousText = current;
    this.editedAt = Objects.requireNonNull(at);
    return true;
  }

  /** The customer deleted the message for everyone at {@code at}; the first deletion counts. */
  public boolean revoked(Instant at) {
    if (deletedAt != null) {
      return false;
    }
    this.deletedAt = Objects.requireNonNull(at);
    return true;
  }

  public boolean isFromPhone() {
    return fromPhone;
  }

  public Instant getEditedAt() {
    return editedAt;
  }

  public String getPreviousText() {
    return previousText;
  }

  public Instant getDeletedAt() {
    return deletedAt;
  }
}
