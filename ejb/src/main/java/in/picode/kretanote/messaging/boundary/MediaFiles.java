package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.crypto.boundary.TokenVault;
import in.picode.kretanote.messaging.control.MediaFolder;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.messaging.entity.Media;
import in.picode.kretanote.messaging.entity.Message;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.platform.control.Visibility;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current tenant's media files, for the dashboard: their download state, and the decrypted
 * content of a downloaded one. Everything is looked up within the tenant (EclipseLink adds the
 * tenant to every query), so another tenant's media id finds nothing; the file itself is encrypted
 * for its tenant and its row, so even a file copied elsewhere cannot be read as another.
 */
@Stateless
@TenantScoped
public class MediaFiles {

  private static final System.Logger LOG = System.getLogger(MediaFiles.class.getName());
  private static final Map<String, String> EXTENSIONS =
      Map.ofEntries(
          Map.entry("image/jpeg", "jpg"),
          Map.entry("image/png", "png"),
          Map.entry("image/webp", "webp"),
          Map.entry("audio/ogg", "ogg"),
          Map.entry("audio/mpeg", "mp3"),
          Map.entry("audio/mp4", "m4a"),
          Map.entry("audio/aac", "aac"),
          Map.entry("audio/amr", "amr"),
          Map.entry("video/mp4", "mp4"),
          Map.entry("video/3gpp", "3gp"),
          Map.entry("application/pdf", "pdf"),
          Map.entry("text/plain", "txt"));

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject TokenVault vault;

  @Inject
  @ConfigProperty(name = "kretanote.media.dir", defaultValue = "/opt/kretanote/data/media")
  String dir;

  private final Clock clock = Clock.systemUTC();
  private MediaFolder folder;

  @PostConstruct
  void start() {
    folder = new MediaFolder(Path.of(dir));
  }

  /** What a media file is for the vault: bound to its row, so files cannot be swapped. */
  static String purpose(long mediaId) {
    return "media:" + mediaId;
  }

  /**
   * The decrypted file of a downloaded media of the current tenant; empty when there is no such
   * media for this tenant, it is not downloaded (yet), or its file is missing (logged).
   */
  public Optional<MediaContent> open(long mediaId) {
    Media m = visible(em.find(Media.class, mediaId));
    if (m == null || m.getState() != Media.State.DOWNLOADED || m.getFilePath() == null) {
      return Optional.empty();
    }
    Path file = folder.resolve(m.getFilePath());
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      LOG.log(
          Level.ERROR,
          "Media {0} of tenant {1} is recorded as downloaded but its file {2} is missing",
          String.valueOf(mediaId),
          String.valueOf(Tenancy.require()),
          m.getFilePath());
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("media file " + m.getFilePath() + " cannot be read", e);
    }
    try {
      InputStream plain = vault.decryptingStream(Tenancy.require(), purpose(mediaId), raw);
      return Optional.of(
          new MediaContent(
              plain,
              m.getMimeType() == null ? "application/octet-stream" : m.getMimeType(),
              m.getSizeBytes() == null ? -1 : m.getSizeBytes(),
              filename(m)));
    } catch (IOException | RuntimeException e) {
      try {
        raw.close();
      } catch (IOException ignored) {
        // closing after a failure
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("media file " + m.getFilePath() + " cannot be read", io);
      }
      throw (RuntimeException) e;
    }
  }

  /** The state of one of the current tenant's media files. */
  public Optional<MediaView> find(long mediaId) {
    return Optional.ofNullable(visible(em.find(Media.class, mediaId))).map(MediaView::of);
  }

  /** The media file of one of the current tenant's messages, if it has one. */
  public Optional<MediaView> ofMessage(long messageId) {
    return em.createNamedQuery(Media.OF_MESSAGE, Media.class)
        .setParameter("message", messageId)
        .getResultStream()
        .findFirst()
        .map(this::visible)
        .map(MediaView::of);
  }

  /**
   * Puts a FAILED download of the current tenant back in line (for a user who fixed the cause, e.g.
   * reconnected the number); false when there is no such failed media.
   */
  public boolean retry(long mediaId) {
    Media m = visible(em.find(Media.class, mediaId));
    return m != null && m.retry(Instant.now(clock));
  }

  /**
   * The media when the current user may see its conversation (an agent restricted to their teams
   * sees only theirs), else null: another team's media id finds nothing, as its conversation's id.
   */
  private Media visible(Media m) {
    if (m == null || Visibility.current().isEmpty()) {
      return m;
    }
    Message message = em.find(Message.class, m.getMessageId());
    Conversation c =
        message == null ? null : em.find(Conversation.class, message.getConversationId());
    return c != null && Conversations.visible(c) ? m : null;
  }

  /**
   * A file name for downloads: the document's own name when it has a safe one, else {@code
   * whatsapp-<id>.<extension of its type>}. Only letters, digits, dot, dash, underscore and space
   * survive, so it fits a {@code Content-Disposition} header.
   */
  static String filename(Media m) {
    String given = m.getFilename();
    if (given != null) {
      String safe = given.replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
      while (safe.startsWith(".")) {
        safe = safe.substring(1);
      }
      if (!safe.isBlank()) {
        return safe.length() > 120 ? safe.substring(safe.length() - 120) : safe;
      }
    }
    String mime = m.getMimeType() == null ? "" : m.getMimeType().toLowerCase(Locale.ROOT);
    int semicolon = mime.indexOf(';');
    if (semicolon >= 0) {
      mime = mime.substring(0, semicolon).strip();
    }
    return "whatsapp-" + m.getId() + "." + EXTENSIONS.getOrDefault(mime, "bin");
  }
}
