package org.qarchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.qarchive.index.IndexSchema;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option every subcommand shares. */
public final class IndexOption {
  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "index",
      description = "Index folder (default: ${DEFAULT-VALUE}).")
  public Path dir;

  /**
   * Checks that this version searches the index right: an older schema it still searches gets a
   * warning on {@code err} that says what a reindex would add; one it cannot, or a newer one, fails
   * with the command to run.
   */
  public void requireSearchable(PrintWriter err) throws IOException {
    IndexSchema.Verdict v = IndexSchema.DEFAULT.judge(dir);
    if (!v.searchable()) {
      throw new IndexSchema.SchemaException(v);
    }
    if (v.support() != IndexSchema.Support.CURRENT) {
      err.println("qarchive: warning: " + v.advice());
      err.flush();
    }
  }
}
