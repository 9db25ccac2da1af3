package org.qarchive.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.qarchive.index.Analysis;
import org.qarchive.index.ArchiveCodec;
import org.qarchive.index.EntryDocuments;
import org.qarchive.index.Fields;
import org.qarchive.index.IndexInfo;

/**
 * Benchmark indexes of generated entries, cached under the work folder by size, seed and generator
 * version so that reruns skip building. They have the production schema and analysis ({@link
 * EntryDocuments}, {@link Analysis}) and the same commit data as an import, but are written with
 * plain adds from several threads and a large RAM buffer: a fresh build needs neither upserts nor
 * content-hash lookups.
 */
final class BenchIndex {

  private BenchIndex() {}

  /** The folder of the cached index of {@code entries} entries. */
  static Path dirFor(Path workDir, int entries, long seed) {
    return workDir.resolve(
        String.format(
            Locale.ROOT,
            "index-%d-seed%d-gen%d-schema%s-%s",
            entries,
            seed,
            CorpusGenerator.VERSION,
            Fields.SCHEMA_VERSION,
            ArchiveCodec.NAME));
  }

  /**
   * The cached index of {@code entries} generated entries, built first when it is missing or
   * incomplete.
   */
  static Path obtain(Path workDir, CorpusGenerator gen, int entries, PrintWriter log)
      throws IOException {
    Path dir = dirFor(workDir, entries, gen.seed());
    IndexInfo info = IndexInfo.read(dir);
    if (info.exists()
        && info.entries() == entries
        && Fields.SCHEMA_VERSION.equals(info.schemaVersion())) {
      return dir;
    }
    deleteTree(dir);
    long start = System.nanoTime();
    log.printf(Locale.ROOT, "building a benchmark index of %,d entries in %s ...%n", entries, dir);
    log.flush();
    build(
        dir,
        gen,
        entries,
        entries > 100_000 ? 512 : 128,
        Runtime.getRuntime().availableProcessors());
    log.printf(Locale.ROOT, "built in %.1f s%n", (System.nanoTime() - start) / 1e9);
    log.flush();
    return dir;
  }

  static void build(Path dir, CorpusGenerator gen, int entries, int ramBufferMb, int threads)
      throws IOException {
    Files.createDirectories(dir);
    IndexWriterConfig config = new IndexWriterConfig(Analysis.forIndex());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setCodec(new ArchiveCodec()); // as the importer writes
    config.setRAMBufferSizeMB(ramBufferMb);
    config.setCommitOnClose(false);
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, config)) {
      AtomicInteger next = new AtomicInteger();
      List<Thread> workers = new ArrayList<>();
      List<Throwable> failures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread w =
            new Thread(
                () -> {
                  try {
                    for (int i = next.getAndIncrement(); i < entries; i = next.getAndIncrement()) {
                      writer.addDocument(EntryDocuments.toDocument(gen.entry(i)));
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                },
                "bench-index-" + t);
        w.setUncaughtExceptionHandler(
            (th, e) -> {
              synchronized (failures) {
                failures.add(e);
              }
            });
        workers.add(w);
        w.start();
      }
      for (Thread w : workers) {
        w.join();
      }
      if (!failures.isEmpty()) {
        writer.rollback();
        throw new IOException("building the benchmark index failed", failures.get(0));
      }
      writer.setLiveCommitData(
          Map.of(
                  Fields.COMMIT_LAST_IMPORT,
                  Instant.now().toString(),
                  Fields.COMMIT_SCHEMA_VERSION,
                  Fields.SCHEMA_VERSION)
              .entrySet());
      writer.commit();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while building the benchmark index", e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
