package org.qarchive.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.qarchive.archive.QaEntry;
import org.qarchive.index.Analysis;

/**
 * SQLite FTS5 over the same entries, in process, one thread: the rate the hybrid ranking's
 * throughput goal is stated against (1.5 times it). Measured in the same run as qarchive, so that
 * both meet the host in the same state: on this two-core host one build's rate moved by a quarter
 * within minutes (2026-12-06).
 *
 * <p>An FTS5 table (title, question, answer; Porter stemming) ranked by {@code bm25} with the
 * column weights 5/2/1 of the best SQLite ranking on the MEDIQA set (nDCG@10 0.529). How a
 * patient's question becomes an FTS5 query decides its speed more than anything: every word OR-ed
 * (the form of that quality figure) makes FTS5 score most of the table for a long question, and
 * leaving out the words qarchive's own analysis drops as stopwords makes it about six times faster.
 * Both are measured; the goal is checked against the faster.
 */
final class Fts5Baseline implements AutoCloseable {

  /** How a question becomes an FTS5 query. */
  enum Form {
    /** Every word of the question, OR-ed: the form of the quality baseline. */
    EVERY_WORD("every word OR-ed"),
    /** The question's words less qarchive's question stopwords ("how", "my", "the"), OR-ed. */
    TOPIC_WORDS("stopwords left out, OR-ed");

    final String label;

    Form(String label) {
      this.label = label;
    }
  }

  /** The ranked query: the first page of ten, as a search page asks. */
  static final String SEARCH =
      "SELECT rowid FROM entries WHERE entries MATCH ? ORDER BY bm25(entries, 5.0, 2.0, 1.0)"
          + " LIMIT 10";

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final Connection db;
  private final PreparedStatement search;

  private Fts5Baseline(Connection db) throws SQLException {
    this.db = db;
    this.search = db.prepareStatement(SEARCH);
  }

  /** An in-memory FTS5 table of {@code entries}. */
  static Fts5Baseline of(List<QaEntry> entries) throws SQLException {
    Connection db = DriverManager.getConnection("jdbc:sqlite::memory:");
    try {
      try (Statement s = db.createStatement()) {
        s.execute(
            "CREATE VIRTUAL TABLE entries USING fts5(title, question, answer,"
                + " tokenize = 'porter unicode61')");
      }
      db.setAutoCommit(false);
      try (PreparedStatement insert =
          db.prepareStatement("INSERT INTO entries (title, question, answer) VALUES (?, ?, ?)")) {
        for (QaEntry e : entries) {
          insert.setString(1, e.title());
          insert.setString(2, e.question());
          insert.setString(3, e.answer());
          insert.executeUpdate();
        }
      }
      db.commit();
      db.setAutoCommit(true);
      return new Fts5Baseline(db);
    } catch (SQLException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * {@code question} as an FTS5 query of {@code form}: its words, each quoted (so no word is read
   * as FTS5 syntax), joined by OR; null when no word is left.
   */
  static String query(String question, Form form) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(question.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (form == Form.EVERY_WORD || !Analysis.DEFAULT.isStopword(w)) {
        words.add(w);
      }
    }
    return words.isEmpty()
        ? null
        : words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(" OR "));
  }

  /** The rowids of the best ten for an FTS5 query, best first (none for a null query). */
  List<Long> top(String query) throws SQLException {
    List<Long> out = new ArrayList<>();
    if (query == null) {
      return out;
    }
    search.setString(1, query);
    try (ResultSet rs = search.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  /**
   * Searches {@code queries} in turn (from the first again when done) for {@code seconds} on this
   * thread; returns the searches made per second.
   */
  double rate(List<String> queries, double seconds) throws SQLException {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    int done = 0;
    while (System.nanoTime() < end) {
      top(queries.get(done % queries.size()));
      done++;
    }
    return done / ((System.nanoTime() - start) / 1e9);
  }

  @Override
  public void close() throws SQLException {
    try {
      search.close();
    } finally {
      db.close();
    }
  }
}
