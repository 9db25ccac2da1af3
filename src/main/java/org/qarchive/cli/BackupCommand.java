package org.qarchive.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qarchive.index.IndexBackup;
import org.qarchive.index.IndexInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qarchive backup}: a consistent copy of the live index, safe while serving and importing.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the live index into a new folder, safe while serving and importing.",
      "Copies the last commit and the files kept beside it, and checks the copy with Lucene's"
          + " CheckIndex; 'qarchive restore' brings it back."
    })
final class BackupCommand implements Callable<Integer> {

  @Mixin IndexOption index;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "The backup folder to create; it must not exist yet, or be empty.")
  Path to;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!IndexInfo.read(index.dir).exists()) {
      throw new BadInputException("no index at " + index.dir + " to back up");
    }
    long start = System.nanoTime();
    IndexBackup.Result r = new IndexBackup().backup(index.dir, to);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "Backed up %s into %s in %.1f s%n",
        describe(r),
        r.dir(),
        (System.nanoTime() - start) / 1e9);
    out.println(
        "Checked with Lucene's CheckIndex. Restore with: qarchive restore "
            + r.dir()
            + " --index NEW_INDEX");
    return 0;
  }

  /** "47 entries (commit 3, schema 2, 0.1 MB, with import-state.tsv)". */
  static String describe(IndexBackup.Result r) {
    return String.format(
        Locale.ROOT,
        "%d %s (commit %d, schema %s, %.1f MB%s)",
        r.entries(),
        r.entries() == 1 ? "entry" : "entries",
        r.generation(),
        r.schema() == null ? "none" : r.schema(),
        r.bytes() / 1e6,
        r.sidecars().isEmpty() ? "" : ", with " + String.join(", ", r.sidecars()));
  }
}
