package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.meta.boundary.GraphApi;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.outbound.control.MediaRules;
import in.picode.kretanote.outbound.control.OutgoingContent;
import in.picode.kretanote.outbound.control.RefusalCode;
import in.picode.kretanote.outbound.control.SendChecks;
import in.picode.kretanote.outbound.control.UploadPermits;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Sends a file an agent attached: Meta's type and size rules checked from the file's size and first
 * bytes, the guard and the idempotency key checked before anything is uploaded ({@link
 * Sending#beforeUpload}), the file streamed to Meta ({@code POST /{PNID}/media}) from where it
 * lies, and the message queued with Meta's media id ({@link Sending#sendUploaded}). No transaction
 * and no database connection is held while the file travels to Meta, and no file is held whole in
 * memory; {@link UploadPermits} caps how many uploads run at once per server and per tenant.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaUploads {

  @Inject Sending sending;
  @Inject GraphApi graph;
  @Inject UploadPermits permits;

  public SendResult send(long conversationId, String idempotencyKey, Attachment file) {
    Optional<MediaRules.Accepted> accepted =
        MediaRules.classify(file.fileName(), file.declaredType());
    if (accepted.isEmpty()) {
      return refused("WhatsApp does not accept this type of file. " + MediaRules.ACCEPTED);
    }
    OutgoingContent.MediaKind kind = accepted.get().kind();
    String mime = accepted.get().mimeType();
    try {
      Optional<String> problem = MediaRules.problem(kind, mime, file.size(), head(file));
      if (problem.isPresent()) {
        return refused(problem.get());
      }
      new OutgoingContent.Media(kind, "pending", file.caption(), file.fileName());
    } catch (IllegalArgumentException | NullPointerException e) {
      return refused(e.getMessage());
    } catch (IOException e) {
      return refused("the file could not be read; choose it again");
    }
    try (UploadPermits.Permit permit = permits.take(Tenancy.require())) {
      if (permit.refusal() != null) {
        return SendResult.refused(RefusalCode.UPLOADS_BUSY.refuse(permit.refusal()));
      }
      String fingerprint =
          SendChecks.mediaFingerprint(
              kind, mime, file.fileName(), file.caption(), sha256(file, file.size()));
      UploadTarget target = sending.beforeUpload(conversationId, idempotencyKey, fingerprint);
      if (target.isSettled()) {
        return target.settled();
      }
      String mediaId;
      try {
        mediaId =
            graph.uploadMedia(
                target.token(),
                target.phoneNumberId(),
                file.size(),
                () -> open(file),
                mime,
                file.fileName());
      } catch (GraphException e) {
        return refused(
            "the file could not be uploaded to WhatsApp ("
                + e.code().map(c -> "code " + c).orElse("no answer")
                + ")");
      }
      return sending.sendUploaded(
          conversationId,
          idempotencyKey,
          fingerprint,
          new OutgoingContent.Media(kind, mediaId, file.caption(), file.fileName()));
    } catch (IOException e) {
      return refused("the file could not be read; choose it again");
    }
  }

  private static SendResult refused(String reason) {
    return SendResult.refused(RefusalCode.INVALID_MESSAGE.refuse(reason));
  }

  private static byte[] head(Attachment file) throws IOException {
    try (InputStream in = file.content().open()) {
      return in.readNBytes(MediaRules.HEAD);
    }
  }

  /** The SHA-256 of the file, read once in small pieces; its length must be the declared size. */
  private static byte[] sha256(Attachment file, long size) throws IOException {
    MessageDigest digest = SendChecks.sha256();
    long total = 0;
    try (InputStream in = file.content().open()) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; total += n) {
        digest.update(buffer, 0, n);
      }
    }
    if (total != size) {
      throw new IOException("the file changed while it was read");
    }
    return digest.digest();
  }

  private static InputStream open(Attachment file) {
    try {
      return file.content().open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
