package in.picode.kretanote.api.rest;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem: HTTP status, a stable machine {@code code} (the send guard's refusal codes
 * for refused sends, else the API's own, lower case), a title, the detail in words and, for bad
 * input, one entry per field with its JSON pointer. Thrown by resources; {@link ApiProblemMapper}
 * writes it as {@code application/problem+json}.
 */
public class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;
  public static final String TYPE = "application/problem+json";

  /** One bad field: where (a JSON pointer such as {@code /template/body/0}) and why. */
  public record FieldError(String pointer, String detail) {}

  private final int status;
  private final String code;
  private final String title;
  private final transient List<FieldError> errors;
  private final transient Map<String, String> headers;

  public ApiProblem(int status, String code, String title, String detail) {
    this(status, code, title, detail, List.of(), Map.of());
  }

  public ApiProblem(
      int status,
      String code,
      String title,
      String detail,
      List<FieldError> errors,
      Map<String, String> headers) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = new ArrayList<>(errors);
    this.headers = Map.copyOf(headers);
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(404, "not_found", "Not found", "There is no such " + what + ".");
  }

  public static ApiProblem invalid(List<FieldError> errors) {
    return new ApiProblem(
        422,
        "validation_failed",
        "Invalid request",
        errors.size() == 1
            ? errors.get(0).pointer() + ": " + errors.get(0).detail()
            : errors.size() + " fields are invalid; see errors.",
        errors,
        Map.of());
  }

  public static ApiProblem invalid(String pointer, String detail) {
    return invalid(List.of(new FieldError(pointer, detail)));
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Response toResponse() {
    JsonObjectBuilder body =
        Jsons.createObjectBuilder()
            .add("type", "https://kretanote.example/problems/" + code.toLowerCase())
            .add("title", title)
            .add("status", status)
            .add("code", code)
            .add("detail", getMessage() == null ? title : getMessage());
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = Jsons.createArrayBuilder();
      errors.forEach(
          e ->
              list.add(
                  Jsons.createObjectBuilder()
                      .add("pointer", e.pointer())
                      .add("detail", e.detail())));
      body.add("errors", list);
    }
    Response.ResponseBuilder r = Response.status(status).type(TYPE).entity(body.build().toString());
    headers.forEach(r::header);
    return r.build();
  }
}
