package org.qarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a patient typed into a Lucene query without ever failing: plain words, "exact
 * phrases", -exclusions and OR are understood; every other character is just text. There is no
 * regex, wildcard, fuzzy, range or field syntax to abuse.
 *
 * <p>Plain words are analyzed together with the synonyms, so a multi-word entry ("tummy tuck")
 * meets its other side (abdominoplasty); a word that only a synonym brought in weighs less than the
 * typed one. How many of the words must match is a {@link Match}: all of them for a short query,
 * any uncommon one for a long one (words found in most entries need not match at all), any of them
 * when relaxing a query that found nothing.
 */
public final class UserQueryParser {

  /**
   * Longest query accepted, in characters: a long pasted paragraph fits, a 100 KB blob does not.
   */
  public static final int MAX_QUERY_CHARS = 4000;

  /** Most query parts (words, phrases) read; more than a long paragraph has. */
  public static final int MAX_CLAUSES = 1000;

  /**
   * Most distinct words scored. Past it the rarest words are kept: each word is a disjunction over
   * every field, so a pasted page of text would otherwise make the slowest searches (64 changes no
   * answer of the MEDIQA dev set; 40 cost 0.002 nDCG@10).
   */
  public static final int MAX_SCORED_WORDS = 64;

  /** Most words of a long query whose matches are marked in snippets; see {@link #highlighted}. */
  static final int MAX_HIGHLIGHTED_WORDS = 24;

  /**
   * Longest query (in scored words) that also gets the words-near-each-other clause: a sloppy
   * phrase over many words costs a lot and, on the MEDIQA dev set, changes no answer above eight
   * words.
   */
  private static final int MAX_PROXIMITY_WORDS = 8;

  /** How many of a query's plain words must match. */
  public enum Match {
    ALL,
    MOST,
    ANY
  }

  /** One word or quoted phrase of the query, with where it stands in the cleaned text. */
  record Part(
      boolean phrase, String text, int start, int end, boolean negated, boolean orWithPrevious) {}

  /** The query split into its parts; {@code text} is the cleaned query the offsets point into. */
  record Parsed(String text, List<Part> parts) {
    boolean isBlank() {
      return parts.isEmpty();
    }
  }

  private static final Pattern TOKEN = Pattern.compile("(-?)\"([^\"]*)\"|(\\S+)");
  private static final String ANY_FIELD = "_";

  private final Analyzer plain;
  private final QueryBuilder plainBuilder;
  private final QueryBuilder synonymBuilder;
  private final Ranking ranking;
  private final Map<String, Float> weights;

  /**
   * A parser that analyzes with {@code plain} (phrases, exclusions, proximity) and {@code
   * withSynonyms} (plain words), and weighs fields and clauses by {@code ranking}.
   */
  public UserQueryParser(Analyzer plain, Analyzer withSynonyms, Ranking ranking) {
    this.plain = plain;
    this.plainBuilder = new QueryBuilder(plain);
    this.synonymBuilder = new QueryBuilder(withSynonyms);
    this.synonymBuilder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    this.ranking = ranking;
    this.weights = ranking.fieldWeights();
  }

  /** Splits the query into words, phrases, exclusions and OR; bounds its length. */
  Parsed read(String raw) {
    String text = clean(raw);
    List<Part> parts = new ArrayList<>();
    boolean pendingOr = false;
    Matcher m = TOKEN.matcher(text);
    while (m.find() && parts.size() < MAX_CLAUSES) {
      boolean isPhrase = m.group(2) != null;
      String word = isPhrase ? m.group(2) : m.group(3);
      int start = isPhrase ? m.start(2) : m.start(3);
      boolean negated =
          isPhrase ? !m.group(1).isEmpty() : word.length() > 1 && word.startsWith("-");
      if (!isPhrase && negated) {
        word = word.substring(1);
        start++;
      }
      if (!isPhrase && word.equals("OR")) {
        pendingOr = !parts.isEmpty() && !parts.get(parts.size() - 1).negated();
        continue;
      }
      if (word.isBlank()) {
        continue;
      }
      parts.add(
          new Part(isPhrase, word, start, start + word.length(), negated, pendingOr && !negated));
      pendingOr = false;
    }
    return new Parsed(text, parts);
  }

