package org.qarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.web.WebConfig;
import org.qarchive.web.WebServer;

/**
 * The newcomer's path: serve imports the shipped import/ folder once, then answers "botox eyebrows"
 * over HTTP.
 */
class ServeCommandTest {

  @TempDir Path tmp;

  @Test
  void servingImportsTheSamplePagesOnceAndFindsTheSeedAnswerFirst() throws Exception {
    Path pages = tmp.resolve("import");
    copyTree(Path.of("import"), pages);
    ServeCommand serve = new ServeCommand();
    serve.index = new IndexOption();
    serve.index.dir = tmp.resolve("index");
    serve.importDir = pages;
    PrintWriter out = new PrintWriter(new StringWriter(), true);

    assertTrue(serve.importIfChanged(out), "first run imports");
    assertFalse(serve.importIfChanged(out), "unchanged pages are not imported again");
    try (Stream<Path> files = Files.walk(pages)) {
      Path some = files.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
      Files.setLastModifiedTime(some, FileTime.from(Instant.now().plusSeconds(60)));
    }
    assertTrue(serve.importIfChanged(out), "a changed page triggers a re-import");

    try (ArchiveSearcher searcher = new ArchiveSearcher(serve.index.dir);
        WebServer server =
            new WebServer(searcher, new WebConfig("127.0.0.1", 0, List.of("*"), null)).start()) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + server.port() + "/api/search?q=botox+eyebrows"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      JsonNode first = new ObjectMapper().readTree(r.body()).get("hits").get(0);
      assertTrue(first.get("title").asText().contains("Botox and Facial toners"), first.toString());
      assertEquals("Dr. Dean Kane", first.get("answered_by").asText());
      assertTrue(first.get("question").asText().contains("<mark>"), first.toString());
      assertFalse(
          first.get("answer").asText().replace("<mark>", "").replace("</mark>", "").contains("<"));
    }
  }

  @Test
  void aStaffCorrectionSurvivesServesAutomaticImportAndEveryLaterImport() throws Exception {
    Path pages = tmp.resolve("import");
    copyTree(Path.of("import"), pages);
    ServeCommand serve = new ServeCommand();
    serve.index = new IndexOption();
    serve.index.dir = tmp.resolve("index");
    serve.importDir = pages;
    PrintWriter out = new PrintWriter(new StringWriter(), true);
    assertTrue(serve.importIfChanged(out));
    String seed;
    try (ArchiveSearcher s = new ArchiveSearcher(serve.index.dir)) {
      seed = s.search(org.qarchive.search.SearchRequest.of("botox eyebrows")).hits().get(0).id();
    }
    org.qarchive.index.EntryEdits edits = org.qarchive.index.EntryEdits.open(serve.index.dir);
    edits.put(
        org.qarchive.index.EntryEdits.none(seed)
            .withCorrections(
                java.util.Map.of(
                    org.qarchive.index.EntryEdits.Field.TITLE, "Botox, toners and brows"),
                "alice",
                Instant.now()));
    try (org.qarchive.index.ArchiveWriter w =
        new org.qarchive.index.ArchiveWriter(serve.index.dir)) {
      w.commitEdits();
    }
    assertFalse(serve.importIfChanged(out), "a correction is not a change of the import folder");
    // the page the entry came from changes: serve imports the folder again at its next start
    try (Stream<Path> files = Files.walk(pages)) {
      Path seedPage =
          files
              .filter(
                  p -> p.toString().contains("botox-and-facial-toners") && Files.isRegularFile(p))
              .findFirst()
              .orElseThrow();
      Files.setLastModifiedTime(seedPage, FileTime.from(Instant.now().plusSeconds(60)));
    }
    assertTrue(serve.importIfChanged(out));
    assertEquals("Botox, toners and brows", title(serve.index.dir, seed));
    // the command line's plain import (unchanged files skipped), then one that reads everything
    assertEquals(
        0, MainTest.run("import", "--index", serve.index.dir.toString(), pages.toString()).code());
    assertEquals("Botox, toners and brows", title(serve.index.dir, seed));
    assertEquals(
        0,
        MainTest.run("import", "--full", "--index", serve.index.dir.toString(), pages.toString())
            .code());
    assertEquals("Botox, toners and brows", title(serve.index.dir, seed));
  }

  private static String title(Path index, String id) throws Exception {
    try (ArchiveSearcher s = new ArchiveSearcher(index)) {
      return s.get(id).orElseThrow().title();
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
