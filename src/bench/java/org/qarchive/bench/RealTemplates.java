package org.qarchive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.qarchive.archive.QaEntry;
import org.qarchive.importer.PageExtractor;
import org.qarchive.importer.PageKind;
import org.qarchive.importer.PageResult;

/**
 * Real sites' own templates with one Q&A in them: every page of the extraction data sets
 * (Readability's test pages, whose {@code expected.html} tells the article, and the
 * article-extraction benchmark's pages, whose ground truth tells its text) gets one MedQuAD Q&A in
 * place of its article, inside the element that held the article, and the importer must take
 * exactly that Q&A out of the page: one entry, question and answer token F1 of at least 0.9, the
 * answerer right. The Q&A's label form rotates over the forms real Q&A blogs use.
 */
public final class RealTemplates {

  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final List<String> DOCTORS =
      List.of("Dr. Paul Calloway", "Dr. Maria Estevez", "Dr. Anna Lindqvist", "Dr. Samuel Okafor");

  /**
   * One page's outcome.
   *
   * @param page the page's name
   * @param form the label form its Q&A was written in
   * @param exact whether exactly the Q&A came out
   * @param why what went wrong, or null
   */
  public record Outcome(String page, String form, boolean exact, String why) {}

  /** All pages' outcomes, and the share of exact ones. */
  public record Result(List<Outcome> outcomes, int skipped) {
    public double exactShare() {
      return outcomes.isEmpty()
          ? 0
          : outcomes.stream().filter(Outcome::exact).count() / (double) outcomes.size();
    }

    public long exact() {
      return outcomes.stream().filter(Outcome::exact).count();
    }
  }

  /** A Q&A to put into a page. */
  record Qa(String question, List<String> answer) {}

  private RealTemplates() {}

  /**
   * {@code RealTemplates SHARED_DIR}: runs the set and prints the share of exact pages and every
   * page that was not; {@code -Drealtemplates.dump=DIR} also writes those pages, Q&A included, to
   * DIR.
   */
  public static void main(String[] args) throws IOException {
    Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
    Result r = run(shared, new PageExtractor());
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    for (Outcome o : r.outcomes()) {
      if (!o.exact()) {
        out.printf(Locale.ROOT, "%-70s %-10s %s%n", o.page(), o.form(), o.why());
      }
    }
    out.printf(
        Locale.ROOT,
        "real templates: %d of %d pages exact (%.1f %%), %d pages without a findable article%n",
        r.exact(),
        r.outcomes().size(),
        100 * r.exactShare(),
        r.skipped());
  }

  /** Runs every page of both data sets under {@code shared/data/extraction}. */
  public static Result run(Path shared, PageExtractor extractor) throws IOException {
    List<Qa> qas = medquad(shared.resolve("data/medquad/medquad.jsonl"), 400);
    List<Outcome> out = new ArrayList<>();
    int skipped = 0;
    int i = 0;
    Path readability = shared.resolve("data/extraction/readability-test-pages/test-pages");
    List<Path> dirs;
    try (Stream<Path> s = Files.list(readability)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path dir : dirs) {
      String expected =
          Jsoup.parse(Files.readString(dir.resolve("expected.html"), StandardCharsets.UTF_8))
              .text();
      Outcome o =
          one(
              "readability/" + dir.getFileName(),
              Files.readAllBytes(dir.resolve("source.html")),
              expected,
              qas.get(i % qas.size()),
              i,
              extractor);
      i++;
      if (o == null) {
        skipped++;
      } else {
        out.add(o);
      }
    }
    Path bench = shared.resolve("data/extraction/article-extraction-benchmark");
    JsonNode truth = new ObjectMapper().readTree(bench.resolve("ground-truth.json").toFile());
    List<String> ids = new ArrayList<>();
    truth.fieldNames().forEachRemaining(ids::add);
    ids.sort(null);
    for (String id : ids) {
      Path page = bench.resolve("html").resolve(id + ".html");
      if (!Files.exists(page)) {
        continue;
      }
      Outcome o =
          one(
              "benchmark/" + id.substring(0, 12),
              Files.readAllBytes(page),
              truth.get(id).path("articleBody").asText(""),
              qas.get(i % qas.size()),
              i,
              extractor);
      i++;
      if (o == null) {
        skipped++;
      } else {
        out.add(o);
      }
    }
    return new Result(out, skipped);
  }

