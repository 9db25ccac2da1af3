package org.qarchive.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.qarchive.index.Analysis;
import org.qarchive.index.Fields;

/**
 * Did-you-mean: a typed word that no entry contains is replaced by the closest word (at most two
 * edits away) that the entries or the synonyms file do contain. Words in quotes, excluded words and
 * words in capitals among words that are not (abbreviations, names) are left as typed.
 */
final class Speller {

  private static final int MIN_LENGTH = 3;

  /** The synonyms file's words shorter than this are never offered as a correction. */
  private static final int MIN_OFFERED_LENGTH = 4;

  /**
   * Most unknown words of one query that are corrected, and most of them looked up two edits away
   * in the index. Building the edit automaton is nearly all of an index lookup's cost (far more for
   * two edits on a long word than for one), and each unknown word is also compared with the
   * synonyms file's words, so a pasted paragraph full of names made the slowest searches. On the
   * MEDIQA dev set 8 and 2 (1 in a paragraph) change no ranking (4 unknown words cost 0.0001 MAP,
   * no correction at all 0.004 nDCG@10).
   */
  private static final int MAX_UNKNOWN_WORDS = 8;

  private static final int MAX_TWO_EDIT_LOOKUPS = 2;

  private static final int MAX_TWO_EDIT_LOOKUPS_IN_PROSE = 1;

  /** A query of more parts than this is read as prose (see {@link Budget#prose}). */
  private static final int PROSE_PARTS = 8;

  /** What is left of one query's correction budget. */
  private static final class Budget {
    /** Whether the query is a pasted paragraph rather than search terms. */
    final boolean prose;

    private int unknownWords = MAX_UNKNOWN_WORDS;
    private int twoEditLookups;

    Budget(boolean prose) {
      this.prose = prose;
      this.twoEditLookups = prose ? MAX_TWO_EDIT_LOOKUPS_IN_PROSE : MAX_TWO_EDIT_LOOKUPS;
    }

    /** Whether one more unknown word may be corrected; if so it is counted. */
    boolean unknownWord() {
      return unknownWords-- > 0;
    }

    /** Whether one more two-edit lookup may be made; if so it is counted. */
    boolean twoEditLookup() {
      return twoEditLookups-- > 0;
    }
  }

  /**
   * The searched fields, whose terms are stemmed: a typed word whose stem is there needs no
   * correction.
   */
  private static final List<String> STEMMED_FIELDS =
      List.of(Fields.TITLE, Fields.QUESTION, Fields.ANSWER);

  private final Analyzer words = Analysis.spelling();
  private final Set<String> vocabulary;

  /** The vocabulary by word length (a word is only compared with words of nearly its length). */
  private final List<List<VocabularyWord>> vocabularyByLength;

  /** The stems the searched fields hold for a word (the plain analysis). */
  private final Function<String, Set<String>> stems;

  /**
   * A query with its misspelled words replaced.
   *
   * @param text the whole query, corrected
   * @param corrections each replaced word, in reading order
   */
  record Corrected(String text, List<QueryPlan.Correction> corrections) {
    Corrected {
      corrections = List.copyOf(corrections);
    }
  }

  /**
   * A speller that also knows {@code vocabulary} (the synonyms file's words, lower case) and finds
   * a word's stems with {@code stems}.
   */
  Speller(Set<String> vocabulary, Function<String, Set<String>> stems) {
    this.vocabulary = Set.copyOf(vocabulary);
    int longest = vocabulary.stream().mapToInt(String::length).max().orElse(0);
    List<List<VocabularyWord>> byLength = new ArrayList<>();
    for (int i = 0; i <= longest; i++) {
      byLength.add(new ArrayList<>());
    }
    // every word of the file protects itself from correction; only the longer ones are offered
    vocabulary.stream()
        .filter(v -> v.length() >= MIN_OFFERED_LENGTH)
        .forEach(v -> byLength.get(v.length()).add(new VocabularyWord(v, letters(v))));
    this.vocabularyByLength = byLength.stream().map(List::copyOf).toList();
    this.stems = stems;
  }

  /**
   * What the speller makes of a query.
   *
   * @param applied the query with its misspelled words replaced, to be searched instead ("showing
   *     results for"); null when no word needs it
   * @param offered the query with every correction, also those only offered ("did you mean") and
   *     never searched; null when it adds nothing to {@code applied}
   */
  record Spelling(Corrected applied, Corrected offered) {}

