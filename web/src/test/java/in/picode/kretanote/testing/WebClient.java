package in.picode.kretanote.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser without JavaScript: keeps cookies, follows redirects, and submits Faces forms the way a
 * plain HTML form post does (all inputs of the form, including the view state, plus the button).
 * Enough for pages whose buttons are {@code ajax="false"}; the real-browser tests use Chromium.
 */
public final class WebClient {

  private final URI base;
  private final HttpClient http;
  private HttpResponse<String> last;

  public WebClient(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** A client signed in as {@code user} through the login form. */
  public static WebClient signedIn(java.net.URL base, TestAccounts.User user) {
    return signedIn(base, user.email(), TestAccounts.PASSWORD);
  }

  /**
   * A client signed in through the login form as {@code email}; fails the test when the login form
   * comes back (wrong password, locked, disabled), so a test never goes on as an anonymous visitor.
   */
  public static WebClient signedIn(java.net.URL base, String email, String password) {
    WebClient c = new WebClient(URI.create(base.toString()));
    Document after =
        c.submit(
            c.get("login.xhtml"), "login", Map.of("email", email, "password", password), "submit");
    if (after.getElementById("login") != null) {
      throw new AssertionError(email + " could not sign in: " + after.location());
    }
    return c;
  }

  /** GET a path relative to the deployment (no leading slash). */
  public Document get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
  }

  /**
   * Fills the form with the given id (field ids without the form prefix) and presses {@code
   * button}.
   */
  public Document submit(Document page, String formId, Map<String, String> fields, String button) {
    return submit(page, formId, fields, button, Map.of());
  }

  /**
   * As {@link #submit(Document, String, Map, String)}, plus {@code raw} parameters sent under their
   * own names (not prefixed with the form id): what a user tampering with a post would add.
   */
  public Document submit(
      Document page,
      String formId,
      Map<String, String> fields,
      String button,
      Map<String, String> raw) {
    Element form = page.getElementById(formId);
    if (form == null) {
      throw new AssertionError(
          "No form '" + formId + "' on " + page.location() + ":\n" + page.text());
    }
    Map<String, String> data = new LinkedHashMap<>();
    for (Element input : form.select("input[name], select[name], textarea[name]")) {
      String type = input.attr("type");
      if (type.equals("submit") || type.equals("button")) {
        continue;
      }
      if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
        continue;
      }
      String value =
          input.tagName().equals("select")
              ? input.select("option[selected]").val()
              : input.tagName().equals("textarea") ? input.text() : input.val();
      data.put(input.attr("name"), value);
    }
    fields.forEach((id, value) -> data.put(formId + ":" + id, value));
    // PrimeFaces' CSP mode checks on postback the nonce its script adds to every form.
    Element nonced = page.selectFirst("script[nonce]");
    if (nonced != null) {
      data.put("primefaces.nonce", nonced.attr("nonce"));
    }
    data.put(formId + ":" + button, "");
    data.putAll(raw);
    String action = form.attr("action");
    URI target = URI.create(page.location()).resolve(action);
    String body =
        data.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(target)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /**
   * Submits a {@code multipart/form-data} form as a browser does: every input of the form, the view
   * state, the nonce, the button, and {@code content} as the file input {@code fileField}.
   */
  public Document upload(
      Document page,
      String formId,
      String fileField,
      String fileName,
      byte[] content,
      String button) {
    return multipart(
        page, formId, formId + ":" + fileField, fileName, "text/csv", content, Map.of(), button);
  }

  /**
   * As a browser posts a form with a file chosen in its (only) file input: {@code fields} (ids
   * without the form prefix) override the rendered inputs; the file goes with {@code contentType}.
   */
  public Document attach(
      Document page,
      String formId,
      String fileName,
      String contentType,
      byte[] content,
      Map<String, String> fields,
      String button) {
    Element form = page.getElementById(formId);
    Element file = form == null ? null : form.selectFirst("input[type=file]");
    if (file == null) {
      throw new AssertionError("No file input in form '" + formId + "' on " + page.location());
    }
    return multipart(
        page, formId, file.attr("name"), fileName, contentType, content, fields, button);
  }

  private Document multipart(
      Document page,
      String formId,
      String fileInput,
      String fileName,
      String contentType,
      byte[] content,
      Map<String, String> fields,
      String button) {
    Element form = page.getElementById(formId);
    if (form == null) {
      throw new AssertionError("No form '" + formId + "' on " + page.location());
    }
    String boundary = "----kretanote" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    Map<String, String> data = new LinkedHashMap<>();
    for (Element input : form.select("input[name]")) {
      String type = input.attr("type");
      if (type.equals("submit") || type.equals("button") || type.equals("file")) {
        continue;
      }
      data.put(input.attr("name"), input.val());
    }
    fields.forEach((id, value) -> data.put(formId + ":" + id, value));
    Element nonced = page.selectFirst("script[nonce]");
    if (nonced != null) {
      data.put("primefaces.nonce", nonced.attr("nonce"));
    }
    data.put(formId + ":" + button, "");
    data.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileInput
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    URI target = URI.create(page.location()).resolve(form.attr("action"));
    return send(
        HttpRequest.newBuilder(target)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  public HttpResponse<String> lastResponse() {
    return last;
  }

  public HttpResponse<String> raw(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(base.resolve(path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Document send(HttpRequest request) {
    try {
      last = http.send(request, HttpResponse.BodyHandlers.ofString());
      return Jsoup.parse(last.body(), last.uri().toString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
