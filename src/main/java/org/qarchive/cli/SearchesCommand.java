package org.qarchive.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qarchive.search.SearchLog;
import org.qarchive.search.SearchLog.QueryCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qarchive searches}: what patients searched for most, and what found nothing, for the
 * clinic's staff.
 */
@Command(
    name = "searches",
    mixinStandardHelpOptions = true,
    description = {
      "Show the most frequent searches and the searches that found nothing, from the server's search log.",
      "The log holds no e-mail addresses, phone numbers or names: they are removed before anything is written."
    })
final class SearchesCommand implements Callable<Integer> {

  @Option(
      names = "--log",
      paramLabel = "FILE",
      defaultValue = "logs/searches.tsv",
      description =
          "The search log; its earlier days' files beside it are read too (default:"
              + " ${DEFAULT-VALUE}).")
  Path log;

  @Option(
      names = "--top",
      defaultValue = "20",
      description = "How many of each to show (default: ${DEFAULT-VALUE}).")
  int top;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(log)) {
      throw new BadInputException(
          "no search log at " + log + " yet; 'qarchive serve' writes it as patients search");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (SearchLog searchLog = SearchLog.reader(log)) {
      print(out, "Most frequent searches", searchLog.topQueries(top));
      out.println();
      print(out, "Searches that found nothing", searchLog.zeroResultQueries(top));
    }
    return 0;
  }

  private static void print(PrintWriter out, String heading, List<QueryCount> rows) {
    out.println(heading);
    if (rows.isEmpty()) {
      out.println("  (none)");
    }
    for (QueryCount c : rows) {
      out.printf(Locale.ROOT, "  %6d  %s%n", c.count(), c.query());
    }
  }
}
