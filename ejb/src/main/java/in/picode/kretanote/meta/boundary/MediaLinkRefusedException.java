package in.picode.kretanote.meta.boundary;

/**
 * A media download was not made (or not continued) because the bearer token would have gone
 * somewhere it must not: a host outside Meta's media hosts, plain HTTP outside the sandbox, or a
 * redirect. Asking again does not help; nothing of the URL is in the message.
 */
public class MediaLinkRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MediaLinkRefusedException(String reason) {
    super(reason);
  }
}
