package org.qarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.qarchive.index.Analysis;
import org.qarchive.index.Fields;

/**
 * Did-you-mean: a typed word that no entry contains is replaced by the closest word (at most two edits away) that
 * the entries or the synonyms file do contain. Words in quotes and excluded words are left as typed.
 */
final class Speller {

  private static final int MIN_LENGTH = 3;
  /** The searched fields, whose terms are stemmed: a typed word whose stem is there needs no correction. */
  private static final List<String> STEMMED_FIELDS = List.of(Fields.TITLE, Fields.QUESTION, Fields.ANSWER);

  private final Analyzer words = Analysis.spelling();
  private final Set<String> vocabulary;
  /** The vocabulary in alphabetical order, so that ties are broken the same way every time. */
  private final List<String> sortedVocabulary;
  private final UserQueryParser parser;

  /** A speller that also knows {@code vocabulary} (the synonyms file's words, lower case). */
  Speller(Set<String> vocabulary, UserQueryParser parser) {
    this.vocabulary = Set.copyOf(vocabulary);
    this.sortedVocabulary = vocabulary.stream().sorted().toList();
    this.parser = parser;
  }

  /** The query with misspelled words replaced, or null when every word is known (or nothing could be offered). */
  String correct(UserQueryParser.Parsed parsed, IndexReader reader) throws IOException {
    if (reader.getDocCount(Fields.SPELL) == 0) {
      return null; // an index written before the spelling field existed: every word would look unknown
    }
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinQueryLength(MIN_LENGTH);
    StringBuilder out = new StringBuilder(parsed.text());
    boolean changed = false;
    List<UserQueryParser.Part> parts = new ArrayList<>(parsed.parts());
    // replace from the end so earlier offsets stay valid
    for (int i = parts.size() - 1; i >= 0; i--) {
      UserQueryParser.Part p = parts.get(i);
      if (p.phrase() || p.negated()) {
        continue;
      }
      for (Token t : tokens(p.text()).reversed()) {
        String fix = fix(t.text, checker, reader);
        if (fix != null) {
          out.replace(p.start() + t.start, p.start() + t.end, fix);
          changed = true;
        }
      }
    }
    return changed ? out.toString() : null;
  }

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

  private String fix(String word, DirectSpellChecker checker, IndexReader reader) throws IOException {
    if (word.length() < MIN_LENGTH
        || !word.chars().allMatch(Character::isLetter)
        || vocabulary.contains(word)
        || reader.docFreq(new Term(Fields.SPELL, word)) > 0) {
      return null;
    }
    Set<String> stems = parser.analyzedTerms(word);
    if (stems.isEmpty() || knownStem(stems, reader)) {
      // a stopword, or a word the entries hold in another form ("move" for "moving"): it matches as typed
      return null;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int bestFreq = -1;
    int allowed = word.length() < 6 ? 1 : 2;
    // a candidate further away is refused below anyway; one edit less makes a much smaller automaton to intersect
    checker.setMaxEdits(allowed);
    SuggestWord[] fromIndex =
        checker.suggestSimilar(new Term(Fields.SPELL, word), 5, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    for (SuggestWord s : fromIndex) {
      int d = distance(word, s.string, allowed);
      if (d < bestDistance || d == bestDistance && s.freq > bestFreq) {
        best = s.string;
        bestDistance = d;
        bestFreq = s.freq;
      }
    }
    if (bestDistance > allowed) {
      best = null;
      bestDistance = Integer.MAX_VALUE;
    }
    for (String v : sortedVocabulary) {
      if (Math.abs(v.length() - word.length()) > allowed || v.charAt(0) != word.charAt(0) && word.length() < 8) {
        continue;
      }
      int d = distance(word, v, allowed);
      // on a tie the synonyms file's word wins: patients here misspell the clinic's vocabulary more than "both"
      if (d <= allowed && d <= bestDistance && (d < bestDistance || best == null || !vocabulary.contains(best))) {
        best = v;
        bestDistance = d;
      }
    }
    return bestDistance <= allowed ? best : null;
  }

  /**
   * The {@link #distance(String, String)} of {@code a} and {@code b} when it is at most {@code max}, else {@code
   * max + 1}: three rows instead of a whole table, given up as soon as a row cannot get back under {@code max}. The
   * vocabulary is compared with every unknown word, so this runs thousands of times a search.
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
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, before[j - 2] + 1);
        }
        current[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      // a swap can reach back two rows, so give up only when this row and the one before are both past max
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

  /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
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
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private record Token(String text, int start, int end) {}

  private List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = words.tokenStream(Fields.SPELL, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Token(term.toString().toLowerCase(Locale.ROOT), offset.startOffset(), offset.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
