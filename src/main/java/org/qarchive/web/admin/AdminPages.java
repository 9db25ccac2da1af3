package org.qarchive.web.admin;

import static org.qarchive.search.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qarchive.archive.QaEntry;
import org.qarchive.importer.ImportControl;
import org.qarchive.importer.ImportHistory;
import org.qarchive.index.EntryEdits;

/**
 * Server-rendered HTML of the staff pages. Every value we did not write is escaped; every form
 * works without JavaScript (which only makes progress live and checks a file's size before it is
 * sent), and every form that changes something carries the session's CSRF token.
 */
final class AdminPages {

  static final int ROWS_PER_PAGE = 100;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneId.of("UTC"));

  private final String siteName;

  AdminPages(String siteName) {
    this.siteName = siteName;
  }

  /** Who is signed in, for the header and the forms' token. */
  record Viewer(String user, String csrf) {}

  /** A line shown once after an action, and whether it reports a problem. */
  record Flash(String text, boolean problem) {}

  // ---- layout

  private void head(StringBuilder b, String title, Viewer v, String section, String extraHead) {
    b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    b.append("<meta name=\"robots\" content=\"noindex, nofollow\">\n");
    b.append("<title>")
        .append(escape(title))
        .append(" — Staff — ")
        .append(escape(siteName))
        .append("</title>\n");
    b.append("<link rel=\"stylesheet\" href=\"/static/app.css\">\n");
    b.append("<link rel=\"stylesheet\" href=\"/admin/static/admin.css\">\n");
    b.append("<script src=\"/admin/static/admin.js\" defer></script>\n");
    if (extraHead != null) {
      b.append(extraHead);
    }
    b.append(
        "</head><body class=\"admin\">\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n");
    b.append("<header class=\"admin-bar\"><span class=\"home\">Staff · ")
        .append(escape(siteName))
        .append("</span>\n");
    if (v != null) {
      b.append("<nav aria-label=\"Staff pages\"><ul>");
      navLink(b, "/admin", "Import", section.equals("import"));
      navLink(b, "/admin/imports", "History", section.equals("history"));
      navLink(b, "/admin/entries", "Entries", section.equals("entries"));
      navLink(b, "/admin/synonyms", "Synonyms", section.equals("synonyms"));
      navLink(b, "/admin/clinic", "Clinic", section.equals("clinic"));
      navLink(b, "/admin/audit", "Audit log", section.equals("audit"));
      b.append("</ul></nav>\n");
      b.append("<form class=\"sign-out\" method=\"post\" action=\"/admin/sign-out\">");
      csrf(b, v);
      b.append("<span class=\"who\">Signed in as <strong>")
          .append(escape(v.user()))
          .append("</strong></span> <button type=\"submit\" class=\"secondary\">Sign out</button>")
          .append("</form>\n");
    }
    b.append("</header>\n<main id=\"main\">\n");
  }

  private static void navLink(StringBuilder b, String href, String label, boolean current) {
    b.append("<li><a href=\"").append(href).append("\"");
    if (current) {
      b.append(" aria-current=\"page\"");
    }
    b.append(">").append(label).append("</a></li>");
  }

  private static void foot(StringBuilder b) {
    b.append("</main>\n</body></html>\n");
  }

  private static void csrf(StringBuilder b, Viewer v) {
    b.append("<input type=\"hidden\" name=\"csrf\" value=\"")
        .append(escape(v.csrf()))
        .append("\">");
  }

  private static void flash(StringBuilder b, Flash f) {
    if (f == null) {
      return;
    }
    b.append(
            f.problem()
                ? "<p class=\"flash problem\" role=\"alert\">"
                : "<p class=\"flash\" role=\"status\">")
        .append(escape(f.text()))
        .append("</p>\n");
  }

  // ---- sign-in

  String signIn(String loginToken, String name, String problem, boolean noAccounts) {
    StringBuilder b = new StringBuilder(4096);
    head(b, "Sign in", null, "", null);
    b.append("<h1>Staff sign-in</h1>\n");
    if (problem != null) {
      b.append("<p class=\"flash problem\" role=\"alert\">")
          .append(escape(problem))
          .append("</p>\n");
    }
    if (noAccounts) {
      b.append(
          "<p class=\"note\">No staff account exists yet. An administrator makes one on the server"
              + " with <code>./qarchive user add NAME</code>.</p>\n");
    }
    b.append("<form class=\"stacked\" method=\"post\" action=\"/admin/sign-in\">");
    b.append("<input type=\"hidden\" name=\"login\" value=\"")
        .append(escape(loginToken))
        .append("\">\n");
    b.append("<label for=\"name\">User name</label>")
        .append("<input id=\"name\" name=\"name\" autocomplete=\"username\" required")
        .append(" autocapitalize=\"none\" spellcheck=\"false\" maxlength=\"64\" value=\"")
        .append(escape(name == null ? "" : name))
        .append("\">\n");
    b.append("<label for=\"password\">Password</label>")
        .append("<input id=\"password\" name=\"password\" type=\"password\"")
        .append(" autocomplete=\"current-password\" required maxlength=\"1024\">\n");
    b.append("<button type=\"submit\">Sign in</button></form>\n");
    foot(b);
    return b.toString();
  }

  // ---- import (the start page)

  /** The start page: the upload form, the running import, recent imports, the index. */
  String start(
      Viewer v,
      Flash flash,
      IndexWork.Job running,
      List<ImportHistory.Run> recent,
      long entries,
      int hidden,
      long maxUpload) {
    StringBuilder b = new StringBuilder(8192);
    head(b, "Import", v, "import", null);
    b.append("<h1>Import</h1>\n");
    flash(b, flash);
    b.append("<p class=\"meta\">The archive holds ")
        .append(String.format(Locale.ROOT, "%,d", entries))
        .append(entries == 1 ? " entry" : " entries");
    if (hidden > 0) {
      b.append(", ").append(hidden).append(" of them hidden or deleted");
    }
    b.append(".</p>\n");
    if (running != null) {
      b.append("<p class=\"note\" role=\"status\">An import of <strong>")
          .append(escape(running.source()))
          .append("</strong> is running. <a href=\"/admin/imports/")
          .append(running.id())
          .append("\">Watch its progress</a>.</p>\n");
    }
    b.append("<section aria-labelledby=\"upload-h\"><h2 id=\"upload-h\">Upload an archive</h2>\n");
    b.append("<form id=\"upload\" class=\"stacked\" method=\"post\" action=\"/admin/imports\"")
        .append(" enctype=\"multipart/form-data\" data-max-bytes=\"")
        .append(maxUpload)
        .append("\">");
    csrf(b, v); // before the file: the server checks it before writing a byte of the file
    b.append("\n<label for=\"file\">Archive file</label>")
        .append(
            "<input id=\"file\" name=\"file\" type=\"file\" required aria-describedby=\"file-help\"")
        .append(" accept=\".zip,.warc,.gz,.html,.htm,.jsonl,.ndjson,.xml\">\n");
    b.append("<p id=\"file-help\" class=\"help\">A zip of the old site's folder (from the Wayback")
        .append(" Machine, wget or HTTrack), a <code>.zip</code>, <code>.warc</code> or")
        .append(" <code>.warc.gz</code>, single pages (<code>.html</code>, <code>.html.gz</code>),")
        .append(" a JSON Lines export (<code>.jsonl</code>) or WordPress's own export file")
        .append(" (<code>.xml</code>, from Tools → Export). Up to ")
        .append(bytes(maxUpload))
        .append(". Importing again never makes duplicates, and corrections are kept.</p>\n");
    b.append("<p id=\"file-problem\" class=\"flash problem\" role=\"alert\" hidden></p>\n");
    b.append("<button type=\"submit\">Upload and import</button></form></section>\n");
    b.append("<section aria-labelledby=\"recent-h\"><h2 id=\"recent-h\">Recent imports</h2>\n");
    runsTable(b, recent.subList(0, Math.min(5, recent.size())), "Recent imports");
    b.append("<p><a href=\"/admin/imports\">All imports</a></p></section>\n");
    foot(b);
    return b.toString();
  }

  // ---- history

  String history(Viewer v, List<ImportHistory.Run> runs) {
    StringBuilder b = new StringBuilder(8192);
    head(b, "Import history", v, "history", null);
    b.append("<h1>Import history</h1>\n");
    runsTable(b, runs, "Every import into this archive, newest first");
    foot(b);
    return b.toString();
  }

  private static void runsTable(StringBuilder b, List<ImportHistory.Run> runs, String caption) {
    if (runs.isEmpty()) {
      b.append("<p>No imports yet.</p>\n");
      return;
    }
    b.append("<div class=\"table-wrap\"><table><caption>")
        .append(escape(caption))
        .append("</caption>\n<thead><tr><th scope=\"col\">Started</th><th scope=\"col\">What</th>")
        .append("<th scope=\"col\">By</th><th scope=\"col\">Outcome</th>")
        .append(
            "<th scope=\"col\" class=\"num\">New</th><th scope=\"col\" class=\"num\">Updated</th>")
        .append("<th scope=\"col\" class=\"num\">Failed files</th></tr></thead>\n<tbody>\n");
    for (ImportHistory.Run r : runs) {
      b.append("<tr><td><a href=\"/admin/imports/")
          .append(r.id())
          .append("\">")
          .append(when(r.started()))
          .append("</a></td><td>")
          .append(escape(r.source()))
          .append("</td><td>")
          .append(escape(r.by()))
          .append("</td><td>")
          .append(status(r.status()))
          .append("</td><td class=\"num\">")
          .append(r.count("imported"))
          .append("</td><td class=\"num\">")
          .append(r.count("updated"))
          .append("</td><td class=\"num\">")
          .append(r.count("failed"))
          .append("</td></tr>\n");
    }
    b.append("</tbody></table></div>\n");
  }

  static String status(ImportHistory.Status s) {
    return switch (s) {
      case RUNNING -> "running";
      case DONE -> "done";
      case FAILED -> "failed";
      case CANCELLED -> "cancelled";
      case INTERRUPTED -> "interrupted";
    };
  }

  // ---- one import: progress, then the report

  /** The live page of a running import; refreshes itself without JavaScript. */
  static String progressHead(String runId) {
    return "<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>\n"
        + "<meta name=\"qarchive-progress\" content=\"/admin/api/imports/"
        + runId
        + "\">\n";
  }

  String running(Viewer v, Flash flash, IndexWork.Job job) {
    StringBuilder b = new StringBuilder(4096);
    head(b, "Importing " + job.source(), v, "history", progressHead(job.id()));
    b.append("<h1>Importing ").append(escape(job.source())).append("</h1>\n");
    flash(b, flash);
    b.append("<p class=\"meta\">Started ")
        .append(when(job.started()))
        .append(" by ")
        .append(escape(job.by()))
        .append(".</p>\n");
    ImportControl.Snapshot s = job.control().snapshot();
    int pct = (int) Math.floor(s.fraction() * 100);
    b.append("<div class=\"progress\"><label for=\"progress\">Progress</label>")
        .append("<progress id=\"progress\" max=\"100\" value=\"")
        .append(pct)
        .append("\">")
        .append(pct)
        .append(" %</progress>\n<p id=\"progress-text\" role=\"status\" aria-live=\"polite\">")
        .append(escape(progressText(s)))
        .append("</p></div>\n");
    b.append("<form method=\"post\" action=\"/admin/imports/")
        .append(job.id())
        .append("/cancel\">");
    csrf(b, v);
    b.append(
        "<button type=\"submit\" class=\"danger\">Cancel the import</button>"
            + " <span class=\"help\">Cancelling keeps the archive as it was before this import.</span>"
            + "</form>\n");
    b.append("<p><a href=\"/admin\">Back to the import page</a></p>\n");
    foot(b);
    return b.toString();
  }

  /** "1,200 of 5,000 files · 240 files/s · about 16 s left", or what it is doing. */
  static String progressText(ImportControl.Snapshot s) {
    StringBuilder t = new StringBuilder();
    switch (s.phase()) {
      case STARTING -> t.append("Starting…");
      case COMMITTING -> t.append("Writing the last entries and saving the archive…");
      case FINISHED -> t.append("Finished.");
      case READING -> {
        t.append(String.format(Locale.ROOT, "%,d", s.files()));
        if (s.plannedFiles() > 0) {
          t.append(String.format(Locale.ROOT, " of %,d", s.plannedFiles()));
        }
        t.append(" files");
        if (s.archives()) {
          t.append(
              String.format(
                  Locale.ROOT, " (%s of %s read)", bytes(s.bytesRead()), bytes(s.plannedBytes())));
        }
        t.append(String.format(Locale.ROOT, " · %.0f files/s", s.filesPerSecond()));
        Duration left = s.left();
        if (left != null) {
          t.append(" · ")
              .append(left.toSeconds() < 1 ? "less than a second" : "about " + human(left))
              .append(" left");
        }
      }
    }
    if (s.cancelling() && s.phase() != ImportControl.Phase.FINISHED) {
      t.append(" Cancelling…");
    }
    return t.toString();
  }

  /** A finished import's report: counts, then every file with its outcome, filterable. */
  String report(
      Viewer v,
      Flash flash,
      ImportHistory.Run run,
      JsonNode report,
      String outcome,
      String contains,
      int page,
      boolean canImportAgain) {
    StringBuilder b = new StringBuilder(32768);
    head(b, "Import of " + run.source(), v, "history", null);
    b.append("<h1>Import of ").append(escape(run.source())).append("</h1>\n");
    flash(b, flash);
    b.append("<p class=\"meta\">Started ")
        .append(when(run.started()))
        .append(" by ")
        .append(escape(run.by()));
    if (run.finished() != null) {
      b.append(", ended ").append(when(run.finished()));
    }
    b.append(". Outcome: <strong>").append(status(run.status())).append("</strong>");
    if (run.message() != null) {
      b.append(" — ").append(escape(run.message()));
    }
    b.append(".</p>\n");
    if (canImportAgain) {
      b.append("<form method=\"post\" action=\"/admin/imports/")
          .append(run.id())
          .append("/again\">");
      csrf(b, v);
      b.append(
          "<button type=\"submit\" class=\"secondary\">Import this file again</button></form>\n");
    }
    if (report == null) {
      foot(b);
      return b.toString();
    }
    b.append(
        "<section aria-labelledby=\"counts-h\"><h2 id=\"counts-h\">Summary</h2>\n<dl class=\"counts\">");
    count(b, "Files", report.path("files").asLong());
    count(b, "New entries", report.path("imported").asLong());
    count(b, "Updated entries", report.path("updated").asLong());
    count(b, "Unchanged entries", report.path("unchanged").asLong());
    count(b, "Files not read again (unchanged)", report.path("files_not_reread").asLong());
    count(b, "Duplicate copies", report.path("duplicates").asLong());
    count(b, "Listing, feed and search pages", report.path("listing").asLong());
    count(b, "Pages without a Q&A", report.path("not_qa").asLong());
    count(b, "Failed files", report.path("failed").asLong());
    count(b, "E-mail addresses and phone numbers masked", report.path("masked_pii").asLong());
    b.append("</dl>\n<p>")
        .append(
            String.format(
                Locale.ROOT, "Took %.1f s. ", report.path("elapsed_ms").asLong() / 1000.0))
        .append("<a href=\"/admin/imports/")
        .append(run.id())
        .append("/report.json\" download>Download the whole report (JSON)</a></p></section>\n");

    b.append("<section aria-labelledby=\"files-h\"><h2 id=\"files-h\">Files</h2>\n");
    b.append("<form class=\"filters\" method=\"get\" action=\"/admin/imports/")
        .append(run.id())
        .append(
            "\"><label for=\"outcome\">Outcome</label><select id=\"outcome\" name=\"outcome\">");
    for (String[] o :
        new String[][] {
          {"", "all"},
          {"imported", "imported"},
          {"unchanged", "unchanged"},
          {"duplicate", "duplicate"},
          {"listing", "listing"},
          {"feed", "feed"},
          {"search", "search"},
          {"not_qa", "not Q&A"},
          {"failed", "failed"}
        }) {
      b.append("<option value=\"").append(o[0]).append("\"");
      if (o[0].equals(outcome)) {
        b.append(" selected");
      }
      b.append(">").append(escape(o[1])).append("</option>");
    }
    b.append("</select><label for=\"contains\">File name contains</label>")
        .append("<input id=\"contains\" name=\"contains\" value=\"")
        .append(escape(contains))
        .append("\"><button type=\"submit\">Filter</button></form>\n");
    JsonNode rows = report.path("rows");
    List<JsonNode> shown = new java.util.ArrayList<>();
    String needle = contains.toLowerCase(Locale.ROOT);
    for (JsonNode r : rows) {
      if ((outcome.isEmpty() || outcome.equals(r.path("outcome").asText()))
          && (needle.isEmpty()
              || r.path("file").asText().toLowerCase(Locale.ROOT).contains(needle))) {
        shown.add(r);
      }
    }
    int pages = Math.max(1, (shown.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
    int p = Math.min(Math.max(1, page), pages);
    b.append("<p class=\"meta\" role=\"status\">")
        .append(shown.size())
        .append(shown.size() == 1 ? " file" : " files")
        .append(outcome.isEmpty() && needle.isEmpty() ? "" : " match")
        .append(pages > 1 ? " · page " + p + " of " + pages : "")
        .append(".</p>\n");
    if (!shown.isEmpty()) {
      b.append(
              "<div class=\"table-wrap\"><table class=\"report\"><caption>Files of this import</caption>")
          .append("<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Outcome</th>")
          .append(
              "<th scope=\"col\" class=\"num\">Entries</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n");
      for (JsonNode r :
          shown.subList((p - 1) * ROWS_PER_PAGE, Math.min(shown.size(), p * ROWS_PER_PAGE))) {
        b.append("<tr><td class=\"file\">")
            .append(escape(r.path("file").asText()))
            .append("</td><td>")
            .append(escape(r.path("outcome").asText().replace('_', ' ')))
            .append("</td><td class=\"num\">")
            .append(r.path("entries").asLong())
            .append("</td><td>")
            .append(escape(r.path("reason").isNull() ? "" : r.path("reason").asText()))
            .append("</td></tr>\n");
      }
      b.append("</tbody></table></div>\n");
    }
    if (pages > 1) {
      b.append("<nav class=\"pages\" aria-label=\"Report pages\"><ul>");
      for (int i = 1; i <= pages; i++) {
        if (i != 1 && i != pages && Math.abs(i - p) > 2) {
          continue;
        }
        String href =
            "/admin/imports/"
                + run.id()
                + "?outcome="
                + url(outcome)
                + "&contains="
                + url(contains)
                + "&page="
                + i;
        b.append("<li><a href=\"").append(escape(href)).append("\"");
        if (i == p) {
          b.append(" aria-current=\"page\" class=\"current\"");
        }
        b.append("><span class=\"visually-hidden\">Page </span>").append(i).append("</a></li>");
      }
      b.append("</ul></nav>\n");
    }
    b.append("</section>\n");
    foot(b);
    return b.toString();
  }

  private static void count(StringBuilder b, String label, long n) {
    b.append("<div><dt>")
        .append(escape(label))
        .append("</dt><dd>")
        .append(String.format(Locale.ROOT, "%,d", n))
        .append("</dd></div>");
  }

  /** The page that answers a second upload while an import runs. */
  String busy(Viewer v, IndexWork.Job running) {
    StringBuilder b = new StringBuilder(2048);
    head(b, "An import is running", v, "import", null);
    b.append("<h1>An import is running</h1>\n");
    if (running != null) {
      b.append("<p role=\"alert\">The import of <strong>")
          .append(escape(running.source()))
          .append("</strong>, started by ")
          .append(escape(running.by()))
          .append(", is still running; one import at a time keeps the archive consistent.")
          .append(" <a href=\"/admin/imports/")
          .append(running.id())
          .append("\">Watch its progress</a> and upload your file when it has finished.</p>\n");
    } else {
      b.append(
          "<p role=\"alert\">An import started on the server's command line is writing to the"
              + " archive. Upload your file again when it has finished; the"
              + " <a href=\"/admin/imports\">history</a> shows when it does.</p>\n");
    }
    foot(b);
    return b.toString();
  }

  // ---- entries

  /** One row of the entries list. */
  record EntryRow(String id, String title, String date, String answeredBy, EntryEdits.Edit edit) {}

  String entries(
      Viewer v,
      Flash flash,
      String q,
      String show,
      List<EntryRow> rows,
      long total,
      int page,
      int pages) {
    StringBuilder b = new StringBuilder(16384);
    head(b, "Entries", v, "entries", null);
    b.append("<h1>Entries</h1>\n");
    flash(b, flash);
    b.append("<form class=\"filters\" method=\"get\" action=\"/admin/entries\" role=\"search\">")
        .append(
            "<label for=\"q\">Search entries</label><input id=\"q\" name=\"q\" type=\"search\" value=\"")
        .append(escape(q))
        .append("\"><label for=\"show\">Show</label><select id=\"show\" name=\"show\">");
    for (String[] o :
        new String[][] {
          {"all", "all entries"},
          {"hidden", "hidden"},
          {"deleted", "deleted (trash)"},
          {"corrected", "corrected"}
        }) {
      b.append("<option value=\"").append(o[0]).append("\"");
      if (o[0].equals(show)) {
        b.append(" selected");
      }
      b.append(">").append(o[1]).append("</option>");
    }
    b.append("</select><button type=\"submit\">Search</button></form>\n");
    b.append("<p class=\"meta\" role=\"status\">")
        .append(String.format(Locale.ROOT, "%,d", total))
        .append(total == 1 ? " entry" : " entries")
        .append(pages > 1 ? " · page " + page + " of " + pages : "")
        .append(".</p>\n");
    if (!rows.isEmpty()) {
      b.append("<div class=\"table-wrap\"><table><caption>Entries</caption><thead><tr>")
          .append("<th scope=\"col\">Title</th><th scope=\"col\">Date</th>")
          .append(
              "<th scope=\"col\">Answered by</th><th scope=\"col\">State</th></tr></thead>\n<tbody>\n");
      for (EntryRow r : rows) {
        b.append("<tr><td><a href=\"/admin/entries/")
            .append(escape(path(r.id())))
            .append("\">")
            .append(escape(r.title().isBlank() ? "(untitled)" : r.title()))
            .append("</a></td><td>")
            .append(escape(r.date()))
            .append("</td><td>")
            .append(escape(r.answeredBy()))
            .append("</td><td>")
            .append(state(r.edit()))
            .append("</td></tr>\n");
      }
      b.append("</tbody></table></div>\n");
    }
    pager(
        b,
        "Entry pages",
        "/admin/entries?q=" + url(q) + "&show=" + url(show) + "&page=",
        page,
        pages);
    foot(b);
    return b.toString();
  }

  /**
   * Links to the first and last page and those within two of {@code page}, each {@code hrefBase}
   * followed by its number; nothing for a single page.
   */
  private static void pager(StringBuilder b, String label, String hrefBase, int page, int pages) {
    if (pages <= 1) {
      return;
    }
    b.append("<nav class=\"pages\" aria-label=\"").append(escape(label)).append("\"><ul>");
    for (int i = 1; i <= pages; i++) {
      if (i != 1 && i != pages && Math.abs(i - page) > 2) {
        continue;
      }
      b.append("<li><a href=\"").append(escape(hrefBase + i)).append("\"");
      if (i == page) {
        b.append(" aria-current=\"page\" class=\"current\"");
      }
      b.append("><span class=\"visually-hidden\">Page </span>").append(i).append("</a></li>");
    }
    b.append("</ul></nav>\n");
  }

  private static String state(EntryEdits.Edit e) {
    if (e == null) {
      return "public";
    }
    StringBuilder s = new StringBuilder();
    switch (e.visibility()) {
      case PUBLIC -> s.append("public");
      case HIDDEN -> s.append("<strong>hidden</strong>");
      case DELETED -> s.append("<strong>deleted</strong>");
    }
    if (!e.corrections().isEmpty()) {
      s.append(", corrected");
    }
    return s.toString();
  }

  /**
   * The page of one entry: the correction form (with what the import made of each corrected field),
   * and hide, delete and take-back buttons.
   *
   * @param shown the entry as readers see it (corrected)
   * @param imported the entry as the import made it
   * @param values the form's values (what was typed, when a correction was refused)
   */
  String entry(
      Viewer v,
      Flash flash,
      QaEntry shown,
      QaEntry imported,
      EntryEdits.Edit edit,
      Map<EntryEdits.Field, String> values) {
    StringBuilder b = new StringBuilder(16384);
    String title = shown.title().isBlank() ? "(untitled)" : shown.title();
    head(b, title, v, "entries", null);
    b.append("<p class=\"back\"><a href=\"/admin/entries\">‹ All entries</a></p>\n");
    b.append("<h1>").append(escape(title)).append("</h1>\n");
    flash(b, flash);
    EntryEdits.Visibility vis = edit == null ? EntryEdits.Visibility.PUBLIC : edit.visibility();
    b.append("<p class=\"meta\">State: ").append(state(edit));
    if (edit != null && !edit.by().isEmpty()) {
      b.append(" · last changed by ")
          .append(escape(edit.by()))
          .append(", ")
          .append(when(edit.at()));
    }
    b.append(". Source: <span class=\"file\">")
        .append(escape(imported.sourceFile()))
        .append("</span>");
    if (vis == EntryEdits.Visibility.PUBLIC) {
      b.append(" · <a href=\"/qa/").append(escape(path(shown.id()))).append("\">Public page</a>");
    }
    b.append("</p>\n");

    String id = escape(path(shown.id()));
    b.append("<section aria-labelledby=\"correct-h\"><h2 id=\"correct-h\">Correct</h2>\n");
    b.append("<p class=\"help\">A correction is kept when the archive is imported again.")
        .append(" Leave a field as it is to keep following the imported page.</p>\n");
    b.append("<form class=\"stacked\" method=\"post\" action=\"/admin/entries/")
        .append(id)
        .append("\">");
    csrf(b, v);
    field(b, EntryEdits.Field.TITLE, "Title", values, imported, edit, false, null);
    field(b, EntryEdits.Field.QUESTION, "Question", values, imported, edit, true, null);
    field(
        b,
        EntryEdits.Field.ANSWER,
        "Answer",
        values,
        imported,
        edit,
        true,
        "Paragraphs are separated by a blank line.");
    field(
        b,
        EntryEdits.Field.DATE,
        "Date",
        values,
        imported,
        edit,
        false,
        "yyyy-mm-dd, or yyyy-mm for a month; empty for none.");
    field(b, EntryEdits.Field.ANSWERED_BY, "Answered by", values, imported, edit, false, null);
    field(
        b,
        EntryEdits.Field.CATEGORIES,
        "Categories",
        values,
        imported,
        edit,
        true,
        "One per line.");
    field(b, EntryEdits.Field.TAGS, "Tags", values, imported, edit, true, "One per line.");
    b.append("<button type=\"submit\">Save the correction</button></form></section>\n");

    b.append(
        "<section aria-labelledby=\"visibility-h\"><h2 id=\"visibility-h\">Visibility</h2>\n<div class=\"actions\">");
    if (vis == EntryEdits.Visibility.PUBLIC) {
      action(
          b,
          v,
          id,
          "hide",
          "Hide",
          "secondary",
          "Gone from search, suggestions, its page, the API, the sitemap and the embed at once; staff still see it.");
      action(
          b,
          v,
          id,
          "delete",
          "Delete",
          "danger",
          "Moves it to the trash, from where it can be restored.");
    } else if (vis == EntryEdits.Visibility.HIDDEN) {
      action(b, v, id, "unhide", "Unhide", "secondary", "Shows it to the public again.");
      action(
          b,
          v,
          id,
          "delete",
          "Delete",
          "danger",
          "Moves it to the trash, from where it can be restored.");
    } else {
      action(
          b,
          v,
          id,
          "restore",
          "Restore from the trash",
          "secondary",
          "Shows it to the public again.");
    }
    if (edit != null && !edit.corrections().isEmpty()) {
      action(
          b,
          v,
          id,
          "revert",
          "Take back the corrections",
          "secondary",
          "Shows the entry as the import made it.");
    }
    b.append("</div></section>\n");
    foot(b);
    return b.toString();
  }

  private static void action(
      StringBuilder b, Viewer v, String id, String what, String label, String cls, String help) {
    b.append("<form method=\"post\" action=\"/admin/entries/")
        .append(id)
        .append("/")
        .append(what)
        .append("\">");
    csrf(b, v);
    b.append("<button type=\"submit\" class=\"")
        .append(cls)
        .append("\" aria-describedby=\"")
        .append(what)
        .append("-help\">")
        .append(label)
        .append("</button> <span class=\"help\" id=\"")
        .append(what)
        .append("-help\">")
        .append(escape(help))
        .append("</span></form>\n");
  }

  private static void field(
      StringBuilder b,
      EntryEdits.Field f,
      String label,
      Map<EntryEdits.Field, String> values,
      QaEntry imported,
      EntryEdits.Edit edit,
      boolean area,
      String help) {
    String key = f.key();
    String value = values.get(f);
    String original = f.valueIn(imported);
    boolean corrected = edit != null && edit.corrections().containsKey(f);
    b.append("<div class=\"field\"><label for=\"f-").append(key).append("\">").append(label);
    if (corrected) {
      b.append(" <span class=\"badge\">corrected</span>");
    }
    b.append("</label>");
    String described = help == null ? "" : " aria-describedby=\"h-" + key + "\"";
    if (area) {
      int rows =
          Math.min(
              24, Math.max(f == EntryEdits.Field.ANSWER ? 8 : 3, value.split("\n").length + 1));
      b.append("<textarea id=\"f-")
          .append(key)
          .append("\" name=\"")
          .append(key)
          .append("\" rows=\"")
          .append(rows)
          .append("\"")
          .append(described)
          .append(">")
          .append(escape(value))
          .append("</textarea>");
    } else {
      b.append("<input id=\"f-")
          .append(key)
          .append("\" name=\"")
          .append(key)
          .append("\" value=\"")
          .append(escape(value))
          .append("\"")
          .append(described)
          .append(
              f == EntryEdits.Field.DATE ? " inputmode=\"numeric\" placeholder=\"yyyy-mm-dd\"" : "")
          .append(">");
    }
    if (help != null) {
      b.append("<p class=\"help\" id=\"h-")
          .append(key)
          .append("\">")
          .append(escape(help))
          .append("</p>");
    }
    if (corrected) {
      b.append("<details class=\"original\"><summary>As imported</summary><pre>")
          .append(escape(original.isEmpty() ? "(empty)" : original))
          .append("</pre></details>");
    }
    b.append("</div>\n");
  }

  // ---- synonyms

  String synonyms(Viewer v, Flash flash, String text, String source, boolean staffFile) {
    StringBuilder b = new StringBuilder(text.length() + 8192);
    head(b, "Synonyms", v, "synonyms", null);
    b.append("<h1>Synonyms</h1>\n");
    flash(b, flash);
    b.append("<p>Patients search in their own words; these lines tell the search which lay and")
        .append(" clinical words mean the same. Saved changes apply to the next search, without a")
        .append(" restart or a new import.</p>\n");
    b.append(
            "<p class=\"help\" id=\"syn-help\">One entry per line: <code>tummy tuck, abdominoplasty</code>")
        .append(" (all the same), or <code>nose job =&gt; rhinoplasty</code> (one way);")
        .append(" <code>#</code> starts a comment.</p>\n");
    b.append("<p class=\"meta\">In use: ")
        .append(escape(staffFile ? "the list saved here by staff" : source))
        .append(".</p>\n");
    b.append("<form class=\"stacked\" method=\"post\" action=\"/admin/synonyms\">");
    csrf(b, v);
    b.append(
            "<label for=\"synonyms\">Synonym list</label><textarea id=\"synonyms\" name=\"synonyms\"")
        .append(" rows=\"28\" spellcheck=\"false\" aria-describedby=\"syn-help\">")
        .append(escape(text))
        .append("</textarea>\n<button type=\"submit\">Save the synonyms</button></form>\n");
    if (staffFile) {
      b.append("<form method=\"post\" action=\"/admin/synonyms/reset\">");
      csrf(b, v);
      b.append(
          "<button type=\"submit\" class=\"secondary\">Go back to the shipped list</button></form>\n");
    }
    foot(b);
    return b.toString();
  }

  // ---- the clinic's settings

  /**
   * The clinic's three settings files, each in its own form; {@code failed} is the one a save
   * refused (its text as typed, the focus of the page), or null.
   */
  String clinic(
      Viewer v,
      Flash flash,
      Map<org.qarchive.site.SiteConfig.File, String> texts,
      org.qarchive.site.SiteConfig.File failed,
      String folder) {
    StringBuilder b = new StringBuilder(65536);
    head(b, "The clinic's settings", v, "clinic", null);
    b.append("<h1>The clinic's settings</h1>\n");
    flash(b, flash);
    b.append("<p>What patients see of the clinic, which searches are emergencies, and which blog")
        .append(" tags are bookkeeping. Each file is checked as a whole before it is saved; a")
        .append(" saved file is in force on the next page patients open, without a restart. The")
        .append(" files live in <code>")
        .append(escape(folder))
        .append("</code>; their format is described at the top of each.</p>\n");
    for (var f : org.qarchive.site.SiteConfig.File.values()) {
      String id = f.name().toLowerCase(java.util.Locale.ROOT);
      String label =
          switch (f) {
            case CLINIC -> "The clinic's voice: name, phone, links, disclaimer, emergency number";
            case EMERGENCY_TRIGGERS ->
                "Emergency phrases: searches that show the notice to call now";
            case FACET_STOPLIST -> "Facet stop-list: tags and categories not offered as filters";
          };
      b.append("<section id=\"")
          .append(id)
          .append("\"><h2>")
          .append(escape(f.fileName()))
          .append("</h2>\n<form class=\"stacked\" method=\"post\" action=\"/admin/clinic/")
          .append(escape(f.fileName()))
          .append("\">");
      csrf(b, v);
      b.append("<label for=\"")
          .append(id)
          .append("-text\">")
          .append(escape(label))
          .append("</label><textarea id=\"")
          .append(id)
          .append("-text\" name=\"text\" rows=\"")
          .append(f == org.qarchive.site.SiteConfig.File.FACET_STOPLIST ? 10 : 20)
          .append("\" spellcheck=\"false\"")
          .append(f == failed ? " autofocus aria-invalid=\"true\"" : "")
          .append(">")
          .append(escape(texts.getOrDefault(f, "")))
          .append("</textarea>\n<button type=\"submit\">Save ")
          .append(escape(f.fileName()))
          .append("</button></form></section>\n");
    }
    foot(b);
    return b.toString();
  }

  // ---- audit

  String audit(
      Viewer v,
      List<AuditLog.Event> events,
      String user,
      String action,
      int page,
      int pages,
      int total) {
    StringBuilder b = new StringBuilder(16384);
    head(b, "Audit log", v, "audit", null);
    b.append("<h1>Audit log</h1>\n");
    b.append("<form class=\"filters\" method=\"get\" action=\"/admin/audit\">")
        .append("<label for=\"user\">Who</label><input id=\"user\" name=\"user\" value=\"")
        .append(escape(user))
        .append(
            "\"><label for=\"action\">Action</label><input id=\"action\" name=\"action\" value=\"")
        .append(escape(action))
        .append("\"><button type=\"submit\">Filter</button></form>\n");
    b.append("<p class=\"meta\" role=\"status\">")
        .append(total)
        .append(total == 1 ? " event" : " events")
        .append(pages > 1 ? " · page " + page + " of " + pages : "")
        .append(".</p>\n");
    if (!events.isEmpty()) {
      b.append(
              "<div class=\"table-wrap\"><table><caption>Who did what, newest first</caption><thead><tr>")
          .append(
              "<th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">From</th>")
          .append(
              "<th scope=\"col\">Action</th><th scope=\"col\">What</th><th scope=\"col\">Detail</th>")
          .append("</tr></thead>\n<tbody>\n");
      for (AuditLog.Event e : events) {
        b.append("<tr><td>")
            .append(when(e.at()))
            .append("</td><td>")
            .append(escape(e.user()))
            .append("</td><td>")
            .append(escape(e.address()))
            .append("</td><td>")
            .append(escape(e.action()))
            .append("</td><td class=\"file\">");
        if (e.target().startsWith("entry:")) {
          String id = e.target().substring(6);
          b.append("<a href=\"/admin/entries/")
              .append(escape(path(id)))
              .append("\">")
              .append(escape(id))
              .append("</a>");
        } else if (e.target().startsWith("import:")
            && ImportHistory.isId(e.target().substring(7))) {
          String id = e.target().substring(7);
          b.append("<a href=\"/admin/imports/")
              .append(escape(id))
              .append("\">")
              .append(escape(id))
              .append("</a>");
        } else {
          b.append(escape(e.target()));
        }
        b.append("</td><td>").append(escape(e.detail())).append("</td></tr>\n");
      }
      b.append("</tbody></table></div>\n");
    }
    pager(
        b,
        "Audit log pages",
        "/admin/audit?user=" + url(user) + "&action=" + url(action) + "&page=",
        page,
        pages);
    foot(b);
    return b.toString();
  }

  // ---- problems

  /** An error page for staff: a title, the problem, and a way back. */
  String problem(
      Viewer v, int status, String heading, String message, String backHref, String backLabel) {
    StringBuilder b = new StringBuilder(2048);
    head(b, heading, v, "", null);
    b.append("<h1>").append(escape(heading)).append("</h1>\n");
    b.append("<p class=\"flash problem\" role=\"alert\">").append(escape(message)).append("</p>\n");
    if (backHref != null) {
      b.append("<p><a href=\"")
          .append(escape(backHref))
          .append("\">")
          .append(escape(backLabel))
          .append("</a></p>\n");
    }
    foot(b);
    return b.toString();
  }

  // ---- formatting

  static String when(Instant t) {
    return t == null ? "" : WHEN.format(t);
  }

  static String bytes(long n) {
    if (n >= 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f GB", n / (1024.0 * 1024 * 1024));
    }
    if (n >= 1024L * 1024) {
      return String.format(Locale.ROOT, "%.0f MB", n / (1024.0 * 1024));
    }
    if (n >= 1024) {
      return String.format(Locale.ROOT, "%.0f KB", n / 1024.0);
    }
    return n + " bytes";
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  static String url(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  static String path(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
