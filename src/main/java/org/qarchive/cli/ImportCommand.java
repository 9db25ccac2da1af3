package org.qarchive.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.qarchive.importer.ImportOptions;
import org.qarchive.importer.ImportReport;
import org.qarchive.importer.ThemeSelectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qarchive import}: archived pages (folders, files, zips, WARCs, JSON Lines exports) into
 * the index.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import archived blog pages into the index; importing again never duplicates.",
      "Reads folders (wget/HTTrack mirrors, Wayback downloads), single pages, .zip, .warc and .warc.gz"
          + " files, and JSON Lines written by 'qarchive export'."
    })
final class ImportCommand implements Callable<Integer> {

  @Mixin IndexOption index;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "What to import (default: import/).")
  List<Path> paths;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Also write the report as JSON, one row per file.")
  Path report;

  @Option(names = "--articles", description = "Also import pages without a Q&A as plain articles.")
  boolean articles;

  @Option(
      names = "--selectors",
      paramLabel = "FILE",
      description = "CSS selectors for a known theme.")
  Path selectors;

  @Option(
      names = "--full",
      description =
          "Read every file again, also those unchanged (same size and time) since the last import.")
  boolean full;

  @Option(
      names = "--reembed",
      description =
          "Also give every entry without a vector (meaning) one: for an index imported without the model, or by another.")
  boolean reembed;

  @Option(
      names = "--no-vectors",
      description = "Do not embed entries (faster; they are then found by their words only).")
  boolean noVectors;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<Path> inputs = paths == null || paths.isEmpty() ? List.of(Path.of("import")) : paths;
    for (Path p : inputs) {
      if (!Files.exists(p)) {
        throw new BadInputException("no such file or folder: " + p);
      }
    }
    if (selectors != null) {
      try {
        ThemeSelectors.load(selectors);
      } catch (IllegalArgumentException | java.io.IOException e) {
        throw new BadInputException(
            "cannot use the selectors file " + selectors + ": " + e.getMessage());
      }
    }
    ImportOptions options =
        new ImportOptions(
            articles, selectors, System.err, Runtime.getRuntime().availableProcessors());
    if (reembed && noVectors) {
      throw new BadInputException("--reembed and --no-vectors exclude each other");
    }
    ImportFlow.Vectors vectors =
        noVectors
            ? ImportFlow.Vectors.NONE
            : reembed ? ImportFlow.Vectors.REFILL : ImportFlow.Vectors.NEW;
    ImportReport r = ImportFlow.run(index.dir, inputs, options, full, vectors);
    PrintWriter out = spec.commandLine().getOut();
    out.print(r.summary());
    out.flush();
    if (report != null) {
      Files.writeString(report, r.toJson(), StandardCharsets.UTF_8);
    }
    if (ImportFlow.nothingUsable(r)) {
      spec.commandLine().getErr().println("qarchive: nothing could be imported from " + inputs);
      return Main.EXIT_DATA;
    }
    return 0;
  }
}
