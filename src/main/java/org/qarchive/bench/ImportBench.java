package org.qarchive.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.qarchive.importer.ImportOptions;
import org.qarchive.importer.ImportReport;
import org.qarchive.importer.ImportState;
import org.qarchive.importer.Importer;
import org.qarchive.index.ArchiveWriter;
import org.qarchive.index.IndexInfo;

/**
 * Import speed next to its ceiling: pages per second of a whole import (walk, extract, index, commit) against
 * pages per second of jsoup merely parsing the same files on the same cores, then the re-import of the unchanged
 * archive, and the index size it left.
 */
final class ImportBench {

  private ImportBench() {}

  /**
   * {@code ImportBench PAGES_DIR [THREADS]}: the import section alone (whole import into a temporary index, against
   * jsoup parsing the same files), for comparing import changes in one short run.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ImportBench PAGES_DIR [THREADS]");
      System.exit(64);
    }
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    Path work = Files.createTempDirectory("qarchive-importbench");
    PrintWriter log = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    try {
      BenchReport report = new BenchReport(List.of("import"));
      run(report, Path.of(args[0]), work, threads, log);
      report.print(log);
    } finally {
      BenchIndex.deleteTree(work);
    }
  }

  /** Generates {@code pages} pages with make-archive into the work folder unless they are there already. */
  static Path generatePages(Path makeArchive, Path workDir, int pages, long seed, PrintWriter log)
      throws IOException, InterruptedException {
    Path dir = workDir.resolve(String.format(Locale.ROOT, "pages-%d-seed%d", pages, seed));
    Path done = workDir.resolve(dir.getFileName() + ".done");
    if (Files.exists(done) && Files.isDirectory(dir)) {
      return dir;
    }
    if (!Files.isRegularFile(makeArchive)) {
      throw new IOException("make-archive not found at " + makeArchive + "; pass --pages-dir or --make-archive");
    }
    BenchIndex.deleteTree(dir);
    Files.createDirectories(workDir);
    log.printf(Locale.ROOT, "generating %,d pages with make-archive into %s ...%n", pages, dir);
    log.flush();
    Process p =
        new ProcessBuilder(
                "python3", makeArchive.toString(), "--out", dir.toString(), "--pages", Integer.toString(pages),
                "--seed", Long.toString(seed), "--manifest", workDir.resolve(dir.getFileName() + ".manifest.jsonl")
                    .toString())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve(dir.getFileName() + ".log").toFile())
            .start();
    if (p.waitFor() != 0) {
      throw new IOException("make-archive failed; see " + workDir.resolve(dir.getFileName() + ".log"));
    }
    Files.writeString(done, "");
    return dir;
  }

  static void run(BenchReport report, Path pagesDir, Path workDir, int threads, PrintWriter log) throws Exception {
    String s = "import";
    List<Path> files;
    try (Stream<Path> walk = Files.walk(pagesDir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    if (files.isEmpty()) {
      report.skip(s, "no files under " + pagesDir);
      return;
    }
    log.printf(Locale.ROOT, "import: %,d files under %s%n", files.size(), pagesDir);
    log.flush();
    List<Path> warmUp = files.subList(0, Math.min(300, files.size()));
    parseAll(warmUp, threads); // warm jsoup up
    long t0 = System.nanoTime();
    parseAll(files, threads);
    double ceilingSecs = (System.nanoTime() - t0) / 1e9;

    // the import gets the same warm-up as the ceiling (the same 300 files, into an index thrown away), so that
    // neither side is timed while the JIT is still compiling its code
    ImportOptions options = new ImportOptions(false, null, null, threads);
    Path warmIndex = workDir.resolve("warm-up-index");
    try (ArchiveWriter writer = new ArchiveWriter(warmIndex)) {
      new Importer(options).run(warmUp, writer);
      writer.commit("bench warm-up");
    }
    BenchIndex.deleteTree(warmIndex);

    Path index = workDir.resolve("import-index");
    BenchIndex.deleteTree(index);
    t0 = System.nanoTime();
    ImportReport first = importOnce(index, pagesDir, options);
    double firstSecs = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    ImportReport again = importOnce(index, pagesDir, options);
    double againSecs = (System.nanoTime() - t0) / 1e9;
    IndexInfo info = IndexInfo.read(index);

    int pages = first.rows().size();
    double importRate = pages / firstSecs;
    double ceilingRate = files.size() / ceilingSecs;
    report.add(s, "pages", "files imported (pages, listings, debris)", pages, "files");
    report.add(s, "entries", "entries in the index", info.entries(), "entries");
    report.add(s, "first_s", "first import, " + threads + " threads", firstSecs, "s");
    report.add(s, "pages_per_second", "import pages/s", importRate, "/s");
    report.add(s, "ceiling_pages_per_second", "ceiling: jsoup parse alone, " + threads + " threads", ceilingRate,
        "/s");
    report.addAtLeast(s, "share_of_ceiling", "import speed as share of the ceiling", 100 * importRate / ceilingRate,
        "%", 60);
    report.add(s, "reimport_s", "re-import of the unchanged archive", againSecs, "s");
    report.addAtMost(s, "reimport_share", "re-import time as share of the first", 100 * againSecs / firstSecs, "%",
        20);
    if (info.entries() > 0) {
      report.add(s, "kb_per_1000_entries", "index size per 1,000 entries", info.sizeBytes() / 1024.0
          / info.entries() * 1000, "KB");
    }
    report.note(s, String.format(Locale.ROOT, "first import: %d imported, %d failed files; re-import: %d unchanged,"
        + " %d updated", first.imported(), first.failed(), again.unchanged(), again.updated()));
  }

  private static ImportReport importOnce(Path index, Path pagesDir, ImportOptions options) throws IOException {
    // as 'qarchive import' does: files unchanged since the last import (the state beside the index) are not read
    Path stateFile = index.resolve(ImportState.FILE_NAME);
    try (ArchiveWriter writer = new ArchiveWriter(index)) {
      Importer importer = new Importer(options);
      ImportReport r = importer.run(List.of(pagesDir), writer, ImportState.load(stateFile, "bench " + writer.lastCommit()));
      writer.commit("bench");
      importer.lastState().save(stateFile, "bench " + writer.lastCommit());
      return r;
    }
  }

  /** Reads and parses every file with jsoup on {@code threads} threads, letting jsoup detect the charset. */
  static void parseAll(List<Path> files, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (Path f : files) {
        done.add(
            pool.submit(
                () -> {
                  byte[] bytes = Files.readAllBytes(f);
                  return Jsoup.parse(new ByteArrayInputStream(bytes), null, "http://localhost/").childNodeSize();
                }));
      }
      for (Future<Integer> d : done) {
        d.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
