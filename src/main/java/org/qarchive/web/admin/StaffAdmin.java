package org.qarchive.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.qarchive.archive.QaEntry;
import org.qarchive.importer.ImportControl;
import org.qarchive.importer.ImportHistory;
import org.qarchive.index.EntryEdits;
import org.qarchive.index.EntryEdits.Edit;
import org.qarchive.index.EntryEdits.Field;
import org.qarchive.index.EntryEdits.Visibility;
import org.qarchive.index.StoredEntries;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.SearchHit;
import org.qarchive.search.SearchRequest;
import org.qarchive.search.SearchResult;
import org.qarchive.site.ConfigException;
import org.qarchive.site.SiteConfig;
import org.qarchive.web.WebModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff side at {@code /admin}: sign-in, uploading an archive and watching it import, the
 * import report and history, reviewing, correcting, hiding and deleting entries, the synonym list,
 * and the audit log. Every page needs a signed-in session; every request that changes something is
 * a POST from this origin carrying the session's CSRF token; everything staff do is written to the
 * audit log.
 */
public final class StaffAdmin implements WebModule, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StaffAdmin.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String SESSION_COOKIE = "qarchive_staff";
  static final String LOGIN_COOKIE = "qarchive_login";
  private static final int ENTRIES_PER_PAGE = 50;
  private static final int AUDIT_PER_PAGE = 100;
  private static final int MAX_SYNONYMS_CHARS = 2 * 1024 * 1024;
  private static final Set<String> OUTCOMES =
      Set.of(
          "",
          "imported",
          "unchanged",
          "duplicate",
          "listing",
          "feed",
          "search",
          "not_qa",
          "failed");

  /** How the search side takes a new synonym list without a restart. */
  public interface SynonymsInUse {
    /** The list in force, as text, and where it came from. */
    Text current();

    /**
     * Parses and puts {@code text} in force (null: the list the server started with).
     *
     * @throws IllegalArgumentException with a message for people when the text is not valid
     */
    void use(String text);

    /** A synonym list's text and where it came from. */
    record Text(String text, String source) {}
  }

  /**
   * What the admin works on.
   *
   * @param indexDir the index folder, where staff data lives too
   * @param siteName shown in page titles
   * @param publicUrl the archive's public address, or null (then cookies are Secure only on https)
   * @param maxUploadBytes the largest upload accepted
   * @param edits staff's corrections and hidden entries, shared with the public searcher
   * @param staffSearcher a searcher that sees every entry, hidden ones too (opened on first use)
   * @param afterChange makes the public search see a change at once
   * @param importer runs one import (the command line's flow, recorded in the history)
   * @param synonyms the search side's synonyms
   * @param clock for sessions and throttling
   */
  public record Setup(
      Path indexDir,
      String siteName,
      String publicUrl,
      long maxUploadBytes,
      EntryEdits edits,
      Supplier<ArchiveSearcher> staffSearcher,
      IndexWork.AfterChange afterChange,
      IndexWork.ImportRunner importer,
      SynonymsInUse synonyms,
      Clock clock) {
    public Setup {
      Objects.requireNonNull(indexDir, "indexDir");
      Objects.requireNonNull(edits, "edits");
      Objects.requireNonNull(staffSearcher, "staffSearcher");
      Objects.requireNonNull(afterChange, "afterChange");
      Objects.requireNonNull(importer, "importer");
      Objects.requireNonNull(synonyms, "synonyms");
      Objects.requireNonNull(clock, "clock");
      siteName = Objects.requireNonNullElse(siteName, "Ask the Doctor — answer archive");
      if (maxUploadBytes < 1) {
        throw new IllegalArgumentException("the upload limit must be positive");
      }
    }
  }

  /** The file staff's synonym list is kept in, inside the index folder. */
  public static final String SYNONYMS_FILE = "staff-synonyms.txt";

  private final Setup setup;
  private final Path indexDir;
  private final AdminPages pages;
  private final StaffAccounts accounts;
  private final Sessions sessions;
  private final SignInThrottle throttle;
  private final AuditLog audit;
  private final ImportHistory history;
  private final IndexWork work;
  private final UploadReceiver uploads = new UploadReceiver();
  private final Path incoming;
  private final byte[] css;
  private final byte[] js;

  /** The clinic's settings staff edit here, or null when the server has no config folder. */
  private final SiteConfig site;

  /** Password hashing is memory-hard: at most two at once, whatever arrives. */
  private final Semaphore hashing = new Semaphore(2, true);

  public StaffAdmin(Setup setup) throws IOException {
    this(setup, null);
  }

  /**
   * As above, and staff edit the clinic's settings in {@code configDir} (its voice, the emergency
   * phrases, the facet stop-list: {@link SiteConfig}); null for no such page.
   */
  public StaffAdmin(Setup setup, Path configDir) throws IOException {
    this.site = configDir == null ? null : SiteConfig.in(configDir);
    this.setup = setup;
    this.indexDir = setup.indexDir();
    this.pages = new AdminPages(setup.siteName());
    this.accounts = new StaffAccounts(indexDir, new PasswordHash());
    this.sessions = new Sessions(setup.clock());
    this.throttle = new SignInThrottle(setup.clock());
    this.audit = new AuditLog(indexDir);
    this.history = new ImportHistory(indexDir);
    this.incoming = indexDir.resolve(ImportHistory.FOLDER).resolve(".incoming");
    this.work = new IndexWork(indexDir, history, setup.importer(), setup.afterChange());
    this.css = resource("/web/admin.css");
    this.js = resource("/web/admin.js");
    sweepIncoming();
  }

  /** Deletes uploads a crash or kill left half-written: nothing half-written is kept. */
  private void sweepIncoming() throws IOException {
    if (!Files.isDirectory(incoming)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(incoming)) {
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = StaffAdmin.class.getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void addRoutes(RoutesConfig r) {
    r.before("/admin", this::headers);
    r.before("/admin/*", this::headers);
    r.get("/admin/static/admin.css", ctx -> asset(ctx, "text/css; charset=utf-8", css));
    r.get("/admin/static/admin.js", ctx -> asset(ctx, "text/javascript; charset=utf-8", js));
    r.get("/admin", this::start);
    r.post("/admin/sign-in", this::signIn);
    r.post("/admin/sign-out", action(this::signOut));
    r.post("/admin/imports", this::upload);
    r.get("/admin/imports", page(this::historyPage));
    r.get("/admin/imports/{id}", page(this::importPage));
    r.get("/admin/imports/{id}/report.json", page(this::reportJson));
    r.post("/admin/imports/{id}/cancel", action(this::cancel));
    r.post("/admin/imports/{id}/again", action(this::importAgain));
    r.get("/admin/api/imports/{id}", page(this::progressJson));
    r.get("/admin/entries", page(this::entriesPage));
    r.get("/admin/entries/{id}", page(this::entryPage));
    r.post("/admin/entries/{id}", action(this::correct));
    for (String what : List.of("hide", "unhide", "delete", "restore", "revert")) {
      r.post("/admin/entries/{id}/" + what, action((ctx, s) -> visibility(ctx, s, what)));
    }
    r.get("/admin/synonyms", page(this::synonymsPage));
    r.post("/admin/synonyms", action(this::saveSynonyms));
    r.post("/admin/synonyms/reset", action(this::resetSynonyms));
    if (site != null) {
      r.get("/admin/clinic", page(this::clinicPage));
      r.post("/admin/clinic/{file}", action(this::saveClinicFile));
    }
    r.get("/admin/audit", page(this::auditPage));
    r.get("/admin/*", page((ctx, s) -> notFound(ctx, s)));
  }

  // ---- cross-cutting: headers, sessions, CSRF

  private final String csp =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private void headers(Context ctx) {
    // never cached, never indexed, never framed (clickjacking), whatever the public pages allow
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Robots-Tag", "noindex, nofollow");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", csp);
    ctx.header("Referrer-Policy", "same-origin");
  }

  private static void asset(Context ctx, String type, byte[] bytes) {
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.contentType(type).result(bytes);
  }

  /** A handler for a signed-in staff member. */
  @FunctionalInterface
  interface StaffHandler {
    void handle(Context ctx, Sessions.Session session) throws Exception;
  }

  private Optional<Sessions.Session> session(Context ctx) {
    return sessions.find(
        ctx.cookie(SESSION_COOKIE),
        s -> {
          try {
            return accounts
                .find(s.user())
                .map(a -> a.stamp().equals(s.accountStamp()))
                .orElse(false);
          } catch (IOException e) {
            LOG.warn("cannot read the staff accounts", e);
            return false;
          }
        });
  }

  /** A page: without a session, the sign-in page's address (or 401 for the JSON API). */
  private Handler page(StaffHandler h) {
    return ctx -> {
      Optional<Sessions.Session> s = session(ctx);
      if (s.isEmpty()) {
        if (ctx.path().startsWith("/admin/api/")) {
          ctx.status(401).contentType("application/json; charset=utf-8");
          ctx.result("{\"error\":\"sign in first\",\"status\":401}");
        } else {
          ctx.redirect("/admin", HttpStatus.SEE_OTHER);
        }
        return;
      }
      h.handle(ctx, s.get());
    };
  }

  /**
   * A change: needs a session, a request from this origin, and the session's CSRF token; refused
   * with 403 before anything is read or written otherwise.
   */
  private Handler action(StaffHandler h) {
    return ctx -> {
      Optional<Sessions.Session> s = session(ctx);
      if (s.isEmpty()) {
        refuse(ctx, null, "Your session has ended. Sign in again, then repeat what you did.");
        return;
      }
      if (!sameOrigin(ctx)) {
        refuse(ctx, s.get(), "This request did not come from the archive's own pages.");
        return;
      }
      if (ctx.req().getContentLengthLong() > MAX_FORM_BYTES || !formReadable(ctx)) {
        dropBody(ctx);
        ctx.status(413)
            .html(
                pages.problem(
                    viewer(s.get()),
                    413,
                    "The form is too large",
                    "The server reads forms of up to "
                        + AdminPages.bytes(MAX_FORM_BYTES)
                        + "; nothing was changed. Shorten the text and save again.",
                    "/admin",
                    "Go to the staff start page"));
        return;
      }
      String token = ctx.header("X-CSRF-Token");
      if (token == null) {
        token = formParam(ctx, "csrf");
      }
      if (!Sessions.csrfMatches(s.get(), token)) {
        refuse(
            ctx,
            s.get(),
            "This form has expired or did not come from this session. Go back, reload the page"
                + " and try again.");
        return;
      }
      h.handle(ctx, s.get());
    };
  }

  private void refuse(Context ctx, Sessions.Session s, String message) {
    dropBody(ctx);
    ctx.status(403)
        .html(
            pages.problem(
                viewer(s), 403, "Not allowed", message, "/admin", "Go to the staff start page"));
  }

  /**
   * Reads and drops what is left of a refused request's body, when it is not larger than the drain
   * limit: answering and closing while the client still sends (an upload after the session ended, a
   * form too large) makes it see a reset connection instead of our page.
   */
  private static void dropBody(Context ctx) {
    if (ctx.req().getContentLengthLong() > UploadReceiver.DRAIN_LIMIT) {
      return;
    }
    try {
      UploadReceiver.drain(ctx.req().getInputStream());
    } catch (IOException | RuntimeException e) {
      // already read as a form, or the client went away: nothing left to drop
    }
  }

  private static AdminPages.Viewer viewer(Sessions.Session s) {
    return s == null ? null : new AdminPages.Viewer(s.user(), s.csrf());
  }

  /** The largest form the server reads (Jetty's limit for a posted form). */
  static final long MAX_FORM_BYTES = 200_000;

  private static boolean formReadable(Context ctx) {
    try {
      ctx.formParamMap();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A form field, or null; a form too large to read is treated as absent. */
  private static String formParam(Context ctx, String name) {
    try {
      return ctx.formParam(name);
    } catch (RuntimeException e) {
      return null; // larger than the server reads, or not a form: the caller refuses it
    }
  }

  /**
   * Whether a state-changing request comes from this archive's own pages: its Origin (or, without
   * one, its Referer) names this host, or the configured public address. A request with neither is
   * left to the CSRF token, which it must carry anyway.
   */
  boolean sameOrigin(Context ctx) {
    String from = ctx.header("Origin");
    if (from == null) {
      from = ctx.header("Referer");
    }
    if (from == null) {
      return true;
    }
    String authority;
    try {
      URI u = new URI(from);
      authority = u.getRawAuthority();
    } catch (URISyntaxException e) {
      return false;
    }
    if (authority == null) {
      return false; // "null" origins: sandboxed frames, file: pages
    }
    String host = ctx.header("Host");
    if (host != null && authority.equalsIgnoreCase(host)) {
      return true;
    }
    if (setup.publicUrl() != null) {
      try {
        return authority.equalsIgnoreCase(new URI(setup.publicUrl()).getRawAuthority());
      } catch (URISyntaxException e) {
        return false;
      }
    }
    return false;
  }

  private boolean secure(Context ctx) {
    return "https".equals(ctx.scheme())
        || setup.publicUrl() != null && setup.publicUrl().startsWith("https://");
  }

  private void setCookie(Context ctx, String name, String value, boolean clear) {
    StringBuilder c =
        new StringBuilder(name).append('=').append(value).append("; Path=/admin; HttpOnly");
    c.append("; SameSite=Strict");
    if (secure(ctx)) {
      c.append("; Secure");
    }
    if (clear) {
      c.append("; Max-Age=0");
    }
    ctx.res().addHeader("Set-Cookie", c.toString());
  }

  private void record(Context ctx, String user, String action, String target, String detail) {
    try {
      audit.record(user, ctx == null ? "" : ctx.ip(), action, target, detail);
    } catch (IOException e) {
      LOG.error("could not write the audit log: {} {} {}", user, action, target, e);
      throw new UncheckedIOException(e);
    }
  }

  // ---- sign-in

  private void start(Context ctx) throws Exception {
    Optional<Sessions.Session> s = session(ctx);
    if (s.isEmpty()) {
      signInPage(ctx, 200, null, null);
      return;
    }
    List<ImportHistory.Run> runs = history.list();
    long entries = 0;
    try {
      entries = setup.staffSearcher().get().count();
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot count the entries", e);
    }
    ctx.html(
        pages.start(
            viewer(s.get()),
            flash(ctx),
            work.current().orElse(null),
            runs,
            entries,
            setup.edits().notPublic().size(),
            setup.maxUploadBytes()));
  }

  private void signInPage(Context ctx, int status, String name, String problem) throws IOException {
    String token = ctx.cookie(LOGIN_COOKIE);
    if (token == null || token.length() != 43 || problem != null) {
      token = sessions.token();
      setCookie(ctx, LOGIN_COOKIE, token, false);
    }
    ctx.status(status).html(pages.signIn(token, name, problem, accounts.list().isEmpty()));
  }

  private void signIn(Context ctx) throws Exception {
    String cookie = ctx.cookie(LOGIN_COOKIE);
    String form = formParam(ctx, "login");
    if (!sameOrigin(ctx)
        || cookie == null
        || form == null
        || !MessageDigest.isEqual(
            cookie.getBytes(StandardCharsets.US_ASCII), form.getBytes(StandardCharsets.US_ASCII))) {
      signInPage(ctx, 403, null, "The sign-in form had expired. Please sign in again.");
      return;
    }
    String rawName = Objects.requireNonNullElse(formParam(ctx, "name"), "").strip();
    String password = Objects.requireNonNullElse(formParam(ctx, "password"), "");
    String name = rawName.toLowerCase(Locale.ROOT);
    boolean plausible;
    try {
      StaffAccounts.checkName(name);
      plausible = true;
    } catch (IllegalArgumentException e) {
      plausible = false;
    }
    String address = ctx.ip();
    Duration wait = throttle.wait(address, name);
    if (!wait.isZero()) {
      ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
      signInPage(
          ctx,
          429,
          rawName,
          "Too many wrong passwords. Wait "
              + AdminPages.human(wait.plusSeconds(1))
              + " before you try again.");
      return;
    }
    if (!hashing.tryAcquire(10, TimeUnit.SECONDS)) {
      ctx.header("Retry-After", "5");
      signInPage(ctx, 503, rawName, "The server is busy. Please try again in a moment.");
      return;
    }
    Optional<StaffAccounts.Account> account;
    char[] pw = password.toCharArray();
    try {
      account = accounts.verify(name, pw);
    } finally {
      hashing.release();
      StaffAccounts.wipe(pw);
    }
    if (account.isEmpty()) {
      throttle.failed(address, name);
      record(ctx, plausible ? name : "?", "sign-in failed", "", "wrong user name or password");
      signInPage(ctx, 401, rawName, "The user name or password is wrong.");
      return;
    }
    throttle.succeeded(address, name);
    sessions.end(ctx.cookie(SESSION_COOKIE)); // a new session id at every sign-in
    Sessions.Session s = sessions.begin(account.get().name(), account.get().stamp());
    setCookie(ctx, SESSION_COOKIE, s.id(), false);
    setCookie(ctx, LOGIN_COOKIE, "", true);
    record(ctx, s.user(), "sign-in", "", "");
    ctx.redirect("/admin", HttpStatus.SEE_OTHER);
  }

  private void signOut(Context ctx, Sessions.Session s) {
    sessions.end(s.id());
    setCookie(ctx, SESSION_COOKIE, "", true);
    record(ctx, s.user(), "sign-out", "", "");
    ctx.redirect("/admin", HttpStatus.SEE_OTHER);
  }

  // ---- flash messages: fixed texts chosen by a key in the address, never echoed input

  private static final Map<String, AdminPages.Flash> FLASHES =
      Map.ofEntries(
          Map.entry(
              "corrected", new AdminPages.Flash("The correction is saved and searchable.", false)),
          Map.entry(
              "corrected-after-import",
              new AdminPages.Flash(
                  "The correction is saved. An import is running; the correction reaches search"
                      + " when it ends.",
                  false)),
          Map.entry(
              "corrected-later",
              new AdminPages.Flash(
                  "The correction is saved. Another import holds the archive; the correction"
                      + " reaches search as soon as it ends.",
                  false)),
          Map.entry("unchanged", new AdminPages.Flash("Nothing was changed.", false)),
          Map.entry("hidden", new AdminPages.Flash("The entry is hidden from the public.", false)),
          Map.entry("unhidden", new AdminPages.Flash("The entry is public again.", false)),
          Map.entry(
              "deleted",
              new AdminPages.Flash("The entry is in the trash; restore it from here.", false)),
          Map.entry("restored", new AdminPages.Flash("The entry is restored.", false)),
          Map.entry(
              "reverted",
              new AdminPages.Flash(
                  "The corrections are taken back; the entry is as imported.", false)),
          Map.entry("cancelling", new AdminPages.Flash("Cancelling the import…", false)),
          Map.entry("synonyms", new AdminPages.Flash("The synonyms are saved and in use.", false)),
          Map.entry(
              "clinic",
              new AdminPages.Flash(
                  "Saved. Patients see it within a second, without a restart.", false)),
          Map.entry(
              "synonyms-reset",
              new AdminPages.Flash("The shipped synonym list is in use again.", false)));

  private static AdminPages.Flash flash(Context ctx) {
    String key = ctx.queryParam("done");
    return key == null ? null : FLASHES.get(key);
  }

  // ---- uploads and imports

  private void upload(Context ctx) throws Exception {
    Optional<Sessions.Session> found = session(ctx);
    if (found.isEmpty()) {
      refuse(ctx, null, "Your session has ended. Sign in again, then upload the file again.");
      return;
    }
    Sessions.Session s = found.get();
    if (!sameOrigin(ctx)) {
      refuse(ctx, s, "This request did not come from the archive's own pages.");
      return;
    }
    try {
      work.checkFree();
    } catch (IndexWork.Busy busy) {
      ctx.status(409).html(pages.busy(viewer(s), busy.running));
      return;
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > setup.maxUploadBytes() + 64 * 1024) {
      if (declared <= setup.maxUploadBytes() + UploadReceiver.DRAIN_LIMIT) {
        // read and drop it first, or the client may see a reset connection instead of the answer
        UploadReceiver.drain(ctx.req().getInputStream());
      }
      tooLarge(ctx, s);
      return;
    }
    Files.createDirectories(incoming);
    long usable = Files.getFileStore(incoming).getUsableSpace();
    if (declared > 0 && usable - declared < 64L * 1024 * 1024) {
      ctx.status(507)
          .html(
              pages.problem(
                  viewer(s),
                  507,
                  "Not enough disk space",
                  "The server has "
                      + AdminPages.bytes(usable)
                      + " free, too little for this file and the index it grows. Ask the"
                      + " administrator to free some space.",
                  "/admin",
                  "Back to the import page"));
      return;
    }
    UploadReceiver.Upload up;
    try {
      up =
          uploads.receive(
              ctx.req().getInputStream(),
              ctx.header("Content-Type"),
              setup.maxUploadBytes(),
              incoming,
              fields -> {
                if (!Sessions.csrfMatches(s, fields.get("csrf"))) {
                  throw new UploadReceiver.Refused(
                      403,
                      "This form has expired or did not come from this session. Reload the import"
                          + " page and upload the file again.");
                }
              });
    } catch (UploadReceiver.Refused r) {
      if (r.status == 413) {
        tooLarge(ctx, s);
      } else if (r.status == 403) {
        refuse(ctx, s, r.getMessage());
      } else {
        ctx.status(r.status)
            .html(
                pages.problem(
                    viewer(s),
                    r.status,
                    "The file was not imported",
                    r.getMessage(),
                    "/admin",
                    "Back to the import page"));
      }
      return;
    }
    String runId = history.newId();
    Path folder = history.folder(runId);
    Path kept = folder.resolve(up.name());
    try {
      Files.createDirectories(folder);
      Files.move(up.file(), kept, StandardCopyOption.ATOMIC_MOVE);
      org.qarchive.index.DurableFiles.syncFolder(folder);
    } catch (IOException e) {
      Files.deleteIfExists(up.file());
      throw e;
    }
    String detail = up.name() + " (" + AdminPages.bytes(up.size()) + ")";
    if (!startImport(ctx, s, runId, kept, up.name(), "upload", detail)) {
      // another upload won the race for the one import slot: this file is not kept
      Files.deleteIfExists(kept);
      Files.deleteIfExists(folder);
    }
  }

  private void tooLarge(Context ctx, Sessions.Session s) {
    ctx.header("Connection", "close");
    ctx.status(413)
        .html(
            pages.problem(
                viewer(s),
                413,
                "The file is too large",
                "The largest file the server accepts is "
                    + AdminPages.bytes(setup.maxUploadBytes())
                    + ". Nothing was kept. Split the archive into smaller zips and upload them one"
                    + " after the other (importing never makes duplicates), or ask the"
                    + " administrator to import it on the server with 'qarchive import'.",
                "/admin",
                "Back to the import page"));
  }

  /**
   * Starts importing {@code input} as run {@code runId}; returns false, having answered with the
   * busy page, when another import holds the slot.
   *
   * @param why what staff did to start it ("upload", "import again"), for the audit log
   * @param detail what the audit log says about it
   */
  private boolean startImport(
      Context ctx,
      Sessions.Session s,
      String runId,
      Path input,
      String source,
      String why,
      String detail) {
    try {
      work.start(
          runId,
          input,
          source,
          s.user(),
          (job, failure) -> {
            String what =
                failure == null
                    ? "import finished"
                    : failure instanceof ImportControl.CancelledException
                        ? "import cancelled"
                        : "import failed";
            try {
              audit.record(
                  job.by(),
                  "",
                  what,
                  "import:" + job.id(),
                  failure == null || failure instanceof ImportControl.CancelledException
                      ? job.source()
                      : job.source() + ": " + failure.getMessage());
            } catch (IOException e) {
              LOG.error("could not write the audit log after import {}", job.id(), e);
            }
          });
    } catch (IndexWork.Busy busy) {
      ctx.status(409).html(pages.busy(viewer(s), busy.running));
      return false;
    }
    record(ctx, s.user(), why, "import:" + runId, detail);
    record(ctx, s.user(), "import started", "import:" + runId, source);
    ctx.redirect("/admin/imports/" + runId, HttpStatus.SEE_OTHER);
    return true;
  }

  private void historyPage(Context ctx, Sessions.Session s) throws IOException {
    ctx.html(pages.history(viewer(s), history.list()));
  }

  private Optional<String> runId(Context ctx) {
    String id = ctx.pathParam("id");
    return ImportHistory.isId(id) ? Optional.of(id) : Optional.empty();
  }

  private void importPage(Context ctx, Sessions.Session s) throws IOException {
    Optional<String> id = runId(ctx);
    Optional<IndexWork.Job> running =
        work.current().filter(j -> id.isPresent() && j.id().equals(id.get()));
    if (running.isPresent()) {
      ctx.html(pages.running(viewer(s), flash(ctx), running.get()));
      return;
    }
    Optional<ImportHistory.Run> run = id.isEmpty() ? Optional.empty() : history.get(id.get());
    if (run.isEmpty()) {
      notFound(ctx, s);
      return;
    }
    JsonNode report = history.report(run.get().id()).map(StaffAdmin::readJson).orElse(null);
    String outcome = Objects.requireNonNullElse(ctx.queryParam("outcome"), "");
    if (!OUTCOMES.contains(outcome)) {
      outcome = "";
    }
    String contains = Objects.requireNonNullElse(ctx.queryParam("contains"), "");
    if (contains.length() > 200) {
      contains = contains.substring(0, 200);
    }
    ctx.html(
        pages.report(
            viewer(s),
            flash(ctx),
            run.get(),
            report,
            outcome,
            contains,
            intParam(ctx, "page", 1),
            upload(run.get().id()).isPresent()));
  }

  private static JsonNode readJson(byte[] b) {
    try {
      return JSON.readTree(b);
    } catch (IOException e) {
      return null;
    }
  }

  /** The file uploaded for run {@code id}, if it is still kept. */
  private Optional<Path> upload(String id) throws IOException {
    Path folder = history.folder(id);
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path f : files) {
        String n = f.getFileName().toString();
        if (!n.equals("run.json") && !n.startsWith("report.json") && Files.isRegularFile(f)) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }

  private void reportJson(Context ctx, Sessions.Session s) throws IOException {
    Optional<String> id = runId(ctx);
    Optional<byte[]> report = id.isEmpty() ? Optional.empty() : history.report(id.get());
    if (report.isEmpty()) {
      notFound(ctx, s);
      return;
    }
    ctx.header(
        "Content-Disposition", "attachment; filename=\"qarchive-import-" + id.get() + ".json\"");
    ctx.contentType("application/json; charset=utf-8").result(report.get());
  }

  private void progressJson(Context ctx, Sessions.Session s) throws IOException {
    Optional<String> id = runId(ctx);
    ObjectNode o = JSON.createObjectNode();
    Optional<IndexWork.Job> running =
        work.current().filter(j -> id.isPresent() && j.id().equals(id.get()));
    if (running.isPresent()) {
      ImportControl.Snapshot snap = running.get().control().snapshot();
      o.put("id", id.get());
      o.put("running", true); // until it is no longer the current import, its report not yet there
      o.put("phase", snap.phase().name().toLowerCase(Locale.ROOT));
      o.put("files", snap.files());
      o.put("planned_files", snap.plannedFiles());
      o.put("bytes_read", snap.bytesRead());
      o.put("planned_bytes", snap.plannedBytes());
      o.put("percent", Math.floor(snap.fraction() * 100));
      o.put("files_per_second", Math.round(snap.filesPerSecond() * 10) / 10.0);
      o.put("seconds_left", snap.left() == null ? null : snap.left().toSeconds());
      o.put("text", AdminPages.progressText(snap));
    } else {
      Optional<ImportHistory.Run> run = id.isEmpty() ? Optional.empty() : history.get(id.get());
      if (run.isEmpty()) {
        ctx.status(404).contentType("application/json; charset=utf-8");
        ctx.result("{\"error\":\"no such import\",\"status\":404}");
        return;
      }
      o.put("id", id.get());
      o.put("running", false);
      o.put("phase", "finished");
      o.put("status", AdminPages.status(run.get().status()));
      o.put("percent", 100);
      o.put("text", "Finished: " + AdminPages.status(run.get().status()) + ".");
    }
    ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(o));
  }

  private void cancel(Context ctx, Sessions.Session s) {
    Optional<String> id = runId(ctx);
    Optional<IndexWork.Job> running =
        work.current().filter(j -> id.isPresent() && j.id().equals(id.get()));
    if (running.isPresent()) {
      running.get().control().cancel();
      record(ctx, s.user(), "cancel import", "import:" + id.get(), running.get().source());
      ctx.redirect("/admin/imports/" + id.get() + "?done=cancelling", HttpStatus.SEE_OTHER);
    } else if (id.isPresent()) {
      ctx.redirect("/admin/imports/" + id.get(), HttpStatus.SEE_OTHER);
    } else {
      notFound(ctx, s);
    }
  }

  private void importAgain(Context ctx, Sessions.Session s) throws IOException {
    Optional<String> id = runId(ctx);
    Optional<Path> file = id.isEmpty() ? Optional.empty() : upload(id.get());
    if (file.isEmpty()) {
      notFound(ctx, s);
      return;
    }
    try {
      work.checkFree();
    } catch (IndexWork.Busy busy) {
      ctx.status(409).html(pages.busy(viewer(s), busy.running));
      return;
    }
    String runId = history.newId();
    String source = file.get().getFileName().toString();
    startImport(
        ctx,
        s,
        runId,
        file.get(),
        source,
        "import again",
        source + " (uploaded for " + id.get() + ")");
  }

  // ---- entries

  private void entriesPage(Context ctx, Sessions.Session s) throws IOException {
    String q = Objects.requireNonNullElse(ctx.queryParam("q"), "").strip();
    if (q.length() > 500) {
      q = q.substring(0, 500);
    }
    String show = Objects.requireNonNullElse(ctx.queryParam("show"), "all");
    if (!Set.of("all", "hidden", "deleted", "corrected").contains(show)) {
      show = "all";
    }
    int page = intParam(ctx, "page", 1);
    ArchiveSearcher staff = setup.staffSearcher().get();
    Map<String, Edit> edits = setup.edits().all();
    List<AdminPages.EntryRow> rows = new ArrayList<>();
    long total;
    int pageCount;
    if (show.equals("all")) {
      int p = Math.min(SearchRequest.MAX_PAGE, page);
      SearchResult r =
          staff.search(
              new SearchRequest(
                      q,
                      p,
                      ENTRIES_PER_PAGE,
                      q.isEmpty() ? SearchRequest.Sort.DATE : SearchRequest.Sort.RELEVANCE,
                      null,
                      true)
                  .withoutFacets());
      for (SearchHit h : r.hits()) {
        rows.add(
            new AdminPages.EntryRow(
                h.id(),
                h.title(),
                Objects.requireNonNullElse(h.date(), ""),
                Objects.requireNonNullElse(h.answeredBy(), ""),
                edits.get(h.id())));
        for (String similar : h.similarIds()) {
          staff.get(similar).ifPresent(e -> rows.add(row(e, edits.get(e.id()))));
        }
      }
      total = r.total();
      pageCount =
          (int)
              Math.min(
                  SearchRequest.MAX_PAGE,
                  Math.max(1, (total + ENTRIES_PER_PAGE - 1) / ENTRIES_PER_PAGE));
      page = p;
    } else {
      List<Edit> chosen = new ArrayList<>();
      String needle = q.toLowerCase(Locale.ROOT);
      for (Edit e : edits.values()) {
        boolean wanted =
            switch (show) {
              case "hidden" -> e.visibility() == Visibility.HIDDEN;
              case "deleted" -> e.visibility() == Visibility.DELETED;
              default -> !e.corrections().isEmpty();
            };
        if (wanted) {
          chosen.add(e);
        }
      }
      chosen.sort((a, b) -> b.at().compareTo(a.at()));
      List<AdminPages.EntryRow> all = new ArrayList<>();
      for (Edit e : chosen) {
        Optional<QaEntry> entry = staff.get(e.id());
        if (entry.isPresent()
            && (needle.isEmpty()
                || (entry.get().title()
                        + "\n"
                        + entry.get().question()
                        + "\n"
                        + entry.get().answer())
                    .toLowerCase(Locale.ROOT)
                    .contains(needle))) {
          all.add(row(entry.get(), e));
        }
      }
      total = all.size();
      pageCount = (int) Math.max(1, (total + ENTRIES_PER_PAGE - 1) / ENTRIES_PER_PAGE);
      page = Math.min(page, pageCount);
      rows.addAll(
          all.subList(
              (page - 1) * ENTRIES_PER_PAGE,
              (int) Math.min(total, (long) page * ENTRIES_PER_PAGE)));
    }
    ctx.html(pages.entries(viewer(s), flash(ctx), q, show, rows, total, page, pageCount));
  }

  private static AdminPages.EntryRow row(QaEntry e, Edit edit) {
    return new AdminPages.EntryRow(
        e.id(),
        e.title(),
        e.date() == null ? "" : e.date().toString(),
        Objects.requireNonNullElse(e.answeredBy(), ""),
        edit);
  }

  private Optional<StoredEntries.Stored> stored(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    if (id.isEmpty() || id.length() > 200) {
      return Optional.empty();
    }
    return StoredEntries.read(indexDir, id);
  }

  private void entryPage(Context ctx, Sessions.Session s) throws IOException {
    Optional<StoredEntries.Stored> st = stored(ctx);
    if (st.isEmpty()) {
      notFound(ctx, s);
      return;
    }
    QaEntry shown = st.get().shown();
    Map<Field, String> values = new EnumMap<>(Field.class);
    for (Field f : Field.values()) {
      values.put(f, f.valueIn(shown));
    }
    ctx.html(
        pages.entry(
            viewer(s),
            flash(ctx),
            shown,
            st.get().imported(),
            setup.edits().get(shown.id()),
            values));
  }

  /** Field limits: far beyond any real post, short enough that no form can bloat the index. */
  private static final Map<Field, Integer> MAX_CHARS =
      Map.of(
          Field.TITLE, 1_000,
          Field.QUESTION, 100_000,
          Field.ANSWER, 150_000,
          Field.DATE, 10,
          Field.ANSWERED_BY, 300,
          Field.CATEGORIES, 10_000,
          Field.TAGS, 10_000);

  private void correct(Context ctx, Sessions.Session s) throws IOException {
    Optional<StoredEntries.Stored> st = stored(ctx);
    if (st.isEmpty()) {
      notFound(ctx, s);
      return;
    }
    QaEntry imported = st.get().imported();
    String id = imported.id();
    Map<Field, String> typed = new EnumMap<>(Field.class);
    Map<Field, String> corrections = new EnumMap<>(Field.class);
    String problem = null;
    for (Field f : Field.values()) {
      String v = formParam(ctx, f.key());
      if (v == null) {
        v = f.valueIn(st.get().shown()); // a field the form did not send stays as it is
      }
      typed.put(f, v);
      if (v.length() > MAX_CHARS.get(f)) {
        problem =
            "The "
                + f.key().replace('_', ' ')
                + " is longer than "
                + MAX_CHARS.get(f)
                + " characters.";
        continue;
      }
      try {
        Edit probe = new Edit(id, Map.of(f, v), Visibility.PUBLIC, "", java.time.Instant.EPOCH);
        String normal = probe.corrections().get(f);
        String original =
            new Edit(
                    id,
                    Map.of(f, f.valueIn(imported)),
                    Visibility.PUBLIC,
                    "",
                    java.time.Instant.EPOCH)
                .corrections()
                .get(f);
        if (!normal.equals(original)) {
          corrections.put(f, normal);
        }
      } catch (IllegalArgumentException e) {
        problem = e.getMessage() + ".";
      }
    }
    Edit before = Objects.requireNonNullElse(setup.edits().get(id), EntryEdits.none(id));
    Edit after = before.withCorrections(corrections, s.user(), setup.clock().instant());
    if (problem == null) {
      try {
        after.apply(imported);
      } catch (IllegalArgumentException e) {
        problem = "An entry needs a question or an answer; both are empty now.";
      }
    }
    if (problem != null) {
      ctx.status(400)
          .html(
              pages.entry(
                  viewer(s),
                  new AdminPages.Flash("Not saved: " + problem, true),
                  st.get().shown(),
                  imported,
                  setup.edits().get(id),
                  typed));
      return;
    }
    if (after.corrections().equals(before.corrections())) {
      ctx.redirect(entryHref(id) + "?done=unchanged", HttpStatus.SEE_OTHER);
      return;
    }
    setup.edits().put(after);
    List<String> changed = new ArrayList<>();
    for (Field f : Field.values()) {
      if (!Objects.equals(after.corrections().get(f), before.corrections().get(f))) {
        changed.add(f.key());
      }
    }
    record(
        ctx,
        s.user(),
        corrections.isEmpty() ? "revert" : "correct",
        "entry:" + id,
        String.join(", ", changed));
    String done =
        switch (work.applyEdits()) {
          case NOW -> "corrected";
          case AFTER_IMPORT -> "corrected-after-import";
          case WHEN_FREE -> "corrected-later";
        };
    ctx.redirect(entryHref(id) + "?done=" + done, HttpStatus.SEE_OTHER);
  }

  private void visibility(Context ctx, Sessions.Session s, String what) throws IOException {
    Optional<StoredEntries.Stored> st = stored(ctx);
    if (st.isEmpty()) {
      notFound(ctx, s);
      return;
    }
    String id = st.get().shown().id();
    Edit before = Objects.requireNonNullElse(setup.edits().get(id), EntryEdits.none(id));
    java.time.Instant now = setup.clock().instant();
    if (what.equals("revert")) {
      if (before.corrections().isEmpty()) {
        ctx.redirect(entryHref(id) + "?done=unchanged", HttpStatus.SEE_OTHER);
        return;
      }
      setup.edits().put(before.withCorrections(Map.of(), s.user(), now));
      record(
          ctx,
          s.user(),
          "revert",
          "entry:" + id,
          String.join(", ", before.corrections().keySet().stream().map(Field::key).toList()));
      work.applyEdits();
      ctx.redirect(entryHref(id) + "?done=reverted", HttpStatus.SEE_OTHER);
      return;
    }
    Visibility v =
        switch (what) {
          case "hide" -> Visibility.HIDDEN;
          case "delete" -> Visibility.DELETED;
          default -> Visibility.PUBLIC;
        };
    if (before.visibility() == v) {
      ctx.redirect(entryHref(id) + "?done=unchanged", HttpStatus.SEE_OTHER);
      return;
    }
    setup.edits().put(before.withVisibility(v, s.user(), now));
    try {
      setup.afterChange().changed(); // gone from the public side before this answer is sent
    } catch (IOException e) {
      LOG.warn("could not refresh the public search after {} of {}", what, id, e);
    }
    record(ctx, s.user(), what, "entry:" + id, st.get().shown().title());
    String done =
        switch (what) {
          case "hide" -> "hidden";
          case "unhide" -> "unhidden";
          case "delete" -> "deleted";
          default -> "restored";
        };
    ctx.redirect(entryHref(id) + "?done=" + done, HttpStatus.SEE_OTHER);
  }

  private static String entryHref(String id) {
    return "/admin/entries/" + AdminPages.path(id);
  }

  // ---- synonyms

  private void synonymsPage(Context ctx, Sessions.Session s) {
    SynonymsInUse.Text t = setup.synonyms().current();
    ctx.html(
        pages.synonyms(
            viewer(s),
            flash(ctx),
            t.text(),
            t.source(),
            Files.exists(indexDir.resolve(SYNONYMS_FILE))));
  }

  private void saveSynonyms(Context ctx, Sessions.Session s) throws IOException {
    String text = formParam(ctx, "synonyms");
    String problem = null;
    if (text == null) {
      problem = "The list is larger than the server accepts in one form.";
      text = setup.synonyms().current().text();
    } else if (text.length() > MAX_SYNONYMS_CHARS) {
      problem = "The list is longer than " + MAX_SYNONYMS_CHARS + " characters.";
    } else {
      text = text.replace("\r\n", "\n");
      try {
        setup.synonyms().use(text);
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
    }
    if (problem != null) {
      SynonymsInUse.Text t = setup.synonyms().current();
      ctx.status(400)
          .html(
              pages.synonyms(
                  viewer(s),
                  new AdminPages.Flash("Not saved: " + problem, true),
                  text,
                  t.source(),
                  Files.exists(indexDir.resolve(SYNONYMS_FILE))));
      return;
    }
    org.qarchive.index.DurableFiles.replace(
        indexDir.resolve(SYNONYMS_FILE), text.getBytes(StandardCharsets.UTF_8), false);
    record(ctx, s.user(), "synonyms", SYNONYMS_FILE, text.lines().count() + " lines");
    ctx.redirect("/admin/synonyms?done=synonyms", HttpStatus.SEE_OTHER);
  }

  private void resetSynonyms(Context ctx, Sessions.Session s) throws IOException {
    Files.deleteIfExists(indexDir.resolve(SYNONYMS_FILE));
    setup.synonyms().use(null);
    record(ctx, s.user(), "synonyms reset", SYNONYMS_FILE, "");
    ctx.redirect("/admin/synonyms?done=synonyms-reset", HttpStatus.SEE_OTHER);
  }

  // ---- the clinic's settings

  /** The file a {@code /admin/clinic/{file}} address names, or null. */
  private static SiteConfig.File clinicFile(String name) {
    for (SiteConfig.File f : SiteConfig.File.values()) {
      if (f.fileName().equals(name)) {
        return f;
      }
    }
    return null;
  }

  private Map<SiteConfig.File, String> clinicTexts() throws IOException {
    Map<SiteConfig.File, String> texts = new java.util.EnumMap<>(SiteConfig.File.class);
    for (SiteConfig.File f : SiteConfig.File.values()) {
      texts.put(f, site.text(f));
    }
    return texts;
  }

  private void clinicPage(Context ctx, Sessions.Session s) throws IOException {
    ctx.html(pages.clinic(viewer(s), flash(ctx), clinicTexts(), null, site.dir().toString()));
  }

  /**
   * Saves one of the clinic's files when it validates as a whole; otherwise says which line is
   * wrong and shows the text as typed, nothing written and the last good version still in force.
   */
  private void saveClinicFile(Context ctx, Sessions.Session s) throws IOException {
    SiteConfig.File file = clinicFile(ctx.pathParam("file"));
    if (file == null) {
      notFound(ctx, s);
      return;
    }
    String text = formParam(ctx, "text");
    String problem = null;
    if (text == null) {
      problem = "The text is larger than the server accepts in one form.";
      text = site.text(file);
    } else {
      text = text.replace("\r\n", "\n");
      try {
        site.write(file, text);
      } catch (ConfigException e) {
        problem = e.getMessage();
      }
    }
    if (problem != null) {
      Map<SiteConfig.File, String> texts = clinicTexts();
      texts.put(file, text);
      ctx.status(400)
          .html(
              pages.clinic(
                  viewer(s),
                  new AdminPages.Flash(
                      "Not saved: "
                          + file.fileName()
                          + ": "
                          + problem
                          + ". The last good version"
                          + " stays in force.",
                      true),
                  texts,
                  file,
                  site.dir().toString()));
      return;
    }
    record(ctx, s.user(), "clinic settings", file.fileName(), text.lines().count() + " lines");
    ctx.redirect(
        "/admin/clinic?done=clinic#" + file.name().toLowerCase(Locale.ROOT), HttpStatus.SEE_OTHER);
  }

  // ---- audit

  private void auditPage(Context ctx, Sessions.Session s) throws IOException {
    String user = Objects.requireNonNullElse(ctx.queryParam("user"), "").strip();
    String action = Objects.requireNonNullElse(ctx.queryParam("action"), "").strip();
    String u = user.toLowerCase(Locale.ROOT);
    String a = action.toLowerCase(Locale.ROOT);
    List<AuditLog.Event> all =
        audit.newestFirst(
            e ->
                (u.isEmpty() || e.user().toLowerCase(Locale.ROOT).contains(u))
                    && (a.isEmpty() || e.action().toLowerCase(Locale.ROOT).contains(a)));
    int pages = Math.max(1, (all.size() + AUDIT_PER_PAGE - 1) / AUDIT_PER_PAGE);
    int page = Math.min(intParam(ctx, "page", 1), pages);
    ctx.html(
        this.pages.audit(
            viewer(s),
            all.subList((page - 1) * AUDIT_PER_PAGE, Math.min(all.size(), page * AUDIT_PER_PAGE)),
            user,
            action,
            page,
            pages,
            all.size()));
  }

  // ---- helpers

  private void notFound(Context ctx, Sessions.Session s) {
    ctx.status(404)
        .html(
            pages.problem(
                viewer(s),
                404,
                "Not found",
                "There is nothing at this address.",
                "/admin",
                "Go to the staff start page"));
  }

  private static int intParam(Context ctx, String name, int fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty() || v.length() > 6 || !v.chars().allMatch(Character::isDigit)) {
      return fallback;
    }
    return Math.max(1, Integer.parseInt(v));
  }

  /** Records a command-line change of accounts in the audit log (by "command line"). */
  public static void recordCommandLine(Path indexDir, String action, String target)
      throws IOException {
    new AuditLog(indexDir).record("command line", "", action, target, "");
  }

  @Override
  public void close() {
    work.close();
  }
}
