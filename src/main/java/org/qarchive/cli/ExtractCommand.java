package org.qarchive.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qarchive.archive.EntryJson;
import org.qarchive.archive.QaEntry;
import org.qarchive.importer.MainContentExtractor;
import org.qarchive.importer.PageExtractor;
import org.qarchive.importer.PageResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qarchive extract}: shows what the importer takes from each page, as one JSON line per
 * file.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Show what the importer takes from each page, one JSON line per file (a debugging tool; writes nothing).",
      "With --body, print only the main text found: {\"file\": ..., \"body\": ...}.",
      "With --benchmark-json, print one JSON object {id: {\"articleBody\": ...}} (id = file name without"
          + " .html/.htm/.gz), the shape tools/extraction-score reads."
    })
final class ExtractCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Archived pages.")
  List<Path> files;

  @Option(
      names = "--body",
      description = "Print the main text the content extractor finds, for scoring.")
  boolean body;

  @Option(
      names = "--benchmark-json",
      description =
          "With the main text of each file, write one JSON object keyed by file name, for scoring tools.")
  boolean benchmarkJson;

  @Option(names = "--articles", description = "Treat pages without a Q&A as plain articles.")
  boolean articles;

  @Option(
      names = "--index",
      hidden = true,
      description = "Accepted for symmetry; extract never touches the index.")
  Path index;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ObjectMapper mapper = new ObjectMapper();
    PageExtractor pages = new PageExtractor(articles, org.qarchive.importer.ThemeSelectors.NONE);
    MainContentExtractor content = new MainContentExtractor();
    int unreadable = 0;
    ObjectNode benchmark = mapper.createObjectNode();
    for (Path file : files) {
      ObjectNode o = mapper.createObjectNode();
      o.put("file", file.toString());
      byte[] bytes;
      try {
        if (Files.size(file) > PageExtractor.MAX_PAGE_BYTES) {
          throw new java.io.IOException("larger than " + PageExtractor.MAX_PAGE_BYTES + " bytes");
        }
        bytes = Files.readAllBytes(file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
          bytes = gunzip(bytes);
        }
      } catch (java.io.IOException e) {
        o.put("error", "cannot read: " + e.getMessage());
        // the benchmark object must stay valid JSON, so its read errors go to stderr
        (benchmarkJson ? spec.commandLine().getErr() : out).println(mapper.writeValueAsString(o));
        unreadable++;
        continue;
      }
      if (benchmarkJson) {
        String id = file.getFileName().toString().replaceFirst("(?i)(\\.html?)?(\\.gz)?$", "");
        benchmark.putObject(id).put("articleBody", content.extract(bytes));
        continue;
      } else if (body) {
        o.put("body", content.extract(bytes));
      } else {
        PageResult r = pages.extract(bytes, file.toString(), null);
        o.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
        o.put("canonical_url", r.canonicalUrl());
        o.put("capture_time", r.captureTime() == null ? null : r.captureTime().toString());
        o.put("reason", r.reason());
        o.put("masked_pii", r.maskedPii());
        ArrayNode entries = o.putArray("entries");
        for (QaEntry e : r.entries()) {
          entries.add(mapper.readTree(EntryJson.toLine(e)));
        }
      }
      out.println(mapper.writeValueAsString(o));
    }
    if (benchmarkJson) {
      out.println(mapper.writeValueAsString(benchmark));
    }
    out.flush();
    return unreadable == files.size() ? Main.EXIT_DATA : 0;
  }

  /**
   * A gzipped page (as saved by some crawlers), bounded like any page so a gzip bomb stops at the
   * limit.
   */
  private static byte[] gunzip(byte[] gz) throws java.io.IOException {
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      byte[] b = in.readNBytes(PageExtractor.MAX_PAGE_BYTES + 1);
      if (b.length > PageExtractor.MAX_PAGE_BYTES) {
        throw new java.io.IOException(
            "expands to more than " + PageExtractor.MAX_PAGE_BYTES + " bytes");
      }
      return b;
    }
  }
}
