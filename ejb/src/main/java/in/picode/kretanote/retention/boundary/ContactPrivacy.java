package in.picode.kretanote.retention.boundary;

/** A contact as the data-subject page shows it. */
public record ContactPrivacy(
    long id,
    String displayName,
    String profileName,
    String waId,
    String email,
    String phone,
    boolean optedOut,
    boolean automationOptOut,
    boolean legalHold) {}
