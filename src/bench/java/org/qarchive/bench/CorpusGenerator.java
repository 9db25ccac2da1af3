package org.qarchive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.qarchive.archive.QaEntry;

/**
 * Grows the MedQuAD question/answer pairs into an archive of any size: entry {@code i} of seed
 * {@code s} always comes out the same, on any thread, because it draws only from a random generator
 * seeded with {@code (s, i)}. Each entry takes one real question (sometimes with a second one
 * appended), an answer that starts with that question's answer and goes on with sentences of other
 * answers, and a varied title, date, doctor, categories and tags, so term statistics and field
 * lengths stay close to a real blog while the entries stay distinct.
 */
final class CorpusGenerator {

  /** Bumped whenever the output for a given seed changes, so cached indexes are rebuilt. */
  static final int VERSION = 1;

  private static final String[] DOCTORS = {"Dr. Dean Kane", "Dr. Anna Reyes", "Dr. Samuel Ortiz"};
  private static final String[] CATEGORIES = {
    "Ask the Doctor",
    "Botox",
    "Breast",
    "Face",
    "Body",
    "Skin",
    "Nose",
    "Eyes",
    "Fillers",
    "Recovery"
  };
  private static final String[] LOCATIONS = {
    "England, AR", "Baltimore, MD", "Toronto, ON", "Austin, TX", "Leeds, UK", "Denver, CO"
  };
  private static final long FIRST_DAY = LocalDate.of(2006, 1, 1).toEpochDay();
  private static final int DAYS = (int) (LocalDate.of(2025, 1, 1).toEpochDay() - FIRST_DAY);

  /** One source pair: its topic, question type, question and answer sentences. */
  record Source(String focus, String qtype, String question, List<String> sentences) {
    Source {
      Objects.requireNonNull(focus, "focus");
      Objects.requireNonNull(qtype, "qtype");
      Objects.requireNonNull(question, "question");
      sentences = List.copyOf(sentences);
      if (sentences.isEmpty()) {
        throw new IllegalArgumentException("a source needs at least one answer sentence");
      }
    }
  }

  private final List<Source> sources;
  private final String[] sentencePool;
  private final long seed;

  CorpusGenerator(List<Source> sources, long seed) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no source pairs");
    }
    this.sources = List.copyOf(sources);
    this.sentencePool =
        this.sources.stream().flatMap(s -> s.sentences().stream()).toArray(String[]::new);
    this.seed = seed;
  }

  /**
   * Reads MedQuAD's JSON Lines (keys {@code focus, qtype, question, answer}), skipping pairs
   * without an answer.
   */
  static List<Source> loadMedquad(Path jsonl) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Source> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = mapper.readTree(line);
        String question = collapse(n.path("question").asText(""));
        List<String> sentences = sentences(n.path("answer").asText(""));
        if (question.isEmpty() || sentences.isEmpty()) {
          continue;
        }
        out.add(
            new Source(
                collapse(n.path("focus").asText("")),
                n.path("qtype").asText(""),
                question,
                sentences));
      }
    }
    return out;
  }

  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : collapse(text).split("(?<=[.!?])\\s+")) {
      if (s.length() >= 20 && s.length() <= 400) {
        out.add(s);
      }
    }
    return out;
  }

  private static String collapse(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  long seed() {
    return seed;
  }

  /** Entry number {@code i} of this seed. */
  QaEntry entry(int i) {
    if (i < 0) {
      throw new IllegalArgumentException("entry number must not be negative");
    }
    SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    Source base = sources.get(rng.nextInt(sources.size()));
    String question = base.question();
    if (rng.nextInt(3) == 0) {
      question =
          question + " Also, " + lowerFirst(sources.get(rng.nextInt(sources.size())).question());
    }
    StringBuilder answer = new StringBuilder();
    int own = Math.min(base.sentences().size(), 1 + rng.nextInt(3));
    int borrowed = 1 + rng.nextInt(5);
    for (int k = 0; k < own + borrowed; k++) {
      String s = k < own ? base.sentences().get(k) : sentencePool[rng.nextInt(sentencePool.length)];
      if (k > 0) {
        answer.append(k % 3 == 0 ? "\n\n" : " ");
      }
      answer.append(s);
    }
    String focus = base.focus().isEmpty() ? "your question" : base.focus();
    String doctor = DOCTORS[rng.nextInt(DOCTORS.length)];
    String title =
        switch (rng.nextInt(4)) {
          case 0 -> focus;
          case 1 -> doctor + " Q&A – " + focus;
          case 2 -> base.question();
          default -> focus + ": " + base.qtype();
        };
    LocalDate date = LocalDate.ofEpochDay(FIRST_DAY + rng.nextInt(DAYS));
    List<String> categories = new ArrayList<>(List.of(CATEGORIES[rng.nextInt(CATEGORIES.length)]));
    if (rng.nextBoolean()) {
      String second = CATEGORIES[rng.nextInt(CATEGORIES.length)];
      if (!categories.contains(second)) {
        categories.add(second);
      }
    }
    List<String> tags = new ArrayList<>();
    tags.add(focus.toLowerCase(Locale.ROOT));
    if (!base.qtype().isEmpty()) {
      tags.add(base.qtype());
    }
    String slug =
        focus.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    String url =
        String.format(
            Locale.ROOT,
            "http://blog.example-clinic.com/%d/%02d/%s-%d/",
            date.getYear(),
            date.getMonthValue(),
            slug,
            i);
    return new QaEntry(
        QaEntry.idFor(url, 0),
        url,
        title,
        question,
        rng.nextInt(3) == 0 ? null : LOCATIONS[rng.nextInt(LOCATIONS.length)],
        answer.toString(),
        doctor,
        "Board Certified Plastic Surgeon",
        org.qarchive.archive.PostDate.of(date),
        categories,
        tags,
        "bench/" + i + ".html");
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
