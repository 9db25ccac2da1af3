package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.qarchive.archive.EntrySink;

/**
 * A WARC whose entries together are larger than the heap imports in a child JVM with a small {@code
 * -Xmx}: entries go to the sink as they are extracted instead of waiting in memory for the end of
 * the run.
 */
class BoundedMemoryTest {

  private static final int PAGES = 2000;
  private static final int ANSWER_CHARS = 30_000;
  private static final String HEAP = "-Xmx40m";

  @TempDir Path tmp;

  /** The child: imports the WARC into a sink that keeps nothing, and prints the counts. */
  public static void main(String[] args) throws Exception {
    EntrySink discard = e -> EntrySink.Outcome.IMPORTED;
    ImportReport r =
        new Importer(new ImportOptions(false, null, null, 2))
            .run(List.of(Path.of(args[0])), discard);
    System.out.println("imported " + r.imported() + " duplicates " + r.duplicates());
  }

  @Test
  void aWarcWithMoreTextThanTheHeapImportsInASmallJvm() throws Exception {
    Path warc = tmp.resolve("big.warc");
    String answer =
        "Healing takes time, and every patient is different. ".repeat(ANSWER_CHARS / 52);
    try (WarcWriter w =
        new WarcWriter(
            Files.newByteChannel(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            WarcCompression.NONE)) {
      for (int i = 0; i < PAGES; i++) {
        String page =
            "<html><body class='single'><article class='post'><div class='entry-content'><p>Q: Question "
                + i
                + "?</p><p>A: "
                + answer
                + i
                + "</p></div></article></body></html>";
        HttpResponse http =
            new HttpResponse.Builder(200, "OK")
                .body(MediaType.HTML, page.getBytes(StandardCharsets.UTF_8))
                .build();
        w.write(
            new WarcResponse.Builder(URI.create("https://h.com/2016/01/post-" + i + "/"))
                .date(Instant.parse("2016-02-01T00:00:00Z"))
                .body(http)
                .build());
      }
    }
    assertTrue(
        Files.size(warc) > 40L * 1024 * 1024, "the entries must not fit in the child's heap");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                HEAP,
                "-cp",
                System.getProperty("java.class.path"),
                BoundedMemoryTest.class.getName(),
                warc.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child finished");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("imported " + PAGES + " duplicates 0"), out);
  }
}
