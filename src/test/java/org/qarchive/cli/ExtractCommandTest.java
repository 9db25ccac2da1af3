package org.qarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

  @TempDir Path tmp;

  private static final String ARTICLE =
      "<html><body><nav><a href='/'>Home</a></nav><article><h1>Headline</h1><p>"
          + "The first paragraph of the article, long enough to count, with commas, clauses, and detail.</p><p>"
          + "A second paragraph follows it, again with enough words to be taken for the body of the story.</p>"
          + "</article><footer>Copyright</footer></body></html>";

  @Test
  void benchmarkJsonIsOneObjectKeyedByFileNameAsTheScoringToolReads() throws Exception {
    Path plain = tmp.resolve("abc123.html");
    Files.writeString(plain, ARTICLE, StandardCharsets.UTF_8);
    Path gz = tmp.resolve("def456.html.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(ARTICLE.getBytes(StandardCharsets.UTF_8));
    }
    MainTest.Run r = MainTest.run("extract", "--benchmark-json", plain.toString(), gz.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(2, json.size());
    for (String id : new String[] {"abc123", "def456"}) {
      String body = json.get(id).get("articleBody").asText();
      assertTrue(body.startsWith("The first paragraph"), body);
      assertTrue(!body.contains("Copyright") && !body.contains("Home"), body);
    }
  }

  @Test
  void importRefusesABadSelectorsFileWithExit65() throws Exception {
    Path selectors = tmp.resolve("theme.properties");
    Files.writeString(selectors, "content = div[[\n", StandardCharsets.UTF_8);
    Path page = tmp.resolve("p.html");
    Files.writeString(page, ARTICLE, StandardCharsets.UTF_8);
    MainTest.Run r =
        MainTest.run(
            "import",
            "--index",
            tmp.resolve("idx").toString(),
            "--selectors",
            selectors.toString(),
            page.toString());
    assertEquals(Main.EXIT_DATA, r.code(), r.err());
    assertTrue(r.err().contains("content"), r.err());
  }
}
