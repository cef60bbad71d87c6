package in.picode.kretanote.platform.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;

/**
 * Exact points in time for tables and logs (audit, keys, sign-ins): to the second, in the reader's
 * zone, the zone said on the page ("2026-12-06 14:05:09 IST"). Lists and conversations use {@link
 * When}'s relative times instead.
 */
@Named
@RequestScoped
public class Formats {

  @Inject UserZone userZone;

  public String instant(Instant at) {
    return Times.stamp(at, userZone.zone());
  }
}
