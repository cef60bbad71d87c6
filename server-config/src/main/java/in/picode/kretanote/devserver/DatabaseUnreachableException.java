package in.picode.kretanote.devserver;

/** The database at a URL cannot be used; the message is one line: URL and cause. */
public class DatabaseUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DatabaseUnreachableException(String url, String cause) {
    super("Cannot use the database at " + url + ": " + cause);
  }
}
