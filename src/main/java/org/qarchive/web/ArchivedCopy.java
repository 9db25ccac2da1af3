package org.qarchive.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qarchive.archive.QaEntry;

/**
 * Where a reader finds an entry's original post now that the blog may be gone: the Wayback
 * Machine's capture when the entry was imported from one, else our own copy of the archived page
 * (served from the folder it was imported from), else nothing.
 */
final class ArchivedCopy {

  /** Our copies larger than this are not served (a real blog page is well under it). */
  static final long MAX_BYTES = 8L * 1024 * 1024;

  /** A Wayback Machine path or URL: {@code web.archive.org/web/20160902192318/https://...}. */
  private static final Pattern WAYBACK =
      Pattern.compile("(?:^|.*/)web\\.archive\\.org/web/(\\d{4,14})(?:[a-z]{2}_)?/.*");

  private ArchivedCopy() {}

  /**
   * The entry's archived original.
   *
   * @param href where it is: a Wayback URL, or our path {@code /qa/{id}/archived}
   * @param wayback whether it is the Wayback Machine's capture (else our copy)
   * @param captured the capture's date as {@code yyyy-MM-dd} for a Wayback capture; else null
   */
  record Link(String href, boolean wayback, String captured) {}

  /** The link to the entry's archived original, or null when we have none. */
  static Link of(QaEntry e, Path archiveDir) {
    String source = e.sourceFile().replace('\\', '/');
    Matcher m = WAYBACK.matcher(source);
    if (m.matches() && (e.url().startsWith("http://") || e.url().startsWith("https://"))) {
      String ts = m.group(1);
      String captured =
          ts.length() >= 8
              ? ts.substring(0, 4) + "-" + ts.substring(4, 6) + "-" + ts.substring(6, 8)
              : null;
      // the canonical address rather than the mirror's file name: the Wayback Machine answers
      // with its capture nearest to the timestamp
      return new Link("https://web.archive.org/web/" + ts + "/" + e.url(), true, captured);
    }
    if (file(e, archiveDir) != null) {
      return new Link("/qa/" + Pages.pathPart(e.id()) + "/archived", false, null);
    }
    return null;
  }

  /**
   * Our copy of the entry's page: a regular file inside {@code archiveDir} (never outside it, even
   * through a link), or null.
   */
  static Path file(QaEntry e, Path archiveDir) {
    if (archiveDir == null || e.sourceFile().isBlank()) {
      return null;
    }
    String source = e.sourceFile();
    if (source.contains("!")) {
      return null; // a member of a .zip or a .warc record: not a file we can hand out
    }
    try {
      Path root = archiveDir.toRealPath();
      Path p = root.resolve(source).normalize();
      if (!p.startsWith(root) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
      Path real = p.toRealPath();
      return real.startsWith(root) && Files.size(real) <= MAX_BYTES ? real : null;
    } catch (IOException | InvalidPathException e2) {
      return null;
    }
  }
}