  /**
   * How many words a query must match before any relaxing: all of them for a short query; for a
   * longer one any word that is not common, the ranking putting entries that match more words first
   * (the dev set showed that requiring most words of a long question loses good answers that word
   * it differently).
   */
  Match defaultMatch(Parsed parsed) {
    return plainWordCount(parsed) <= ranking.allWordsUpTo() ? Match.ALL : Match.ANY;
  }

  /**
   * Number of analyzed plain words (stopwords do not count), which tells whether relaxing can help.
   */
  int plainWordCount(Parsed parsed) {
    return analyzedTerms(String.join(" ", groups(parsed).words)).size();
  }

  /**
   * The query for ranking. {@code reader} tells which words are common; a blank query matches
   * everything.
   */
  Query query(Parsed parsed, Match match, IndexReader reader) {
    return queries(parsed, match, reader).ranking();
  }

  /**
   * The query for highlighting: the same words and synonyms, no proximity clause, nothing required.
   */
  Query highlightQuery(Parsed parsed, IndexReader reader) {
    return queries(parsed, Match.ANY, reader).highlight();
  }

  /**
   * The query to rank with and the one to highlight with (every scored word, synonym, phrase and
   * alternative, none required, no proximity clause; the same whatever {@code match} is), built
   * together: building analyzes the words with their synonyms and looks up how common each is,
   * which is a tenth of a search.
   */
  record Queries(Query ranking, Query highlight) {}

  private record Groups(
      List<String> words, List<Part> phrases, List<List<Part>> ors, List<Part> excluded) {}

  private static Groups groups(Parsed parsed) {
    List<List<Part>> positive = new ArrayList<>();
    List<Part> excluded = new ArrayList<>();
    for (Part p : parsed.parts()) {
      if (p.negated()) {
        excluded.add(p);
      } else if (p.orWithPrevious() && !positive.isEmpty()) {
        positive.get(positive.size() - 1).add(p);
      } else {
        positive.add(new ArrayList<>(List.of(p)));
      }
    }
    List<String> words = new ArrayList<>();
    List<Part> phrases = new ArrayList<>();
    List<List<Part>> ors = new ArrayList<>();
    for (List<Part> g : positive) {
      if (g.size() > 1) {
        ors.add(g);
      } else if (g.get(0).phrase()) {
        phrases.add(g.get(0));
      } else {
        words.add(g.get(0).text());
      }
    }
    return new Groups(words, phrases, ors, excluded);
  }

