package in.picode.kretanote.outbound.boundary;

import java.time.Instant;

/**
 * A campaign finished: completed (nobody left to send to) or cancelled; fired inside the
 * transaction that finished it, with the tenant bound.
 */
public record CampaignFinished(
    long tenantId, long campaignId, String name, String state, Instant finishedAt) {}
