package in.picode.kretanote.platform.boundary;

/**
 * Something other features may name was deleted: a label, a team, a template, a canned response
 * ({@code kind}, its {@code id}, 0 for a template, which is deleted by name in every language, and
 * its {@code name}). Fired by the owning feature inside the deleting transaction, with the tenant
 * bound; a feature that names such things (automation's rules) observes it after commit and reacts
 * itself, so the deleting feature never writes another's rows nor knows who cares.
 */
public record ReferenceDeleted(long tenantId, String kind, long id, String name) {}
