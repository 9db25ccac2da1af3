package org.qarchive.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The queries a benchmark replays: one a line, either plain text or {@code id<TAB>text} (the MediQA
 * format); blank lines and lines starting with {@code #} are skipped. The built-in set mixes
 * MediQA's real patient questions with short lay queries, typos and pasted paragraphs.
 */
final class BenchQueries {

  static final String BUILT_IN = "/bench/queries.txt";

  private BenchQueries() {}

  static List<String> load(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r);
    }
  }

  static List<String> builtIn() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(BenchQueries.class.getResourceAsStream(BUILT_IN), BUILT_IN)) {
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  static List<String> parse(Reader reader) throws IOException {
    List<String> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(reader);
    String line;
    while ((line = r.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      String text = (tab >= 0 ? line.substring(tab + 1) : line).strip();
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
    if (out.isEmpty()) {
      throw new IOException("no queries in the query file");
    }
    return List.copyOf(out);
  }

  /**
   * What a person types, keystroke by keystroke: every prefix of the first {@code maxChars} of each
   * query.
   */
  static List<String> keystrokes(List<String> queries, int maxChars) {
    List<String> out = new ArrayList<>();
    for (String q : queries) {
      String typed = q.length() > maxChars ? q.substring(0, maxChars) : q;
      for (int i = 1; i <= typed.length(); i++) {
        out.add(typed.substring(0, i));
      }
    }
    return out;
  }
}
