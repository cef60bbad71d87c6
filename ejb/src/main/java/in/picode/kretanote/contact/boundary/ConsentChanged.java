package in.picode.kretanote.contact.boundary;

import in.picode.kretanote.contact.entity.Category;

/**
 * A contact's consent for a category changed (fired inside the transaction that recorded it, with
 * the tenant bound); {@code source} is the ledger's (KEYWORD, META_131050, AGENT, API).
 */
public record ConsentChanged(
    long tenantId, long contactId, Category category, boolean granted, String source) {}
