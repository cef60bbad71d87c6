package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.entity.Media;
import java.time.Instant;

/**
 * A media file as the dashboard shows it: whether it can be opened yet, and if it failed, why (in
 * plain words) and how often it was tried.
 */
public record MediaView(
    long id,
    long messageId,
    Media.State state,
    String mimeType,
    Long sizeBytes,
    String filename,
    int attempts,
    String lastError,
    Instant nextAttemptAt,
    Instant downloadedAt) {

  static MediaView of(Media m) {
    return new MediaView(
        m.getId(),
        m.getMessageId(),
        m.getState(),
        m.getMimeType(),
        m.getSizeBytes(),
        MediaFiles.filename(m),
        m.getAttempts(),
        m.getLastError(),
        m.getNextAttemptAt(),
        m.getDownloadedAt());
  }

  public boolean canOpen() {
    return state == Media.State.DOWNLOADED;
  }
}
