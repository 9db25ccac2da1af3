package org.qarchive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.qarchive.importer.ImportOptions;
import org.qarchive.importer.Importer;
import org.qarchive.index.ArchiveWriter;

/**
 * The sample archive of {@code ../shared/data/sample-archive} (210 Q&As a patient would search the
 * way the issues describe), imported once per test run into a temporary index that the tests read
 * and never write.
 */
public final class SampleArchive {

  private static Path index;

  private SampleArchive() {}

  /** The sample archive's folder (a skip without {@code ../shared}, a failure in CI). */
  public static Path archive() {
    return SharedData.require("data/sample-archive");
  }

  /** A committed index of the sample archive, imported on the first call. */
  public static synchronized Path index() {
    Path archive = archive();
    if (index == null) {
      try {
        Path dir = Files.createTempDirectory("qarchive-sample-index");
        try (ArchiveWriter w = new ArchiveWriter(dir)) {
          new Importer(ImportOptions.defaults()).run(List.of(archive), w);
          w.commit(null);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        index = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return index;
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
