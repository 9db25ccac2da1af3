package org.qarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
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
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.qarchive.index.Analysis;
import org.qarchive.search.SearchResult.Relaxation;
import org.qarchive.search.UserSyntax.Parsed;
import org.qarchive.search.UserSyntax.Part;

/**
 * Turns what a patient typed into the queries a search runs, in one pass: parse ({@link
 * UserSyntax}), correct misspelled words ({@link Speller}), then build the ranking query for each
 * way of loosening it and the query that marks matches in snippets, each word looked up in the
 * index once. The result, a {@link QueryPlan}, also says which words were typed, which a synonym
 * brought in and which were corrected.
 *
 * <p>Plain words are analyzed together with the synonyms, so a multi-word entry ("tummy tuck")
 * meets its other side (abdominoplasty); a word that only a synonym brought in weighs less than the
 * typed one. How many of the words must match is a {@link Match}: all of them for a short query,
 * any uncommon one for a long one (words found in most entries need not match at all), any of them
 * when relaxing a query that found nothing. A planner is immutable and shared by all searches; to
 * change the synonyms, build a new one.
 */
public final class QueryPlanner {

  /**
   * Longest query accepted, in characters: a long pasted paragraph fits, a 100 KB blob does not.
   */
  public static final int MAX_QUERY_CHARS = UserSyntax.MAX_QUERY_CHARS;

  /** Most query parts (words, phrases) read; more than a long paragraph has. */
  public static final int MAX_CLAUSES = UserSyntax.MAX_PARTS;

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

  /**
   * Words that ask how, when or how long rather than about what: in a patient's question they are
   * not the topic ("how long does swelling last after a nose job", "botox while pregnant",
   * "recovery time"). They neither match nor score, are not marked, and need not match for a query
   * to count as matched closely; they count only through the proximity of the words typed. Analyzed
   * like the query, so "lasts" and "lasting" are "last".
   */
  static final List<String> WEAK_WORDS =
      List.of(
          "long",
          "longer",
          "last",
          "lasts",
          "lasting",
          "while",
          "time",
          "times",
          "after",
          "before",
          "during",
          "since",
          "until",
          "till",
          "still",
          "again",
          "ago",
          "soon",
          "later",
          "often",
          "ever",
          "never",
          "always",
          "usually",
          "normal",
          "normally",
          "ok",
          "okay",
          "way",
          "thing",
          "things",
          "really",
          "much",
          "many",
          "lot",
          "lots",
          "day",
          "days",
          "week",
          "weeks",
          "month",
          "months",
          "year",
          "years",
          "hour",
          "hours",
          "minute",
          "minutes",
          "take",
          "takes",
          "taking",
          "took",
          "go",
          "goes",
          "going",
          "went",
          "come",
          "comes",
          "coming",
          "make",
          "makes",
          "made",
          "need",
          "needs",
          "want",
          "wants",
          "know",
          "like",
          "feel",
          "feels",
          "possible",
          "right",
          "now",
          "new",
          "old",
          "first",
          "one",
          "two",
          "best",
          "good",
          "bad",
          "better",
          "worse",
          "long-term",
          "happen",
          "happens",
          "start",
          "stop",
          "help",
          "helps",
          "tell",
          "say",
          "said",
          "use",
          "used",
          "using",
          "ask",
          "question",
          "questions",
          "answer",
          "doctor",
          "dr");

  /** How many of a query's plain words must match. */
  public enum Match {
    ALL,
    MOST,
    ANY
  }

  private static final String ANY_FIELD = "_";

  private final Analyzer plain;
  private final QueryBuilder plainBuilder;
  private final QueryBuilder synonymBuilder;
  private final Ranking ranking;
  private final Map<String, Float> weights;
  private final Synonyms synonyms;
  private final Speller speller;
  private final Set<String> weakTerms;

  /** A planner that analyzes like {@code analysis}, with these synonyms and this ranking. */
  public QueryPlanner(Analysis analysis, Synonyms synonyms, Ranking ranking) {
    this.plain = analysis.textAnalyzer();
    this.plainBuilder = new QueryBuilder(plain);
    this.synonymBuilder = new QueryBuilder(analysis.queryAnalyzer(synonyms.map()));
    this.synonymBuilder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    this.ranking = Objects.requireNonNull(ranking, "ranking");
    this.weights = ranking.fieldWeights();
    this.synonyms = synonyms;
    this.speller = new Speller(synonyms.vocabulary(), this::analyzedTerms);
    Set<String> weak = new HashSet<>();
    WEAK_WORDS.forEach(w -> weak.addAll(analyzedTerms(w)));
    this.weakTerms = Set.copyOf(weak);
  }