  /** Both queries; see {@link Queries}. */
  Queries queries(Parsed parsed, Match match, IndexReader reader) {
    if (parsed.isBlank()) {
      return new Queries(new MatchAllDocsQuery(), new MatchAllDocsQuery());
    }
    BooleanQuery.Builder highlight = new BooleanQuery.Builder();
    Groups g = groups(parsed);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    // Lucene refuses a query with more leaf clauses than this; parts past it are left out
    int[] budget = {IndexSearcher.getMaxClauseCount() - 64};
    boolean positive = false;
    boolean any = false;

    String words = String.join(" ", g.words());
    Set<String> typed = analyzedTerms(words);
    // each term is looked up in the index once: for how common it is, and for the weight that ranks
    // with it
    TermLookup lookup = reader == null || reader.maxDoc() == 0 ? null : new TermLookup(reader);
    List<Query> units = withTermStates(units(words, typed), lookup);
    if (!units.isEmpty()) {
      boolean capped = units.size() > MAX_SCORED_WORDS || leaves(units) > budget[0] / 2;
      // looked up once per unit, and only when it decides something
      Map<Query, Double> commonness = new IdentityHashMap<>();
      if (capped || units.size() > ranking.allWordsUpTo()) {
        units.forEach(u -> commonness.put(u, commonness(u, lookup)));
      }
      if (capped) {
        // the rarest words tell most about the topic; a word no entry contains matches nothing, so
        // it goes last
        units.sort(
            Comparator.comparingDouble(
                u -> {
                  double c = commonness.get(u);
                  return c == 0 ? 2 : c;
                }));
        List<Query> kept = new ArrayList<>();
        int used = 0;
        for (Query u : units) {
          int n = leaves(u);
          if (kept.size() == MAX_SCORED_WORDS || used + n > budget[0] / 2) {
            break;
          }
          kept.add(u);
          used += n;
        }
        units = kept;
      }
      budget[0] -= leaves(units);
      highlighted(units, commonness)
          .forEach(u -> highlight.add(typedPhrasesAsWords(u, typed), Occur.SHOULD));
      List<Query> informative = new ArrayList<>();
      List<Query> common = new ArrayList<>();
      for (Query u : units) {
        boolean isCommon =
            units.size() > ranking.allWordsUpTo() && commonness.get(u) > ranking.commonWordRatio();
        (isCommon ? common : informative).add(u);
      }
      if (informative.isEmpty()) {
        informative = common;
        common = List.of();
      }
      if (match == Match.ALL) {
        informative.forEach(u -> query.add(u, Occur.MUST));
      } else if (match == Match.ANY && g.phrases().isEmpty() && g.ors().isEmpty()) {
        // one flat disjunction, which Lucene ranks by skipping whole blocks that cannot reach the
        // page (a required disjunction under optional common words could not skip, which made a
        // pasted paragraph on a large archive slow: docs/benchmarks.md).
        // An entry with only common words now matches too, low down: common words weigh little.
        informative.forEach(u -> query.add(u, Occur.SHOULD));
      } else {
        BooleanQuery.Builder some = new BooleanQuery.Builder();
        informative.forEach(u -> some.add(u, Occur.SHOULD));
        int k =
            match == Match.ANY
                ? 1
                : Math.max(1, Math.round(ranking.mostWords() * informative.size()));
        some.setMinimumNumberShouldMatch(k);
        query.add(some.build(), Occur.MUST);
      }
      common.forEach(u -> query.add(u, Occur.SHOULD));
      positive = true;
      any = true;
      if (typed.size() > 1 && ranking.proximityBoost() > 0) {
        Query near =
            typed.size() <= MAX_PROXIMITY_WORDS
                ? perField(f -> plainBuilder.createPhraseQuery(f, words, ranking.slop()), 1f)
                : null;
        if (near != null) {
          query.add(new BoostQuery(near, ranking.proximityBoost()), Occur.SHOULD);
        }
      }
    }
    for (Part p : g.phrases()) {
      Query q = withinBudget(phrase(p.text()), budget);
      if (q != null) {
        query.add(q, Occur.MUST);
        highlight.add(q, Occur.SHOULD);
        positive = true;
      }
      any = true;
    }
    for (List<Part> or : g.ors()) {
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      int n = 0;
      for (Part p : or) {
        Query q = p.phrase() ? phrase(p.text()) : wordsAnyOf(p.text());
        if (q != null) {
          either.add(q, Occur.SHOULD);
          n++;
        }
      }
      any = true;
      Query eitherQuery = n > 0 ? withinBudget(either.build(), budget) : null;
      if (eitherQuery != null) {
        query.add(eitherQuery, match == Match.ALL || !positive ? Occur.MUST : Occur.SHOULD);
        highlight.add(eitherQuery, Occur.SHOULD);
        positive = true;
      }
    }
    for (Part p : g.excluded()) {
      Query q =
          withinBudget(
              p.phrase()
                  ? phrase(p.text())
                  : perField(f -> plainBuilder.createBooleanQuery(f, p.text()), 1f),
              budget);
      if (q != null) {
        query.add(q, Occur.MUST_NOT);
        any = true;
      }
    }
    if (!positive) {
      if (!any) {
        Query nothing = new MatchNoDocsQuery("nothing searchable in the query");
        return new Queries(nothing, nothing);
      }
      query.add(new MatchAllDocsQuery(), Occur.SHOULD);
    }
    return new Queries(query.build(), highlight.build());
  }

  /**
   * The units whose matches are marked: all of them, but of a long query only the {@link
   * #MAX_HIGHLIGHTED_WORDS} rarest that some entry contains. Those are what made an entry match;
   * marking more puts a mark on every other word of a snippet, and each marked unit costs a look-up
   * per field of every hit on the page.
   */
  private static List<Query> highlighted(List<Query> units, Map<Query, Double> commonness) {
    if (units.size() <= MAX_HIGHLIGHTED_WORDS || commonness.isEmpty()) {
      return units;
    }
    return units.stream()
        .filter(u -> commonness.get(u) > 0)
        .sorted(Comparator.comparingDouble(commonness::get))
        .limit(MAX_HIGHLIGHTED_WORDS)
        .toList();
  }

