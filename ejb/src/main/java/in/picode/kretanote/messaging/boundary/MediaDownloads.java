package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.crypto.boundary.CryptoException;
import in.picode.kretanote.crypto.boundary.TokenVault;
import in.picode.kretanote.messaging.control.DownloadPolicy;
import in.picode.kretanote.messaging.control.DownloadPolicy.Failure;
import in.picode.kretanote.messaging.control.MediaChecksum;
import in.picode.kretanote.messaging.control.MediaFolder;
import in.picode.kretanote.messaging.control.MediaStore;
import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.meta.boundary.ErrorClass;
import in.picode.kretanote.meta.boundary.GraphApi;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.meta.boundary.MediaInfo;
import in.picode.kretanote.meta.boundary.MediaLinkRefusedException;
import in.picode.kretanote.meta.boundary.MediaTooLargeException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Downloads the files of inbound media messages: asks Meta where the file is ({@code GET
 * /{media-id}}), streams it from there with the connection's token into a temporary file, hashing
 * the plaintext and encrypting it with the tenant's data key on the way ({@link
 * TokenVault#encryptingStream}), checks size and Meta's SHA-256, moves the file into place in one
 * atomic rename and records path, size, checksum and type. Failures are decided by {@link
 * DownloadPolicy}: retried later, or FAILED with a reason in plain words.
 *
 * <p>Runs outside any transaction: the slow part (Meta, the disk) holds no row lock; the claim and
 * the outcome are short transactions of {@link MediaStore}. The caller (the inbound downloader)
 * claims the work and supplies the connection's token, which this class never stores or logs (nor
 * the download URL, which is a short-lived capability).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaDownloads {

  private static final System.Logger LOG = System.getLogger(MediaDownloads.class.getName());

  @Inject MediaStore store;
  @Inject GraphApi graph;
  @Inject TokenVault vault;

  @Inject
  @ConfigProperty(name = "kretanote.media.dir", defaultValue = "/opt/kretanote/data/media")
  String dir;

  @Inject
  @ConfigProperty(name = "kretanote.media.max-bytes", defaultValue = "104857600")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "kretanote.media.max-attempts", defaultValue = "8")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "kretanote.media.retry-delay", defaultValue = "PT30S")
  Duration retryDelay;

  @Inject
  @ConfigProperty(name = "kretanote.media.max-retry-delay", defaultValue = "PT1H")
  Duration maxRetryDelay;

  private final Clock clock = Clock.systemUTC();
  private MediaFolder folder;
  private DownloadPolicy policy;

  /** How a download ended. */
  public enum Result {
    DOWNLOADED,
    RETRY_LATER,
    FAILED,
    /** The lease went to someone else meanwhile; nothing was recorded. */
    LEASE_LOST
  }

  @PostConstruct
  void start() {
    folder = new MediaFolder(Path.of(dir));
    policy = new DownloadPolicy(maxAttempts, retryDelay, maxRetryDelay);
  }

  public List<MediaStore.Claim> claim(String owner, int max, Duration lease) {
    return store.claim(owner, max, lease);
  }

  public Map<MediaStore.Counted, Long> counts() {
    return store.counts();
  }

  /** Downloads one claimed row with {@code token} (empty: the number has no usable token). */
  public Result download(MediaStore.Claim claim, Optional<AccessToken> token, String owner) {
    if (token.isEmpty()) {
      return fail(claim, owner, Failure.NO_ACCESS, null);
    }
    MediaInfo info;
    try {
      info = graph.mediaInfo(token.get(), claim.mediaId());
    } catch (GraphException e) {
      return fail(claim, owner, classify(e, true), describe(e));
    }
    if (info.fileSize().isPresent() && info.fileSize().getAsLong() > maxBytes) {
      return fail(claim, owner, Failure.TOO_LARGE, info.fileSize().getAsLong() + " bytes");
    }
    Path temporary = null;
    try {
      temporary = folder.temporary(claim.tenantId());
      MessageDigest sha = sha256();
      long size;
      try (OutputStream file = Files.newOutputStream(temporary);
          OutputStream sealed =
              vault.encryptingStream(claim.tenantId(), MediaFiles.purpose(claim.id()), file);
          DigestOutputStream plain = new DigestOutputStream(sealed, sha)) {
        size = graph.downloadMedia(token.get(), info, maxBytes, plain);
      }
      byte[] digest = sha.digest();
      String expected = info.sha256().orElse(claim.webhookSha256());
      if (MediaChecksum.contradicts(expected, digest)) {
        return fail(claim, owner, Failure.CHECKSUM, size + " bytes received");
      }
      if (info.fileSize().isPresent() && info.fileSize().getAsLong() != size) {
        return fail(
            claim,
            owner,
            Failure.TRANSIENT,
            "received " + size + " of " + info.fileSize().getAsLong() + " bytes");
      }
      String relative = MediaFolder.relativePath(claim.tenantId(), claim.id());
      folder.commit(temporary, relative);
      temporary = null;
      String mime = info.mimeType().orElse(claim.mimeType());
      if (!store.downloaded(claim, owner, relative, size, MediaChecksum.hex(digest), mime)) {
        return Result.LEASE_LOST;
      }
      return Result.DOWNLOADED;
    } catch (GraphException e) {
      return fail(claim, owner, classify(e, false), describe(e));
    } catch (MediaTooLargeException e) {
      return fail(claim, owner, Failure.TOO_LARGE, "more than " + e.limit() + " bytes");
    } catch (MediaLinkRefusedException e) {
      return fail(claim, owner, Failure.UNSAFE_LINK, e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      LOG.log(
          Level.WARNING,
          "Media {0}: the media folder {1} could not be written: {2}",
          String.valueOf(claim.id()),
          folder.root(),
          e.toString());
      return fail(claim, owner, Failure.STORAGE, "the media folder could not be written");
    } catch (CryptoException e) {
      LOG.log(
          Level.WARNING,
          "Media {0} could not be encrypted: {1}",
          String.valueOf(claim.id()),
          e.getMessage());
      return fail(claim, owner, Failure.STORAGE, "the file could not be encrypted");
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // A leftover temporary file is harmless; its name marks it as one.
        }
      }
    }
  }

  private Result fail(MediaStore.Claim claim, String owner, Failure failure, String detail) {
    DownloadPolicy.Decision decision =
        policy.after(
            failure,
            detail,
            claim.attempts(),
            Instant.now(clock),
            ThreadLocalRandom.current().nextDouble());
    Instant next = decision instanceof DownloadPolicy.Retry r ? r.at() : null;
    LOG.log(
        next == null ? Level.WARNING : Level.INFO,
        "Media {0} of tenant {1}, attempt {2}: {3}",
        String.valueOf(claim.id()),
        String.valueOf(claim.tenantId()),
        claim.attempts(),
        decision.error());
    if (!store.failed(claim, owner, decision.error(), next)) {
      return Result.LEASE_LOST;
    }
    return next == null ? Result.FAILED : Result.RETRY_LATER;
  }

  /**
   * Meta's error class as a download failure. An unknown media id is permanent only when asking for
   * the file's metadata; the download link itself expires after minutes and is asked again.
   */
  static Failure classify(GraphException e, boolean metadata) {
    ErrorClass c = e.errorClass();
    return switch (c) {
      case TRANSIENT -> Failure.TRANSIENT;
      case THROTTLED -> Failure.THROTTLED;
      case AUTH -> Failure.ACCESS_REFUSED;
      case PERMANENT -> metadata ? Failure.GONE : Failure.TRANSIENT;
    };
  }

  private static String describe(GraphException e) {
    return e.code()
        .map(c -> "Meta error " + c)
        .orElse(e.httpStatus() == 0 ? "no answer" : "HTTP " + e.httpStatus());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
