package org.qarchive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.qarchive.index.Analysis;
import org.qarchive.index.ArchiveWriter;
import org.qarchive.index.EntryEdits;
import org.qarchive.index.IndexInfo;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.SearchRequest;
import org.qarchive.search.Synonyms;
import org.qarchive.web.admin.PasswordHash;

/**
 * What the staff side costs: an Argon2id hash, saving and applying one correction (with few and
 * with 1,000 corrections already in the index), and searching with 0, 100 and 1,000 hidden entries,
 * with the first facet count and suggestion after the hidden set changed. Run with {@code java -cp
 * target/qarchive.jar org.qarchive.bench.StaffBench WORKDIR ENTRIES MEDQUAD_JSONL}; the generated
 * index is kept in WORKDIR for the next run.
 */
public final class StaffBench {

  private StaffBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: StaffBench WORKDIR ENTRIES MEDQUAD_JSONL");
      System.exit(64);
    }
    Path work = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    hashes();
    CorpusGenerator gen = new CorpusGenerator(CorpusGenerator.loadMedquad(Path.of(args[2])), 7);
    Path dir = work.resolve("staff-bench-" + n);
    if (!IndexInfo.read(dir).exists()) {
      BenchIndex.build(dir, gen, n, 128, Runtime.getRuntime().availableProcessors());
    }
    Files.deleteIfExists(dir.resolve(EntryEdits.FILE_NAME));
    List<String> ids = new ArrayList<>();
    try (ArchiveSearcher s = ArchiveSearcher.seeingHidden(dir, Synonyms.none())) {
      s.forEachEntry(e -> ids.add(e.id()));
    }
    Collections.shuffle(ids, new Random(3));
    EntryEdits edits = EntryEdits.open(dir);
    corrections(dir, edits, ids, n, 10);
    corrections(dir, edits, ids, n, 1000);
    hidden(dir, edits, ids, n);
  }

  private static void hashes() {
    PasswordHash h = new PasswordHash();
    List<Double> hash = new ArrayList<>();
    List<Double> verify = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      long t = System.nanoTime();
      String stored = h.hash("correct horse battery".toCharArray());
      hash.add(ms(t));
      t = System.nanoTime();
      h.verify("correct horse battery".toCharArray(), stored);
      verify.add(ms(t));
    }
    System.out.printf(
        Locale.ROOT,
        "argon2id (19 MiB, t=2, p=1): hash median %.1f ms, p95 %.1f ms; verify median %.1f ms%n",
        median(hash.subList(5, 25)),
        p95(hash.subList(5, 25)),
        median(verify.subList(5, 25)));
  }

  /** With {@code already} corrections in the index, saving and applying one more. */
  private static void corrections(Path dir, EntryEdits edits, List<String> ids, int n, int already)
      throws IOException {
    for (int i = edits.all().size(); i < already; i++) {
      edits.put(
          EntryEdits.none(ids.get(i))
              .withCorrections(
                  Map.of(EntryEdits.Field.TITLE, "Corrected title " + i), "bench", Instant.now()));
    }
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      w.commitEdits();
    }
    List<Double> apply = new ArrayList<>();
    List<Double> nothing = new ArrayList<>();
    for (int r = 0; r < 12; r++) {
      String id = ids.get(r);
      EntryEdits.Edit before = edits.get(id) == null ? EntryEdits.none(id) : edits.get(id);
      long t = System.nanoTime();
      edits.put(
          before.withCorrections(
              Map.of(EntryEdits.Field.ANSWER, "A corrected answer, round " + r),
              "bench",
              Instant.now()));
      try (ArchiveWriter w = new ArchiveWriter(dir)) {
        w.commitEdits();
      }
      apply.add(ms(t));
      t = System.nanoTime();
      try (ArchiveWriter w = new ArchiveWriter(dir)) {
        w.commitEdits();
      }
      nothing.add(ms(t));
    }
    System.out.printf(
        Locale.ROOT,
        "%,d entries, %,d corrections: save and apply one correction median %.0f ms, p95 %.0f ms;"
            + " a commit with nothing to apply median %.0f ms%n",
        n,
        edits.all().size(),
        median(apply.subList(2, 12)),
        p95(apply.subList(2, 12)),
        median(nothing.subList(2, 12)));
  }

  private static void hidden(Path dir, EntryEdits edits, List<String> ids, int n)
      throws IOException {
    List<String> queries = BenchQueries.builtIn();
    try (ArchiveSearcher pub =
        new ArchiveSearcher(dir, Synonyms.load(null, Analysis.DEFAULT), edits)) {
      for (int round = 0; round < 2; round++) {
        for (int hidden : new int[] {0, 100, 1000}) {
          for (int i = 0; i < 1000; i++) {
            String id = ids.get(i);
            EntryEdits.Edit e = edits.get(id) == null ? EntryEdits.none(id) : edits.get(id);
            EntryEdits.Visibility v =
                i < hidden ? EntryEdits.Visibility.HIDDEN : EntryEdits.Visibility.PUBLIC;
            if (e.visibility() != v) {
              edits.put(e.withVisibility(v, "bench", Instant.now()));
            }
          }
          long t = System.nanoTime();
          pub.facets();
          double facets = ms(t);
          t = System.nanoTime();
          pub.suggest("what is", 8);
          double suggest = ms(t);
          List<Double> latency = new ArrayList<>();
          for (int pass = 0; pass < 3; pass++) {
            for (String q : queries) {
              t = System.nanoTime();
              pub.search(SearchRequest.of(q));
              if (pass > 0) {
                latency.add(ms(t));
              }
            }
          }
          System.out.printf(
              Locale.ROOT,
              "round %d, %,d entries, %,d hidden: search with facets median %.2f ms, p95 %.2f ms"
                  + " (%d searches); first facets() after the change %.0f ms, first suggest() %.0f"
                  + " ms%n",
              round + 1,
              n,
              n - pub.count(),
              median(latency),
              p95(latency),
              latency.size(),
              facets,
              suggest);
        }
      }
    }
  }

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  private static double p95(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get((int) Math.floor(s.size() * 0.95));
  }
}