  /**
   * The query with misspelled words replaced, or null when every word is known (or nothing could be
   * offered).
   */
  Corrected correct(UserSyntax.Parsed parsed, IndexReader reader) throws IOException {
    Spelling s = check(parsed, reader);
    return s == null ? null : s.applied();
  }

  /**
   * Checks every plain word of a query. A word that some entry holds (in any form), that the
   * synonyms file or the English word list knows, is never replaced; a word no one knows is
   * replaced by the nearest word the entries or the synonyms hold. An English word no entry holds
   * ("prostrate") may be a slip for a word they do, but it may as well be meant: its correction is
   * only offered, and only when the entries hold the correction next to a neighbouring word of the
   * query ("prostate cancer"). A correction that only changes the word's ending ("droops" for
   * "droop", "ear" for "ears") is never made: the search matches every form of a word already.
   *
   * @return what to search and what to offer, or null when the query needs nothing
   */
  Spelling check(UserSyntax.Parsed parsed, IndexReader reader) throws IOException {
    if (reader.getDocCount(Fields.SPELL) == 0) {
      return null; // an index written before the spelling field existed: every word would look
      // unknown
    }
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinQueryLength(MIN_LENGTH);
    // the plain words in reading order, each with its place in the whole query
    List<Token> words = new ArrayList<>();
    for (UserSyntax.Part p : parsed.parts()) {
      if (p.phrase() || p.negated()) {
        words.add(null); // a phrase or an excluded word stands between its neighbours
        continue;
      }
      for (Token t : tokens(p.text())) {
        words.add(new Token(t.text, p.start() + t.start, p.start() + t.end));
      }
    }
    // decide in reading order (the budget goes to the first unknown words), then replace from the
    // end so that earlier offsets stay valid
    List<Token> sure = new ArrayList<>();
    List<Token> all = new ArrayList<>();
    List<QueryPlan.Correction> sureCorrections = new ArrayList<>();
    List<QueryPlan.Correction> allCorrections = new ArrayList<>();
    Budget budget = new Budget(parsed.parts().size() > PROSE_PARTS);
    Map<String, Optional<Fix>> decided = new HashMap<>();
    IndexSearcher searcher = new IndexSearcher(reader);
    // in a query typed all in capitals no word says more than another
    boolean capitalsMeanSomething = parsed.text().chars().anyMatch(Character::isLowerCase);
    for (int i = 0; i < words.size(); i++) {
      Token t = words.get(i);
      if (t == null
          || capitalsMeanSomething && inCapitals(parsed.text().substring(t.start, t.end))) {
        continue;
      }
      // a paragraph repeats its words: each is decided once
      Optional<Fix> known = decided.get(t.text);
      if (known == null) {
        known = Optional.ofNullable(fix(t.text, checker, reader, budget));
        decided.put(t.text, known);
      }
      Fix fix = known.orElse(null);
      if (fix == null || !fix.sure() && !nextToANeighbour(fix.word(), words, i, searcher)) {
        continue;
      }
      Token replaced = new Token(fix.word(), t.start, t.end);
      QueryPlan.Correction c = new QueryPlan.Correction(t.text, fix.word());
      all.add(replaced);
      allCorrections.add(c);
      if (fix.sure()) {
        sure.add(replaced);
        sureCorrections.add(c);
      }
    }
    if (all.isEmpty()) {
      return null;
    }
    Corrected applied =
        sure.isEmpty() ? null : new Corrected(replace(parsed.text(), sure), sureCorrections);
    Corrected offered =
        all.size() == sure.size()
            ? null
            : new Corrected(replace(parsed.text(), all), allCorrections);
    return new Spelling(applied, offered);
  }

  private static String replace(String text, List<Token> fixes) {
    StringBuilder out = new StringBuilder(text);
    for (Token fix : fixes.reversed()) {
      out.replace(fix.start(), fix.end(), fix.text());
    }
    return out.toString();
  }

