package org.qarchive.cli;

/** The user's input cannot be used (missing file, nothing importable); exits with 65 and this message. */
final class BadInputException extends RuntimeException {
  BadInputException(String message) {
    super(message);
  }
}
