package in.picode.kretanote.crypto.control;

import in.picode.kretanote.crypto.boundary.CryptoException;

/**
 * The key-encryption key configuration is missing or invalid. The message names the configuration
 * key and what is wrong, never the configured value.
 */
public class KeyConfigurationException extends CryptoException {

  public KeyConfigurationException(String message) {
    super(message);
  }
}
