package org.qarchive.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.archive.EntryJson;
import org.qarchive.archive.QaEntry;
import org.qarchive.cli.Main;
import org.qarchive.index.IndexBackup;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.web.WebConfig;
import org.qarchive.web.WebServer;

/**
 * Backups taken again and again while a real importer process writes the index and a server answers
 * from it: each one restores to exactly the entries of the commit that was the last when it began,
 * never a mix with the import's half-written segments.
 */
class BackupDuringImportTest {

  private static final String[] WORDS =
      ("swelling bruising scar tummy tuck rhinoplasty botox filler eyelid breast lift implant"
              + " recovery weeks months pain numbness infection healing incision surgeon anesthesia"
              + " liposuction facelift brow jowls skin laser peel collagen dressing stitches drain")
          .split(" ");

  @TempDir Path tmp;

  @Test
  void everyBackupTakenDuringAnImportRestoresToExactlyOneWholeCommit() throws Exception {
    Path first = jsonl("first", 2_000);
    Path second = jsonl("second", 15_000);
    Path index = tmp.resolve("index");
    // without vectors: embedding 17,000 entries would take the model minutes, and backups copy
    // vectors as they copy every other file
    assertEquals(
        0, Main.run(args("import", "--no-vectors", "--index", index, first), sink(), sink()));
    long generation1;
    try (FSDirectory d = FSDirectory.open(index)) {
      generation1 = SegmentInfos.readLatestCommit(d).getGeneration();
    }
    Set<String> commit1 = ids("first", 2_000);
    Set<String> commit2 = new HashSet<>(commit1);
    commit2.addAll(ids("second", 15_000));

    List<IndexBackup.Result> during = new ArrayList<>();
    List<IndexBackup.Result> all = new ArrayList<>();
    HttpClient http = HttpClient.newHttpClient();
    try (ArchiveSearcher searcher = new ArchiveSearcher(index);
        WebServer server =
            new WebServer(searcher, new WebConfig("127.0.0.1", 0, List.of("*"), null)).start()) {
      Process importer = importer(index, second);
      int n = 0;
      while (importer.isAlive()) {
        boolean midImport = hasUncommittedFiles(index);
        IndexBackup.Result r = new IndexBackup().backup(index, tmp.resolve("backup-" + n++));
        all.add(r);
        if (midImport && importer.isAlive()) {
          during.add(r);
        }
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + server.port() + "/api/search?q=swelling+scar"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), "the server answers throughout");
        Thread.sleep(500); // a backup every half second or so is plenty, and keeps the test short
      }
      assertEquals(0, importer.waitFor(), "the import completes");
      all.add(new IndexBackup().backup(index, tmp.resolve("backup-after")));
    }
    System.out.printf(
        Locale.ROOT,
        "BackupDuringImportTest: %d backups, %d while the import had uncommitted segments%n",
        all.size(),
        during.size());
    assertTrue(
        !during.isEmpty(),
        "no backup was taken while the import had written uncommitted segments; "
            + all.size()
            + " backups in all");

    for (IndexBackup.Result r : all) {
      Path restored = tmp.resolve("restored-" + r.dir().getFileName());
      IndexBackup.Result back = new IndexBackup().restore(r.dir(), restored);
      Set<String> expected = r.generation() == generation1 ? commit1 : commit2;
      assertEquals(r.entries(), back.entries());
      assertEquals(expected, idsIn(restored), "backup of commit " + r.generation());
    }
    assertTrue(
        during.stream().anyMatch(r -> r.generation() == generation1 && r.entries() == 2_000),
        "a backup taken mid-import holds the commit before it");
    assertEquals(commit2.size(), all.get(all.size() - 1).entries());
  }

  /** Whether the folder holds Lucene files that the last commit does not name: an import's. */
  private static boolean hasUncommittedFiles(Path index) throws Exception {
    Set<String> committed;
    try (FSDirectory d = FSDirectory.open(index)) {
      committed = new HashSet<>(SegmentInfos.readLatestCommit(d).files(true));
    }
    try (Stream<Path> files = Files.list(index)) {
      return files
          .map(p -> p.getFileName().toString())
          .anyMatch(n -> n.startsWith("_") && !committed.contains(n));
    }
  }

  private Path jsonl(String prefix, int n) throws Exception {
    Path file = tmp.resolve(prefix + ".jsonl");
    Random random = new Random(prefix.hashCode());
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        String url = "http://blog.example-clinic.com/" + prefix + "/" + i + "/";
        w.write(
            EntryJson.toLine(
                new QaEntry(
                    prefix + "-" + i,
                    url,
                    words(random, 8),
                    words(random, 60),
                    null,
                    words(random, 200),
                    "Dr. Dean Kane",
                    null,
                    LocalDate.of(2016, 1, 1).plusDays(i % 1000),
                    List.of("Ask the Doctor"),
                    List.of(),
                    prefix + "-" + i + ".html")));
        w.write('\n');
      }
    }
    return file;
  }

  private static Set<String> ids(String prefix, int n) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < n; i++) {
      ids.add(prefix + "-" + i);
    }
    return ids;
  }

  private static Set<String> idsIn(Path index) throws Exception {
    Set<String> ids = new HashSet<>();
    try (ArchiveSearcher s = new ArchiveSearcher(index)) {
      s.forEachEntry(e -> ids.add(e.id()));
    }
    return ids;
  }

  private static String words(Random random, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  private static String[] args(Object... parts) {
    return Stream.of(parts).map(Object::toString).toArray(String[]::new);
  }

  private static PrintWriter sink() {
    return new PrintWriter(new StringWriter(), true);
  }

  private static Process importer(Path index, Path jsonl) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "org.qarchive.cli.Main",
            "import",
            "--no-vectors",
            "--index",
            index.toString(),
            jsonl.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
