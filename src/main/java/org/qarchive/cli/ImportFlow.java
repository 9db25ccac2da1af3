package org.qarchive.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.qarchive.embedding.Embedder;
import org.qarchive.importer.ImportControl;
import org.qarchive.importer.ImportHistory;
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
public final class ImportFlow {

  private ImportFlow() {}

  static ImportReport run(Path indexDir, List<Path> inputs, ImportOptions options)
      throws IOException {
    return run(indexDir, inputs, options, false, Vectors.NEW);
  }

  /** What an import does about entry vectors (meaning). */
  enum Vectors {
    /** Embed new and changed entries. */
    NEW,
    /** Embed new and changed entries, and every entry that has no vector of the shipped model. */
    REFILL,
    /** Embed nothing: entries without a vector are found by their words only. */
    NONE
  }

  /**
   * @param full read every file, even those unchanged since the last import
   * @param vectors which entries get a vector
   */
  static ImportReport run(
      Path indexDir, List<Path> inputs, ImportOptions options, boolean full, Vectors vectors)
      throws IOException {
    ImportHistory history = new ImportHistory(indexDir);
    return run(
        indexDir,
        inputs,
        options,
        full,
        vectors,
        history,
        history.newId(),
        describe(inputs),
        "command line");
  }

  /**
   * The import, recorded in the index's history as run {@code runId} of {@code source} by {@code
   * by}, new and changed entries getting their vector: its report when it completes, or how it
   * failed or that it was cancelled.
   */
  public static ImportReport run(
      Path indexDir,
      List<Path> inputs,
      ImportOptions options,
      boolean full,
      ImportHistory history,
      String runId,
      String source,
      String by)
      throws IOException {
    return run(indexDir, inputs, options, full, Vectors.NEW, history, runId, source, by);
  }

  /** As the public {@code run} with a choice of which entries get a vector ({@code vectors}). */
  static ImportReport run(
      Path indexDir,
      List<Path> inputs,
      ImportOptions options,
      boolean full,
      Vectors vectors,
      ImportHistory history,
      String runId,
      String source,
      String by)
      throws IOException {
    ImportHistory.Run run = history.begin(runId, source, by);
    try {
      ImportReport report = importAndCommit(indexDir, inputs, options, full, vectors);
      history.done(run, report);
      return report;
    } catch (ImportControl.CancelledException e) {
      history.ended(run, ImportHistory.Status.CANCELLED, "cancelled; nothing of it was committed");
      throw e;
    } catch (IOException | RuntimeException e) {
      history.ended(run, ImportHistory.Status.FAILED, e.getMessage());
      throw e;
    } finally {
      if (options.control() != null) {
        options.control().phase(ImportControl.Phase.FINISHED);
      }
    }
  }

  private static ImportReport importAndCommit(
      Path indexDir, List<Path> inputs, ImportOptions options, boolean full, Vectors vectors)
      throws IOException {
    String fingerprint = SourceFingerprint.of(inputs);
    Path stateFile = indexDir.resolve(ImportState.FILE_NAME);
    try (Embedder embedder = vectors == Vectors.NONE ? null : loadModel(options.progress());
        ArchiveWriter writer = new ArchiveWriter(indexDir, embedder)) {
      ImportState previous =
          full ? ImportState.empty() : ImportState.load(stateFile, stateKey(writer, options));
      Importer importer = new Importer(options);
      ImportReport report = importer.run(inputs, writer, previous);
      if (vectors == Vectors.REFILL && embedder != null) {
        writer.reembed(options.progress());
      }
      writer.commit(fingerprint);
      importer.lastState().save(stateFile, stateKey(writer, options));
      if (options.progress() != null) {
        options.progress().println(writer.embeddingSummary());
      }
      return report;
    }
  }

  /** The inputs as people name them: "archive.zip", "import/ and 2 more". */
  public static String describe(List<Path> inputs) {
    if (inputs.isEmpty()) {
      return "nothing";
    }
    Path first = inputs.get(0).getFileName();
    String name =
        (first == null ? inputs.get(0).toString() : first.toString())
            + (Files.isDirectory(inputs.get(0)) ? "/" : "");
    return inputs.size() == 1 ? name : name + " and " + (inputs.size() - 1) + " more";
  }

  /**
   * The embedding model, or null with a warning when this machine cannot run it (the import then
   * writes no vectors, and search stays lexical).
   */
  static Embedder loadModel(PrintStream warnings) {
    try {
      return Embedder.load();
    } catch (IOException e) {
      if (warnings != null) {
        warnings.println("warning: " + e.getMessage() + "; importing without vectors");
      }
      return null;
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
