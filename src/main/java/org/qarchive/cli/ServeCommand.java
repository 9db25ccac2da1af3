package org.qarchive.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.qarchive.embedding.Embedder;
import org.qarchive.importer.ImportOptions;
import org.qarchive.importer.ImportReport;
import org.qarchive.index.Fields;
import org.qarchive.index.IndexInfo;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.RankingMode;
import org.qarchive.search.SearchLog;
import org.qarchive.site.SiteConfig;
import org.qarchive.web.WebConfig;
import org.qarchive.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qarchive serve}: imports the import folder when it changed, then serves the archive over
 * HTTP.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve the search page, JSON API and embeddable box; import the import folder first if it changed.")
final class ServeCommand implements Callable<Integer> {

  @Mixin IndexOption index;

  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description = "Interface to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--import-dir",
      paramLabel = "DIR",
      defaultValue = "import",
      description =
          "Folder imported when the index is missing or the folder changed (default: ${DEFAULT-VALUE}).")
  Path importDir;

  @Option(
      names = "--no-import",
      description = "Serve the index as it is, without checking the import folder.")
  boolean noImport;

  @Option(
      names = "--cors-origin",
      paramLabel = "ORIGIN",
      split = ",",
      defaultValue = "*",
      description =
          "Origins allowed to use the API and embed from a browser, e.g. https://clinic.example (default: *).")
  List<String> corsOrigins;

  @Option(
      names = "--frame-ancestor",
      paramLabel = "ORIGIN",
      split = ",",
      description =
          "Origins allowed to show our pages in a frame (CSP frame-ancestors; default: none).")
  List<String> frameAncestors;

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description =
          "The archive's public address, e.g. https://archive.example, for canonical links and the sitemap.")
  String publicUrl;

  @Option(
      names = "--site-name",
      paramLabel = "NAME",
      description = "The name shown in page titles.")
  String siteName;

  @Option(
      names = "--search-log",
      paramLabel = "FILE",
      defaultValue = "logs/searches.tsv",
      description =
          "Where searches are logged, scrubbed of personal data, for 'qarchive searches' (default: ${DEFAULT-VALUE}).")
  Path searchLogFile;

  @Option(names = "--no-search-log", description = "Do not log searches.")
  boolean noSearchLog;

  @Option(
      names = "--config-dir",
      paramLabel = "DIR",
      defaultValue = "config",
      description =
          "The clinic's settings staff edit (clinic.properties, emergency-triggers.txt,"
              + " facet-stoplist.txt), re-read on change; missing files are written with the"
              + " documented defaults (default: ${DEFAULT-VALUE}).")
  Path configDir;

  @Option(
      names = "--ranking",
      defaultValue = "HYBRID",
      description =
          "LEXICAL (by words only) or HYBRID (by words and meaning, with the embedding model shipped in the jar) (default: ${DEFAULT-VALUE}).")
  RankingMode ranking;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!noImport) {
      importIfChanged(out);
    }
    if (!IndexInfo.read(index.dir).exists()) {
      throw new BadInputException(
          "no index at " + index.dir + " and nothing to import; run 'qarchive import PATH'");
    }
    for (Path written : SiteConfig.writeMissingDefaults(configDir)) {
      out.println("Wrote the default " + written + "; edit it to set the clinic's details");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (SearchLog log = noSearchLog ? null : new SearchLog(searchLogFile);
        Embedder embedder =
            ranking == RankingMode.HYBRID ? ImportFlow.loadModel(System.err) : null;
        ArchiveSearcher searcher = new ArchiveSearcher(index.dir, null, embedder, ranking);
        WebServer server = new WebServer(searcher, webConfig(), log).start()) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "shutdown"));
      out.printf(
          Locale.ROOT,
          "Serving %d entries at http://localhost:%d (ranking: %s)%n",
          searcher.count(),
          server.port(),
          embedder == null ? RankingMode.LEXICAL.label() : ranking.label());
      out.flush();
      stopped.await();
    }
    return 0;
  }

  private WebConfig webConfig() {
    try {
      return new WebConfig(
              host,
              port,
              corsOrigins,
              siteName,
              frameAncestors == null ? List.of() : frameAncestors,
              publicUrl,
              index.dir)
          .withConfigDir(configDir)
          // the pages imported from the import folder are served as the originals' archived copies
          .withArchiveDir(Files.isDirectory(importDir) ? importDir : null);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /**
   * Imports the import folder when the index is missing, from another schema, or older than the
   * folder.
   */
  boolean importIfChanged(PrintWriter out) throws Exception {
    if (!Files.isDirectory(importDir)) {
      return false;
    }
    IndexInfo info = IndexInfo.read(index.dir);
    List<Path> inputs = List.of(importDir);
    String reason;
    if (!info.exists()) {
      reason = "no index yet";
    } else if (!Fields.SCHEMA_VERSION.equals(info.schemaVersion())) {
      reason = "the index was written by another version";
    } else if (!SourceFingerprint.of(inputs).equals(info.sourceFingerprint())) {
      reason = importDir + " changed";
    } else {
      return false;
    }
    out.println("Importing " + importDir + " (" + reason + ") ...");
    out.flush();
    ImportReport r =
        ImportFlow.run(
            index.dir,
            inputs,
            new ImportOptions(false, null, System.err, Runtime.getRuntime().availableProcessors()));
    out.print(r.summary());
    out.flush();
    return true;
  }
}
