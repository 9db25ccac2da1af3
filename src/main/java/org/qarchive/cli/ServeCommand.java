package org.qarchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.qarchive.archive.Version;
import org.qarchive.embedding.Embedder;
import org.qarchive.importer.ImportOptions;
import org.qarchive.importer.ImportReport;
import org.qarchive.index.Analysis;
import org.qarchive.index.EntryEdits;
import org.qarchive.index.IndexInfo;
import org.qarchive.index.IndexSchema;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.DailyLog;
import org.qarchive.search.RankingMode;
import org.qarchive.search.SearchLog;
import org.qarchive.search.SearchRequest;
import org.qarchive.search.Synonyms;
import org.qarchive.site.SiteConfig;
import org.qarchive.web.AccessLog;
import org.qarchive.web.WebConfig;
import org.qarchive.web.WebServer;
import org.qarchive.web.admin.PasswordHash;
import org.qarchive.web.admin.StaffAccounts;
import org.qarchive.web.admin.StaffAdmin;
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
      names = "--access-log",
      paramLabel = "FILE",
      defaultValue = "logs/access.log",
      description =
          "Where requests are logged: time, method, path without the query string, status,"
              + " milliseconds (default: ${DEFAULT-VALUE}).")
  Path accessLogFile;

  @Option(names = "--no-access-log", description = "Do not log requests.")
  boolean noAccessLog;

  @Option(
      names = "--log-days",
      paramLabel = "N",
      defaultValue = "" + DailyLog.DEFAULT_KEEP_DAYS,
      description =
          "Days the search and access logs are kept, a new file each day (default:"
              + " ${DEFAULT-VALUE}); what patients searched for is kept no longer.")
  int logDays;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "ADDR",
      split = ",",
      description =
          "Reverse proxies (IP addresses or CIDR ranges, e.g. 127.0.0.1) whose X-Forwarded-Proto"
              + " and X-Forwarded-Host are believed; from anyone else they are ignored.")
  List<String> trustedProxies;

  @Option(
      names = "--ranking",
      defaultValue = "HYBRID",
      description =
          "LEXICAL (by words only) or HYBRID (by words and meaning, with the embedding model shipped in the jar) (default: ${DEFAULT-VALUE}).")
  RankingMode ranking;

  @Option(
      names = "--no-admin",
      description = "Serve without the staff pages at /admin (sign-in, uploads, corrections).")
  boolean noAdmin;

  @Option(
      names = "--max-upload-mb",
      paramLabel = "MB",
      defaultValue = "1024",
      description =
          "Largest archive staff may upload at /admin, in MB (default: ${DEFAULT-VALUE}).")
  long maxUploadMb;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    WebConfig config = webConfig();
    if (logDays < 1) {
      throw new BadInputException("--log-days must be at least 1, not " + logDays);
    }
    if (!noImport) {
      importIfChanged(out);
    }
    if (!IndexInfo.read(index.dir).exists()) {
      throw new BadInputException(
          "no index at " + index.dir + " and nothing to import; run 'qarchive import PATH'");
    }
    index.requireSearchable(spec.commandLine().getErr());
    if (maxUploadMb < 1) {
      throw new BadInputException("--max-upload-mb must be at least 1");
    }
    for (Path written : SiteConfig.writeMissingDefaults(configDir)) {
      out.println("Wrote the default " + written + "; edit it to set the clinic's details");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    EntryEdits edits = EntryEdits.open(index.dir);
    try (SearchLog log = noSearchLog ? null : new SearchLog(searchLogFile, logDays);
        AccessLog access = noAccessLog ? null : new AccessLog(accessLogFile, logDays);
        Embedder embedder =
            ranking == RankingMode.HYBRID ? ImportFlow.loadModel(System.err) : null;
        ArchiveSearcher searcher =
            new ArchiveSearcher(index.dir, synonymsAtStart(), edits, embedder, ranking);
        StaffSide staff = noAdmin ? null : new StaffSide(index.dir, config, edits, searcher)) {
      warmUp(searcher);
      try (WebServer server =
          withStaff(new WebServer(searcher, config, Clock.systemUTC(), log, access), staff)
              .start()) {
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "shutdown"));
        out.printf(
            Locale.ROOT,
            "qarchive %s serving %d entries at http://localhost:%d (ranking: %s)%n",
            Version.current(),
            searcher.count(),
            server.port(),
            embedder == null ? RankingMode.LEXICAL.label() : ranking.label());
        if (staff != null) {
          int accounts = new StaffAccounts(index.dir, new PasswordHash()).list().size();
          out.printf(
              Locale.ROOT,
              "Staff sign in at http://localhost:%d/admin%s%n",
              server.port(),
              accounts == 0 ? " (no staff account yet: ./qarchive user add NAME)" : "");
        }
        out.flush();
        stopped.await();
      }
    }
    return 0;
  }

  /**
   * Runs a few searches before the server listens: loading the classes of query parsing, ranking,
   * snippets, facets and suggestions took a fresh JVM past a search's 200 ms budget on a busy
   * machine, so the first search after a start found nothing.
   */
  static void warmUp(ArchiveSearcher searcher) throws IOException {
    for (String q : List.of("swelling after surgery", "\"botox\" -filler OR scar", "swelin")) {
      searcher.search(SearchRequest.of(q));
      searcher.search(SearchRequest.of(q).withoutFacets());
    }
    searcher.suggest("swe", 8);
    searcher.facets();
  }

  private static WebServer withStaff(WebServer server, StaffSide staff) {
    return staff == null ? server : server.with(staff.admin);
  }

  /**
   * The staff side and what it owns: a searcher that also sees hidden entries (opened on first
   * use), and the admin's background work.
   */
  private final class StaffSide implements AutoCloseable {
    final StaffAdmin admin;
    private final Path dir;
    private final ArchiveSearcher publicSearcher;
    private ArchiveSearcher staffSearcher;

    StaffSide(Path dir, WebConfig config, EntryEdits edits, ArchiveSearcher publicSearcher)
        throws java.io.IOException {
      this.dir = dir;
      this.publicSearcher = publicSearcher;
      this.admin =
          new StaffAdmin(
              new StaffAdmin.Setup(
                  dir,
                  config.siteName(),
                  config.publicUrl(),
                  maxUploadMb * 1024 * 1024,
                  edits,
                  this::staffSearcher,
                  this::refresh,
                  (inputs, control, history, runId, source, by) ->
                      ImportFlow.run(
                          dir,
                          inputs,
                          new ImportOptions(
                                  false, null, null, Runtime.getRuntime().availableProcessors())
                              .withControl(control),
                          false,
                          history,
                          runId,
                          source,
                          by),
                  new StaffSynonyms(this),
                  java.time.Clock.systemUTC()),
              configDir);
    }

    synchronized ArchiveSearcher staffSearcher() {
      if (staffSearcher == null) {
        try {
          staffSearcher = ArchiveSearcher.seeingHidden(dir, publicSearcher.synonyms());
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return staffSearcher;
    }

    /** Both searchers search with {@code next} from their next search on. */
    synchronized void useSynonyms(Synonyms next) {
      publicSearcher.useSynonyms(next);
      if (staffSearcher != null) {
        staffSearcher.useSynonyms(next);
      }
    }

    void refresh() throws java.io.IOException {
      publicSearcher.refresh();
      ArchiveSearcher s;
      synchronized (this) {
        s = staffSearcher;
      }
      if (s != null) {
        s.refresh();
      }
    }

    @Override
    public void close() throws java.io.IOException {
      admin.close();
      synchronized (this) {
        if (staffSearcher != null) {
          staffSearcher.close();
        }
      }
    }
  }

  /**
   * The synonyms the server starts with: the list staff saved in the index folder, else those in
   * force (the {@code qarchive.synonyms} file or the shipped list).
   */
  private Synonyms synonymsAtStart() throws java.io.IOException {
    Path staffFile = index.dir.resolve(StaffAdmin.SYNONYMS_FILE);
    if (!noAdmin && java.nio.file.Files.exists(staffFile)) {
      try {
        return Synonyms.parse(
            java.nio.file.Files.readString(staffFile, java.nio.charset.StandardCharsets.UTF_8),
            Analysis.DEFAULT,
            staffFile.toString());
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
    }
    return Synonyms.load(null, Analysis.DEFAULT);
  }

  /** The synonym list staff edit at /admin/synonyms. */
  private final class StaffSynonyms implements StaffAdmin.SynonymsInUse {
    private final StaffSide side;

    StaffSynonyms(StaffSide side) {
      this.side = side;
    }

    @Override
    public Text current() {
      Path staffFile = index.dir.resolve(StaffAdmin.SYNONYMS_FILE);
      try {
        if (java.nio.file.Files.exists(staffFile)) {
          return new Text(
              java.nio.file.Files.readString(staffFile, java.nio.charset.StandardCharsets.UTF_8),
              "the list saved by staff");
        }
        String property = System.getProperty(Synonyms.PROPERTY);
        if (property != null && !property.isBlank()) {
          return new Text(
              java.nio.file.Files.readString(
                  Path.of(property), java.nio.charset.StandardCharsets.UTF_8),
              property);
        }
        try (var in = Synonyms.class.getResourceAsStream(Synonyms.RESOURCE)) {
          return new Text(
              new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
              "the list shipped with qarchive");
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void use(String text) {
      Synonyms next =
          text == null
              ? Synonyms.load(null, Analysis.DEFAULT)
              : Synonyms.parse(text, Analysis.DEFAULT, "the list saved by staff");
      side.useSynonyms(next);
    }
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
              index.dir,
              WebConfig.DEFAULT_MAX_CONCURRENT_SEARCHES,
              trustedProxies == null ? List.of() : trustedProxies)
          .withConfigDir(configDir)
          // the pages imported from the import folder are served as the originals' archived copies
          .withArchiveDir(Files.isDirectory(importDir) ? importDir : null);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /**
   * Imports the import folder when the index is missing or older than the folder; an index of a
   * schema this version must not write into is left to {@code qarchive reindex}.
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
    } else if (!IndexSchema.DEFAULT.judge(info.schemaVersion(), index.dir).writable()) {
      return false; // an index this version must not write into takes a reindex: call() says so
    } else if (!SourceFingerprint.of(inputs).equals(info.sourceFingerprint())) {
      reason = importDir + " changed";
    } else {
      return false;
    }
    out.println("Importing " + importDir + " (" + reason + ") ...");
    out.flush();
    org.qarchive.importer.ImportHistory history =
        new org.qarchive.importer.ImportHistory(index.dir);
    ImportReport r =
        ImportFlow.run(
            index.dir,
            inputs,
            new ImportOptions(false, null, System.err, Runtime.getRuntime().availableProcessors()),
            false,
            history,
            history.newId(),
            ImportFlow.describe(inputs),
            "automatic import when serve started");
    out.print(r.summary());
    out.flush();
    return true;
  }
}
