package org.qarchive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qarchive.archive.QaEntry;
import org.qarchive.importer.CanonicalUrl;

/**
 * Compares imported entries with a {@code make-archive} manifest (the generator's ground truth):
 * which Q&As were found once, missed or invented, and how exact their text and fields are.
 *
 * <p>A date is right when it is the same to the same precision: a manifest's month-only date
 * ({@code 2013-12}, taken from the URL) needs a month-only date. One convention differs between the
 * generator and the importer and is bridged here: the manifest's credentials leave out the trailing
 * "from City" that the importer keeps ("Board Certified Plastic Surgeon from Baltimore"), so a
 * trailing "from ..." is ignored when comparing credentials.
 */
public final class ManifestScore {

  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  /**
   * The figures.
   *
   * @param expected Q&As in the manifest
   * @param found expected Q&As imported (at least once)
   * @param duplicated expected Q&As imported more than once
   * @param extra imported entries the manifest does not list
   * @param questionF1 mean token F1 of questions over found Q&As
   * @param answerF1 mean token F1 of answers over found Q&As
   * @param dateExact share of found Q&As with the right date
   * @param locationExact share with the right asker location
   * @param answeredByExact share with the right answerer
   * @param credentialsExact share with the right credentials
   * @param categoriesExact share with the right categories (as a set)
   * @param tagsExact share with the right tags (as a set)
   * @param problems a few examples of misses and mismatches, for people
   */
  public record Result(
      int expected,
      int found,
      int duplicated,
      int extra,
      double questionF1,
      double answerF1,
      double dateExact,
      double locationExact,
      double answeredByExact,
      double credentialsExact,
      double categoriesExact,
      double tagsExact,
      List<String> problems) {

    public double recall() {
      return expected == 0 ? 1 : found / (double) expected;
    }

    public double precision() {
      int imported = found + duplicated + extra;
      return imported == 0 ? 1 : found / (double) imported;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "expected %d, found %d, duplicated %d, extra %d; recall %.4f precision %.4f; question F1 %.4f answer F1 %.4f;"
              + " exact: date %.4f location %.4f answered-by %.4f credentials %.4f categories %.4f tags %.4f",
          expected,
          found,
          duplicated,
          extra,
          recall(),
          precision(),
          questionF1,
          answerF1,
          dateExact,
          locationExact,
          answeredByExact,
          credentialsExact,
          categoriesExact,
          tagsExact);
    }
  }

  private ManifestScore() {}

  /**
   * {@code ManifestScore ARCHIVE_DIR MANIFEST}: imports the folder into memory with the default
   * options and prints the figures and a few problems.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ManifestScore ARCHIVE_DIR MANIFEST");
      System.exit(64);
    }
    Map<String, QaEntry> kept = new java.util.LinkedHashMap<>();
    org.qarchive.archive.EntrySink sink =
        new org.qarchive.archive.EntrySink() {
          @Override
          public Outcome upsert(QaEntry e) {
            return kept.put(e.id(), e) == null ? Outcome.IMPORTED : Outcome.UPDATED;
          }

          @Override
          public boolean delete(String id) {
            return kept.remove(id) != null;
          }
        };
    new org.qarchive.importer.Importer(org.qarchive.importer.ImportOptions.defaults())
        .run(List.of(Path.of(args[0])), sink);
    Result r = score(Path.of(args[1]), kept.values());
    java.io.PrintWriter out = new java.io.PrintWriter(System.out, true, StandardCharsets.UTF_8);
    out.println(r);
    r.problems().forEach(x -> out.println("  " + x));
  }

  /** Scores entries against the manifest file. */
  public static Result score(Path manifest, Collection<QaEntry> entries) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> qas = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode n = mapper.readTree(line);
          if ("qa".equals(n.path("kind").asText())) {
            qas.add(n);
          }
        }
      }
    }
    Map<String, List<QaEntry>> byKey = new HashMap<>();
    for (QaEntry e : entries) {
      byKey.computeIfAbsent(key(e.url(), indexOf(e)), k -> new ArrayList<>()).add(e);
    }
    int found = 0;
    int dup = 0;
    double qf = 0;
    double af = 0;
    int date = 0;
    int loc = 0;
    int by = 0;
    int cred = 0;
    int cats = 0;
    int tags = 0;
    List<String> problems = new ArrayList<>();
    for (JsonNode qa : qas) {
      int index = qa.has("qa_index") ? qa.get("qa_index").asInt() - 1 : 0;
      List<QaEntry> got = byKey.remove(key(qa.get("post_url").asText(), index));
      if (got == null) {
        note(problems, "missing " + qa.path("file").asText() + " #" + index);
        continue;
      }
      found++;
      dup += got.size() - 1;
      QaEntry e = got.get(0);
      double q = tokenF1(qa.path("question").asText(), e.question());
      double a = tokenF1(qa.path("answer").asText(), e.answer());
      qf += q;
      af += a;
      if (q < 0.9 || a < 0.9) {
        note(
            problems,
            String.format(Locale.ROOT, "text %s q=%.2f a=%.2f", qa.path("file").asText(), q, a));
      }
      String expDate = text(qa, "date");
      if (dateMatches(expDate, e)) {
        date++;
      } else {
        note(
            problems,
            "date " + qa.path("file").asText() + " expected " + expDate + " got " + e.date());
      }
      loc += field(problems, "location", qa, text(qa, "asker_location"), e.askerLocation());
      by += field(problems, "answered_by", qa, text(qa, "answered_by"), e.answeredBy());
      cred +=
          field(
              problems,
              "credentials",
              qa,
              dropFrom(text(qa, "credentials")),
              dropFrom(e.credentials()));
      cats +=
          field(
              problems,
              "categories",
              qa,
              set(qa.path("categories")),
              new TreeSet<>(e.categories()));
      tags += field(problems, "tags", qa, set(qa.path("tags")), new TreeSet<>(e.tags()));
    }
    int extra = 0;
    for (Map.Entry<String, List<QaEntry>> left : byKey.entrySet()) {
      extra += left.getValue().size();
      note(problems, "extra " + left.getValue().get(0).sourceFile() + " (" + left.getKey() + ")");
    }
    double n = Math.max(1, found);
    return new Result(
        qas.size(),
        found,
        dup,
        extra,
        qf / n,
        af / n,
        date / n,
        loc / n,
        by / n,
        cred / n,
        cats / n,
        tags / n,
        List.copyOf(problems));
  }

  private static Set<String> set(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static int field(
      List<String> problems, String name, JsonNode qa, Object expected, Object got) {
    if (Objects.equals(expected, got)) {
      return 1;
    }
    note(problems, name + " " + qa.path("file").asText() + " expected " + expected + " got " + got);
    return 0;
  }

  private static boolean dateMatches(String expected, QaEntry e) {
    if (expected == null) {
      return e.date() == null;
    }
    if (e.date() == null) {
      return false;
    }
    return expected.equals(e.date().toString());
  }

  private static String dropFrom(String credentials) {
    return credentials == null ? null : credentials.replaceFirst("\\s+from\\s+[^,]+$", "");
  }

  private static void note(List<String> problems, String s) {
    if (problems.size() < 40) {
      problems.add(s);
    }
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String key(String url, int index) {
    return CanonicalUrl.key(url) + "#" + index;
  }

  private static int indexOf(QaEntry e) {
    for (int i = 0; i < 64; i++) {
      if (QaEntry.idFor(e.url(), i).equals(e.id())) {
        return i;
      }
    }
    return -1;
  }

  /** F1 of the two texts' word multisets (lower-cased), 1 when both are empty. */
  public static double tokenF1(String expected, String got) {
    Map<String, Integer> a = tokens(expected);
    Map<String, Integer> b = tokens(got);
    int ta = a.values().stream().mapToInt(Integer::intValue).sum();
    int tb = b.values().stream().mapToInt(Integer::intValue).sum();
    if (ta == 0 && tb == 0) {
      return 1;
    }
    int common = 0;
    for (Map.Entry<String, Integer> x : a.entrySet()) {
      common += Math.min(x.getValue(), b.getOrDefault(x.getKey(), 0));
    }
    if (common == 0) {
      return 0;
    }
    double p = common / (double) tb;
    double r = common / (double) ta;
    return 2 * p * r / (p + r);
  }

  private static Map<String, Integer> tokens(String s) {
    Map<String, Integer> m = new HashMap<>();
    if (s == null) {
      return m;
    }
    Matcher x = TOKEN.matcher(s.toLowerCase(Locale.ROOT));
    while (x.find()) {
      m.merge(x.group(), 1, Integer::sum);
    }
    return m;
  }
}
