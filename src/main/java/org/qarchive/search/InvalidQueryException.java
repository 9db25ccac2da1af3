package org.qarchive.search;

/**
 * A query the archive refuses, with a message fit to show the user (it never echoes the query
 * back).
 */
public final class InvalidQueryException extends IllegalArgumentException {
  public InvalidQueryException(String message) {
    super(message);
  }
}
