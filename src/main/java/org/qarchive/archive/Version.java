package org.qarchive.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which qarchive this is: the pom's version, filtered into a resource by the build, so that {@code
 * --version}, {@code /healthz} and the tarball's name all say the same without a copy to keep in
 * step.
 */
public final class Version {

  private static final String CURRENT = load();

  private Version() {}

  /** The version of this build, e.g. {@code 0.1.0}. */
  public static String current() {
    return CURRENT;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the build");
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "");
      if (v.isBlank() || v.contains("${")) {
        // run from an IDE that copied the resource without filtering it
        return "unknown";
      }
      return v.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
