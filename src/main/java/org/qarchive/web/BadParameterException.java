package org.qarchive.web;

/** A request parameter that is not valid; answered with 400 and a message naming the parameter. */
final class BadParameterException extends IllegalArgumentException {
  BadParameterException(String name, String problem) {
    super("parameter '" + name + "' " + problem);
  }
}
