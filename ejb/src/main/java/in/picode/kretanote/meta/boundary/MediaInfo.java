package in.picode.kretanote.meta.boundary;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Meta's answer to {@code GET /{media-id}}: where the file can be fetched for the next few minutes
 * (with the same bearer token), its type, Meta's SHA-256 of it and its size. {@link #toString()}
 * leaves the URL out: it is a short-lived capability and must not reach a log.
 */
public record MediaInfo(
    URI url, Optional<String> mimeType, Optional<String> sha256, OptionalLong fileSize) {

  public MediaInfo {
    Objects.requireNonNull(url, "url");
  }

  @Override
  public String toString() {
    return "MediaInfo[url=redacted, mimeType="
        + mimeType.orElse("?")
        + ", sha256="
        + sha256.orElse("?")
        + ", fileSize="
        + (fileSize.isPresent() ? String.valueOf(fileSize.getAsLong()) : "?")
        + "]";
  }
}
