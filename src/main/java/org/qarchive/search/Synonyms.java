package org.qarchive.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.qarchive.index.Analysis;

/**
 * The query-time synonyms: a Solr-format file, shipped as {@code synonyms.txt} in the jar, that an
 * operator may replace with their own file (the {@code qarchive.synonyms} system property, or a
 * path given by the caller) without re-indexing.
 *
 * @param map the parsed entries, analyzed like the index
 * @param vocabulary every word of the file, lower case: spelling correction never replaces them,
 *     and may offer those of four letters or more
 * @param source where the file came from, for messages
 */
public record Synonyms(SynonymMap map, Set<String> vocabulary, String source) {

  /** The system property naming a synonyms file that replaces the shipped one. */
  public static final String PROPERTY = "qarchive.synonyms";

  /** The shipped file, on the class path. */
  public static final String RESOURCE = "/synonyms.txt";

  public Synonyms {
    Objects.requireNonNull(map, "map");
    vocabulary = Set.copyOf(vocabulary);
  }

  /** No synonyms at all. */
  public static Synonyms none() {
    return new Synonyms(new SynonymMap(null, null, 0), Set.of(), "none");
  }

  /**
   * The synonyms in force: {@code override} if given, else the file the {@value #PROPERTY} system
   * property names, else the shipped file.
   */
  public static Synonyms load(Path override, Analysis analysis) {
    Path file = override;
    if (file == null
        && System.getProperty(PROPERTY) != null
        && !System.getProperty(PROPERTY).isBlank()) {
      file = Path.of(System.getProperty(PROPERTY));
    }
    try {
      if (file != null) {
        return parse(Files.readString(file, StandardCharsets.UTF_8), analysis, file.toString());
      }
      try (InputStream in = Synonyms.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "the shipped " + RESOURCE + " is missing from the class path");
        }
        return parse(
            new String(in.readAllBytes(), StandardCharsets.UTF_8),
            analysis,
            "classpath:" + RESOURCE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read synonyms file " + file, e);
    }
  }

  /** Parses Solr-format text. */
  public static Synonyms parse(String solrFormat, Analysis analysis, String source) {
    SynonymMap map;
    try {
      map = analysis.parseSynonymsOrThrow(new StringReader(solrFormat));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("synonyms file " + source + ": " + e.getMessage(), e);
    }
    Set<String> words = new HashSet<>();
    for (String line : solrFormat.split("\n")) {
      int hash = line.indexOf('#');
      String content = hash >= 0 ? line.substring(0, hash) : line;
      for (String w : content.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
        if (w.length() >= 2) {
          words.add(w);
        }
      }
    }
    return new Synonyms(map, words, source);
  }
}
