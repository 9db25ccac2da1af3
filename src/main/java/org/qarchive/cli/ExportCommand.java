package org.qarchive.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.qarchive.archive.EntryJson;
import org.qarchive.index.IndexInfo;
import org.qarchive.search.ArchiveSearcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code qarchive export}: every entry as JSON Lines on stdout; {@code qarchive import} reads it
 * back.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write every entry as JSON Lines to standard output (backups, moving to another install).")
final class ExportCommand implements Callable<Integer> {

  @Mixin IndexOption index;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!IndexInfo.read(index.dir).exists()) {
      throw new BadInputException("no index at " + index.dir);
    }
    index.requireSearchable(spec.commandLine().getErr());
    BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    try (ArchiveSearcher searcher = new ArchiveSearcher(index.dir)) {
      searcher.forEachEntry(
          e -> {
            try {
              out.write(EntryJson.toLine(e));
              out.write('\n');
            } catch (IOException ex) {
              throw new UncheckedIOException(ex);
            }
          });
    }
    out.flush();
    return 0;
  }
}
