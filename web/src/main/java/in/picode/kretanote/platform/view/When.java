package in.picode.kretanote.platform.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The one way pages show times, in the reader's zone ({@link UserZone}): {@code #{when.rel(t)}} in
 * lists, {@code #{when.full(t)}} for the hover title, {@code #{when.date(t)}} for dates of
 * campaigns and invoices. Accepts {@link Instant}, {@link LocalDateTime} (stored as UTC) and {@link
 * LocalDate} (a calendar day, no zone), so a page never prints a raw ISO string.
 */
@Named("when")
@RequestScoped
public class When {

  @Inject UserZone userZone;

  public String rel(Object at) {
    Instant i = instant(at);
    return at instanceof LocalDate d
        ? Times.date(d, Texts.locale())
        : Times.relative(i, Instant.now(), userZone.zone(), Texts.locale());
  }

  public String full(Object at) {
    return at instanceof LocalDate d
        ? Times.date(d, Texts.locale())
        : Times.full(instant(at), userZone.zone(), Texts.locale());
  }

  public String stamp(Object at) {
    return at instanceof LocalDate d ? Times.date(d) : Times.stamp(instant(at), userZone.zone());
  }

  public String date(Object at) {
    return at instanceof LocalDate d
        ? Times.date(d, Texts.locale())
        : Times.date(instant(at), userZone.zone(), Texts.locale());
  }

  public String clock(Object at) {
    return Times.clock(instant(at), userZone.zone());
  }

  /** The reader's zone id, for the pages that say it. */
  public String getZone() {
    return userZone.zone().getId();
  }

  static Instant instant(Object at) {
    if (at instanceof Instant i) {
      return i;
    }
    if (at instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    if (at instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (at instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    return null;
  }
}