  /** The synonyms this planner searches with. */
  public Synonyms synonyms() {
    return synonyms;
  }

  /** The ranking knobs this planner builds with. */
  public Ranking ranking() {
    return ranking;
  }

  /**
   * Plans the search for {@code query}: read, corrected (unless {@code exact}) against the words of
   * {@code reader}, and ready to build its queries.
   *
   * @throws InvalidQueryException when the query is longer than {@link #MAX_QUERY_CHARS}
   */
  public QueryPlan plan(String query, boolean exact, IndexReader reader) throws IOException {
    Parsed typed = UserSyntax.read(query);
    Speller.Corrected corrected = null;
    Speller.Corrected offered = null;
    Parsed parsed = typed;
    if (!exact && !typed.isBlank()) {
      Speller.Spelling spelling = speller.check(typed, reader);
      if (spelling != null) {
        corrected = spelling.applied();
        offered = spelling.offered();
      }
      if (corrected != null) {
        parsed = UserSyntax.read(corrected.text());
      }
    }
    return new QueryPlan(typed.text(), corrected, offered, new Build(parsed, reader));
  }

  /**
   * The queries of one plan, built once: each word analyzed with its synonyms and looked up in the
   * index once, whichever way the query is then loosened.
   */
  final class Build {
    final Parsed parsed;
    final Set<String> typed;
    final List<Query> units;
    final Map<Query, Double> commonness = new IdentityHashMap<>();
    final List<Query> informative = new ArrayList<>();
    final List<Query> common = new ArrayList<>();
    final Query near;
    final List<Query> phrases = new ArrayList<>();
    final List<Query> ors = new ArrayList<>();
    final List<Query> excluded = new ArrayList<>();
    final Query highlight;
    final boolean any;

    /** The units that are stop-like words ({@link #WEAK_WORDS}): they never match on their own. */
    final Set<Query> weak = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /** Each unit's concept: the units split from one multi-word synonym share it. */
    final Map<Query, Integer> concepts = new IdentityHashMap<>();

    /** The units that are a multi-word synonym's other side. */
    final Set<Query> alternatives = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /** Whether the query has a quoted phrase or an OR, whether or not they analyzed to terms. */
    final boolean phrasesOrAlternatives;

    Build(Parsed parsed, IndexReader reader) {
      this.parsed = parsed;
      Groups g = groups(parsed);
      String words = String.join(" ", g.words());
      this.typed = analyzedTerms(words);
      this.phrasesOrAlternatives = !g.phrases().isEmpty() || !g.ors().isEmpty();
      if (parsed.isBlank()) {
        units = List.of();
        near = null;
        highlight = new MatchAllDocsQuery();
        any = false;
        return;
      }
      ClauseBudget budget = new ClauseBudget();
      BooleanQuery.Builder marks = new BooleanQuery.Builder();
      boolean anything = false;
      // each term is looked up in the index once: for how common it is, and for the weight that
      // ranks with it
      TermLookup lookup = reader == null || reader.maxDoc() == 0 ? null : new TermLookup(reader);
      Map<Query, Integer> unitConcepts = new IdentityHashMap<>();
      Set<Query> unitAlternatives = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      List<Query> analyzed = units(words, typed, unitConcepts, unitAlternatives);
      List<Query> found = withTermStates(analyzed, lookup);
      for (int i = 0; i < found.size(); i++) {
        concepts.put(found.get(i), unitConcepts.get(analyzed.get(i)));
        if (unitAlternatives.contains(analyzed.get(i))) {
          alternatives.add(found.get(i));
        }
      }
      Query proximity = null;
      if (!found.isEmpty()) {
        boolean capped = found.size() > MAX_SCORED_WORDS || leaves(found) > budget.left() / 2;
        // looked up once per unit, and only when it decides something
        // a long query is one of more content words than must all match (the units of a synonym's
        // words and its other side count as the words typed)
        boolean longQuery = content().size() > ranking.allWordsUpTo();
        if (capped || longQuery) {
          found.forEach(u -> commonness.put(u, commonness(u, lookup)));
        }
        if (capped) {
          found = rarest(found, commonness, budget.left() / 2);
        }
        budget.use(leaves(found));
        for (Query u : found) {
          Set<String> terms = typedTermsOf(u, typed);
          if (!terms.isEmpty() && weakTerms.containsAll(terms)) {
            weak.add(u);
          }
        }
        if (weak.size() == found.size()) {
          weak.clear(); // only stop-like words were typed: they are the topic then
        }
        // stop-like words are not marked either: a snippet full of marked "after" and "long"
        // points at nothing
        List<Query> marked = found.stream().filter(u -> !weak.contains(u)).toList();
        highlighted(marked, commonness)
            .forEach(u -> marks.add(typedPhrasesAsWords(u, typed), Occur.SHOULD));
        for (Query u : found) {
          boolean isCommon = longQuery && commonness.get(u) > ranking.commonWordRatio();
          (isCommon ? common : informative).add(u);
        }
        if (informative.isEmpty()) {
          informative.addAll(common);
          common.clear();
        }

        anything = true;
        if (typed.size() > 1
            && ranking.proximityBoost() > 0
            && typed.size() <= MAX_PROXIMITY_WORDS) {
          proximity = perField(f -> plainBuilder.createPhraseQuery(f, words, ranking.slop()), 1f);
        }
      }
      this.units = found;
      this.near = proximity;
      for (Part p : g.phrases()) {
        Query q = budget.take(phrase(p));
        if (q != null) {
          phrases.add(q);
          marks.add(q, Occur.SHOULD);
        }
        anything = true;
      }
      for (List<Part> or : g.ors()) {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        int n = 0;
        for (Part p : or) {
          Query q = p.phrase() ? phrase(p) : wordsAnyOf(p.text());
          if (q != null) {
            either.add(q, Occur.SHOULD);
            n++;
          }
        }
        anything = true;
        Query eitherQuery = n > 0 ? budget.take(either.build()) : null;
        if (eitherQuery != null) {
          ors.add(eitherQuery);
          marks.add(eitherQuery, Occur.SHOULD);
        }
      }
      for (Part p : g.excluded()) {
        Query q =
            budget.take(
                p.phrase()
                    ? phrase(p)
                    : perField(f -> plainBuilder.createBooleanQuery(f, p.text()), 1f));
        if (q != null) {
          excluded.add(q);
          anything = true;
        }
      }
      this.any = anything;
      this.highlight = marks.build();
    }

