package org.qarchive.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's figures, grouped in sections: printed as a table (measure, value, target, ok?)
 * and as JSON.
 */
public final class BenchReport {

  /** The sections every report has, in print order; a section that did not run says why. */
  public static final List<String> SECTIONS =
      List.of("import", "search", "http", "autocomplete", "start_memory");

  /**
   * One figure.
   *
   * @param key machine-readable name, unique in its section
   * @param measure what people read
   * @param value the figure
   * @param unit its unit
   * @param target the goal as text ("< 5 ms"), or null when there is none
   * @param ok whether the goal was met, or null when there is none
   */
  public record Row(
      String key, String measure, double value, String unit, String target, Boolean ok) {}

  private final Map<String, List<Row>> rows = new LinkedHashMap<>();
  private final Map<String, List<String>> notes = new LinkedHashMap<>();
  private final Map<String, String> skipped = new LinkedHashMap<>();
  private final Map<String, Object> meta = new LinkedHashMap<>();

  BenchReport() {
    this(SECTIONS);
  }

  /** A report with its own sections, in print order. */
  BenchReport(List<String> sections) {
    for (String s : sections) {
      rows.put(s, new ArrayList<>());
      notes.put(s, new ArrayList<>());
    }
  }

  void meta(String key, Object value) {
    meta.put(key, value);
  }

  /** A figure without a goal. */
  void add(String section, String key, String measure, double value, String unit) {
    section(section).add(new Row(key, measure, value, unit, null, null));
  }

  /** A figure that should stay below {@code limit}. */
  void addAtMost(
      String section, String key, String measure, double value, String unit, double limit) {
    section(section)
        .add(new Row(key, measure, value, unit, "< " + fmt(limit) + " " + unit, value < limit));
  }

  /** A figure that should reach at least {@code floor}. */
  void addAtLeast(
      String section, String key, String measure, double value, String unit, double floor) {
    section(section)
        .add(new Row(key, measure, value, unit, ">= " + fmt(floor) + " " + unit, value >= floor));
  }

  void note(String section, String text) {
    section(section);
    notes.get(section).add(text);
  }

  void skip(String section, String why) {
    section(section);
    skipped.put(section, why);
  }

  private List<Row> section(String section) {
    List<Row> r = rows.get(section);
    if (r == null) {
      throw new IllegalArgumentException("no such section: " + section);
    }
    return r;
  }

  /** The table people read. */
  public void print(PrintWriter out) {
    String fmt = "%-52s %14s  %-12s %s%n";
    out.printf(Locale.ROOT, fmt, "measure", "value", "target", "ok?");
    for (String s : rows.keySet()) {
      out.printf(
          Locale.ROOT,
          "-- %s%s%n",
          s,
          skipped.containsKey(s) ? " (skipped: " + skipped.get(s) + ")" : "");
      for (Row r : rows.get(s)) {
        out.printf(
            Locale.ROOT,
            fmt,
            r.measure(),
            fmt(r.value()) + " " + r.unit(),
            r.target() == null ? "" : r.target(),
            r.ok() == null ? "" : r.ok() ? "yes" : "NO");
      }
      for (String n : notes.get(s)) {
        out.println("   note: " + n);
      }
    }
    out.flush();
  }

  /**
   * The report as JSON: meta, then one object per section with its rows, notes and why it was
   * skipped.
   */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.set("meta", mapper.valueToTree(meta));
    ObjectNode sections = root.putObject("sections");
    for (String s : rows.keySet()) {
      ObjectNode o = sections.putObject(s);
      o.put("skipped", skipped.get(s));
      ArrayNode arr = o.putArray("rows");
      for (Row r : rows.get(s)) {
        ObjectNode x = arr.addObject();
        x.put("key", r.key());
        x.put("measure", r.measure());
        x.put("value", r.value());
        x.put("unit", r.unit());
        x.put("target", r.target());
        if (r.ok() == null) {
          x.putNull("ok");
        } else {
          x.put("ok", r.ok());
        }
      }
      ArrayNode n = o.putArray("notes");
      notes.get(s).forEach(n::add);
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("a tree of numbers and strings always serialises", e);
    }
  }

  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson(), StandardCharsets.UTF_8);
  }

  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    double a = Math.abs(v);
    return String.format(
        Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
  }
}
