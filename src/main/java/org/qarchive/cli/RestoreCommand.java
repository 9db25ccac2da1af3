package org.qarchive.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qarchive.index.IndexBackup;
import org.qarchive.index.IndexSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qarchive restore}: a backup becomes a new index folder; an existing one is never touched.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restore a backup as a new index folder, checked before it is used.",
      "The backup is one written by 'qarchive backup'; an existing index is never overwritten."
    })
final class RestoreCommand implements Callable<Integer> {

  @Mixin IndexOption index;

  @Parameters(index = "0", paramLabel = "DIR", description = "The backup folder.")
  Path from;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(from)) {
      throw new BadInputException("no backup folder at " + from);
    }
    long start = System.nanoTime();
    IndexBackup.Result r = new IndexBackup().restore(from, index.dir);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "Restored %s into %s in %.1f s%n",
        BackupCommand.describe(r),
        r.dir(),
        (System.nanoTime() - start) / 1e9);
    IndexSchema.Verdict v = IndexSchema.DEFAULT.judge(r.schema(), index.dir);
    if (v.support() != IndexSchema.Support.CURRENT) {
      out.println("Note: " + v.advice());
    }
    out.println("Serve it with: qarchive serve --index " + index.dir);
    return 0;
  }
}
