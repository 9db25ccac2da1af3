package org.qarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;

class SpellingTapTest {

  @TempDir Path dir;

  /** Text that tokenizes, folds, drops and stems in unusual ways. */
  static List<QaEntry> awkward() {
    List<QaEntry> entries = new ArrayList<>(Fixtures.small());
    String longWord = "a".repeat(300);
    entries.add(
        Fixtures.entry(
            "possessives",
            "The doctor's, Doctor’s and DOCTOR＇S Notes",
            "My surgeon‘s advice: what's CAFÉ-au-lait? Ærosol naïve façade",
            "Ça va. Straße 12.5mg i.v. " + longWord + "b",
            LocalDate.of(2018, 5, 6)));
    entries.add(
        Fixtures.entry("stopwords-only", "I am", "is it the", "", LocalDate.of(2019, 1, 1)));
    entries.add(
        Fixtures.entry(
            "scripts",
            "日本語のテキスト Ελληνικά",
            "Emoji 😀 and ZWJ👩‍⚕️ doctors\r\nnew line",
            "Tabs\tand\u00A0spaces, e-mail me@example.com http://x.y/z?a=1",
            LocalDate.of(2020, 2, 29)));
    entries.add(
        Fixtures.entry(
            "newline-edges",
            "Ends with a quote'",
            "'s starts with one",
            "running runs ran RUNNER's",
            LocalDate.of(2021, 3, 3)));
    return entries;
  }

