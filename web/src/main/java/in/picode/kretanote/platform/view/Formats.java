package in.picode.kretanote.platform.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How pages show points in time: UTC, to the second, said so on the page. Users do not have a time
 * zone setting yet; UTC is unambiguous across a tenant's team.
 */
@Named
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  public String instant(Instant at) {
    return at == null ? "" : UTC.format(at);
  }
}
