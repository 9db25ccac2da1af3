package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** {@link PageOffsets} marks exactly what Lucene's own postings strategy marks. */
class PageOffsetsTest {

  private static final String[] WORDS = {
    "botox", "eyelid", "droop", "filler", "swelling", "bruise", "weeks", "doctor", "skin", "laser",
    "scar", "heal", "lips", "cheek", "numb", "pain", "months", "injection", "forehead", "smile"
  };

  @Test
  void marksTheSameAsLucenesStrategyOnEveryPage() throws IOException {
    Random random = new Random(42);
    Analyzer analyzer = new StandardAnalyzer();
    try (Directory dir = new ByteBuffersDirectory()) {
      FieldType withOffsets = new FieldType();
      withOffsets.setTokenized(true);
      withOffsets.setStored(true);
      withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
      withOffsets.freeze();
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (int i = 0; i < 300; i++) {
          Document d = new Document();
          d.add(new Field("answer", sentences(random), withOffsets));
          w.addDocument(d);
          if (i % 97 == 0) {
            w.commit(); // several segments
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        int pagesWithMarks = 0;
        for (int round = 0; round < 40; round++) {
          Query q = query(random);
          int[] docs = random.ints(10, 0, reader.maxDoc()).distinct().sorted().toArray();
          ScoreDoc[] page =
              Arrays.stream(docs).mapToObj(d -> new ScoreDoc(d, 1f)).toArray(ScoreDoc[]::new);
          TopDocs top = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
          String[] lucene =
              UnifiedHighlighter.builder(searcher, analyzer)
                  .withWeightMatches(false)
                  .build()
                  .highlight("answer", q, top, 2);
          String[] ours = new PageHighlighter(searcher, analyzer).highlight("answer", q, top, 2);
          assertArrayEquals(lucene, ours, "page " + Arrays.toString(docs) + " for " + q);
          if (Arrays.stream(ours).anyMatch(s -> s != null && s.contains("<b>"))) {
            pagesWithMarks++;
          }
        }
        assertEquals(40, pagesWithMarks, "every page holds some of its query's words");
      }
    }
  }

  private static String sentences(Random random) {
    StringBuilder text = new StringBuilder();
    int n = 5 + random.nextInt(30);
    for (int i = 0; i < n; i++) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 7 == 6 ? ". " : " ");
    }
    return text.toString();
  }

  private static Query query(Random random) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i < 2 + random.nextInt(8); i++) {
      b.add(new TermQuery(new Term("answer", WORDS[random.nextInt(WORDS.length)])), Occur.SHOULD);
    }
    b.add(new TermQuery(new Term("answer", "absentword")), Occur.SHOULD);
    b.add(
        new PhraseQuery("answer", WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(5)]),
        Occur.SHOULD);
    return b.build();
  }

  /** Lucene's highlighter with {@link PageOffsets} in place of its postings strategy. */
  private static final class PageHighlighter extends UnifiedHighlighter {
    PageHighlighter(IndexSearcher searcher, Analyzer analyzer) {
      super(UnifiedHighlighter.builder(searcher, analyzer).withWeightMatches(false));
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
      List.of(OffsetSource.POSTINGS).forEach(s -> assertEquals(s, source));
      return new PageOffsets(components);
    }
  }
}
