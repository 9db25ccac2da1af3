package org.qarchive.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.qarchive.archive.QaEntry;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.InvalidQueryException;
import org.qarchive.search.SearchHit;
import org.qarchive.search.SearchRequest;
import org.qarchive.search.SearchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the archive: the server-rendered search and entry pages, the JSON API and health checks, over
 * one {@link ArchiveSearcher} that is refreshed every second so new imports show up without a restart.
 */
public final class WebServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final ArchiveSearcher searcher;
  private final WebConfig config;
  private final Pages pages;
  private final ObjectMapper json = new ObjectMapper();
  private final ScheduledExecutorService refresher;
  private final byte[] css;
  private Javalin app;

  /** A server over {@code searcher}, which the caller keeps owning. */
  public WebServer(ArchiveSearcher searcher, WebConfig config) {
    this.searcher = Objects.requireNonNull(searcher, "searcher");
    this.config = Objects.requireNonNull(config, "config");
    this.pages = new Pages(config.siteName());
    this.css = resource("/web/app.css");
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "index-refresher");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts listening; returns this server. */
  public WebServer start() {
    app =
        Javalin.create(
            c -> {
              c.jetty.host = config.host();
              c.jetty.port = config.port();
              c.startup.showJavalinBanner = false;
              c.routes.before(this::securityHeaders);
              c.routes.get("/", this::searchPage);
              c.routes.get("/qa/{id}", this::entryPage);
              c.routes.get("/api/search", this::apiSearch);
              c.routes.get("/api/qa/{id}", this::apiEntry);
              c.routes.get("/healthz", this::health);
              c.routes.get("/static/app.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(css));
              c.routes.exception(InvalidQueryException.class, (e, ctx) -> fail(ctx, 400, e.getMessage()));
              c.routes.exception(BadParameterException.class, (e, ctx) -> fail(ctx, 400, e.getMessage()));
              c.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("request {} failed", ctx.path(), e);
                    fail(ctx, 500, "Something went wrong on our side. Please try again.");
                  });
              c.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                  fail(ctx, 404, "Not found.");
                }
              });
            });
    app.start();
    refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
    return this;
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
  }

  private void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    ctx.header("Content-Security-Policy", CSP);
    if (ctx.path().startsWith("/api/")) {
      String origin = ctx.header("Origin");
      if (origin != null && config.corsOrigins().contains("*")) {
        ctx.header("Access-Control-Allow-Origin", "*");
      } else if (origin != null && config.corsOrigins().contains(origin)) {
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
      }
    }
  }

  private void searchPage(Context ctx) throws IOException {
    String q = Objects.requireNonNullElse(ctx.queryParam("q"), "");
    SearchResult result = null;
    if (!q.isBlank()) {
      result = searcher.search(new SearchRequest(q, intParam(ctx, "page", 1, 1, SearchRequest.MAX_PAGE), 10,
          SearchRequest.Sort.RELEVANCE));
    }
    ctx.html(pages.search(q, result));
  }

  private void entryPage(Context ctx) throws IOException {
    String q = ctx.queryParam("q");
    var marked = searcher.getMarked(ctx.pathParam("id"), q);
    if (marked.isEmpty()) {
      fail(ctx, 404, "There is no answer with this address. It may have been removed.");
      return;
    }
    ctx.html(pages.entry(marked.get(), q));
  }

  private void apiSearch(Context ctx) throws IOException {
    String q = Objects.requireNonNullElse(ctx.queryParam("q"), "");
    int page = intParam(ctx, "page", 1, 1, SearchRequest.MAX_PAGE);
    int size = intParam(ctx, "size", 10, 1, SearchRequest.MAX_SIZE);
    SearchRequest.Sort sort = sortParam(ctx);
    SearchResult r = searcher.search(new SearchRequest(q, page, size, sort));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", r.total());
    body.put("took_ms", r.tookMs());
    body.put("page", page);
    body.put("size", size);
    body.put("hits", r.hits().stream().map(WebServer::hitJson).toList());
    sendJson(ctx, 200, body);
  }

  private static Map<String, Object> hitJson(SearchHit h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", h.id());
    m.put("url", h.url());
    m.put("title", h.title());
    m.put("date", h.date());
    m.put("answered_by", h.answeredBy());
    m.put("question", h.questionSnippet());
    m.put("answer", h.answerSnippet());
    return m;
  }

  private void apiEntry(Context ctx) throws IOException {
    var entry = searcher.get(ctx.pathParam("id"));
    if (entry.isEmpty()) {
      fail(ctx, 404, "no entry with this id");
      return;
    }
    sendJson(ctx, 200, entryJson(entry.get()));
  }

  /** The export format's keys, shared by the API's entry view. */
  static Map<String, Object> entryJson(QaEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("url", e.url());
    m.put("title", e.title());
    m.put("question", e.question());
    m.put("asker_location", e.askerLocation());
    m.put("answer", e.answer());
    m.put("answered_by", e.answeredBy());
    m.put("credentials", e.credentials());
    m.put("date", e.date() == null ? null : e.date().toString());
    m.put("categories", e.categories());
    m.put("tags", e.tags());
    m.put("source_file", e.sourceFile());
    return m;
  }

  private void health(Context ctx) throws IOException {
    sendJson(ctx, 200, Map.of("status", "ok", "entries", searcher.count()));
  }

  private static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw new BadParameterException(name, "must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, "must be a whole number between " + min + " and " + max);
    }
  }

  private static SearchRequest.Sort sortParam(Context ctx) {
    String v = ctx.queryParam("sort");
    if (v == null || v.isBlank() || v.equals("relevance")) {
      return SearchRequest.Sort.RELEVANCE;
    }
    if (v.equals("date")) {
      return SearchRequest.Sort.DATE;
    }
    throw new BadParameterException("sort", "must be 'relevance' or 'date'");
  }

  private void fail(Context ctx, int status, String message) {
    ctx.status(status);
    if (ctx.path().startsWith("/api/") || ctx.path().equals("/healthz")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", message);
      if (status == 400) {
        body.put("status", 400);
      }
      sendJson(ctx, status, body);
    } else {
      ctx.html(pages.error(status, message));
    }
  }

  private void sendJson(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json; charset=utf-8").result(json.writeValueAsString(body));
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
