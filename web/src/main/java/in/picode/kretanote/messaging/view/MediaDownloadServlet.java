package in.picode.kretanote.messaging.view;

import in.picode.kretanote.messaging.boundary.MediaContent;
import in.picode.kretanote.messaging.boundary.MediaFiles;
import in.picode.kretanote.messaging.boundary.MediaView;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /app/media?message=<id>}: the decrypted file of one of the signed-in tenant's media
 * messages (the tenant is bound by {@code TenantBindingFilter}; {@code /app/*} needs a signed-in
 * user). Another tenant's message, a malformed id or a file not downloaded yet is a 404. Images are
 * shown inline, everything else is a download; the file's own type never runs as a page here
 * ({@code nosniff}, a sandboxing content security policy).
 */
@WebServlet("/app/media")
public class MediaDownloadServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/webp");

  @Inject transient MediaFiles media;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Long messageId = parse(req.getParameter("message"));
    Optional<MediaView> view = messageId == null ? Optional.empty() : media.ofMessage(messageId);
    Optional<MediaContent> content = view.flatMap(v -> media.open(v.id()));
    if (content.isEmpty()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND, "No such file");
      return;
    }
    try (MediaContent file = content.get()) {
      boolean inline = INLINE.contains(file.mimeType());
      res.setContentType(inline ? file.mimeType() : "application/octet-stream");
      if (file.size() >= 0) {
        res.setContentLengthLong(file.size());
      }
      res.setHeader(
          "Content-Disposition",
          (inline ? "inline" : "attachment")
              + "; filename*=UTF-8''"
              + URLEncoder.encode(file.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
      res.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
      res.setHeader("Cache-Control", "private, no-store");
      try (OutputStream out = res.getOutputStream()) {
        file.content().transferTo(out);
      }
    }
  }

  static Long parse(String id) {
    if (id == null || !id.matches("[0-9]{1,18}")) {
      return null;
    }
    return Long.valueOf(id);
  }
}
