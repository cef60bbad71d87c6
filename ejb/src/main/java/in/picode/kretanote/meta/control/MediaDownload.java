package in.picode.kretanote.meta.control;

import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.meta.boundary.ErrorClass;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.meta.boundary.MediaLinkRefusedException;
import in.picode.kretanote.meta.boundary.MediaTooLargeException;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Optional;

/**
 * Downloads of media from the short-lived links Meta hands out: the token only to Meta's hosts
 * ({@link MediaHosts}), no redirect followed, the body streamed to its sink up to a size limit.
 * Part of {@link GraphTransport}, whose redirect-free HTTP client it shares.
 */
final class MediaDownload {

  private static final System.Logger LOG = System.getLogger(MediaDownload.class.getName());

  private final GraphSettings settings;
  private final HttpClient once;
  private final boolean sandbox;

  MediaDownload(GraphSettings settings, HttpClient once, boolean sandbox) {
    this.settings = settings;
    this.once = once;
    this.sandbox = sandbox;
  }

  /**
   * Streams the body of a GET of {@code url} (a download URL Meta gave, not a Graph path) into
   * {@code sink}, at most {@code maxBytes}. The token goes only where {@link MediaHosts} allows,
   * and a redirect is never followed (it would carry the token on); either is a {@link
   * MediaLinkRefusedException}. Neither the URL nor its query appears in a log line or an
   * exception. An answer of 403, 404 or 410 means the short-lived URL expired: transient, since
   * asking Meta again gives a fresh one.
   */
  long download(String operation, AccessToken token, URI url, long maxBytes, OutputStream sink) {
    Optional<String> refused = MediaHosts.refusal(url, settings.baseUrl(), sandbox);
    if (refused.isPresent()) {
      LOG.log(Level.WARNING, "Graph call {0} refused: {1}", operation, refused.get());
      throw new MediaLinkRefusedException(refused.get());
    }
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(settings.readTimeout())
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
            .GET()
            .build();
    long started = System.nanoTime();
    HttpResponse<InputStream> response;
    try {
      // "once" never follows redirects.
      response = once.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      LOG.log(Level.WARNING, "Graph call {0} got no answer (timeout)", operation);
      throw GraphException.unreachable(operation, "Meta did not answer in time");
    } catch (IOException e) {
      LOG.log(
          Level.WARNING,
          "Graph call {0} got no answer ({1})",
          operation,
          GraphAnswers.rootClass(e));
      throw GraphException.unreachable(operation, "Meta could not be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw GraphException.unreachable(operation, "interrupted while waiting for Meta");
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status / 100 == 3) {
        LOG.log(Level.WARNING, "Graph call {0} answered a redirect (not followed)", operation);
        throw new MediaLinkRefusedException("the download answered a redirect");
      }
      if (status / 100 != 2) {
        byte[] bytes =
            GraphAnswers.readAtMost(
                body, () -> GraphException.unreachable(operation, "Meta's answer was too large"));
        GraphException failure =
            GraphErrors.fromResponse(operation, status, bytes, List.of(token.value()));
        if (failure.code().isEmpty() && (status == 403 || status == 404 || status == 410)) {
          failure =
              new GraphException(
                  operation,
                  status,
                  null,
                  null,
                  "the download link expired or was refused",
                  null,
                  null,
                  ErrorClass.TRANSIENT);
        }
        LOG.log(
            Level.INFO,
            "Graph call {0} failed: HTTP {1}, code {2}",
            operation,
            status,
            failure.code().map(String::valueOf).orElse("-"));
        throw failure;
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > maxBytes) {
        throw new MediaTooLargeException(maxBytes);
      }
      long total = 0;
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = body.read(buffer)) >= 0) {
        total += n;
        if (total > maxBytes) {
          throw new MediaTooLargeException(maxBytes);
        }
        try {
          sink.write(buffer, 0, n);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      LOG.log(
          Level.DEBUG,
          "Graph call {0}: {1} bytes in {2} ms",
          operation,
          total,
          (System.nanoTime() - started) / 1_000_000);
      return total;
    } catch (IOException e) {
      throw GraphException.unreachable(operation, "Meta's answer broke off");
    }
  }
}
