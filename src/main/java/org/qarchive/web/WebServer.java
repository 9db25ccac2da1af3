package org.qarchive.web;

import static org.qarchive.search.Html.escape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.qarchive.archive.EntryJson;
import org.qarchive.archive.Version;
import org.qarchive.index.IndexInfo;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.FacetCount;
import org.qarchive.search.InvalidQueryException;
import org.qarchive.search.SearchHit;
import org.qarchive.search.SearchLog;
import org.qarchive.search.SearchRequest;
import org.qarchive.search.SearchResult;
import org.qarchive.site.EmergencyTriggers;
import org.qarchive.site.SiteConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the archive: the server-rendered search and entry pages, the JSON API, the
 * embeddable search box, discovery files (OpenSearch, sitemap) and health and metrics, over one
 * {@link ArchiveSearcher} that is refreshed every second so new imports show up without a restart.
 */
public final class WebServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /** The sitemap protocol's limit for one file. */
  static final int SITEMAP_MAX_URLS = 50_000;

  private static final int RELATED = 5;
  private static final int MAX_SUGGEST_CHARS = 200;
  private static final String JSON_TYPE = "application/json; charset=utf-8";

  /**
   * A Host header we may echo into links: a name or IPv4 address, or a bracketed IPv6 one, with a
   * port.
   */
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

  private final ArchiveSearcher searcher;
  private final WebConfig config;
  private final SiteConfig site;
  private final Metrics metrics = new Metrics();
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final ScheduledExecutorService refresher;
  private final String csp;
  private final Map<String, Asset> assets = new LinkedHashMap<>();
  private final Semaphore searchSlots;
  private final SearchLog searchLog;
  private final AccessLog accessLog;
  private final TrustedProxies proxies;
  private final List<WebModule> modules = new java.util.ArrayList<>();
  private Javalin app;

  /** The server could not listen where it was told to; {@link #inUse} when the port was taken. */
  public static final class CannotListenException extends RuntimeException {
    private final boolean inUse;

    CannotListenException(String message, boolean inUse, Throwable cause) {
      super(message, cause);
      this.inUse = inUse;
    }

    /** Whether another process holds the port: worth retrying once it is gone. */
    public boolean inUse() {
      return inUse;
    }
  }

  /**
   * Largest request line and headers accepted: room for a 100 KB query, so it gets our helpful 400.
   */
  static final int MAX_REQUEST_HEADER_BYTES = 160 * 1024;

  /** How long a search waits for a free slot before the server answers 429. */
  private static final long SLOT_WAIT_MS = 2_000;

  /** Too many searches are running; answered with 429 and Retry-After. */
  private static final class TooBusyException extends RuntimeException {
    TooBusyException() {
      super("too many concurrent searches", null, false, false);
    }
  }

  /**
   * Runs a searching handler only when one of the limited search slots is free, so a burst of
   * expensive queries queues briefly and then gets a 429 instead of piling up threads and memory.
   */
  private io.javalin.http.Handler limited(io.javalin.http.Handler handler) {
    return ctx -> {
      if (!searchSlots.tryAcquire(SLOT_WAIT_MS, TimeUnit.MILLISECONDS)) {
        throw new TooBusyException();
      }
      try {
        handler.handle(ctx);
      } finally {
        searchSlots.release();
      }
    };
  }

  /** A static file we serve from the classpath. */
  private record Asset(String contentType, byte[] bytes) {}

  /** A server over {@code searcher}, which the caller keeps owning. */
  public WebServer(ArchiveSearcher searcher, WebConfig config) {
    this(searcher, config, Clock.systemUTC());
  }

  /**
   * A server that records settled searches (scrubbed of personal data) in {@code searchLog}, if not
   * null.
   */
  public WebServer(ArchiveSearcher searcher, WebConfig config, SearchLog searchLog) {
    this(searcher, config, Clock.systemUTC(), searchLog);
  }

  /** As above, with the clock that dates "published N years ago" notices. */
  public WebServer(ArchiveSearcher searcher, WebConfig config, Clock clock) {
    this(searcher, config, clock, null);
  }

  /**
   * As above, with the clock that dates "published N years ago" notices and an optional search log.
   */
  public WebServer(ArchiveSearcher searcher, WebConfig config, Clock clock, SearchLog searchLog) {
    this(searcher, config, clock, searchLog, null);
  }

  /** As above, with an optional access log, which this server then writes but does not close. */
  public WebServer(
      ArchiveSearcher searcher,
      WebConfig config,
      Clock clock,
      SearchLog searchLog,
      AccessLog accessLog) {
    this.searchLog = searchLog;
    this.accessLog = accessLog;
    this.searcher = Objects.requireNonNull(searcher, "searcher");
    this.config = Objects.requireNonNull(config, "config");
    this.proxies = TrustedProxies.parse(config.trustedProxies());
    this.clock = Objects.requireNonNull(clock, "clock");
    this.site =
        config.configDir() == null ? SiteConfig.defaults() : SiteConfig.in(config.configDir());
    this.searchSlots = new Semaphore(config.maxConcurrentSearches(), true);
    String ancestors =
        config.frameAncestors().isEmpty() ? "'none'" : String.join(" ", config.frameAncestors());
    this.csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors "
            + ancestors;
    assets.put("/static/app.css", new Asset("text/css; charset=utf-8", resource("/web/app.css")));
    assets.put(
        "/static/app.js", new Asset("text/javascript; charset=utf-8", resource("/web/app.js")));
    assets.put("/embed.js", new Asset("text/javascript; charset=utf-8", resource("/web/embed.js")));
    assets.put(
        "/openapi.yaml",
        new Asset("application/yaml; charset=utf-8", resource("/web/openapi.yaml")));
    // browsers ask for /favicon.ico on their own; our pages point at the SVG
    assets.put("/favicon.ico", new Asset("image/x-icon", resource("/web/favicon.ico")));
    assets.put("/favicon.svg", new Asset("image/svg+xml", resource("/web/favicon.svg")));
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "index-refresher");
              t.setDaemon(true);
              return t;
            });
  }

  /** Adds a module's routes (the staff admin); call before {@link #start()}. */
  public WebServer with(WebModule module) {
    modules.add(Objects.requireNonNull(module, "module"));
    return this;
  }

  /** Starts listening; returns this server. */
  public WebServer start() {
    app =
        Javalin.create(
            c -> {
              c.jetty.host = config.host();
              c.jetty.port = config.port();
              // long pasted questions and hostile URLs reach our own validation (a 400 that
              // explains) instead of
              // Jetty's bare 414; anything larger still gets a short, escaped error from Jetty
              c.jetty.modifyHttpConfiguration(
                  h -> h.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
              c.startup.showJavalinBanner = false;
              c.http.prefer405over404 = true;
              c.requestLogger.http(this::count);
              c.routes.before(this::headers);
              c.routes.get("/", limited(this::searchPage));
              c.routes.get("/qa/{id}", limited(this::entryPage));
              c.routes.get("/qa/{id}/archived", limited(this::archivedCopy));
              c.routes.get(
                  "/embed/demo",
                  ctx -> ctx.html(pages().embedDemo(base(ctx), config.corsOrigins())));
              c.routes.get("/api/search", limited(this::apiSearch));
              c.routes.get("/api/suggest", limited(this::apiSuggest));
              c.routes.get("/api/qa/{id}", this::apiEntry);
              c.routes.get("/api/facets", this::apiFacets);
              c.routes.get("/api/clinic", this::apiClinic);
              for (String path :
                  List.of(
                      "/api/search",
                      "/api/suggest",
                      "/api/qa/{id}",
                      "/api/facets",
                      "/api/clinic",
                      "/embed.js")) {
                c.routes.options(path, this::preflight);
              }
              c.routes.get("/healthz", this::health);
              c.routes.get("/metrics", this::metricsPage);
              c.routes.get("/opensearch.xml", this::openSearch);
              c.routes.get("/sitemap.xml", this::sitemap);
              c.routes.get("/robots.txt", this::robots);
              assets.forEach((path, asset) -> c.routes.get(path, ctx -> serve(ctx, asset)));
              modules.forEach(m -> m.addRoutes(c.routes));
              c.routes.exception(
                  TooBusyException.class,
                  (e, ctx) -> {
                    ctx.header("Retry-After", "1");
                    fail(ctx, 429, "Too many searches at once. Please try again in a moment.");
                  });
              c.routes.exception(
                  InvalidQueryException.class, (e, ctx) -> fail(ctx, 400, e.getMessage()));
              c.routes.exception(
                  BadParameterException.class, (e, ctx) -> fail(ctx, 400, e.getMessage()));
              // Javalin's own mapper would echo the exception message unescaped: answer with our
              // pages instead
              c.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) -> fail(ctx, e.getStatus(), genericMessage(e.getStatus())));
              c.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("request {} failed", ctx.path(), e);
                    fail(ctx, 500, "Something went wrong on our side. Please try again.");
                  });
              for (int status : new int[] {404, 405, 500}) {
                c.routes.error(
                    status,
                    ctx -> {
                      if (ctx.result() == null || ctx.result().isEmpty()) {
                        fail(ctx, status, genericMessage(status));
                      }
                    });
              }
            });
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      throw cannotListen(e);
    }
    refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
    refresher.scheduleWithFixedDelay(this::maintainLogs, 1, 60, TimeUnit.MINUTES);
    return this;
  }

  /** Says in one line why the server could not listen, if that is what failed. */
  private RuntimeException cannotListen(RuntimeException e) {
    String where = config.host() + " port " + config.port();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JavalinBindException
          || (t instanceof BindException b && String.valueOf(b.getMessage()).contains("in use"))) {
        return new CannotListenException(
            where
                + " is already in use (another qarchive, or another server?): stop it, or choose"
                + " another with --port",
            true,
            e);
      }
      if (t instanceof BindException b) {
        return new CannotListenException(
            "cannot listen on " + where + ": " + b.getMessage(), false, e);
      }
    }
    return e;
  }

  /** Starts new days' log files and deletes old ones even when nobody searches. */
  private void maintainLogs() {
    try {
      if (searchLog != null) {
        searchLog.maintain();
      }
      if (accessLog != null) {
        accessLog.maintain();
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not rotate or clean up the logs", e);
    }
  }

  /** The search slots, so tests can occupy them. */
  Semaphore searchSlots() {
    return searchSlots;
  }

  /** The port actually listened on (useful with port 0). */
  public int port() {
    return app.port();
  }

  private void refreshQuietly() {
    try {
      searcher.refresh();
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not refresh the index; still serving the previous commit", e);
    }
    try {
      site.refresh();
    } catch (RuntimeException e) {
      LOG.warn("could not re-read the config folder; keeping the settings in force", e);
    }
  }

  /** The clinic's settings, re-read from the config folder when it changed. */
  SiteConfig site() {
    return site;
  }

  /** Pages in the clinic's voice as it is set now (staff may change it at any time). */
  private Pages pages() {
    SiteConfig.Settings s = site.current();
    return new Pages(config.siteName(), s.clinic(), s.facets());
  }

  // ---- cross-cutting: headers, CORS, metrics, errors

  private void headers(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    ctx.header("Content-Security-Policy", csp);
    if (isCorsPath(ctx.path())) {
      String origin = ctx.header("Origin");
      if (config.corsOrigins().contains("*")) {
        ctx.header("Access-Control-Allow-Origin", "*");
      } else {
        ctx.header("Vary", "Origin");
        if (origin != null && config.corsOrigins().contains(origin)) {
          ctx.header("Access-Control-Allow-Origin", origin);
        }
      }
    }
  }

  static boolean isCorsPath(String path) {
    return path.equals("/api/search")
        || path.equals("/api/suggest")
        || path.equals("/api/facets")
        || path.equals("/api/clinic")
        || path.startsWith("/api/qa/")
        || path.equals("/embed.js");
  }

  /** Answers a CORS preflight: only GET, only simple headers, never credentials. */
  private void preflight(Context ctx) {
    ctx.header("Allow", "GET, OPTIONS");
    if (ctx.res().getHeader("Access-Control-Allow-Origin") != null) {
      ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Accept, Content-Type");
      ctx.header("Access-Control-Max-Age", "600");
    }
    ctx.status(204);
  }

  private void count(Context ctx, Float ms) {
    Endpoint e = ctx.endpoints().lastHttpEndpoint();
    String route = e == null || e.path.equals("*") ? "unmatched" : e.path;
    metrics.record(ctx.method().name(), route, ctx.statusCode(), (long) (ms * 1_000_000L));
    if (accessLog != null) {
      try {
        accessLog.record(ctx.method().name(), ctx.path(), ctx.statusCode(), ms);
      } catch (IOException ex) {
        LOG.warn("could not write the access log {}", accessLog.file(), ex);
      }
    }
  }

  private static String genericMessage(int status) {
    return switch (status) {
      case 400 -> "That request was not understood.";
      case 404 -> "There is nothing at this address.";
      case 405 -> "This address does not accept that kind of request.";
      case 413, 414, 431 -> "That request was too large.";
      default ->
          status >= 500
              ? "Something went wrong on our side. Please try again."
              : "That request did not work.";
    };
  }

  private void fail(Context ctx, int status, String message) {
    ctx.status(status);
    if (ctx.path().startsWith("/api/")
        || ctx.path().equals("/healthz")
        || ctx.path().equals("/metrics")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", message);
      body.put("status", status);
      sendJson(ctx, status, body);
    } else {
      // the reader's words stay in the box, so a mistake costs no retyping
      String q = ctx.path().equals("/") || ctx.path().startsWith("/qa/") ? queryOrNull(ctx) : null;
      ctx.html(pages().error(status, message, q));
    }
  }

  /** The request's {@code q}, or null when it cannot be read. */
  private static String queryOrNull(Context ctx) {
    try {
      return ctx.queryParam("q");
    } catch (RuntimeException e) {
      return null; // a query string the server could not decode: nothing to keep
    }
  }

  /**
   * The public base URL: configured, or this request's scheme and (checked) Host, as a trusted
   * reverse proxy forwarded them ({@code X-Forwarded-Proto}, {@code X-Forwarded-Host}).
   */
  private String base(Context ctx) {
    if (config.publicUrl() != null) {
      return config.publicUrl();
    }
    String scheme = ctx.scheme();
    String host = Objects.requireNonNullElse(ctx.host(), "");
    if (proxies.trusts(ctx.req().getRemoteAddr())) {
      String proto = TrustedProxies.nearest(ctx.header("X-Forwarded-Proto"));
      if ("https".equals(proto) || "http".equals(proto)) {
        scheme = proto;
      }
      String forwarded = TrustedProxies.nearest(ctx.header("X-Forwarded-Host"));
      if (forwarded != null && HOST.matcher(forwarded).matches()) {
        host = forwarded;
      }
    }
    if (!HOST.matcher(host).matches()) {
      host = "localhost";
    }
    return ("https".equals(scheme) ? "https" : "http") + "://" + host;
  }

  // ---- pages

  private void searchPage(Context ctx) throws IOException {
    SearchParams p = SearchParams.from(ctx, Pages.PAGE_SIZE);
    SearchResult result = null;
    Map<String, List<FacetCount>> browse = Map.of();
    Map<String, String> similar = new LinkedHashMap<>();
    if (!p.q().isBlank() || p.hasFilters()) {
      result = searcher.search(p.toRequest());
      if (p.page() == 1) {
        logSearch(p.q(), result.total());
      }
      for (SearchHit h : result.hits()) {
        for (String id : h.similarIds()) {
          searcher.get(id).ifPresent(e -> similar.put(id, e.title()));
        }
      }
    }
    if (result == null || result.total() == 0) {
      browse = searcher.facets();
    }
    SiteConfig.Settings settings = site.current();
    EmergencyTriggers.Match emergency = settings.emergencies().detect(p.q());
    ctx.html(pages().search(base(ctx), p, result, browse, similar, emergency));
  }

  private void entryPage(Context ctx) throws IOException {
    String q = ctx.queryParam("q");
    var marked = searcher.getMarked(ctx.pathParam("id"), q, "1".equals(ctx.queryParam("exact")));
    if (marked.isEmpty()) {
      fail(ctx, 404, "There is no answer at this address. It may have been removed.");
      return;
    }
    List<SearchHit> related = searcher.related(ctx.pathParam("id"), RELATED);
    ArchivedCopy.Link original = ArchivedCopy.of(marked.get().entry(), config.archiveDir());
    ctx.html(pages().entry(base(ctx), marked.get(), q, related, LocalDate.now(clock), original));
  }

  /**
   * Our archived copy of an entry's original page, exactly as it was imported. It is somebody
   * else's HTML: a sandbox policy keeps its scripts, forms and plugins from running, and search
   * engines are asked to leave it alone.
   */
  private void archivedCopy(Context ctx) throws IOException {
    var entry = searcher.get(ctx.pathParam("id"));
    Path file = entry.isEmpty() ? null : ArchivedCopy.file(entry.get(), config.archiveDir());
    if (file == null) {
      fail(ctx, 404, "We have no archived copy of this post.");
      return;
    }
    ctx.header(
        "Content-Security-Policy",
        "sandbox; default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " frame-ancestors 'none'");
    ctx.header("X-Robots-Tag", "noindex");
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType("text/html").result(Files.readAllBytes(file));
  }

  private void logSearch(String q, long total) {
    if (searchLog == null || q.isBlank()) {
      return;
    }
    try {
      searchLog.record(q, total);
    } catch (IOException e) {
      LOG.warn("could not write the search log {}", searchLog.file(), e);
    }
  }

  private void serve(Context ctx, Asset asset) {
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }

  // ---- JSON API

  private void apiSearch(Context ctx) throws IOException {
    SearchParams p = SearchParams.from(ctx, 10);
    boolean instant = "1".equals(ctx.queryParam("instant"));
    SearchRequest request = p.toRequest();
    // counting facets visits every match; the as-you-type box shows none, and a caller may decline
    // them
    if (instant || "0".equals(ctx.queryParam("facets"))) {
      request = request.withoutFacets();
    }
    long start = System.nanoTime();
    SearchResult r = searcher.search(request);
    serverTiming(ctx, System.nanoTime() - start);
    if (p.page() == 1 && !instant) {
      // as-you-type searches (instant=1) would log every prefix; the settled searches are what
      // staff want to see
      logSearch(p.q(), r.total());
    }
    SiteConfig.Settings settings = site.current();
    byte[] body =
        SearchJson.write(
            r,
            p.page(),
            p.size(),
            base(ctx),
            p.exact() ? null : r.correctedQuery(),
            settings.facets(),
            settings.emergencies().detect(p.q()),
            settings.clinic());
    ctx.status(200).contentType(JSON_TYPE).result(body);
  }

  /**
   * States how long the search itself took (W3C Server-Timing, shown by browsers' developer tools),
   * so that a caller can tell the search from the network and the HTTP layer; {@code qarchive
   * bench} measures the HTTP overhead with it.
   */
  private static void serverTiming(Context ctx, long nanos) {
    long micros = nanos / 1_000;
    String fraction = Long.toString(1_000 + micros % 1_000).substring(1);
    ctx.header("Server-Timing", "search;dur=" + micros / 1_000 + "." + fraction);
  }

  private void apiSuggest(Context ctx) throws IOException {
    String q = Objects.requireNonNullElse(ctx.queryParam("q"), "");
    if (q.length() > MAX_SUGGEST_CHARS) {
      throw new BadParameterException("q", "is longer than " + MAX_SUGGEST_CHARS + " characters");
    }
    int max = SearchParams.intParam(ctx, "max", 8, 1, 20);
    sendJson(ctx, 200, Map.of("suggestions", searcher.suggest(q, max)));
  }

  private void apiEntry(Context ctx) throws IOException {
    var entry = searcher.get(ctx.pathParam("id"));
    if (entry.isEmpty()) {
      fail(ctx, 404, "no entry with this id");
      return;
    }
    var body = EntryJson.toNode(entry.get());
    body.put("archive_url", base(ctx) + "/qa/" + Pages.pathPart(entry.get().id()));
    sendJson(ctx, 200, body);
  }

  private void apiFacets(Context ctx) throws IOException {
    ctx.status(200)
        .contentType(JSON_TYPE)
        .result(SearchJson.writeFacets(searcher.facets(), site.current().facets()));
  }

  /**
   * The clinic's voice for the embeddable box: name, phone, links, disclaimer, emergency number.
   */
  private void apiClinic(Context ctx) throws IOException {
    ctx.header("Cache-Control", "public, max-age=60");
    ctx.status(200).contentType(JSON_TYPE).result(SearchJson.writeClinic(site.current().clinic()));
  }

  // ---- operations

  private void health(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    try {
      int n = searcher.count();
      body.put("status", "ok");
      body.put("entries", n);
      body.put("version", Version.current());
      sendJson(ctx, 200, body);
    } catch (IOException | RuntimeException e) {
      LOG.warn("health check failed", e);
      body.put("status", "unavailable");
      body.put("error", "the index cannot be read");
      sendJson(ctx, 503, body);
    }
  }

  private void metricsPage(Context ctx) throws IOException {
    Map<String, Double> gauges = new LinkedHashMap<>();
    Map<String, String> help = new LinkedHashMap<>();
    gauges.put("qarchive_index_documents", (double) searcher.count());
    help.put("qarchive_index_documents", "Entries in the searched commit.");
    if (config.indexDir() != null) {
      IndexInfo info = IndexInfo.read(config.indexDir());
      gauges.put("qarchive_index_size_bytes", (double) info.sizeBytes());
      help.put("qarchive_index_size_bytes", "Bytes the index takes on disk.");
      if (info.lastImport() != null) {
        try {
          gauges.put(
              "qarchive_last_import_timestamp_seconds",
              (double) Instant.parse(info.lastImport()).getEpochSecond());
          help.put(
              "qarchive_last_import_timestamp_seconds",
              "When the last import finished, in Unix seconds.");
        } catch (java.time.format.DateTimeParseException e) {
          LOG.warn("last import time in the index is not an ISO instant: {}", info.lastImport());
        }
      }
    }
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(metrics.render(gauges, help));
  }

  // ---- discovery

  private void openSearch(Context ctx) {
    String base = base(ctx);
    String shortName = config.siteName().length() <= 16 ? config.siteName() : "Doctor's answers";
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
            + "  <ShortName>"
            + escape(shortName)
            + "</ShortName>\n"
            + "  <Description>"
            + escape("Search " + config.siteName())
            + "</Description>\n"
            + "  <InputEncoding>UTF-8</InputEncoding>\n"
            + "  <Url type=\"text/html\" method=\"get\" template=\""
            + escape(base)
            + "/?q={searchTerms}\"/>\n"
            + "  <Url type=\"application/json\" method=\"get\" template=\""
            + escape(base)
            + "/api/search?q={searchTerms}\"/>\n"
            + "  <Url type=\"application/opensearchdescription+xml\" rel=\"self\" template=\""
            + escape(base)
            + "/opensearch.xml\"/>\n"
            + "</OpenSearchDescription>\n";
    ctx.contentType("application/opensearchdescription+xml; charset=utf-8").result(xml);
  }

  private void sitemap(Context ctx) throws IOException {
    String base = escape(base(ctx));
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    b.append("<url><loc>").append(base).append("/</loc></url>\n");
    int[] n = {0};
    searcher.forEachEntry(
        e -> {
          if (n[0]++ >= SITEMAP_MAX_URLS - 1) {
            return; // one sitemap file holds 50,000 URLs; a larger archive would need a sitemap
            // index
          }
          b.append("<url><loc>")
              .append(base)
              .append("/qa/")
              .append(escape(Pages.pathPart(e.id())))
              .append("</loc>");
          if (e.date() != null) {
            b.append("<lastmod>").append(e.date()).append("</lastmod>");
          }
          b.append("</url>\n");
        });
    b.append("</urlset>\n");
    ctx.contentType("application/xml; charset=utf-8").result(b.toString());
  }

  private void robots(Context ctx) {
    ctx.contentType("text/plain; charset=utf-8")
        .result("User-agent: *\nDisallow: /api/\nSitemap: " + base(ctx) + "/sitemap.xml\n");
  }

  private void sendJson(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType(JSON_TYPE).result(json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebServer.class.getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    if (app != null) {
      app.stop();
    }
  }
}
