package in.picode.kretanote.meta.boundary;

/** A media download stopped because the file is larger than the configured limit. */
public class MediaTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final long limit;

  public MediaTooLargeException(long limit) {
    super("The file is larger than the limit of " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
