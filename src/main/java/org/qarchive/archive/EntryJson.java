package org.qarchive.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Lines form of entries used by {@code export} and read back by the importer: one object
 * per line with keys {@code id, url, title, question, asker_location, answer, answered_by,
 * credentials, date, categories, tags, source_file}.
 */
public final class EntryJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EntryJson() {}

  /** One entry as a single JSON line (no trailing newline). */
  public static String toLine(QaEntry e) {
    try {
      return MAPPER.writeValueAsString(toNode(e));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("a tree of strings always serialises", ex);
    }
  }

  /** One entry as a JSON object with the export keys; the API's entry view adds to it. */
  public static ObjectNode toNode(QaEntry e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", e.id());
    o.put("url", e.url());
    o.put("title", e.title());
    o.put("question", e.question());
    o.put("asker_location", e.askerLocation());
    o.put("answer", e.answer());
    o.put("answered_by", e.answeredBy());
    o.put("credentials", e.credentials());
    o.put("date", e.date() == null ? null : e.date().toString());
    ArrayNode cats = o.putArray("categories");
    e.categories().forEach(cats::add);
    ArrayNode tags = o.putArray("tags");
    e.tags().forEach(tags::add);
    o.put("source_file", e.sourceFile());
    return o;
  }

  /** Writes the entries as JSON Lines. */
  public static void write(Iterable<QaEntry> entries, Writer out) throws IOException {
    for (QaEntry e : entries) {
      out.write(toLine(e));
      out.write('\n');
    }
  }

  /**
   * Parses one line.
   *
   * @throws IllegalArgumentException when the line is not a valid entry object
   */
  public static QaEntry fromLine(String line) {
    JsonNode o;
    try {
      o = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String date = text(o, "date");
    PostDate d;
    try {
      d = date == null || date.isBlank() ? null : PostDate.parse(date);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad date " + date, e);
    }
    String id = text(o, "id");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("missing id");
    }
    return new QaEntry(
        id,
        text(o, "url"),
        text(o, "title"),
        text(o, "question"),
        text(o, "asker_location"),
        text(o, "answer"),
        text(o, "answered_by"),
        text(o, "credentials"),
        d,
        list(o, "categories"),
        list(o, "tags"),
        text(o, "source_file"));
  }

  /** Reads all entries; bad lines are returned as errors instead of aborting. */
  public static List<QaEntry> readAll(BufferedReader in, List<String> errors) throws IOException {
    List<QaEntry> out = new ArrayList<>();
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(fromLine(line));
      } catch (IllegalArgumentException e) {
        errors.add("line " + n + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static String text(JsonNode o, String key) {
    JsonNode v = o.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> list(JsonNode o, String key) {
    JsonNode v = o.get(key);
    List<String> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(x -> out.add(x.asText()));
    } else if (v != null && v.isTextual() && !v.asText().isBlank()) {
      for (String s : v.asText().split(",")) {
        out.add(s.strip());
      }
    }
    return out;
  }
}
