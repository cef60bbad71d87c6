package in.picode.kretanote.outbound.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a media link must be before Meta is asked to fetch it: an absolute HTTPS address (plain HTTP
 * only in the sandbox) of at most {@link #MAX_LENGTH} characters, with a host, without credentials
 * ({@code user:password@}) and without a fragment. Meta fetches the file itself and sends nothing
 * back but a failed status when it cannot, so what can be checked here is checked here. Plain
 * functions, tested without a container.
 */
public final class MediaLinks {

  public static final int MAX_LENGTH = 2000;

  private MediaLinks() {}

  /** Why {@code link} cannot be sent, in words, if it cannot. */
  public static Optional<String> problem(String link, boolean allowHttp) {
    if (link == null || link.isBlank()) {
      return Optional.of("the media link is empty");
    }
    if (link.length() > MAX_LENGTH) {
      return Optional.of("the media link is longer than " + MAX_LENGTH + " characters");
    }
    if (!link.strip().equals(link) || link.chars().anyMatch(c -> c <= 32 || c == 127)) {
      return Optional.of("the media link contains spaces or control characters");
    }
    URI uri;
    try {
      uri = new URI(link);
    } catch (URISyntaxException e) {
      return Optional.of("the media link is not a valid address");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
      return Optional.of(
          "the media link must start with https://" + (allowHttp ? " or http://" : ""));
    }
    if (uri.getRawUserInfo() != null
        || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
      return Optional.of("the media link must not contain a user name or password");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("the media link has no host");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("the media link must not have a #fragment");
    }
    return Optional.empty();
  }
}