  /**
   * {@code unit} for highlighting, with each phrase made only of typed words (the analyzer makes
   * one where a multi-word synonym covers the typed words, as "prostate cancer" for "prostate
   * carcinoma") turned into its words: the user typed each of them, so each may be marked wherever
   * it stands. Marking a phrase strictly means running it over every field of every hit again, a
   * tenth of a search; phrases a synonym brought in stay strict, so "blood" is not marked alone for
   * "hypertension".
   */
  private static Query typedPhrasesAsWords(Query unit, Set<String> typed) {
    return QueryTrees.mapLeaves(
        unit,
        leaf -> {
          if (!(leaf instanceof PhraseQuery pq)) {
            return leaf;
          }
          for (Term t : pq.getTerms()) {
            if (!typed.contains(t.text())) {
              return leaf;
            }
          }
          BooleanQuery.Builder words = new BooleanQuery.Builder();
          for (Term t : pq.getTerms()) {
            words.add(new TermQuery(t), Occur.SHOULD);
          }
          return words.build();
        });
  }

  /**
   * The plain words as scoring units, one per word position or per multi-word synonym span, each
   * over every field; repeated words count once.
   */
  private List<Query> units(String words, Set<String> typed) {
    if (words.isBlank()) {
      return new ArrayList<>();
    }
    Query q = synonymBuilder.createBooleanQuery(ANY_FIELD, words, Occur.SHOULD);
    if (q == null) {
      return new ArrayList<>();
    }
    List<Query> raw = new ArrayList<>();
    if (q instanceof BooleanQuery bq) {
      bq.clauses().forEach(c -> raw.add(c.query()));
    } else {
      raw.add(q);
    }
    Map<Query, Query> distinct = new LinkedHashMap<>();
    for (Query u : raw) {
      distinct.computeIfAbsent(u, x -> toFields(x, typed));
    }
    return new ArrayList<>(distinct.values());
  }

  /** Words of an OR alternative: any of them, with synonyms. */
  private Query wordsAnyOf(String text) {
    Set<String> typed = analyzedTerms(text);
    List<Query> units = units(text, typed);
    if (units.isEmpty()) {
      return null;
    }
    if (units.size() == 1) {
      return units.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    units.forEach(u -> b.add(u, Occur.MUST));
    return b.build();
  }

  private Query phrase(String text) {
    Query q = perField(f -> plainBuilder.createPhraseQuery(f, text), 1f);
    return q == null ? null : new BoostQuery(q, ranking.phraseBoost());
  }

  /** Rewrites a query on the placeholder field into the same query over every weighted field. */
  private Query toFields(Query q, Set<String> typed) {
    if (q instanceof TermQuery tq) {
      String t = tq.getTerm().text();
      return perField(f -> new TermQuery(new Term(f, t)), weightOf(typed, t));
    }
    if (q instanceof SynonymQuery sq) {
      return perField(
          f -> {
            SynonymQuery.Builder b = new SynonymQuery.Builder(f);
            for (Term t : sq.getTerms()) {
              b.addTerm(new Term(f, t.bytes()), weightOf(typed, t.text()));
            }
            return b.build();
          },
          1f);
    }
    if (q instanceof PhraseQuery pq) {
      Term[] terms = pq.getTerms();
      int[] positions = pq.getPositions();
      float w = 1f;
      for (Term t : terms) {
        w = Math.min(w, weightOf(typed, t.text()));
      }
      if (w < 1f) {
        // a phrase scores each of its words: a synonym phrase counts as one word, like the word it
        // stands for
        w /= terms.length;
      }
      return perField(
          f -> {
            PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(pq.getSlop());
            for (int i = 0; i < terms.length; i++) {
              b.add(new Term(f, terms[i].bytes()), positions[i]);
            }
            return b.build();
          },
          w);
    }
    if (q instanceof MultiPhraseQuery mq) {
      return perField(
          f -> {
            MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder().setSlop(mq.getSlop());
            Term[][] arrays = mq.getTermArrays();
            int[] positions = mq.getPositions();
            for (int i = 0; i < arrays.length; i++) {
              Term[] mapped = new Term[arrays[i].length];
              for (int j = 0; j < mapped.length; j++) {
                mapped[j] = new Term(f, arrays[i][j].bytes());
              }
              b.add(mapped, positions[i]);
            }
            return b.build();
          },
          ranking.synonymBoost());
    }
    if (q instanceof BooleanQuery bq) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      for (BooleanClause c : bq.clauses()) {
        b.add(toFields(c.query(), typed), c.occur());
      }
      return b.build();
    }
    if (q instanceof BoostQuery b) {
      return new BoostQuery(toFields(b.getQuery(), typed), b.getBoost());
    }
    throw new IllegalStateException(
        "unexpected query from the analyzer: " + q.getClass().getSimpleName());
  }

