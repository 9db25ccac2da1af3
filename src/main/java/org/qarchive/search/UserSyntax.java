package org.qarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Reads what a patient typed with Lucene's {@link SimpleQueryParser}, which is built for user input
 * and never fails on bad syntax: {@code "exact phrases"} (with {@code "..."~N} for words within N
 * positions), {@code -exclusions}, and {@code a | b} or {@code a OR b} for either. Words are joined
 * by AND, and an OR binds the words on its two sides only ({@code swelling botox OR dysport} is
 * swelling and either brand). Every other character is text, left to the analyzer: there is no
 * prefix, fuzzy, regex, range or field syntax to abuse ({@code botox*} and {@code botox~} search
 * for botox; misspellings are the speller's job).
 *
 * <p>The parser's own query factories are replaced by ones that record each word and phrase with
 * where it stands in the text (the speller rewrites words in place); {@link QueryPlanner} then
 * builds the real query from the parts, over our fields and with our synonyms.
 */
final class UserSyntax extends SimpleQueryParser {

  /**
   * Longest query accepted, in characters: a long pasted paragraph fits, a 100 KB blob does not.
   */
  static final int MAX_QUERY_CHARS = 4000;

  /**
   * Most query parts (words, phrases) read; more than a long paragraph has, and fewer than Lucene's
   * clause limit, which the parser's boolean tree must stay under.
   */
  static final int MAX_PARTS = 1000;

  /** Longest distance asked for with {@code "..."~N}; more is the same as any order. */
  static final int MAX_SLOP = 20;

  private static final int FLAGS =
      PHRASE_OPERATOR | NOT_OPERATOR | OR_OPERATOR | NEAR_OPERATOR | WHITESPACE_OPERATOR;

  /** One word or quoted phrase of the query, with where it stands in the cleaned text. */
  record Part(
      boolean phrase,
      String text,
      int start,
      int end,
      boolean negated,
      boolean orWithPrevious,
      int slop) {

    Part with(boolean negated, boolean orWithPrevious) {
      return new Part(phrase, text, start, end, negated, orWithPrevious, slop);
    }
  }

  /** The query split into its parts; {@code text} is the cleaned query the offsets point into. */
  record Parsed(String text, List<Part> parts) {
    Parsed {
      Objects.requireNonNull(text, "text");
      parts = List.copyOf(parts);
    }

    boolean isBlank() {
      return parts.isEmpty();
    }
  }

  // one parse at a time per instance: the factories below fill these
  private String text;
  private int cursor;
  private int made;

  private UserSyntax() {
    // the analyzer and fields are never used: the factories below build no real query
    super(new KeywordAnalyzer(), java.util.Map.of("_", 1f), FLAGS);
    setDefaultOperator(Occur.MUST);
  }

  /**
   * Splits {@code raw} into words, phrases, exclusions and alternatives.
   *
   * @throws InvalidQueryException when the text is longer than {@link #MAX_QUERY_CHARS}
   */
  static Parsed read(String raw) {
    String text = clean(raw);
    if (text.isEmpty()) {
      return new Parsed(text, List.of());
    }
    if (text.equals("*")) {
      // every entry to the parser; here it is text like any other (which analyzes to nothing)
      return new Parsed(text, List.of(new Part(false, text, 0, 1, false, false, 0)));
    }
    String bar = orAsBar(text);
    List<Part> parts = new ArrayList<>();
    for (int[] segment : segments(bar)) {
      UserSyntax syntax = new UserSyntax();
      syntax.text = text;
      syntax.cursor = segment[0];
      syntax.made = parts.size();
      flatten(syntax.parse(bar.substring(segment[0], segment[1])), false, parts);
      if (parts.size() >= MAX_PARTS) {
        break;
      }
    }
    return new Parsed(text, parts);
  }

  /** Marks each word with where it stands; the parser visits them in text order. */
  @Override
  protected Query newDefaultQuery(String word) {
    return leaf(false, word, 0);
  }

  @Override
  protected Query newPhraseQuery(String phrase, int slop) {
    return leaf(true, phrase, Math.min(slop, MAX_SLOP));
  }

  private Query leaf(boolean phrase, String content, int slop) {
    int start = text.indexOf(content, cursor);
    if (start < 0) {
      throw new IllegalStateException("the parser handed back text that is not in the query");
    }
    cursor = start + content.length();
    if (made >= MAX_PARTS || content.isBlank()) {
      return null; // the parser leaves out a null part
    }
    made++;
    return new PartQuery(new Part(phrase, content, start, cursor, false, false, slop));
  }

  /**
   * The parts of the parser's tree in text order. The tree is built left to right (whitespace is
   * AND, {@code |} is OR, each change of operator a new level), so an OR's first operand is the
   * whole run of words before it; marking each alternative as "or with the previous part" instead
   * lets the planner bind OR to the neighbouring words only. A minus is never part of an OR.
   */
  private static void flatten(Query q, boolean negated, List<Part> out) {
    if (q instanceof PartQuery pq) {
      out.add(pq.part.with(negated, false));
      return;
    }
    if (!(q instanceof BooleanQuery bq)) {
      return;
    }
    List<BooleanClause> clauses = bq.clauses();
    if (clauses.size() == 2
        && clauses.get(0).occur() == Occur.MUST_NOT
        && clauses.get(1).query() instanceof MatchAllDocsQuery) {
      flatten(clauses.get(0).query(), !negated, out); // the parser's form of "-x"
      return;
    }
    boolean or = clauses.stream().allMatch(c -> c.occur() == Occur.SHOULD);
    for (int i = 0; i < clauses.size(); i++) {
      int first = out.size();
      flatten(clauses.get(i).query(), negated, out);
      if (or && i > 0 && first < out.size() && first > 0) {
        Part p = out.get(first);
        Part before = out.get(first - 1);
        if (!p.negated() && !before.negated()) {
          out.set(first, p.with(false, true));
        }
      }
    }
  }

  /** Words per piece of a long query handed to the parser; see {@link #segments}. */
  private static final int SEGMENT_WORDS = 32;

  /**
   * The query cut into pieces of about {@value #SEGMENT_WORDS} words, [start, end) each, for the
   * parser one at a time: it adds each word to its boolean tree by copying the tree, so a pasted
   * page of a thousand words cost half a million copies. A cut falls only on whitespace outside
   * quotes and never next to a {@code |}, so phrases and alternatives stay whole, and words are
   * joined by AND across pieces as within one.
   */
  static List<int[]> segments(String text) {
    int lastQuote = text.lastIndexOf('"');
    int quotes = 0;
    for (int i = 0; i < text.length(); i++) {
      quotes += text.charAt(i) == '"' ? 1 : 0;
    }
    // an unpaired last quote is text to the parser, so it does not open a phrase here either
    int unpaired = quotes % 2 == 1 ? lastQuote : -1;
    List<int[]> out = new ArrayList<>();
    int start = 0;
    int words = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' && i != unpaired) {
        quoted = !quoted;
      } else if (!quoted
          && Character.isWhitespace(c)
          && i > 0
          && !Character.isWhitespace(text.charAt(i - 1))) {
        words++;
        if (words >= SEGMENT_WORDS && !nextToBar(text, i)) {
          out.add(new int[] {start, i});
          start = i;
          words = 0;
        }
      }
    }
    out.add(new int[] {start, text.length()});
    return out;
  }

  /** Whether the nearest non-space characters on either side of {@code at} include a bar. */
  private static boolean nextToBar(String text, int at) {
    int before = at - 1;
    while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
      before--;
    }
    int after = at;
    while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
      after++;
    }
    return before >= 0 && text.charAt(before) == '|'
        || after < text.length() && text.charAt(after) == '|';
  }

  /**
   * {@code text} with each stand-alone {@code OR} outside quotes written as {@code |}, the parser's
   * operator, keeping every offset (the word "or" in lower case is text, a stopword).
   */
  static String orAsBar(String text) {
    StringBuilder sb = null;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted
          && c == 'O'
          && i + 1 < text.length()
          && text.charAt(i + 1) == 'R'
          && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))
          && (i + 2 == text.length() || Character.isWhitespace(text.charAt(i + 2)))) {
        if (sb == null) {
          sb = new StringBuilder(text);
        }
        sb.setCharAt(i, '|');
        sb.setCharAt(i + 1, ' ');
      }
    }
    return sb == null ? text : sb.toString();
  }

  /** Removes control characters and bounds the length; everything else is left for the analyzer. */
  static String clean(String raw) {
    if (raw == null) {
      return "";
    }
    if (raw.length() > MAX_QUERY_CHARS) {
      throw new InvalidQueryException(
          "The search is too long: please use at most " + MAX_QUERY_CHARS + " characters.");
    }
    StringBuilder sb = new StringBuilder(raw.length());
    raw.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)
                  || cp == 0xFFFD
                  || Character.getType(cp) == Character.SURROGATE) {
                sb.append(' ');
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString().strip();
  }

  /** A part standing in the parser's tree; never searched. */
  private static final class PartQuery extends Query {
    final Part part;

    PartQuery(Part part) {
      this.part = part;
    }

    @Override
    public String toString(String field) {
      return (part.negated() ? "-" : "") + (part.phrase() ? '"' + part.text() + '"' : part.text());
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PartQuery p && p.part.equals(part);
    }

    @Override
    public int hashCode() {
      return part.hashCode();
    }
  }
}
