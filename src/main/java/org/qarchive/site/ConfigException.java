package org.qarchive.site;

/**
 * A config file staff wrote that cannot be used, with a message that names the line or key and says
 * what is wrong, short enough for one log line or one form error.
 */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
