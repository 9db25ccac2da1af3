package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher.LeafReaderContextPartition;
import org.apache.lucene.search.IndexSearcher.LeafSlice;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.archive.PostDate;
import org.qarchive.archive.QaEntry;
import org.qarchive.index.Analysis;
import org.qarchive.index.ArchiveWriter;

class SearchWorkersTest {

  private static final String[] WORDS = {
    "botox",
    "swelling",
    "filler",
    "scar",
    "bruise",
    "eyelid",
    "nose",
    "lift",
    "skin",
    "laser",
    "pain",
    "weeks",
    "numb",
    "tummy",
    "breast",
    "implant",
    "drain",
    "massage",
    "sun",
    "itch"
  };
  private static final String[] DOCTORS = {"Dr. Dean Kane", "Dr. Anna Reyes", "Dr. Samuel Ortiz"};
  private static final String[] CATEGORIES = {"Botox", "Fillers", "Surgery", "Skin", "Recovery"};

  @TempDir Path dir;

  @Test
  void slicesCoverEveryDocumentOnceInNearlyEqualParts() throws Exception {
    try (ByteBuffersDirectory d = new ByteBuffersDirectory()) {
      int[] segmentSizes = {700, 300, 1000, 50, 1};
      try (IndexWriter w =
          new IndexWriter(d, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
        for (int size : segmentSizes) {
          for (int i = 0; i < size; i++) {
            w.addDocument(new Document());
          }
          w.flush();
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(d)) {
        List<LeafReaderContext> leaves = reader.leaves();
        assertEquals(segmentSizes.length, leaves.size());
        for (int parallelism : new int[] {2, 3, 4, 7}) {
          LeafSlice[] slices = SearchWorkers.slices(leaves, parallelism, 100);
          assertEquals(parallelism, slices.length, "slices for " + parallelism + " threads");
          Set<String> seen = new HashSet<>();
          int smallest = Integer.MAX_VALUE;
          int largest = 0;
          for (LeafSlice slice : slices) {
            int docs = 0;
            Set<Integer> segments = new HashSet<>();
            for (LeafReaderContextPartition p : slice.partitions) {
              assertTrue(
                  segments.add(p.ctx.ord), "a slice holds two parts of segment " + p.ctx.ord);
              int to = Math.min(p.maxDocId, p.ctx.reader().maxDoc());
              for (int doc = p.minDocId; doc < to; doc++) {
                assertTrue(
                    seen.add(p.ctx.ord + ":" + doc),
                    "document " + doc + " of " + p.ctx.ord + " twice");
              }
              docs += to - p.minDocId;
            }
            smallest = Math.min(smallest, docs);
            largest = Math.max(largest, docs);
          }
          assertEquals(2051, seen.size(), "every document in some slice");
          assertTrue(
              largest - smallest < parallelism, smallest + " to " + largest + " documents a slice");
        }
        LeafSlice[] one = SearchWorkers.slices(leaves, 4, 10_000);
        assertEquals(1, one.length, "a small index stays one slice");
        assertEquals(segmentSizes.length, one[0].partitions.length);
      }
    }
  }

  @Test
  void aSlicedSearchAnswersExactlyAsOneThreadDoes() throws Exception {
    writeCorpus();
    try (ArchiveSearcher single = open(new SearchWorkers(1, Integer.MAX_VALUE));
        ArchiveSearcher two = open(new SearchWorkers(2, 500));
        ArchiveSearcher three = open(new SearchWorkers(3, 500))) {
      for (ArchiveSearcher sliced : List.of(two, three)) {
        for (SearchRequest request : requests()) {
          assertSame(single.search(request), sliced.search(request), request.toString());
        }
        assertEquals(single.facets(), sliced.facets(), "browsing facets");
      }
      assertTrue(
          single.search(SearchRequest.of("skin")).total() > 1_000, "the corpus has common words");
    }
  }

  @Test
  void concurrentSlicedSearchesEachGetTheirOwnAnswer() throws Exception {
    writeCorpus();
    List<SearchRequest> requests = requests();
    try (ArchiveSearcher single = open(new SearchWorkers(1, Integer.MAX_VALUE));
        ArchiveSearcher sliced = open(new SearchWorkers(3, 500))) {
      List<SearchResult> expected = new ArrayList<>();
      for (SearchRequest request : requests) {
        expected.add(single.search(request));
      }
      ExecutorService clients = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
          int offset = c * 5;
          running.add(
              clients.submit(
                  () -> {
                    for (int round = 0; round < 3; round++) {
                      for (int i = 0; i < requests.size(); i++) {
                        int at = (i + offset) % requests.size();
                        assertSame(
                            expected.get(at),
                            sliced.search(requests.get(at)),
                            requests.get(at).toString());
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : running) {
          f.get(2, TimeUnit.MINUTES);
        }
      } finally {
        clients.shutdownNow();
      }
    }
  }

  @Test
  void aSearchStillAnswersWhenTheWorkersAreGone() throws Exception {
    writeCorpus();
    SearchWorkers workers = new SearchWorkers(3, 500);
    try (ArchiveSearcher single = open(new SearchWorkers(1, Integer.MAX_VALUE));
        ArchiveSearcher sliced = open(workers)) {
      workers
          .close(); // as when the server shuts down with a search in flight: the searching thread
      // does the work
      for (SearchRequest request : requests()) {
        assertSame(single.search(request), sliced.search(request), request.toString());
      }
    }
  }

  /** Three commits of unequal size make three segments, so slices both join and split segments. */
  private void writeCorpus() throws Exception {
    Random random = new Random(11);
    int n = 0;
    for (int batch : new int[] {1_000, 2_000, 1_500}) {
      try (ArchiveWriter w = new ArchiveWriter(dir)) {
        for (int i = 0; i < batch; i++, n++) {
          String url = "http://blog.example-clinic.com/q/" + n + "/";
          w.upsert(
              new QaEntry(
                  QaEntry.idFor(url, 0),
                  url,
                  "Question " + n,
                  sentence(random, 12),
                  null,
                  sentence(random, 40),
                  DOCTORS[random.nextInt(DOCTORS.length)],
                  null,
                  PostDate.of(LocalDate.of(2006 + random.nextInt(18), 1 + random.nextInt(12), 1)),
                  List.of(CATEGORIES[random.nextInt(CATEGORIES.length)]),
                  List.of(WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(WORDS.length)]),
                  n + ".html"));
        }
        w.commit(null);
      }
    }
  }

  private static List<SearchRequest> requests() {
    List<SearchRequest> requests = new ArrayList<>();
    for (String q :
        List.of(
            "botox swelling",
            "scar laser",
            "numb weeks after lift",
            "implant",
            "skin -sun",
            "\"tummy drain\"",
            "bruse",
            "")) {
      requests.add(SearchRequest.of(q));
      requests.add(SearchRequest.of(q).withoutFacets());
      requests.add(new SearchRequest(q, 3, 7, SearchRequest.Sort.DATE));
    }
    return requests;
  }

  private static void assertSame(SearchResult expected, SearchResult actual, String what) {
    assertEquals(expected.hits(), actual.hits(), what);
    assertEquals(expected.total(), actual.total(), what);
    assertEquals(expected.totalExact(), actual.totalExact(), what);
    assertEquals(expected.facets(), actual.facets(), what);
    assertEquals(expected.correctedQuery(), actual.correctedQuery(), what);
  }

  private ArchiveSearcher open(SearchWorkers workers) throws Exception {
    ArchiveSearcher s =
        new ArchiveSearcher(
            FSDirectory.open(dir),
            Analysis.DEFAULT,
            Synonyms.load(null, Analysis.DEFAULT),
            Ranking.DEFAULT,
            workers);
    // the slicing is compared here, not the time budget: on a host loaded by other builds a search
    // reached 200 ms and answered with part of its ranking, a different part in each run
    s.searchBudget(60_000);
    return s;
  }

  private static String sentence(Random random, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.append('.').toString();
  }
}
