package in.picode.kretanote.crypto.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Maps {@link Instant} to a {@code TIMESTAMP} column. EclipseLink 4.0 (JPA 3.1) has no built-in
 * mapping for {@code Instant} and falls back to Java serialization, which cannot read a timestamp
 * column back (checked against MariaDB 10.11). Applied explicitly, not automatically, so it does
 * not change other features' entities.
 */
@Converter(autoApply = false)
public class InstantAsTimestamp implements AttributeConverter<Instant, Timestamp> {

  @Override
  public Timestamp convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  @Override
  public Instant convertToEntityAttribute(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