    /** The typed terms that are not stop-like; all of them when only stop-like words were typed. */
    Set<String> content() {
      Set<String> content = new HashSet<>(typed);
      content.removeAll(weakTerms);
      return content.isEmpty() ? typed : content;
    }

    /** How many words must match before any loosening: stop-like words do not count. */
    Match defaultMatch() {
      return content().size() <= ranking.allWordsUpTo() ? Match.ALL : Match.ANY;
    }

    /** The ways to run the query, as typed first, then loosened: see {@link #relaxations}. */
    List<Relaxation> relaxations() {
      if (parsed.isBlank()) {
        return List.of(Relaxation.NONE);
      }
      List<Relaxation> steps = new ArrayList<>(List.of(Relaxation.NONE));
      Match first = defaultMatch();
      int words = content().size();
      if (first == Match.ALL && words >= 3) {
        steps.add(Relaxation.MOST_WORDS);
      }
      if (first != Match.ANY && words >= 2) {
        steps.add(Relaxation.ANY_WORD);
      }
      return List.copyOf(steps);
    }

    /** The ranking query when the query is loosened as {@code step} says. */
    Query ranking(Relaxation step) {
      return query(
          switch (step) {
            case NONE -> defaultMatch();
            case MOST_WORDS -> Match.MOST;
            case ANY_WORD -> Match.ANY;
          });
    }

