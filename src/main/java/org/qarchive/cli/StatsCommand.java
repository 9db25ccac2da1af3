package org.qarchive.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qarchive.index.IndexInfo;
import org.qarchive.index.IndexSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qarchive stats}: what the index holds. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Show entries, last import, index size and schema.")
final class StatsCommand implements Callable<Integer> {

  @Mixin IndexOption index;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    IndexInfo info = IndexInfo.read(index.dir);
    PrintWriter out = spec.commandLine().getOut();
    if (!info.exists()) {
      throw new BadInputException("no index at " + index.dir + "; run 'qarchive import' first");
    }
    out.printf(Locale.ROOT, "index:       %s%n", index.dir.toAbsolutePath().normalize());
    out.printf(Locale.ROOT, "entries:     %d%n", info.entries());
    out.printf(
        Locale.ROOT, "last import: %s%n", info.lastImport() == null ? "never" : info.lastImport());
    out.printf(Locale.ROOT, "index size:  %.1f MB%n", info.sizeBytes() / 1e6);
    IndexSchema.Verdict v = IndexSchema.DEFAULT.judge(info.schemaVersion(), index.dir);
    out.printf(
        Locale.ROOT,
        "schema:      %s%s%n",
        info.schemaVersion() == null ? "none recorded" : info.schemaVersion(),
        v.support() == IndexSchema.Support.CURRENT ? " (current)" : "");
    if (v.support() != IndexSchema.Support.CURRENT) {
      out.println(v.advice());
    }
    return 0;
  }
}
