package in.picode.kretanote.platform.boundary;

/**
 * What the last migration attempt left behind; read by the readiness check from any thread, so
 * every field is volatile and written once per attempt.
 */
public class MigrationState {

  public enum Phase {
    STARTING,
    WAITING_FOR_DATABASE,
    APPLIED,
    FAILED
  }

  private volatile Phase phase = Phase.STARTING;
  private volatile String schemaVersion;
  private volatile String failure;

  public void waitingForDatabase() {
    phase = Phase.WAITING_FOR_DATABASE;
  }

  public void applied(String version, int executedNow) {
    schemaVersion = version;
    failure = null;
    phase = Phase.APPLIED;
  }

  public void failed(String reason) {
    failure = reason;
    phase = Phase.FAILED;
  }

  public Phase phase() {
    return phase;
  }

  public boolean isApplied() {
    return phase == Phase.APPLIED;
  }

  public String schemaVersion() {
    return schemaVersion;
  }

  public String failure() {
    return failure;
  }
}
