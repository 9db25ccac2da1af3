package org.qarchive.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.qarchive.importer.QaSegmenter.RawQa;
import org.qarchive.importer.fast.PageScan;

/**
 * A question and its answer as a page states them in schema.org markup, the most trusted signal
 * there is: a Q&A thread's Question (forums and Q&A sites mark them up for search engines) with its
 * accepted answer, or else an answer a doctor gave, as microdata or JSON-LD. Replies by others are
 * never the answer.
 */
final class StructuredQa {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StructuredQa() {}

  /**
   * The page's Q&A from its markup, or null when it states none with an answer.
   *
   * @param post the post container the page's structure found (the Question's element), or null
   */
  static RawQa of(PageScan scan, Element post) {
    if (post != null && isType(post, "Question")) {
      RawQa qa = microdata(post);
      if (qa != null) {
        return qa;
      }
    }
    for (Element script : scan.jsonLd()) {
      String data = script.data();
      if (!data.contains("\"Question\"")) {
        // a Question typed as JSON-LD names its type as this string; a headline "Question from
        // X" is not worth parsing the whole graph for
        continue;
      }
      try {
        RawQa qa = jsonLd(JSON.readTree(data));
        if (qa != null) {
          return qa;
        }
      } catch (IOException e) {
        // a page's broken JSON-LD is the page's problem; its markup is still read
      }
    }
    return null;
  }

  private static RawQa microdata(Element question) {
    String title = null;
    Element text = null;
    Element accepted = null;
    Element doctors = null;
    for (Element e : question.getAllElements()) {
      if (e == question || scopeOf(e) != question) {
        continue;
      }
      String prop = e.attr("itemprop");
      if (prop.equals("name") && title == null) {
        title = TextBlocks.collapse(e.text());
      } else if (prop.equals("text") && text == null) {
        text = e;
      } else if (prop.equals("acceptedAnswer") && accepted == null) {
        accepted = e;
      } else if (prop.equals("suggestedAnswer") && doctors == null && doctor(author(e)) != null) {
        doctors = e;
      }
    }
    Element answer = accepted != null ? accepted : doctors;
    if (text == null || answer == null) {
      return null;
    }
    Element answerText = null;
    for (Element e : answer.getAllElements()) {
      if (e != answer && scopeOf(e) == answer && e.attr("itemprop").equals("text")) {
        answerText = e;
        break;
      }
    }
    if (answerText == null) {
      return null;
    }
    String q = TextBlocks.join(TextBlocks.of(text));
    String a = TextBlocks.join(TextBlocks.of(answerText));
    if (q.isBlank() || a.isBlank()) {
      return null;
    }
    return new RawQa(title, q, null, a, doctor(author(answer)), null);
  }

  /** The nearest element above with its own item scope: the item an itemprop belongs to. */
  private static Element scopeOf(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p.hasAttr("itemscope")) {
        return p;
      }
    }
    return null;
  }

  private static boolean isType(Element e, String type) {
    String t = e.attr("itemtype");
    return t.endsWith("/" + type) || t.equals(type);
  }

  /** The name of an answer's author, or null. */
  private static String author(Element answer) {
    for (Element e : answer.getAllElements()) {
      if (e.attr("itemprop").equals("author") && scopeOf(e) == answer) {
        for (Element n : e.getAllElements()) {
          if (n.attr("itemprop").equals("name")) {
            return TextBlocks.collapse(n.text());
          }
        }
        return TextBlocks.collapse(e.text());
      }
    }
    return null;
  }

  /** The doctor a name is ("Dr. Paul Calloway"), or null for anyone else. */
  private static String doctor(String name) {
    return name == null ? null : DoctorNames.leading(name).orElse(null);
  }

  private static RawQa jsonLd(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      String type = node.path("@type").asText("");
      if (type.equals("Question")) {
        RawQa qa = question(node);
        if (qa != null) {
          return qa;
        }
      }
    }
    for (JsonNode child : node) {
      RawQa qa = jsonLd(child);
      if (qa != null) {
        return qa;
      }
    }
    return null;
  }

  private static RawQa question(JsonNode q) {
    JsonNode answer = q.path("acceptedAnswer");
    if (answer.isArray()) {
      answer = answer.path(0);
    }
    if (!answer.isObject()) {
      answer = null;
      for (JsonNode s : q.path("suggestedAnswer")) {
        if (doctor(name(s.path("author"))) != null) {
          answer = s;
          break;
        }
      }
    }
    if (answer == null) {
      return null;
    }
    String text = plain(q.path("text").asText(""));
    String title = TextBlocks.collapse(q.path("name").asText(""));
    String a = plain(answer.path("text").asText(""));
    if (text.isBlank()) {
      text = title;
    }
    if (text.isBlank() || a.isBlank()) {
      return null;
    }
    return new RawQa(
        title.isEmpty() ? null : title, text, null, a, doctor(name(answer.path("author"))), null);
  }

  private static String name(JsonNode author) {
    JsonNode a = author.isArray() ? author.path(0) : author;
    String n = a.isTextual() ? a.asText() : a.path("name").asText("");
    return n.isBlank() ? null : n.strip();
  }

  /** A JSON-LD text, which may hold HTML, as paragraphs. */
  private static String plain(String s) {
    if (!s.contains("<")) {
      return TextBlocks.collapse(s);
    }
    List<String> paragraphs = new ArrayList<>();
    for (TextBlocks.Block b : TextBlocks.of(Jsoup.parseBodyFragment(s).body())) {
      paragraphs.add(b.text());
    }
    return String.join("\n\n", paragraphs);
  }
}
