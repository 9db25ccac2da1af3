package org.qarchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qarchive.archive.Version;
import org.qarchive.bench.BenchCommand;
import org.qarchive.bench.SoakCommand;
import org.qarchive.index.ArchiveWriter.IndexBusyException;
import org.qarchive.index.IndexBackup;
import org.qarchive.index.IndexSchema;
import org.qarchive.web.WebServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The {@code qarchive} command line: wires the importer, index, search and web together. */
@Command(
    name = "qarchive",
    mixinStandardHelpOptions = true,
    // every subcommand inherits the version: 'qarchive serve --version' says it too
    scope = ScopeType.INHERIT,
    versionProvider = Main.VersionProvider.class,
    description = "A full-text searchable archive of a doctor's Q&A blog.",
    subcommands = {
      ImportCommand.class,
      ServeCommand.class,
      SearchCommand.class,
      ExtractCommand.class,
      ExportCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      ReindexCommand.class,
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

  /** sysexits: a service is unavailable, e.g. the server cannot listen where it was told to. */
  public static final int EXIT_UNAVAILABLE = 69;

  /** sysexits: an internal error. */
  public static final int EXIT_SOFTWARE = 70;

  /**
   * sysexits: an output file or folder cannot be created, e.g. a backup folder that is not empty.
   */
  public static final int EXIT_CANTCREAT = 73;

  /** sysexits: an input/output error, e.g. the disk filled up while writing the index. */
  public static final int EXIT_IOERR = 74;

  /** sysexits: try again later, e.g. another import holds the index. */
  public static final int EXIT_TEMPFAIL = 75;

  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final Logger LUCENE_VECTOR_LOG =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  /** What {@code --version} prints: qarchive's version, the index schema, Lucene and the JVM. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "qarchive " + Version.current(),
        "index schema " + IndexSchema.DEFAULT.current() + ", Lucene " + IndexSchema.luceneVersion(),
        "Java " + Runtime.version() + " at " + System.getProperty("java.home")
      };
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  public static void main(String[] args) {
    // Lucene logs through java.util.logging that it could run faster with the incubating vector
    // module; that is advice for operators, not something a user of the command line should read
    // on every run.
    LUCENE_VECTOR_LOG.setLevel(Level.SEVERE);
    System.exit(
        run(
            args,
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs the command line with the given output streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    // the docs write choices as words ("--ranking lexical", "--sort date"); the enums are upper
    // case
    cl.setCaseInsensitiveEnumValuesAllowed(true);
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
          if (e instanceof IndexBusyException) {
            commandLine.getErr().println("qarchive: " + e.getMessage());
            return EXIT_TEMPFAIL;
          }
          if (e instanceof IndexSchema.SchemaException
              || e instanceof IndexBackup.NotABackupException) {
            commandLine.getErr().println("qarchive: " + e.getMessage());
            return EXIT_DATA;
          }
          if (e instanceof IndexBackup.TargetExistsException) {
            commandLine.getErr().println("qarchive: " + e.getMessage());
            return EXIT_CANTCREAT;
          }
          if (e instanceof WebServer.CannotListenException c) {
            commandLine.getErr().println("qarchive: " + e.getMessage());
            return c.inUse() ? EXIT_TEMPFAIL : EXIT_UNAVAILABLE;
          }
          if (e instanceof IOException) {
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
