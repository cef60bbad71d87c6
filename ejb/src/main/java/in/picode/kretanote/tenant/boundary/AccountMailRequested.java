package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.tenant.entity.OneTimeToken;

/**
 * A link must be mailed once the transaction that created it has committed; observed by {@code
 * AccountMails} with {@code during = AFTER_SUCCESS}, so a rolled-back sign-up sends nothing.
 */
public record AccountMailRequested(
    OneTimeToken.Purpose purpose,
    String email,
    String recipientName,
    String token,
    String tenantName) {}
