package in.picode.kretanote.devserver;

/** A setting has a value that cannot work; the message names the key. */
public class ConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigurationException(String key, String problem) {
    super(key + " " + problem);
  }
}
