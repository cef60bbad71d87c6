package in.picode.kretanote.retention.control;

import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.control.ExportSection;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a data-subject export as a zip: {@code export.json} with every section, and one CSV file
 * per section ({@code contact.csv}, {@code messages.csv} ...). Values are written as they are
 * stored: timestamps in ISO-8601 UTC, binary values in Base64.
 */
public final class ExportArchive {

  private ExportArchive() {}

  public static byte[] zip(Map<String, Object> header, List<ExportSection> sections) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      entry(zip, "export.json", json(header, sections));
      for (ExportSection s : sections) {
        entry(zip, s.name() + ".csv", csv(s));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static String json(Map<String, Object> header, List<ExportSection> sections) {
    JsonObjectBuilder root = Jsons.createObjectBuilder();
    header.forEach((k, v) -> add(root, k, v));
    for (ExportSection s : sections) {
      JsonArrayBuilder rows = Jsons.createArrayBuilder();
      for (Map<String, Object> row : s.rows()) {
        JsonObjectBuilder o = Jsons.createObjectBuilder();
        for (String c : s.columns()) {
          add(o, c, row.get(c));
        }
        rows.add(o);
      }
      root.add(s.name(), rows);
    }
    StringWriter out = new StringWriter();
    try (var w =
        Jsons.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
      w.writeObject(root.build());
    }
    return out.toString();
  }

  static String csv(ExportSection s) {
    StringBuilder b = new StringBuilder(Csv.line(s.columns()));
    for (Map<String, Object> row : s.rows()) {
      List<String> fields = new ArrayList<>();
      for (String c : s.columns()) {
        fields.add(text(row.get(c)));
      }
      b.append(Csv.line(fields));
    }
    return b.toString();
  }

  private static void add(JsonObjectBuilder o, String key, Object v) {
    if (v == null) {
      o.addNull(key);
    } else if (v instanceof Boolean b) {
      o.add(key, b);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      o.add(key, ((Number) v).longValue());
    } else if (v instanceof BigDecimal d) {
      o.add(key, d);
    } else {
      o.add(key, text(v));
    }
  }

  static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof Instant i) {
      return i.toString();
    }
    return v.toString();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
