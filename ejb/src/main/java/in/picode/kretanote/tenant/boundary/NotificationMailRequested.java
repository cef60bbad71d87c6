package in.picode.kretanote.tenant.boundary;

import java.util.List;

/**
 * A notification must be mailed to these addresses once the transaction that created it has
 * committed; observed by {@code NotificationMails} with {@code during = AFTER_SUCCESS}.
 */
public record NotificationMailRequested(
    List<String> recipients, String tenantName, String subject, String body) {}
