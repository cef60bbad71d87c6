package in.picode.kretanote.inbound.boundary;

/**
 * The webhook event writer's counters since start, for metrics, the operator page and the bench.
 */
public record WriterStats(
    long batches, long rows, long failedBatches, long refused, long timedOut) {}