    /** The ranking query when {@code match} of the plain words must match. */
    Query query(Match match) {
      if (parsed.isBlank()) {
        return new MatchAllDocsQuery();
      }
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      boolean positive = false;
      if (!units.isEmpty()) {
        // stop-like words neither match nor score: "how long ... last" is no answer to a question
        // about swelling. They count only where the words typed stand near each other (the
        // proximity clause). Scoring them as optional words made the ranking worse (MEDIQA dev
        // nDCG@10 0.7597 against 0.7680) and the slowest searches three times as slow.
        List<Query> topical = informative.stream().filter(u -> !weak.contains(u)).toList();
        if (topical.isEmpty()) {
          topical = informative;
        }
        if (match == Match.ALL) {
          concepts(topical).forEach(c -> query.add(concept(c), Occur.MUST));
        } else if (match == Match.ANY && !phrasesOrAlternatives) {
          // one flat disjunction, which Lucene ranks by skipping whole blocks that cannot reach
          // the page (a required disjunction under optional common words could not skip, which
          // made a pasted paragraph on a large archive slow: docs/benchmarks.md). An entry with
          // only common words now matches too, low down: common words weigh little.
          topical.forEach(u -> query.add(u, Occur.SHOULD));
        } else if (match == Match.ANY) {
          BooleanQuery.Builder some = new BooleanQuery.Builder();
          topical.forEach(u -> some.add(u, Occur.SHOULD));
          some.setMinimumNumberShouldMatch(1);
          query.add(some.build(), Occur.MUST);
        } else {
          List<List<Query>> groups = concepts(topical);
          BooleanQuery.Builder some = new BooleanQuery.Builder();
          groups.forEach(c -> some.add(concept(c), Occur.SHOULD));
          some.setMinimumNumberShouldMatch(
              Math.max(1, Math.round(ranking.mostWords() * groups.size())));
          query.add(some.build(), Occur.MUST);
        }
        common.forEach(u -> query.add(u, Occur.SHOULD));
        positive = true;
        if (near != null) {
          query.add(new BoostQuery(near, ranking.proximityBoost()), Occur.SHOULD);
        }
      }
      for (Query q : phrases) {
        query.add(q, Occur.MUST);
        positive = true;
      }
      for (Query q : ors) {
        query.add(q, match == Match.ALL || !positive ? Occur.MUST : Occur.SHOULD);
        positive = true;
      }
      excluded.forEach(q -> query.add(q, Occur.MUST_NOT));
      if (!positive) {
        if (!any) {
          return new MatchNoDocsQuery("nothing searchable in the query");
        }
        query.add(new MatchAllDocsQuery(), Occur.SHOULD);
      }
      return query.build();
    }

    /** {@code units} grouped by concept, in query order. */
    List<List<Query>> concepts(List<Query> units) {
      Map<Integer, List<Query>> groups = new LinkedHashMap<>();
      for (int i = 0; i < units.size(); i++) {
        Query u = units.get(i);
        groups.computeIfAbsent(concepts.getOrDefault(u, -1 - i), c -> new ArrayList<>()).add(u);
      }
      return List.copyOf(groups.values());
    }

    /**
     * A concept's query: its one unit, or, for the words a multi-word synonym covers, all those
     * words (anywhere, as typed) or the synonym's other side.
     */
    Query concept(List<Query> group) {
      if (group.size() == 1) {
        return group.get(0);
      }
      BooleanQuery.Builder words = new BooleanQuery.Builder();
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      int n = 0;
      for (Query u : group) {
        if (alternatives.contains(u)) {
          either.add(u, Occur.SHOULD);
        } else {
          words.add(u, Occur.MUST);
          n++;
        }
      }
      if (n > 0) {
        either.add(words.build(), Occur.SHOULD);
      }
      return either.build();
    }

