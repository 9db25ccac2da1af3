package org.qarchive.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What an index on disk holds, read from its last commit: entry count, last import, source
 * fingerprint, size.
 *
 * @param exists whether a committed index is there
 * @param entries number of entries
 * @param lastImport ISO instant of the last completed import, or null
 * @param sourceFingerprint fingerprint of what was last imported, or null
 * @param schemaVersion the schema version the index was written with, or null
 * @param sizeBytes bytes on disk
 */
public record IndexInfo(
    boolean exists,
    int entries,
    String lastImport,
    String sourceFingerprint,
    String schemaVersion,
    long sizeBytes) {

  /**
   * Reads the info of the index at {@code dir}; an absent or empty folder gives {@code exists ==
   * false}.
   */
  public static IndexInfo read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new IndexInfo(false, 0, null, null, null, 0);
    }
    try (Directory d = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) {
        return new IndexInfo(false, 0, null, null, null, 0);
      }
      try (DirectoryReader r = DirectoryReader.open(d)) {
        Map<String, String> data = r.getIndexCommit().getUserData();
        return new IndexInfo(
            true,
            r.numDocs(),
            data.get(Fields.COMMIT_LAST_IMPORT),
            data.get(Fields.COMMIT_SOURCE_FINGERPRINT),
            data.get(Fields.COMMIT_SCHEMA_VERSION),
            sizeOf(dir));
      }
    }
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (java.nio.file.NoSuchFileException e) {
                  return 0; // merged away while we listed
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    }
  }
}
