package org.qarchive.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option every subcommand shares. */
public final class IndexOption {
  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "index",
      description = "Index folder (default: ${DEFAULT-VALUE}).")
  public Path dir;
}