  /** One page, or null when its article cannot be found in it. */
  static Outcome one(
      String name, byte[] source, String articleText, Qa qa, int n, PageExtractor extractor) {
    Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(source), null, "", Parser.htmlParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Element container = container(doc, articleText);
    if (container == null) {
      return null;
    }
    String doctor = DOCTORS.get(n % DOCTORS.size());
    Form form = Form.values()[n % Form.values().length];
    container.html(form.html(qa, doctor));
    doc.charset(StandardCharsets.UTF_8);
    doc.outputSettings().escapeMode(Entities.EscapeMode.base);
    byte[] bytes = doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    PageResult r = extractor.extract(bytes, name + ".html", null);
    String why = check(r, qa, doctor);
    String dump = System.getProperty("realtemplates.dump");
    if (why != null && dump != null) {
      // the page as the importer saw it, to look at why
      try {
        Path out = Path.of(dump, name.replace('/', '_') + ".html");
        Files.createDirectories(out.getParent());
        Files.write(out, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Outcome(name, form.name().toLowerCase(Locale.ROOT), why == null, why);
  }

  private static String check(PageResult r, Qa qa, String doctor) {
    if (r.kind() != PageKind.POST) {
      return r.kind() + ": " + r.reason();
    }
    if (r.entries().size() != 1) {
      return r.entries().size() + " entries";
    }
    QaEntry e = r.entries().get(0);
    double q = ManifestScore.tokenF1(qa.question(), e.question());
    double a = ManifestScore.tokenF1(String.join("\n\n", qa.answer()), e.answer());
    List<String> problems = new ArrayList<>();
    if (q < 0.9) {
      problems.add(String.format(Locale.ROOT, "question F1 %.2f: %s", q, clip(e.question())));
    }
    if (a < 0.9) {
      problems.add(
          String.format(
              Locale.ROOT,
              "answer F1 %.2f: ...%s",
              a,
              clip(e.answer().substring(Math.max(0, e.answer().length() - 160)))));
    }
    if (!doctor.equals(e.answeredBy())) {
      problems.add("answered by " + e.answeredBy());
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private static String clip(String s) {
    String t = s.replace('\n', ' ');
    return t.length() > 160 ? t.substring(0, 160) + "..." : t;
  }

  /** The ways the Q&A is written into a page, as real Q&A blogs and columns write them. */
  enum Form {
    /** "Question from Boise, ID:" ... "Answer from Dr. X, Board Certified ...:" in bold. */
    FROM {
      @Override
      String html(Qa qa, String doctor) {
        return "<p><strong>Question from Boise, ID:</strong> "
            + esc(qa.question())
            + "</p>\n"
            + paragraphs(
                "<strong>Answer from "
                    + esc(doctor)
                    + ", Board Certified Plastic Surgeon:</strong> ",
                qa.answer());
      }
    },
    /** "Q:" and "Dr. X answers:" leading bold runs. */
    ANSWERS {
      @Override
      String html(Qa qa, String doctor) {
        return "<p><b>Q:</b> "
            + esc(qa.question())
            + "</p>\n"
            + paragraphs("<b>" + esc(doctor) + " answers:</b> ", qa.answer());
      }
    },
    /** Headings: "Reader question" and "Dr. X replies". */
    HEADINGS {
      @Override
      String html(Qa qa, String doctor) {
        return "<h3>Reader question</h3>\n<p>"
            + esc(qa.question())
            + "</p>\n<h3>"
            + esc(doctor)
            + " replies</h3>\n"
            + paragraphs("", qa.answer());
      }
    },
    /** A definition list: the labels in {@code dt}, the texts in {@code dd}. */
    DEFINITIONS {
      @Override
      String html(Qa qa, String doctor) {
        StringBuilder b = new StringBuilder("<dl>\n<dt>Question:</dt>\n<dd><p>");
        b.append(esc(qa.question())).append("</p></dd>\n<dt>").append(esc(doctor));
        b.append(" says:</dt>\n<dd>").append(paragraphs("", qa.answer())).append("</dd>\n</dl>");
        return b.toString();
      }
    },
    /** "Dear Doctor," letters with the doctor's reply after a plain label. */
    LETTER {
      @Override
      String html(Qa qa, String doctor) {
        return "<p><em>Asked by Jenna R.:</em> "
            + esc(qa.question())
            + "</p>\n"
            + paragraphs("<em>" + esc(doctor) + " responds:</em> ", qa.answer());
      }
    };

    abstract String html(Qa qa, String doctor);

    private static String paragraphs(String firstLabel, List<String> paragraphs) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < paragraphs.size(); i++) {
        b.append("<p>").append(i == 0 ? firstLabel : "").append(esc(paragraphs.get(i)));
        b.append("</p>\n");
      }
      return b.toString();
    }
  }

  private static String esc(String s) {
    return Entities.escape(s);
  }

  /**
   * The element that holds the article: of the elements whose text is about as long as the
   * article's, the one whose words match the article's best (token F1), the deepest on a tie; null
   * when none matches at least half.
   */
  static Element container(Document doc, String articleText) {
    Map<String, Integer> want = tokens(articleText);
    int wantSize = want.values().stream().mapToInt(Integer::intValue).sum();
    if (wantSize < 20 || doc.body() == null) {
      return null;
    }
    Element best = null;
    double bestF1 = 0;
    for (Element e : doc.body().getAllElements()) {
      String tag = e.normalName();
      if (tag.equals("script") || tag.equals("style") || tag.equals("p") || tag.equals("a")) {
        continue;
      }
      String text = e.text();
      if (text.length() < articleText.length() * 0.3 || text.length() > articleText.length() * 4) {
        continue;
      }
      Map<String, Integer> got = tokens(text);
      int gotSize = got.values().stream().mapToInt(Integer::intValue).sum();
      int common = 0;
      for (Map.Entry<String, Integer> x : want.entrySet()) {
        common += Math.min(x.getValue(), got.getOrDefault(x.getKey(), 0));
      }
      if (common == 0) {
        continue;
      }
      double p = common / (double) gotSize;
      double r = common / (double) wantSize;
      double f1 = 2 * p * r / (p + r);
      // in page order a descendant comes after its ancestor: it wins a near tie
      if (best == null
          ? f1 >= 0.5
          : f1 > bestF1 + 0.01 || f1 >= bestF1 - 0.01 && isAncestor(best, e)) {
        best = e;
        bestF1 = f1;
      }
    }
    return best;
  }

  private static boolean isAncestor(Element a, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == a) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Integer> tokens(String s) {
    Map<String, Integer> m = new HashMap<>();
    Matcher x = TOKEN.matcher(s.toLowerCase(Locale.ROOT));
    while (x.find()) {
      m.merge(x.group(), 1, Integer::sum);
    }
    return m;
  }

  /**
   * The first {@code n} MedQuAD Q&As whose question is one sentence and whose answer is 200 to
   * 1,500 characters, the answer in paragraphs of about three sentences.
   */
  static List<Qa> medquad(Path jsonl, int n) throws IOException {
    ObjectMapper m = new ObjectMapper();
    List<Qa> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      int seen = 0;
      while ((line = r.readLine()) != null && out.size() < n) {
        // every 37th record, so that the set spans MedQuAD's collections
        if (seen++ % 37 != 0) {
          continue;
        }
        JsonNode o = m.readTree(line);
        String q = o.path("question").asText("").replaceAll("\\s+", " ").strip();
        String a = o.path("answer").asText("").replaceAll("\\s+", " ").strip();
        if (!q.endsWith("?") || q.length() > 200 || a.length() < 200 || a.length() > 1500) {
          continue;
        }
        out.add(new Qa(q, paragraphs(a)));
      }
    }
    return out;
  }

  private static List<String> paragraphs(String answer) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int sentences = 0;
    Iterator<String> it = List.of(answer.split("(?<=[.!?])\\s+(?=[A-Z])")).iterator();
    while (it.hasNext()) {
      cur.append(cur.isEmpty() ? "" : " ").append(it.next());
      if (++sentences == 3 && it.hasNext()) {
        out.add(cur.toString());
        cur.setLength(0);
        sentences = 0;
      }
    }
    if (!cur.isEmpty()) {
      out.add(cur.toString());
    }
    return out;
  }
}
