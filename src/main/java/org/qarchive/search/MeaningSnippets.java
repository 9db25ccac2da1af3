package org.qarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.qarchive.embedding.Embedder;
import org.qarchive.index.Fields;

/**
 * The snippet of an answer found by meaning only: the one of its opening sentences closest to the
 * query. Closeness is first read from the words: the sentence holding most of the query's scoring
 * units (a typed word, or a word a synonym brought in), since such an answer often shares some of
 * the query's words without matching enough of them. Only answers none of whose sentences shares a
 * word are compared by meaning, a few sentences per page in one run of the model: embedding a
 * sentence costs about half a millisecond, which for every such answer of a page was most of a
 * hybrid search's time. Past that budget an answer shows its first sentence.
 */
final class MeaningSnippets {

  /** An answer's opening sentences considered: where its topic is stated. */
  static final int SENTENCES_PER_ANSWER = 6;

  /** Most sentences embedded for one page, and most per answer. */
  static final int EMBEDDED_PER_PAGE = 4;

  /** Sentences shorter than this are headings or fragments, not a passage. */
  private static final int SHORTEST = 20;

  private final Embedder embedder;
  private final Analyzer analyzer;

  MeaningSnippets(Embedder embedder, Analyzer analyzer) {
    this.embedder = embedder;
    this.analyzer = analyzer;
  }

  /**
   * The snippets of {@code answers} (null entries are left null), escaped and cut to a passage's
   * length; such an answer holds too few of the query's words to be highlighted, so nothing is
   * marked.
   */
  List<String> closest(List<String> answers, QueryPlan plan, float[] query) {
    List<Unit> units = units(plan);
    List<List<String>> sentencesOf = new ArrayList<>();
    int[] chosen = new int[answers.size()];
    List<String> compared = new ArrayList<>();
    List<Integer> comparedOf = new ArrayList<>();
    for (int a = 0; a < answers.size(); a++) {
      List<String> found = sentences(answers.get(a));
      sentencesOf.add(found);
      if (found.size() <= 1) {
        continue;
      }
      int best = byWords(found, units);
      if (best >= 0) {
        chosen[a] = best;
        continue;
      }
      int n = Math.min(found.size(), EMBEDDED_PER_PAGE);
      if (embedder != null && query != null && compared.size() + n <= EMBEDDED_PER_PAGE) {
        for (int s = 0; s < n; s++) {
          compared.add(found.get(s));
          comparedOf.add(a);
        }
      }
    }
    if (!compared.isEmpty()) {
      List<float[]> vectors = embedder.embed(compared);
      float[] bestScore = new float[answers.size()];
      java.util.Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
      int[] position = new int[answers.size()];
      for (int i = 0; i < compared.size(); i++) {
        int a = comparedOf.get(i);
        float score = Embedder.similarity(vectors.get(i), query);
        if (score > bestScore[a]) {
          bestScore[a] = score;
          chosen[a] = position[a];
        }
        position[a]++;
      }
    }
    List<String> out = new ArrayList<>(answers.size());
    for (int a = 0; a < answers.size(); a++) {
      if (answers.get(a) == null) {
        out.add(null);
        continue;
      }
      List<String> found = sentencesOf.get(a);
      out.add(Html.escape(cut(found.isEmpty() ? "" : found.get(chosen[a]))));
    }
    return out;
  }

  /** A scoring unit's terms and what holding one of them is worth. */
  private record Unit(Set<String> typed, Set<String> synonyms, float weight) {}

  private static List<Unit> units(QueryPlan plan) {
    List<Unit> out = new ArrayList<>();
    for (QueryPlan.Unit u : plan.units()) {
      out.add(new Unit(u.typedTerms(), u.synonymTerms(), u.common() ? 0.25f : 1f));
    }
    return out;
  }

  /**
   * The sentence holding most of the query's units (a synonym counts a little less than the word
   * typed; the earlier sentence on a tie), or -1 when none holds any.
   */
  private int byWords(List<String> sentences, List<Unit> units) {
    if (units.isEmpty()) {
      return -1;
    }
    int best = -1;
    float bestScore = 0;
    for (int s = 0; s < sentences.size(); s++) {
      Set<String> terms = terms(sentences.get(s));
      float score = 0;
      for (Unit u : units) {
        if (u.typed().stream().anyMatch(terms::contains)) {
          score += u.weight();
        } else if (u.synonyms().stream().anyMatch(terms::contains)) {
          score += 0.75f * u.weight();
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return best;
  }

  /** The analyzed terms of a sentence, as the answer field indexes them. */
  private Set<String> terms(String sentence) {
    Set<String> out = new HashSet<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.ANSWER, sentence)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analyzing a String reads no file
    }
    return out;
  }

  /**
   * An answer's opening sentences (its whole text when it has none long enough); empty for none.
   */
  static List<String> sentences(String answer) {
    List<String> found = new ArrayList<>();
    if (answer == null || answer.isBlank()) {
      return found;
    }
    // the snippets' own sentences: no cut at "Dr.", and greetings and sign-offs left out
    BreakIterator it = new SnippetSentences();
    it.setText(answer);
    for (int start = it.first(), end = it.next();
        end != BreakIterator.DONE && found.size() < SENTENCES_PER_ANSWER;
        start = end, end = it.next()) {
      String sentence = answer.substring(start, end).strip();
      if (sentence.length() >= SHORTEST && !SnippetSentences.isSmallTalk(sentence)) {
        found.add(sentence);
      }
    }
    if (found.isEmpty()) {
      found.add(answer.strip());
    }
    return found;
  }

  private static String cut(String passage) {
    if (passage.length() <= MarkFormatter.MAX_PASSAGE_CHARS) {
      return passage;
    }
    int cut = passage.lastIndexOf(' ', MarkFormatter.MAX_PASSAGE_CHARS);
    return passage.substring(0, cut > 0 ? cut : MarkFormatter.MAX_PASSAGE_CHARS) + " …";
  }
}