  @Test
  void theSpellingFieldFromTheTapHoldsTheSameWordsAsTokenizingAgain() throws IOException {
    List<QaEntry> entries = awkward();
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      for (QaEntry e : entries) {
        w.upsert(e);
      }
      w.commit(null);
    }
    try (Directory expected = new ByteBuffersDirectory()) {
      try (IndexWriter w =
          new IndexWriter(expected, new IndexWriterConfig(Analysis.DEFAULT.indexAnalyzer()))) {
        for (QaEntry e : entries) {
          w.addDocument(EntryDocuments.toDocument(e));
        }
      }
      try (Directory actual = FSDirectory.open(dir);
          DirectoryReader want = DirectoryReader.open(expected);
          DirectoryReader got = DirectoryReader.open(actual)) {
        assertSameIndex(want, got);
        Terms spell = got.leaves().get(0).reader().terms(Fields.SPELL);
        assertNotNull(spell);
        assertTrue(
            seeks(spell, "doctor's")
                && seeks(spell, "naive")
                && seeks(spell, "cafe")
                && seeks(spell, "ca"));
      }
    }
  }

  @Test
  void replaysTheWordsCaughtSinceTheLastClearLowerCasedAndFolded() throws IOException {
    SpellingTap tap = new SpellingTap();
    catchAll(tap, "Left over from a failed entry");
    tap.clear();
    catchAll(tap, "Café CRÈME");
    catchAll(tap, "brûlée");
    assertEquals(List.of("cafe", "creme", "brulee"), read(tap.words()));
    assertEquals(List.of("cafe", "creme", "brulee"), read(tap.words()));
  }

  @Test
  void replaysEachWordAsWrittenOnceAnEntryEvenPastItsFirstTable() throws IOException {
    SpellingTap tap = new SpellingTap();
    tap.clear();
    catchAll(tap, "botox Botox botox and botox BOTOX and");
    assertEquals(List.of("botox", "botox", "and", "botox"), read(tap.words()));
    tap.clear();
    StringBuilder many = new StringBuilder();
    List<String> want = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      many.append("w").append(i).append(' ').append("w").append(i / 2).append(' ');
      want.add("w" + i);
    }
    catchAll(tap, many.toString());
    assertEquals(want, read(tap.words()));
  }

  private static void catchAll(SpellingTap tap, String text) throws IOException {
    var source = new org.apache.lucene.analysis.core.WhitespaceTokenizer();
    source.setReader(new java.io.StringReader(text));
    try (var ts = tap.catching(source)) {
      ts.reset();
      while (ts.incrementToken()) {
        // caught on the way
      }
      ts.end();
    }
  }

  private static List<String> read(org.apache.lucene.analysis.TokenStream ts) throws IOException {
    var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
    List<String> words = new ArrayList<>();
    ts.reset();
    while (ts.incrementToken()) {
      words.add(term.toString());
    }
    ts.end();
    ts.close();
    return words;
  }

  private static boolean seeks(Terms terms, String word) throws IOException {
    return terms.iterator().seekExact(new BytesRef(word));
  }

  /** Every field's terms, postings (with positions and offsets) and norms are the same. */
  static void assertSameIndex(DirectoryReader want, DirectoryReader got) throws IOException {
    assertEquals(1, want.leaves().size());
    assertEquals(1, got.leaves().size());
    LeafReader a = want.leaves().get(0).reader();
    LeafReader b = got.leaves().get(0).reader();
    assertEquals(a.maxDoc(), b.maxDoc());
    FieldInfos fa = a.getFieldInfos();
    FieldInfos fb = b.getFieldInfos();
    assertEquals(fa.size(), fb.size());
    for (FieldInfo f : fa) {
      FieldInfo g = fb.fieldInfo(f.name);
      assertNotNull(g, f.name);
      assertEquals(f.getIndexOptions(), g.getIndexOptions(), f.name);
      assertEquals(f.omitsNorms(), g.omitsNorms(), f.name);
      assertEquals(f.getDocValuesType(), g.getDocValuesType(), f.name);
      assertSameTerms(f.name, a.terms(f.name), b.terms(f.name));
      if (f.hasNorms()) {
        assertSameNorms(f.name, a.getNormValues(f.name), b.getNormValues(f.name));
      }
    }
  }

  private static void assertSameTerms(String field, Terms a, Terms b) throws IOException {
    if (a == null || b == null) {
      assertEquals(a, b, field);
      return;
    }
    assertEquals(a.size(), b.size(), field);
    assertEquals(a.getDocCount(), b.getDocCount(), field);
    assertEquals(a.getSumDocFreq(), b.getSumDocFreq(), field);
    assertEquals(a.getSumTotalTermFreq(), b.getSumTotalTermFreq(), field);
    TermsEnum ta = a.iterator();
    TermsEnum tb = b.iterator();
    PostingsEnum pa = null;
    PostingsEnum pb = null;
    for (BytesRef t = ta.next(); t != null; t = ta.next()) {
      BytesRef u = tb.next();
      assertEquals(t, u, field);
      String where = field + ":" + t.utf8ToString();
      assertEquals(ta.docFreq(), tb.docFreq(), where);
      assertEquals(ta.totalTermFreq(), tb.totalTermFreq(), where);
      pa = ta.postings(pa, PostingsEnum.ALL);
      pb = tb.postings(pb, PostingsEnum.ALL);
      for (int d = pa.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pa.nextDoc()) {
        assertEquals(d, pb.nextDoc(), where);
        assertEquals(pa.freq(), pb.freq(), where);
        if (a.hasPositions()) {
          for (int i = 0; i < pa.freq(); i++) {
            assertEquals(pa.nextPosition(), pb.nextPosition(), where);
            assertEquals(pa.startOffset(), pb.startOffset(), where);
            assertEquals(pa.endOffset(), pb.endOffset(), where);
          }
        }
      }
      assertEquals(DocIdSetIterator.NO_MORE_DOCS, pb.nextDoc(), where);
    }
    assertEquals(null, tb.next(), field);
  }

  private static void assertSameNorms(String field, NumericDocValues a, NumericDocValues b)
      throws IOException {
    for (int d = a.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = a.nextDoc()) {
      assertEquals(d, b.nextDoc(), field);
      assertEquals(a.longValue(), b.longValue(), field);
    }
    assertEquals(DocIdSetIterator.NO_MORE_DOCS, b.nextDoc(), field);
  }
}
