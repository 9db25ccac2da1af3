package org.qarchive.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code qarchive} command line: wires the importer, index, search and web together. */
@Command(
    name = "qarchive",
    mixinStandardHelpOptions = true,
    version = "qarchive 0.1.0",
    description = "A full-text searchable archive of a doctor's Q&A blog.",
    subcommands = {


      SearchCommand.class,
      EvalCommand.class,


      StatsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** sysexits: the command was used wrongly. */
  public static final int EXIT_USAGE = 64;
  /** sysexits: the input data was bad. */
  public static final int EXIT_DATA = 65;
  /** sysexits: an internal error. */
  public static final int EXIT_SOFTWARE = 70;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
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
          commandLine.getErr().println("qarchive: internal error: " + e);
          e.printStackTrace(commandLine.getErr());
          return EXIT_SOFTWARE;
        });
    return cl.execute(args);
  }
}
