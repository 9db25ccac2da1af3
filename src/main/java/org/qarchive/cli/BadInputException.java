package org.qarchive.cli;

/**
 * The user's input cannot be used (missing file, nothing importable); exits with 65 and this
 * message.
 */
public final class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }
}
