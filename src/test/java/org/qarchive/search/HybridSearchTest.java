package org.qarchive.search;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;
import org.qarchive.embedding.Embedder;
import org.qarchive.index.Analysis;
import org.qarchive.index.ArchiveWriter;
import org.qarchive.index.EntryDocuments;
import org.qarchive.index.EntryEdits;
import org.qarchive.index.Fields;

/** Ranking by words and meaning, with the shipped model run for real. */
class HybridSearchTest {

  /** Shares no word with "my eyelid droops after the shots". */
  static final QaEntry PTOSIS =
      Fixtures.entry(
          "dysport-heavy-eye",
          "Heavy upper eye following Dysport",
          "Will my droopy upper eye from Dysport go away?",
          "A droopy upper eye can follow Dysport when it spreads to the muscle that raises it. It"
              + " wears off within weeks as that muscle recovers. Apraclonidine drops can raise it a"
              + " little meanwhile.",
          LocalDate.of(2020, 1, 1));

  static final String LAY = "my eyelid droops after the shots";

  static Embedder embedder;

  @TempDir static Path dir;

  static ArchiveSearcher hybrid;

  @BeforeAll
  static void index() throws Exception {
    embedder = Embedder.load();
    List<QaEntry> entries = new ArrayList<>(Fixtures.small());
    entries.addAll(
        List.of(
            PatientSearchTest.ONLY_CLINICAL,
            PatientSearchTest.ONLY_LAY,
            PatientSearchTest.EYELID,
            PatientSearchTest.RHINO,
            PatientSearchTest.FILLER,
            PTOSIS));
    try (ArchiveWriter w = new ArchiveWriter(dir, embedder)) {
      for (QaEntry e : entries) {
        w.upsert(e);
      }
      w.commit(null);
    }
    hybrid = new ArchiveSearcher(dir, null, embedder, RankingMode.HYBRID);
  }

  @AfterAll
  static void close() throws Exception {
    hybrid.close();
    embedder.close();
  }

  private static SearchHit hit(SearchResult r, String id) {
    return r.hits().stream().filter(h -> h.id().equals(id)).findFirst().orElse(null);
  }

  @Test
  void anAnswerThatSharesNoWordIsFoundByMeaningAndSaysSo() throws Exception {
    SearchResult r = hybrid.search(SearchRequest.of(LAY));
    assertEquals(RankingMode.HYBRID, r.ranking());
    SearchHit h = hit(r, PTOSIS.id());
    assertTrue(
        h != null,
        "found by meaning: "
            + r.hits().stream().map(x -> x.id() + " " + x.match() + " " + x.meaning()).toList());
    assertEquals(SearchHit.Match.MEANING, h.match());
    assertTrue(h.meaning() > 0.3f, "similarity " + h.meaning());
    // the snippet is a sentence of the answer, nothing marked: no word of the query is in it
    assertTrue(PTOSIS.answer().contains(h.answerSnippet()), h.answerSnippet());
    assertFalse(h.answerSnippet().contains("<mark>"));
    assertTrue(r.total() >= r.hits().size());
  }

