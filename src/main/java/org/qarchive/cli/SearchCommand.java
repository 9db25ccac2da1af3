package org.qarchive.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qarchive.embedding.Embedder;
import org.qarchive.index.IndexInfo;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.RankingMode;
import org.qarchive.search.SearchHit;
import org.qarchive.search.SearchRequest;
import org.qarchive.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qarchive search}: ranked hits with snippets in the terminal, or JSON. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search the index from the terminal.")
final class SearchCommand implements Callable<Integer> {

  @Mixin IndexOption index;

  @Parameters(
      arity = "1..*",
      paramLabel = "QUERY",
      description = "What to search for, as a patient would type it.")
  List<String> words;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(
      names = "--page",
      defaultValue = "1",
      description = "Result page (default: ${DEFAULT-VALUE}).")
  int page;

  @Option(
      names = "--size",
      defaultValue = "10",
      description = "Hits per page (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--sort", defaultValue = "RELEVANCE", description = "RELEVANCE or DATE.")
  SearchRequest.Sort sort;

  @Option(
      names = "--exact",
      description = "Search the words as typed, without spelling correction.")
  boolean exact;

  @Option(
      names = "--synonyms",
      paramLabel = "FILE",
      description = "Synonyms file (Solr format) instead of the shipped one.")
  java.nio.file.Path synonyms;

  @Option(
      names = "--ranking",
      defaultValue = "HYBRID",
      description =
          "LEXICAL (by words only) or HYBRID (by words and meaning) (default: ${DEFAULT-VALUE}).")
  RankingMode ranking;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!IndexInfo.read(index.dir).exists()) {
      throw new BadInputException("no index at " + index.dir + "; run 'qarchive import' first");
    }
    index.requireSearchable(spec.commandLine().getErr());
    SearchRequest request;
    try {
      request = new SearchRequest(String.join(" ", words), page, size, sort, null, exact);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (synonyms != null && !java.nio.file.Files.isRegularFile(synonyms)) {
      throw new BadInputException("no synonyms file at " + synonyms);
    }
    try (Embedder embedder =
            ranking == RankingMode.HYBRID ? ImportFlow.loadModel(System.err) : null;
        ArchiveSearcher searcher = new ArchiveSearcher(index.dir, synonyms, embedder, ranking)) {
      SearchResult r = searcher.search(request);
      if (json) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", r.total());
        body.put("took_ms", r.tookMs());
        body.put("corrected_query", r.correctedQuery());
        body.put("relaxation", r.relaxation());
        body.put("ranking", r.ranking().label());
        body.put("hits", r.hits());
        out.println(new ObjectMapper().writeValueAsString(body));
        return 0;
      }
      if (r.correctedQuery() != null) {
        out.printf(
            Locale.ROOT,
            "Showing results for: %s (search instead for the words as typed with --exact)%n",
            r.correctedQuery());
      }
      if (r.relaxation() != SearchResult.Relaxation.NONE) {
        out.println(
            "No answer has all the words; showing answers with "
                + (r.relaxation() == SearchResult.Relaxation.MOST_WORDS ? "most" : "some")
                + " of them.");
      }
      out.printf(
          Locale.ROOT,
          "%d %s (%d ms, ranked %s)%n%n",
          r.total(),
          r.total() == 1 ? "answer" : "answers",
          r.tookMs(),
          r.ranking() == RankingMode.HYBRID ? "by words and meaning" : "by words");
      int rank = (page - 1) * size;
      for (SearchHit h : r.hits()) {
        out.printf(
            Locale.ROOT,
            "%d. %s%n   %s%s%n",
            ++rank,
            h.title(),
            h.date() == null ? "" : h.date() + "  ",
            "/qa/" + h.id());
        if (!h.questionSnippet().isBlank()) {
          out.println("   Q: " + Terminal.marks(h.questionSnippet()));
        }
        if (!h.answerSnippet().isBlank()) {
          out.println(
              (h.match() == SearchHit.Match.MEANING ? "   A (by meaning): " : "   A: ")
                  + Terminal.marks(h.answerSnippet()));
        }
        if (!h.similarIds().isEmpty()) {
          out.printf(
              Locale.ROOT,
              "   + %d similar question%s%n",
              h.similarIds().size(),
              h.similarIds().size() == 1 ? "" : "s");
        }
        out.println();
      }
    }
    return 0;
  }
}
