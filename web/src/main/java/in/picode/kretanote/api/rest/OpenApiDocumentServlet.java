package in.picode.kretanote.api.rest;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code /api/v1/openapi.json} and {@code /api/v1/openapi.yaml}: the API's OpenAPI 3.1 document
 * ({@link OpenApi31}), derived once from the 3.0 document Payara generates at {@code /openapi}
 * (read over loopback from this server, or from {@code kretanote.api.openapi-source}). Public, like
 * {@code /openapi}: it describes the API, it holds no data.
 */
@WebServlet(urlPatterns = {"/api/v1/openapi.json", "/api/v1/openapi.yaml"})
public class OpenApiDocumentServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private transient volatile JsonObject document;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    JsonObject doc;
    try {
      doc = document(req);
    } catch (IOException | RuntimeException e) {
      log("The OpenAPI document could not be read", e);
      res.setStatus(503);
      res.setContentType(ApiProblem.TYPE);
      res.getWriter()
          .write(
              new ApiProblem(
                      503,
                      "document_unavailable",
                      "Document unavailable",
                      "The OpenAPI document is not available right now; try again.")
                  .toResponse()
                  .getEntity()
                  .toString());
      return;
    }
    boolean yaml = req.getRequestURI().endsWith(".yaml");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.setContentType(yaml ? "application/yaml" : "application/json");
    res.setHeader("Cache-Control", "public, max-age=300");
    res.getWriter().write(yaml ? OpenApi31.yaml(doc) : doc.toString());
  }

  private JsonObject document(HttpServletRequest req) throws IOException {
    JsonObject d = document;
    if (d == null) {
      d = OpenApi31.convert(generated(req), req.getContextPath());
      document = d;
    }
    return d;
  }

  private static JsonObject generated(HttpServletRequest req) throws IOException {
    Optional<String> configured =
        ConfigProvider.getConfig().getOptionalValue("kretanote.api.openapi-source", String.class);
    URI source =
        URI.create(configured.orElse("http://127.0.0.1:" + req.getLocalPort() + "/openapi"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(source)
                  .header("Accept", "application/json")
                  .timeout(Duration.ofSeconds(180))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException(source + " answered " + r.statusCode());
      }
      try (JsonReader reader = Jsons.createReader(new StringReader(r.body()))) {
        return reader.readObject();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
