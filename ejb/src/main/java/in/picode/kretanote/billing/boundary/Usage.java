package in.picode.kretanote.billing.boundary;

import java.time.Instant;
import java.util.Map;

/**
 * A tenant's usage in one period, as the billing page shows it: messages sent and received,
 * conversations with traffic, billable messages by Meta's pricing category and Meta's estimated
 * cost.
 */
public record Usage(
    Instant from,
    Instant to,
    long sent,
    long received,
    long conversations,
    Map<String, Long> billableByCategory,
    long metaCostMinor,
    String metaCurrency) {}
