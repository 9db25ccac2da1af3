package org.qarchive.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.qarchive.bench.BenchCommand;
import org.qarchive.bench.SoakCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code qarchive} command line: wires the importer, index, search and web together. */
@Command(
    name = "qarchive",
    mixinStandardHelpOptions = true,
    version = "qarchive 0.1.0",
    description = "A full-text searchable archive of a doctor's Q&A blog.",
    subcommands = {
      ImportCommand.class,
      ServeCommand.class,
      SearchCommand.class,
      ExtractCommand.class,
      ExportCommand.class,
      EvalCommand.class,
      StatsCommand.class,
      SoakCommand.class,
      SearchesCommand.class,
      UserCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** sysexits: the command was used wrongly. */
  public static final int EXIT_USAGE = 64;

  /** sysexits: the input data was bad. */
  public static final int EXIT_DATA = 65;

  /** sysexits: an internal error. */
  public static final int EXIT_SOFTWARE = 70;

  /** sysexits: an input/output error, e.g. the disk filled up while writing the index. */
  public static final int EXIT_IOERR = 74;

  /** sysexits: try again later, e.g. another import holds the index. */
  public static final int EXIT_TEMPFAIL = 75;

  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  public static void main(String[] args) {
    // Lucene logs through java.util.logging that it could run faster with the incubating vector
    // module; that is advice for operators, not something a user of the command line should read
    // on every run.
    LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(
        run(
            args,
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs the command line with the given output streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(
        (e, badArgs) -> {
          CommandLine c = e.getCommandLine();
          c.getErr().println("qarchive: " + e.getMessage());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
          return EXIT_USAGE;
        });
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof BadInputException) {
            commandLine.getErr().println("qarchive: " + e.getMessage());
            return EXIT_DATA;
          }
          if (e instanceof org.qarchive.index.ArchiveWriter.IndexBusyException) {
            commandLine.getErr().println("qarchive: " + e.getMessage());
            return EXIT_TEMPFAIL;
          }
          if (e instanceof java.io.IOException) {
            commandLine.getErr().println("qarchive: input/output error: " + e.getMessage());
            commandLine
                .getErr()
                .println(
                    "qarchive: the index still holds its last completed import; fix the cause"
                        + " (disk space, permissions) and run the command again");
            return EXIT_IOERR;
          }
          commandLine.getErr().println("qarchive: internal error: " + e);
          e.printStackTrace(commandLine.getErr());
          return EXIT_SOFTWARE;
        });
    return cl.execute(args);
  }
}