    /**
     * What an entry must hold or lack whatever its words score: the quoted phrases and the OR
     * alternatives (one of each), and no excluded word or phrase; null when the query has none.
     */
    Query constraints() {
      if (phrases.isEmpty() && ors.isEmpty() && excluded.isEmpty()) {
        return null;
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      phrases.forEach(q -> b.add(q, Occur.FILTER));
      ors.forEach(q -> b.add(q, Occur.FILTER));
      excluded.forEach(q -> b.add(q, Occur.MUST_NOT));
      if (phrases.isEmpty() && ors.isEmpty()) {
        b.add(new MatchAllDocsQuery(), Occur.FILTER);
      }
      return b.build();
    }

    /** The scoring units, each with the terms typed and those a synonym brought in. */
    List<QueryPlan.Unit> describeUnits() {
      List<QueryPlan.Unit> out = new ArrayList<>(units.size());
      for (Query u : units) {
        Set<String> typedTerms = new LinkedHashSet<>();
        Set<String> synonymTerms = new LinkedHashSet<>();
        u.visit(
            new QueryVisitor() {
              @Override
              public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) {
                  (typed.contains(t.text()) ? typedTerms : synonymTerms).add(t.text());
                }
              }

              @Override
              public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
              }
            });
        out.add(
            new QueryPlan.Unit(
                typedTerms,
                synonymTerms,
                common.contains(u),
                weak.contains(u),
                concepts.getOrDefault(u, -1 - out.size()),
                alternatives.contains(u),
                commonness.getOrDefault(u, -1.0),
                u));
      }
      return List.copyOf(out);
    }
  }

  /** The terms of {@code unit} that were typed. */
  private static Set<String> typedTermsOf(Query unit, Set<String> typed) {
    Set<String> out = new HashSet<>();
    unit.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... terms) {
            for (Term t : terms) {
              if (typed.contains(t.text())) {
                out.add(t.text());
              }
            }
          }

          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }
        });
    return out;
  }

  /**
   * The {@code budget} worth of rarest units: the rarest words tell most about the topic; a word no
   * entry contains matches nothing, so it goes last.
   */
  private static List<Query> rarest(List<Query> units, Map<Query, Double> commonness, int budget) {
    List<Query> sorted = new ArrayList<>(units);
    sorted.sort(
        Comparator.comparingDouble(
            u -> {
              double c = commonness.get(u);
              return c == 0 ? 2 : c;
            }));
    List<Query> kept = new ArrayList<>();
    int used = 0;
    for (Query u : sorted) {
      int n = leaves(u);
      if (kept.size() == MAX_SCORED_WORDS || used + n > budget) {
        break;
      }
      kept.add(u);
      used += n;
    }
    return kept;
  }

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
    return units(
        words,
        typed,
        new IdentityHashMap<>(),
        java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /**
   * As {@link #units(String, Set)}, recording in {@code concepts} which units were split from one
   * multi-word synonym (they share a number).
   */
  private List<Query> units(
      String words, Set<String> typed, Map<Query, Integer> concepts, Set<Query> alternatives) {
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
    int concept = 0;
    for (Query u : raw) {
      Split split = splitSpan(u, typed);
      List<Query> parts = new ArrayList<>(split == null ? List.of(u) : split.words());
      if (split != null && split.other() != null) {
        parts.add(split.other());
      }
      for (Query part : parts) {
        if (!distinct.containsKey(part)) {
          Query fielded = toFields(part, typed);
          distinct.put(part, fielded);
          concepts.put(fielded, concept);
          if (split != null && part == split.other()) {
            alternatives.add(fielded);
          }
        }
      }
      concept++;
    }
    return new ArrayList<>(distinct.values());
  }

  /**
   * A unit where a multi-word synonym covers typed words ("after surgery", "nose job") as one unit
   * per typed word and one for the synonym's other side, one concept together (see {@link
   * Build#concept}): the analyzer alone makes the typed words a phrase, which is stricter than the
   * words the patient typed ("numbness after surgery" then missed "numbness ... following
   * surgery"). The other side counts as one word however many words it stands for; the words'
   * closeness still ranks through the proximity clause. Any other unit comes back as it is.
   */
  private static Split splitSpan(Query unit, Set<String> typed) {
    List<Query> leaves = new ArrayList<>();
    if (unit instanceof BooleanQuery bq) {
      for (BooleanClause c : bq.clauses()) {
        if (c.occur() != Occur.SHOULD) {
          return null;
        }
        leaves.add(c.query());
      }
    } else {
      return null;
    }
    PhraseQuery span = null;
    for (Query leaf : leaves) {
      if (leaf instanceof PhraseQuery pq
          && pq.getTerms().length > 1
          && java.util.Arrays.stream(pq.getTerms()).allMatch(t -> typed.contains(t.text()))) {
        span = pq;
        break;
      }
    }
    if (span == null) {
      return null;
    }
    List<Query> alternatives = new ArrayList<>();
    for (Query leaf : leaves) {
      if (leaf != span) {
        alternatives.add(leaf);
      }
    }
    List<Query> words = new ArrayList<>();
    for (Term w : span.getTerms()) {
      words.add(new TermQuery(w));
    }
    Query other = null;
    if (alternatives.size() == 1) {
      other = alternatives.get(0);
    } else if (!alternatives.isEmpty()) {
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      alternatives.forEach(a -> either.add(a, Occur.SHOULD));
      other = either.build();
    }
    return new Split(words, other);
  }

  /**
   * The typed words a multi-word synonym covers, and its other side (null if it has none).
   *
   * @param words one term query per typed word
   * @param other the other side's phrases and words, any of them
   */
  private record Split(List<Query> words, Query other) {}

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

  private Query phrase(Part p) {
    Query q = perField(f -> plainBuilder.createPhraseQuery(f, p.text(), p.slop()), 1f);
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
   * What is left of Lucene's clause limit for one query: it refuses a query with more leaf clauses,
   * so parts past it are left out.
   */
  private static final class ClauseBudget {
    private int left = IndexSearcher.getMaxClauseCount() - 64;

    /** {@code q} if its leaves fit in what is left (which it then uses up), else null. */
    Query take(Query q) {
      if (q == null) {
        return null;
      }
      int n = leaves(q);
      if (n > left) {
        return null;
      }
      left -= n;
      return q;
    }

    int left() {
      return left;
    }

    void use(int n) {
      left -= n;
    }
  }

  private static int leaves(List<Query> queries) {
    return queries.stream().mapToInt(QueryPlanner::leaves).sum();
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
    return UserSyntax.clean(raw);
  }
}
