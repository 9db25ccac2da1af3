package org.qarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.qarchive.index.Analysis;
import org.qarchive.index.Fields;

/**
 * Autocomplete: an in-memory {@link AnalyzingInfixSuggester} over the entries' titles and the
 * phrases that recur in patients' questions ("tummy tuck scar"), built from one reader. Typed words
 * match anywhere in a suggestion, the last one as a prefix; the most frequent phrases come first,
 * then titles.
 */
final class Suggester implements AutoCloseable {

  /** A phrase must recur in this many questions to be suggested. */
  private static final int MIN_PHRASE_DOCS = 3;

  private static final int MAX_PHRASES = 5000;
  private static final long TITLE_WEIGHT = 2;

  /** The longest suggestion, in characters. */
  static final int MAX_CHARS = 200;

  private final AnalyzingInfixSuggester suggester;

  private Suggester(AnalyzingInfixSuggester suggester) {
    this.suggester = suggester;
  }

  /** Builds the suggestions of everything {@code reader} holds. */
  static Suggester build(IndexReader reader, Analysis analysis) throws IOException {
    return build(reader, analysis, Set.of());
  }

  /** As above, leaving out the entries with these ids (hidden by staff). */
  static Suggester build(IndexReader reader, Analysis analysis, Set<String> leftOut)
      throws IOException {
    Map<String, Long> weights = new HashMap<>();
    Map<String, Integer> phraseDocs = new HashMap<>();
    Analyzer words = Analysis.spelling();
    Set<String> wanted =
        leftOut.isEmpty()
            ? Set.of(Fields.TITLE, Fields.QUESTION)
            : Set.of(Fields.ID, Fields.TITLE, Fields.QUESTION);
    for (LeafReaderContext leaf : reader.leaves()) {
      StoredFields stored = leaf.reader().storedFields();
      Bits live = leaf.reader().getLiveDocs();
      for (int i = 0; i < leaf.reader().maxDoc(); i++) {
        if (live != null && !live.get(i)) {
          continue;
        }
        Document d = stored.document(i, wanted);
        if (!leftOut.isEmpty() && leftOut.contains(d.get(Fields.ID))) {
          continue;
        }
        String title = d.get(Fields.TITLE);
        if (title != null && !title.isBlank() && title.length() <= MAX_CHARS) {
          weights.merge(title.strip(), TITLE_WEIGHT, Math::max);
        }
        String question = d.get(Fields.QUESTION);
        if (question != null && !question.isBlank()) {
          for (String p : phrases(tokens(words, question), analysis)) {
            phraseDocs.merge(p, 1, Integer::sum);
          }
        }
      }
    }
    phraseDocs.entrySet().stream()
        .filter(e -> e.getValue() >= MIN_PHRASE_DOCS)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(MAX_PHRASES)
        .forEach(e -> weights.merge(e.getKey(), TITLE_WEIGHT + e.getValue(), Math::max));
    AnalyzingInfixSuggester s =
        new AnalyzingInfixSuggester(
            new ByteBuffersDirectory(), words, words, 1, false, true, false);
    try {
      s.build(new MapInput(weights));
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
    return new Suggester(s);
  }

  /** Up to {@code max} suggestions containing every typed word, the last one as a prefix. */
  List<String> lookup(String typed, int max) throws IOException {
    if (suggester.getCount() == 0) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (Lookup.LookupResult r : suggester.lookup(typed, max * 2, true, false)) {
      out.add(r.key.toString());
      if (out.size() == max) {
        break;
      }
    }
    return List.copyOf(out);
  }

  /** Two- and three-word runs that neither start nor end with a stopword, once per question. */
  private static Set<String> phrases(List<String> tokens, Analysis analysis) {
    Set<String> out = new HashSet<>();
    for (int n = 2; n <= 3; n++) {
      for (int i = 0; i + n <= tokens.size(); i++) {
        String first = tokens.get(i);
        String last = tokens.get(i + n - 1);
        if (analysis.isStopword(first)
            || analysis.isStopword(last)
            || !isWord(first)
            || !isWord(last)) {
          continue;
        }
        out.add(String.join(" ", tokens.subList(i, i + n)));
      }
    }
    return out;
  }

  private static boolean isWord(String t) {
    return t.length() > 1 && t.chars().allMatch(Character::isLetter);
  }

  private static List<String> tokens(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.SPELL, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString().toLowerCase(Locale.ROOT));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    suggester.close();
  }

  /** Feeds the suggester from a map of text to weight. */
  private static final class MapInput implements InputIterator {
    private final Iterator<Map.Entry<String, Long>> it;
    private long weight;

    MapInput(Map<String, Long> weights) {
      this.it = weights.entrySet().iterator();
    }

    @Override
    public BytesRef next() {
      if (!it.hasNext()) {
        return null;
      }
      Map.Entry<String, Long> e = it.next();
      weight = e.getValue();
      return new BytesRef(e.getKey());
    }

    @Override
    public long weight() {
      return weight;
    }

    @Override
    public BytesRef payload() {
      return null;
    }

    @Override
    public boolean hasPayloads() {
      return false;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