  private float weightOf(Set<String> typed, String term) {
    return typed.contains(term) ? 1f : ranking.synonymBoost();
  }

  /**
   * The same query over every weighted field, the best field counting most; null when no field has
   * terms.
   */
  private Query perField(Function<String, Query> forField, float boost) {
    List<Query> perField = new ArrayList<>();
    weights.forEach(
        (field, w) -> {
          Query q = forField.apply(field);
          if (q != null) {
            perField.add(new BoostQuery(q, w * boost));
          }
        });
    return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, ranking.tie());
  }

  /**
   * {@code q} if its leaves fit in what is left of the budget (which it then uses up), else null.
   */
  private static Query withinBudget(Query q, int[] budget) {
    if (q == null) {
      return null;
    }
    int n = leaves(q);
    if (n > budget[0]) {
      return null;
    }
    budget[0] -= n;
    return q;
  }

  private static int leaves(List<Query> queries) {
    return queries.stream().mapToInt(UserQueryParser::leaves).sum();
  }

  /** The leaf clauses of {@code q}, as Lucene counts them against its clause limit. */
  static int leaves(Query q) {
    int[] n = {0};
    q.visit(
        new org.apache.lucene.search.QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... terms) {
            n[0]++;
          }

          @Override
          public void visitLeaf(Query query) {
            n[0]++;
          }

          @Override
          public org.apache.lucene.search.QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }
        });
    return n[0];
  }

  /** The largest share of entries that contain one of the unit's terms in some field. */
  private static double commonness(Query unit, TermLookup lookup) {
    if (lookup == null) {
      return 0;
    }
    double[] most = {0};
    unit.visit(
        new org.apache.lucene.search.QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... terms) {
            for (Term t : terms) {
              most[0] = Math.max(most[0], lookup.states(t).docFreq() / (double) lookup.maxDoc);
            }
          }

          @Override
          public org.apache.lucene.search.QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }
        });
    return most[0];
  }

  /**
   * The terms of one query build, each looked up in every segment once ({@link TermStates}): a term
   * query carrying its states skips the lookup when its weight is built, and the same states tell
   * how common the term is.
   */
  private static final class TermLookup {
    private final IndexSearcher searcher;
    private final int maxDoc;
    private final Map<Term, TermStates> states = new HashMap<>();

    TermLookup(IndexReader reader) {
      this.searcher = new IndexSearcher(reader);
      this.maxDoc = reader.maxDoc();
    }

    TermStates states(Term term) {
      TermStates s = states.get(term);
      if (s == null) {
        try {
          s = TermStates.build(searcher, term, true);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        states.put(term, s);
      }
      return s;
    }
  }

  /**
   * {@code units} with each term query carrying its looked-up states (unchanged without a lookup).
   */
  private static List<Query> withTermStates(List<Query> units, TermLookup lookup) {
    if (lookup == null) {
      return units;
    }
    List<Query> out = new ArrayList<>(units.size());
    units.forEach(u -> out.add(withTermStates(u, lookup)));
    return out;
  }

  private static Query withTermStates(Query q, TermLookup lookup) {
    return QueryTrees.mapLeaves(
        q,
        leaf ->
            leaf instanceof TermQuery tq
                ? new TermQuery(tq.getTerm(), lookup.states(tq.getTerm()))
                : leaf);
  }

  /** The terms the plain analysis (no synonyms) makes of {@code text}. */
  Set<String> analyzedTerms(String text) {
    Set<String> terms = new HashSet<>();
    if (text.isBlank()) {
      return terms;
    }
    try (TokenStream ts = plain.tokenStream(ANY_FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
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
}
