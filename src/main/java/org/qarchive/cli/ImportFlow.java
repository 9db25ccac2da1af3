package org.qarchive.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.qarchive.importer.ImportOptions;
import org.qarchive.importer.ImportReport;
import org.qarchive.importer.Importer;
import org.qarchive.index.ArchiveWriter;

/** The whole import, top-down: fingerprint the inputs, walk and extract them, index the entries, commit, report. */
final class ImportFlow {

  private ImportFlow() {}

  static ImportReport run(Path indexDir, List<Path> inputs, ImportOptions options) throws IOException {
    String fingerprint = SourceFingerprint.of(inputs);
    try (ArchiveWriter writer = new ArchiveWriter(indexDir)) {
      ImportReport report = new Importer(options).run(inputs, writer);
      writer.commit(fingerprint);
      return report;
    }
  }

  /** True when the import found nothing it could use, so the command should fail. */
  static boolean nothingUsable(ImportReport report) {
    return report.imported() + report.updated() + report.unchanged() == 0;
  }
}
