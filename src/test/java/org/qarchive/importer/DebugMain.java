package org.qarchive.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;

final class DebugMain {
  public static void main(String[] args) throws Exception {
    for (String a : args) {
      if (a.startsWith("blocks:")) {
        var doc = Jsoup.parse(Path.of(a.substring(7)).toFile(), null);
        var root = doc.selectFirst(".entry-content, div.post");
        TextBlocks.of(root).forEach(b -> System.out.println(b.type() + " lead=" + b.lead() + " | " + b.text().substring(0, Math.min(120, b.text().length())))); QaSegmenter.segment(TextBlocks.of(root)).forEach(System.out::println);
        continue;
      }
      Path p = Path.of(a);
      PageResult r = new PageExtractor().extract(Files.readAllBytes(p), a, null);
      System.out.println(r.kind() + " " + r.reason() + " " + r.canonicalUrl() + " " + r.captureTime());
      r.entries().forEach(e -> System.out.println(e.date() + " " + EntryJson.toLine(e)));
    }
  }
}