  /**
   * With more searches running than cores, the embedding threads are all busy and a search embeds
   * its question on its own thread instead of beside it: the answers must be the same as one search
   * at a time (which embeds beside).
   */
  @Test
  void searchesAtOnceRankAsOneAtATime() throws Exception {
    List<String> queries =
        List.of(LAY, "droopy eyelid after botox", "blepharoplasty", "botox", "swollen lips");
    Map<String, List<String>> alone = new HashMap<>();
    for (String q : queries) {
      alone.put(q, ranked(hybrid.search(SearchRequest.of(q))));
    }
    int threads = Runtime.getRuntime().availableProcessors() + 2;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> running = new ArrayList<>();
      List<String> asked = new ArrayList<>();
      for (int i = 0; i < threads * 8; i++) {
        String q = queries.get(i % queries.size());
        asked.add(q);
        running.add(pool.submit(() -> ranked(hybrid.search(SearchRequest.of(q)))));
      }
      for (int i = 0; i < running.size(); i++) {
        assertEquals(alone.get(asked.get(i)), running.get(i).get(), asked.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A result's hits, each with how it matched and its similarity: what a ranking change moves. */
  private static List<String> ranked(SearchResult r) {
    assertEquals(RankingMode.HYBRID, r.ranking());
    return r.hits().stream().map(h -> h.id() + " " + h.match() + " " + h.meaning()).toList();
  }

  @Test
  void whetherAnAnswerHoldsTheWordsIsTheSameWithAndWithoutFacetCounts() throws Exception {
    // with facets the lexical search's collected matches answer it; without, the query runs again
    for (String q : List.of(LAY, "droopy eyelid after botox", "blepharoplasty", "botox")) {
      SearchResult with = hybrid.search(SearchRequest.of(q));
      SearchResult without = hybrid.search(SearchRequest.of(q).withoutFacets());
      assertEquals(
          with.hits().stream().map(h -> h.id() + " " + h.match()).toList(),
          without.hits().stream().map(h -> h.id() + " " + h.match()).toList(),
          q);
      assertTrue(
          with.hits().stream().anyMatch(h -> h.match() == SearchHit.Match.WORDS)
              || with.hits().stream().anyMatch(h -> h.match() == SearchHit.Match.MEANING),
          q + " finds something");
    }
    assertTrue(
        hybrid.search(SearchRequest.of(LAY)).hits().stream()
            .anyMatch(h -> h.match() == SearchHit.Match.MEANING));
  }

  /** The index of {@link #index} with PTOSIS's staff edits in {@code at}. */
  private static ArchiveSearcher staffEdited(Path at, EntryEdits edits) throws Exception {
    try (ArchiveWriter w = new ArchiveWriter(at, embedder)) {
      for (QaEntry e : Fixtures.small()) {
        w.upsert(e);
      }
      w.upsert(PatientSearchTest.EYELID);
      w.upsert(PTOSIS);
      w.commit(null);
    }
    return new ArchiveSearcher(
        at, Synonyms.load(null, Analysis.DEFAULT), edits, embedder, RankingMode.HYBRID);
  }

  @Test
  void anEntryStaffHidIsNotFoundByMeaningEither(@TempDir Path at) throws Exception {
    EntryEdits edits = EntryEdits.open(at);
    try (ArchiveSearcher pub = staffEdited(at, edits)) {
      assertTrue(hit(pub.search(SearchRequest.of(LAY)), PTOSIS.id()) != null, "found before");
      edits.put(
          EntryEdits.none(PTOSIS.id())
              .withVisibility(EntryEdits.Visibility.HIDDEN, "alice", Instant.now()));
      assertEquals(null, hit(pub.search(SearchRequest.of(LAY)), PTOSIS.id()));
      assertFalse(
          pub.related(PatientSearchTest.EYELID.id(), 10).stream()
              .anyMatch(h -> h.id().equals(PTOSIS.id())),
          "nor among similar answers");
    }
  }

  @Test
  void aCorrectionAppliedWithoutTheModelKeepsTheEntrysVector(@TempDir Path at) throws Exception {
    EntryEdits edits = EntryEdits.open(at);
    try (ArchiveSearcher pub = staffEdited(at, edits)) {
      edits.put(
          EntryEdits.none(PTOSIS.id())
              .withCorrections(
                  Map.of(EntryEdits.Field.TITLE, "A heavy upper eye from Dysport"),
                  "alice",
                  Instant.now()));
      try (ArchiveWriter staffWriter = new ArchiveWriter(at)) { // as the staff side: no model
        staffWriter.commitEdits();
      }
      pub.refresh();
      SearchHit h = hit(pub.search(SearchRequest.of(LAY)), PTOSIS.id());
      assertTrue(h != null, "still found by meaning after the correction");
      assertEquals(SearchHit.Match.MEANING, h.match());
      assertEquals("A heavy upper eye from Dysport", pub.get(PTOSIS.id()).orElseThrow().title());
    }
  }

  @Test
  void anAnswerFoundByMeaningOnlyIsNeverCalledClose() throws Exception {
    // near in meaning, but it holds none of the question's content words: the patient is told
    // that no answer closely matches, not shown it as "the doctor's answer to my question"
    SearchResult r = hybrid.search(SearchRequest.of(LAY));
    SearchHit h = hit(r, PTOSIS.id());
    assertEquals(SearchHit.Match.MEANING, h.match());
    assertEquals(MatchQuality.LOOSE, h.quality());
    assertTrue(
        r.hits().stream()
            .filter(x -> x.match() == SearchHit.Match.MEANING)
            .allMatch(x -> x.quality() == MatchQuality.LOOSE),
        () ->
            "" + r.hits().stream().map(x -> x.id() + " " + x.match() + " " + x.quality()).toList());
    // no entry covers the words (eyelid, droops, shots), so the result is loose too, however near
    // in meaning the answer found by meaning is
    assertTrue(
        r.hits().stream().noneMatch(x -> x.quality() == MatchQuality.CLOSE),
        () -> "" + r.hits().stream().map(x -> x.id() + " " + x.quality()).toList());
    assertEquals(MatchQuality.LOOSE, r.quality());
  }

  @Test
  void lexicalRankingFindsOnlyTheWords() throws Exception {
    try (ArchiveSearcher lexical = new ArchiveSearcher(dir, null, embedder, RankingMode.LEXICAL)) {
      SearchResult r = lexical.search(SearchRequest.of(LAY));
      assertEquals(RankingMode.LEXICAL, r.ranking());
      assertEquals(null, hit(r, PTOSIS.id()));
      assertTrue(r.hits().stream().allMatch(h -> h.match() == SearchHit.Match.WORDS));
      assertTrue(r.hits().stream().allMatch(h -> Float.isNaN(h.meaning())));
    }
  }

  @Test
  void exclusionsPhrasesAndFiltersHoldForAnswersFoundByMeaning() throws Exception {
    assertEquals(null, hit(hybrid.search(SearchRequest.of(LAY + " -weeks")), PTOSIS.id()));
    assertEquals(null, hit(hybrid.search(SearchRequest.of(LAY + " \"tummy tuck\"")), PTOSIS.id()));
    Filters botox = new Filters(List.of("Botox"), List.of(), List.of(), List.of());
    SearchResult filtered =
        hybrid.search(new SearchRequest(LAY, 1, 10, SearchRequest.Sort.RELEVANCE, botox));
    assertEquals(null, hit(filtered, PTOSIS.id()));
    assertTrue(
        filtered.hits().stream().allMatch(h -> h.id().equals(Fixtures.seed().id())),
        filtered.hits().toString());
  }

  @Test
  void aKeywordQueryAdmitsOnlyCloseAnswersByMeaning() throws Exception {
    SearchResult r = hybrid.search(SearchRequest.of("blepharoplasty"));
    assertEquals(PatientSearchTest.EYELID.id(), r.hits().get(0).id());
    for (SearchHit h : r.hits()) {
      assertTrue(
          h.match() == SearchHit.Match.WORDS
              || h.meaning() >= Fusion.Weights.DEFAULT.keywordFloor(),
          h.id() + " " + h.meaning());
    }
  }

  @Test
  void facetsCountTheAnswersFoundByMeaningToo() throws Exception {
    SearchResult r = hybrid.search(SearchRequest.of(LAY));
    long counted = r.facets().get("category").stream().mapToLong(FacetCount::count).sum();
    assertEquals(r.total(), counted, r.facets().toString());
  }

  @Test
  void similarAnswersIncludeThoseNearInMeaning() throws Exception {
    List<String> related = hybrid.related(PTOSIS.id(), 5).stream().map(SearchHit::id).toList();
    assertFalse(related.contains(PTOSIS.id()));
    assertTrue(related.contains(Fixtures.seed().id()), related.toString());
  }

  @Test
  void anIndexWithoutVectorsIsSearchedByWordsUntilReembedded(@TempDir Path plain) throws Exception {
    Fixtures.index(plain, List.of(PTOSIS, PatientSearchTest.EYELID));
    try (ArchiveSearcher s = new ArchiveSearcher(plain, null, embedder, RankingMode.HYBRID)) {
      SearchResult r = s.search(SearchRequest.of(LAY));
      assertEquals(RankingMode.LEXICAL, r.ranking());
      assertEquals(null, hit(r, PTOSIS.id()));
    }
    try (ArchiveWriter w = new ArchiveWriter(plain, embedder)) {
      assertEquals(2, w.reembed(null));
      w.commit(null);
    }
    try (ArchiveSearcher s = new ArchiveSearcher(plain, null, embedder, RankingMode.HYBRID)) {
      SearchResult r = s.search(SearchRequest.of(LAY));
      assertEquals(RankingMode.HYBRID, r.ranking());
      assertEquals(SearchHit.Match.MEANING, hit(r, PTOSIS.id()).match());
    }
    try (ArchiveWriter w = new ArchiveWriter(plain, embedder)) {
      assertEquals(0, w.reembed(null), "nothing left to embed");
    }
  }

  @Test
  void anEntrysVectorIsTheMeanOfItsTitleAndQuestionsAndOfItsTextsVectors() throws Exception {
    float[] stored = null;
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      for (LeafReaderContext leaf : r.leaves()) {
        FloatVectorValues v = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        var it = v.iterator();
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
          if (PTOSIS.id().equals(leaf.reader().storedFields().document(d).get(Fields.ID))) {
            stored = v.vectorValue(it.index()).clone();
          }
        }
      }
    }
    assertTrue(stored != null, "the entry has a vector");
    float[] head = embedder.embed(PTOSIS.title() + "\n" + PTOSIS.question());
    float[] text = embedder.embed(EntryDocuments.meaningText(PTOSIS));
    assertEquals(1.0, Embedder.similarity(stored, Embedder.mean(head, text)), 1e-4);
    assertTrue(Embedder.similarity(stored, head) < 0.99, "not the title and question's alone");
    assertTrue(Embedder.similarity(stored, text) < 0.99, "not the text's alone");
  }

  @Test
  void anIndexWhoseVectorsWereMadeAnotherWayIsSearchedByWordsUntilTheNextImportRemakesThem(
      @TempDir Path old) throws Exception {
    try (ArchiveWriter w = new ArchiveWriter(old, embedder)) {
      w.upsert(PTOSIS);
      w.upsert(PatientSearchTest.EYELID);
      w.commit(null);
    }
    // what an older qarchive recorded, whose vectors read the text alone: the model's name
    String source = recordVectorSource(old, embedder.model().name());
    assertEquals(EntryDocuments.vectorSource(embedder.model()), source);
    try (ArchiveSearcher s = new ArchiveSearcher(old, null, embedder, RankingMode.HYBRID)) {
      assertEquals(RankingMode.LEXICAL, s.search(SearchRequest.of(LAY)).ranking());
    }
    try (ArchiveWriter w = new ArchiveWriter(old, embedder)) {
      w.upsert(PatientSearchTest.RHINO);
      w.commit(null);
      // the new entry, then all three again: the two old ones' vectors were made another way
      assertTrue(w.embeddingSummary().startsWith("embedded 4 entries"), w.embeddingSummary());
    }
    try (ArchiveSearcher s = new ArchiveSearcher(old, null, embedder, RankingMode.HYBRID)) {
      SearchResult r = s.search(SearchRequest.of(LAY));
      assertEquals(RankingMode.HYBRID, r.ranking());
      assertEquals(SearchHit.Match.MEANING, hit(r, PTOSIS.id()).match());
    }
    assertEquals(
        EntryDocuments.vectorSource(embedder.model()),
        recordVectorSource(old, EntryDocuments.vectorSource(embedder.model())));
  }

  /** Records {@code source} as where the index's vectors come from; returns what it recorded. */
  private static String recordVectorSource(Path index, String source) throws Exception {
    try (FSDirectory d = FSDirectory.open(index);
        IndexWriter w =
            new IndexWriter(
                d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new java.util.HashMap<>();
      w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      String was = data.put(Fields.COMMIT_EMBEDDING_MODEL, source);
      w.setLiveCommitData(data.entrySet());
      w.commit();
      return was;
    }
  }

  @Test
  void reembeddingGivesEveryEntryWithoutAVectorOneOnceAcrossBatchesAndSegments(@TempDir Path big)
      throws Exception {
    List<QaEntry> many = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      many.add(
          Fixtures.entry(
              "entry-" + i,
              "Question " + i,
              "Is recovery " + i + " normal?",
              "Swelling after surgery number " + i + " settles within weeks.",
              LocalDate.of(2020, 1, 1)));
    }
    try (ArchiveWriter w = new ArchiveWriter(big, embedder)) {
      for (QaEntry e : many.subList(0, 20)) {
        w.upsert(e);
      }
      w.commit(null);
    }
    Fixtures.index(big, many.subList(20, many.size())); // a second segment, without vectors
    java.io.ByteArrayOutputStream shown = new java.io.ByteArrayOutputStream();
    try (ArchiveWriter w = new ArchiveWriter(big, embedder)) {
      assertEquals(130, w.reembed(new java.io.PrintStream(shown, true, UTF_8)));
      w.commit(null);
    }
    String progress = shown.toString(UTF_8);
    assertTrue(progress.contains("embedding: 130 of 130 entries"), progress);
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(big))) {
      assertEquals(150, r.numDocs());
      int withVector = 0;
      for (LeafReaderContext leaf : r.leaves()) {
        FloatVectorValues v = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        Bits live = leaf.reader().getLiveDocs();
        if (v == null) {
          continue;
        }
        var it = v.iterator();
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
          withVector += live == null || live.get(d) ? 1 : 0;
        }
      }
      assertEquals(150, withVector, "every live entry has its vector");
    }
  }
}
