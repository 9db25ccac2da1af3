package org.qarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.qarchive.importer.ImportOptions;
import org.qarchive.importer.ImportReport;
import org.qarchive.importer.ImportState;
import org.qarchive.importer.Importer;
import org.qarchive.index.ArchiveWriter;
import org.qarchive.index.Fields;

/**
 * The whole import, top-down: fingerprint the inputs, recall what the last import saw, walk and
 * extract what changed, index the entries, commit, remember what this import saw, report.
 */
final class ImportFlow {

  private ImportFlow() {}

  static ImportReport run(Path indexDir, List<Path> inputs, ImportOptions options)
      throws IOException {
    return run(indexDir, inputs, options, false);
  }

  /**
   * @param full read every file, even those unchanged since the last import
   */
  static ImportReport run(Path indexDir, List<Path> inputs, ImportOptions options, boolean full)
      throws IOException {
    String fingerprint = SourceFingerprint.of(inputs);
    Path stateFile = indexDir.resolve(ImportState.FILE_NAME);
    try (ArchiveWriter writer = new ArchiveWriter(indexDir)) {
      ImportState previous =
          full ? ImportState.empty() : ImportState.load(stateFile, stateKey(writer, options));
      Importer importer = new Importer(options);
      ImportReport report = importer.run(inputs, writer, previous);
      writer.commit(fingerprint);
      importer.lastState().save(stateFile, stateKey(writer, options));
      return report;
    }
  }

  /**
   * What a saved state is valid for: the index commit it was written after, the schema, and the
   * options that change what extraction makes of a page (with other options every file must be read
   * again).
   */
  private static String stateKey(ArchiveWriter writer, ImportOptions options) throws IOException {
    String selectors = "none";
    if (options.themeSelectors() != null) {
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(options.themeSelectors()));
        selectors = HexFormat.of().formatHex(digest, 0, 8);
      } catch (NoSuchAlgorithmException e) {
        throw new AssertionError("SHA-256 is always available", e);
      }
    }
    String version = ImportFlow.class.getPackage().getImplementationVersion();
    return "commit="
        + writer.lastCommit()
        + " schema="
        + Fields.SCHEMA_VERSION
        + " version="
        + version
        + " articles="
        + options.importArticles()
        + " selectors="
        + selectors;
  }

  /** True when the import found nothing it could use, so the command should fail. */
  static boolean nothingUsable(ImportReport report) {
    return report.imported() + report.updated() + report.unchanged() == 0;
  }
}
