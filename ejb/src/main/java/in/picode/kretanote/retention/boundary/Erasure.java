package in.picode.kretanote.retention.boundary;

/** What erasing a contact deleted, as the contact's privacy page reports it. */
public record Erasure(int messages, int mediaFiles) {}
