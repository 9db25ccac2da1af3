package org.qarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.qarchive.index.Fields;

/**
 * Turns what a patient typed into a Lucene query without ever failing: plain words, "exact phrases", -exclusions
 * and OR are understood; every other character is just text. There is no regex, wildcard, fuzzy, range or field
 * syntax to abuse.
 */
public final class UserQueryParser {

  /** Longest query accepted, in characters: a long pasted paragraph fits, a 100 KB blob does not. */
  public static final int MAX_QUERY_CHARS = 4000;
  /** Most query words that are scored; more than a long paragraph has. */
  public static final int MAX_CLAUSES = 256;

  private static final Pattern TOKEN = Pattern.compile("(-?)\"([^\"]*)\"|(\\S+)");

  private final Analyzer analyzer;
  private final QueryBuilder builder;
  private final Map<String, Float> weights;

  /** A parser scoring the given fields with the given weights. */
  public UserQueryParser(Analyzer analyzer, Map<String, Float> fieldWeights) {
    this.analyzer = analyzer;
    this.builder = new QueryBuilder(analyzer);
    this.weights = Map.copyOf(fieldWeights);
  }

  /** The default fields and weights: a title match counts most, then the question, then the answer. */
  public static Map<String, Float> defaultWeights() {
    return Map.of(Fields.TITLE, 2.0f, Fields.QUESTION, 1.5f, Fields.ANSWER, 1.0f);
  }

  /** Parses the query for ranking; a blank query matches every entry. */
  public Query parse(String raw) {
    return parse(raw, true);
  }

  /**
   * Parses the query for highlighting: the same clauses without the proximity boost, so single words are marked
   * one by one instead of as one long span.
   */
  public Query parseForHighlight(String raw) {
    return parse(raw, false);
  }

  private Query parse(String raw, boolean withProximity) {
    String text = clean(raw);
    if (text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    List<Query> orGroup = new ArrayList<>();
    List<String> plainWords = new ArrayList<>();
    boolean pendingOr = false;
    int clauses = 0;
    boolean positive = false;
    Matcher m = TOKEN.matcher(text);
    while (m.find() && clauses < MAX_CLAUSES) {
      boolean isPhrase = m.group(2) != null;
      String word = isPhrase ? m.group(2) : m.group(3);
      boolean negated = isPhrase ? !m.group(1).isEmpty() : word.length() > 1 && word.startsWith("-");
      if (!isPhrase && negated) {
        word = word.substring(1);
      }
      if (!isPhrase && word.equals("OR")) {
        pendingOr = !orGroup.isEmpty();
        continue;
      }
      Query q = isPhrase ? phrase(word) : word(word);
      if (q == null) {
        pendingOr = false;
        continue;
      }
      clauses++;
      if (negated) {
        query.add(q, Occur.MUST_NOT);
        pendingOr = false;
        continue;
      }
      if (!pendingOr) {
        flush(query, orGroup);
      }
      pendingOr = false;
      orGroup.add(isPhrase ? new BoostQuery(q, 1.5f) : q);
      positive = true;
      if (!isPhrase) {
        plainWords.add(word);
      }
    }
    flush(query, orGroup);
    if (!positive) {
      if (clauses == 0) {
        return new MatchNoDocsQuery("nothing searchable in the query");
      }
      query.add(new MatchAllDocsQuery(), Occur.SHOULD);
    }
    if (withProximity && plainWords.size() > 1) {
      Query proximity = proximity(String.join(" ", plainWords));
      if (proximity != null) {
        query.add(proximity, Occur.SHOULD);
      }
    }
    return query.build();
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
              if (Character.isISOControl(cp) || cp == 0xFFFD || Character.getType(cp) == Character.SURROGATE) {
                sb.append(' ');
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString().strip();
  }

  private static void flush(BooleanQuery.Builder query, List<Query> group) {
    if (group.isEmpty()) {
      return;
    }
    if (group.size() == 1) {
      query.add(group.get(0), group.get(0) instanceof BoostQuery ? Occur.MUST : Occur.SHOULD);
    } else {
      BooleanQuery.Builder or = new BooleanQuery.Builder();
      group.forEach(q -> or.add(q, Occur.SHOULD));
      query.add(or.build(), Occur.SHOULD);
    }
    group.clear();
  }

  private Query word(String word) {
    List<Query> perField = new ArrayList<>();
    weights.forEach(
        (field, w) -> {
          Query q = builder.createBooleanQuery(field, word, Occur.SHOULD);
          if (q != null) {
            perField.add(new BoostQuery(q, w));
          }
        });
    return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, 0.3f);
  }

  private Query phrase(String phrase) {
    List<Query> perField = new ArrayList<>();
    weights.forEach(
        (field, w) -> {
          Query q = builder.createPhraseQuery(field, phrase);
          if (q != null) {
            perField.add(new BoostQuery(q, w));
          }
        });
    return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, 0.1f);
  }

  private Query proximity(String words) {
    List<Query> perField = new ArrayList<>();
    weights.forEach(
        (field, w) -> {
          Query q = builder.createPhraseQuery(field, words, 8);
          if (q != null) {
            perField.add(new BoostQuery(q, w * 0.5f));
          }
        });
    return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, 0.1f);
  }

  /** The analyzer the parser uses; exposed so the highlighter analyzes the same way. */
  Analyzer analyzer() {
    return analyzer;
  }

}