  /**
   * Whether some entry holds {@code word} right next to the query's word before or after position
   * {@code i} (in that order, a stopword allowed between): "prostate cancer" for "prostrate
   * cancer". Without a neighbour there is no evidence, and nothing is offered.
   */
  private boolean nextToANeighbour(String word, List<Token> words, int i, IndexSearcher searcher)
      throws IOException {
    Set<String> wordStems = stems.apply(word);
    if (wordStems.size() != 1) {
      return false;
    }
    String stem = wordStems.iterator().next();
    for (int dir : new int[] {-1, 1}) {
      int j = i + dir;
      Set<String> neighbour = Set.of();
      // skip stopwords ("cancer of the prostate" is not sought; the next real word is)
      while (j >= 0 && j < words.size() && words.get(j) != null) {
        neighbour = stems.apply(words.get(j).text());
        if (!neighbour.isEmpty()) {
          break;
        }
        j += dir;
      }
      if (neighbour.size() != 1) {
        continue;
      }
      String other = neighbour.iterator().next();
      for (String field : STEMMED_FIELDS) {
        PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(1);
        if (dir < 0) {
          b.add(new Term(field, other), 0).add(new Term(field, stem), 1);
        } else {
          b.add(new Term(field, stem), 0).add(new Term(field, other), 1);
        }
        if (searcher.count(b.build()) > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A correction for one word.
   *
   * @param word the word to search or offer instead
   * @param sure whether the typed word is known nowhere, so that searching the correction loses
   *     nothing (else it is only offered)
   */
  private record Fix(String word, boolean sure) {}

  private static boolean knownStem(Set<String> stems, IndexReader reader) throws IOException {
    for (String stem : stems) {
      for (String field : STEMMED_FIELDS) {
        if (reader.docFreq(new Term(field, stem)) > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private Fix fix(String word, DirectSpellChecker checker, IndexReader reader, Budget budget)
      throws IOException {
    if (word.length() < MIN_LENGTH
        || !word.chars().allMatch(Character::isLetter)
        || vocabulary.contains(word)
        || reader.docFreq(new Term(Fields.SPELL, word)) > 0) {
      return null;
    }
    Set<String> wordStems = stems.apply(word);
    if (wordStems.isEmpty() || knownStem(wordStems, reader)) {
      // a stopword, or a word the entries hold in another form ("move" for "moving"): it matches as
      // typed
      return null;
    }
    boolean english = EnglishWords.SET.contains(word);
    if (budget.prose && english) {
      // in a pasted paragraph, a real word no entry holds ("wife") is prose, not a typo of one they
      // do ("wide")
      return null;
    }
    if (!budget.unknownWord()) {
      return null;
    }
    String candidate = candidate(word, checker, reader, budget);
    if (candidate == null || sameWordOtherEnding(word, candidate, wordStems)) {
      return null;
    }
    // a real English word is never replaced: "tingling" is not "ringing", whatever the archive
    // holds
    return new Fix(candidate, !english);
  }

  /**
   * Whether {@code candidate} is {@code word} with another ending only ("droop" for "droops",
   * "ears" for "ear"): offering it would be noise, as the search matches every form of a word.
   */
  private boolean sameWordOtherEnding(String word, String candidate, Set<String> wordStems) {
    if (wordStems.equals(stems.apply(candidate))) {
      return true;
    }
    String shorter = word.length() <= candidate.length() ? word : candidate;
    String longer = shorter == word ? candidate : word;
    if (!longer.startsWith(shorter)) {
      return false;
    }
    String ending = longer.substring(shorter.length());
    return List.of("s", "es", "ed", "d", "ing", "er", "ers", "ly").contains(ending);
  }

  /** The nearest word to {@code word} that the synonyms file or the entries hold, or null. */
  private String candidate(
      String word, DirectSpellChecker checker, IndexReader reader, Budget budget)
      throws IOException {
    int allowed = word.length() < 6 ? 1 : 2;
    // The synonyms file's words first (a scan of a short list); on a tie they win, so a word one
    // edit away there
    // settles it. The index is then asked for one edit, and for two only when nothing nearer was
    // found anywhere:
    // an automaton of two edits costs four to six times one of one edit, and most typos are one
    // edit.
    String fromVocabulary = null;
    int vocabularyDistance = Integer.MAX_VALUE;
    int wordLetters = letters(word);
    for (int length = word.length() - allowed; length <= word.length() + allowed; length++) {
      if (length < 1 || length >= vocabularyByLength.size()) {
        continue;
      }
      for (VocabularyWord vw : vocabularyByLength.get(length)) {
        String v = vw.word();
        if (v.charAt(0) != word.charAt(0) && word.length() < 8) {
          continue;
        }
        // each letter one word has and the other lacks takes an edit: a bound far cheaper than the
        // distance
        if (Integer.bitCount(wordLetters & ~vw.letters()) > allowed
            || Integer.bitCount(vw.letters() & ~wordLetters) > allowed) {
          continue;
        }
        int d = distance(word, v, allowed);
        // equally near words: the first in alphabetical order, so that the answer never depends on
        // set order
        if (d <= allowed
            && (d < vocabularyDistance
                || d == vocabularyDistance && v.compareTo(fromVocabulary) < 0)) {
          fromVocabulary = v;
          vocabularyDistance = d;
        }
      }
    }
    if (vocabularyDistance == 1) {
      return fromVocabulary;
    }
    String oneEdit = closestInIndex(word, 1, checker, reader);
    if (oneEdit != null) {
      return oneEdit;
    }
    if (fromVocabulary != null || allowed < 2 || !budget.twoEditLookup()) {
      return fromVocabulary;
    }
    return closestInIndex(word, 2, checker, reader);
  }

  /**
   * The entries' word nearest to {@code word} within {@code edits}, the most frequent on a tie;
   * null if none.
   */
  private static String closestInIndex(
      String word, int edits, DirectSpellChecker checker, IndexReader reader) throws IOException {
    checker.setMaxEdits(edits);
    SuggestWord[] found =
        checker.suggestSimilar(
            new Term(Fields.SPELL, word), 5, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    String best = null;
    int bestDistance = edits + 1;
    int bestFreq = -1;
    for (SuggestWord s : found) {
      int d = distance(word, s.string, edits);
      if (d < bestDistance || d == bestDistance && s.freq > bestFreq) {
        best = s.string;
        bestDistance = d;
        bestFreq = s.freq;
      }
    }
    return best;
  }

  /**
   * The {@link #distance(String, String)} of {@code a} and {@code b} when it is at most {@code
   * max}, else {@code max + 1}: three rows instead of a whole table, given up as soon as a row
   * cannot get back under {@code max}. The vocabulary is compared with every unknown word, so this
   * runs thousands of times a search.
   */
  static int distance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int[] before = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, before[j - 2] + 1);
        }
        current[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      // a swap can reach back two rows, so give up only when this row and the one before are both
      // past max
      if (rowMin > max && i > 1 && min(previous) > max) {
        return max + 1;
      }
      int[] t = before;
      before = previous;
      previous = current;
      current = t;
    }
    return Math.min(previous[b.length()], max + 1);
  }

  private static int min(int[] row) {
    int m = Integer.MAX_VALUE;
    for (int v : row) {
      m = Math.min(m, v);
    }
    return m;
  }

  /**
   * Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours
   * cost 1.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /**
   * English words, for telling a word the archive lacks from a typo (see the resource's header).
   */
  private static final class EnglishWords {
    static final Set<String> SET = load();

    private static Set<String> load() {
      try (InputStream in = Speller.class.getResourceAsStream("/spelling/english-words.txt")) {
        if (in == null) {
          throw new IllegalStateException("the English word list is missing from the classpath");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .collect(Collectors.toUnmodifiableSet());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A word of the synonyms file with the set of its letters ({@link #letters}). */
  private record VocabularyWord(String word, int letters) {}

  /** The letters of {@code word} as bits: a to z, and one bit for every other character. */
  static int letters(String word) {
    int bits = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      bits |= c >= 'a' && c <= 'z' ? 1 << (c - 'a') : 1 << 26;
    }
    return bits;
  }

  private record Token(String text, int start, int end) {}

  /**
   * Whether {@code typed} is written in capitals (two letters or more, none lower case): among
   * words that are not, an abbreviation or a name ("TSD", "EPI", "ASAP"), which the archive not
   * holding does not make a typo of a word it does ("tsh", "epo", "aspa").
   */
  static boolean inCapitals(String typed) {
    long letters = typed.codePoints().filter(Character::isLetter).count();
    return letters >= 2 && typed.codePoints().noneMatch(Character::isLowerCase);
  }

  private List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = words.tokenStream(Fields.SPELL, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            new Token(
                term.toString().toLowerCase(Locale.ROOT),
                offset.startOffset(),
                offset.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
