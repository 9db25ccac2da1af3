package org.qarchive.site;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a search that describes an emergency ("chest pain and shortness of breath right now") from
 * one that only shares its words ("chest lift", "breathing exercises", "bleeding gums"), from the
 * phrases of {@code emergency-triggers.txt} ({@link #parse}).
 *
 * <p>A phrase matches whole words in order, ignoring case, accents, punctuation and apostrophes
 * ({@code cant breathe} matches "can't breathe"); {@code word*} matches any word that starts with
 * {@code word}; {@code ...} lets up to three other words stand between its neighbours. A phrase
 * right after "no", "not", "without" or "never" does not count ("no chest pain"). Phrases under a
 * {@code [crisis]} line speak of suicide or self-harm: the notice then adds the crisis line.
 */
public final class EmergencyTriggers {

  /** What kind of emergency a search describes. */
  public enum Kind {
    /** Call emergency services or the clinic now. */
    EMERGENCY,
    /** Suicide or self-harm: the same, and the crisis line. */
    CRISIS
  }

  /**
   * A search that describes an emergency.
   *
   * @param kind which kind
   * @param trigger the phrase of the file that matched, as written there
   */
  public record Match(Kind kind, String trigger) {}

  /** One phrase of the file. */
  record Trigger(Kind kind, String text, List<String> elements) {}

  /** Other words a {@code ...} lets stand between two words of a phrase. */
  static final int GAP = 3;

  private static final int MAX_TRIGGERS = 2_000;
  private static final int MAX_LINE = 200;
  private static final Set<String> NEGATIONS = Set.of("no", "not", "without", "never");
  private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private final List<Trigger> triggers;

  /**
   * The triggers (their places in {@link #triggers}, in order) by their first word, so that a
   * query's word is tried against the phrases that can start with it, not against all of them: a
   * long pasted question of 150 words against a hundred phrases was 15,000 tries a search.
   */
  private final Map<String, int[]> byFirstWord;

  /** The triggers whose first word is a prefix ({@code word*}), in order. */
  private final int[] prefixFirst;

  private EmergencyTriggers(List<Trigger> triggers) {
    this.triggers = List.copyOf(triggers);
    Map<String, List<Integer>> exact = new HashMap<>();
    List<Integer> prefix = new ArrayList<>();
    for (int i = 0; i < this.triggers.size(); i++) {
      String first = this.triggers.get(i).elements().get(0);
      if (first.endsWith("*")) {
        prefix.add(i);
      } else {
        exact.computeIfAbsent(first, k -> new ArrayList<>()).add(i);
      }
    }
    Map<String, int[]> index = new HashMap<>();
    exact.forEach((w, at) -> index.put(w, at.stream().mapToInt(Integer::intValue).toArray()));
    this.byFirstWord = Map.copyOf(index);
    this.prefixFirst = prefix.stream().mapToInt(Integer::intValue).toArray();
  }

  /** No triggers: nothing is ever an emergency. */
  public static EmergencyTriggers none() {
    return new EmergencyTriggers(List.of());
  }

  /** The phrases, as written in the file. */
  public List<String> phrases() {
    return triggers.stream().map(Trigger::text).toList();
  }

  /** The phrases of one kind, as written in the file. */
  public List<String> phrases(Kind kind) {
    return triggers.stream().filter(t -> t.kind() == kind).map(Trigger::text).toList();
  }

  /**
   * The emergency {@code query} describes, or null. A crisis phrase wins over an emergency phrase,
   * since its notice says more.
   */
  public Match detect(String query) {
    if (query == null || query.isBlank() || triggers.isEmpty()) {
      return null;
    }
    List<String> words = words(query);
    // the first phrase of the file that matches, or the first crisis phrase if one does
    int first = Integer.MAX_VALUE;
    int firstCrisis = Integer.MAX_VALUE;
    for (int start = 0; start < words.size(); start++) {
      if (start > 0 && NEGATIONS.contains(words.get(start - 1))) {
        continue;
      }
      for (int[] candidates :
          new int[][] {byFirstWord.getOrDefault(words.get(start), NONE), prefixFirst}) {
        for (int i : candidates) {
          Trigger t = triggers.get(i);
          boolean crisis = t.kind() == Kind.CRISIS;
          if ((i < first || crisis && i < firstCrisis)
              && matchFrom(t.elements(), 0, words, start)) {
            first = Math.min(first, i);
            if (crisis) {
              firstCrisis = Math.min(firstCrisis, i);
            }
          }
        }
      }
    }
    int chosen = firstCrisis != Integer.MAX_VALUE ? firstCrisis : first;
    if (chosen == Integer.MAX_VALUE) {
      return null;
    }
    Trigger t = triggers.get(chosen);
    return new Match(t.kind(), t.text());
  }

  private static final int[] NONE = {};

  /** Whether {@code elements[e..]} match {@code words} starting exactly at {@code w}. */
  private static boolean matchFrom(List<String> elements, int e, List<String> words, int w) {
    if (e == elements.size()) {
      return true;
    }
    String el = elements.get(e);
    if (el.equals("...")) {
      for (int skip = 0; skip <= GAP && w + skip <= words.size(); skip++) {
        if (matchFrom(elements, e + 1, words, w + skip)) {
          return true;
        }
      }
      return false;
    }
    if (w >= words.size() || !wordMatches(el, words.get(w))) {
      return false;
    }
    return matchFrom(elements, e + 1, words, w + 1);
  }

  private static boolean wordMatches(String element, String word) {
    return element.endsWith("*")
        ? word.startsWith(element.substring(0, element.length() - 1))
        : word.equals(element);
  }

  /** The words of {@code text} as phrases are matched against them. */
  static List<String> words(String text) {
    String folded =
        MARKS
            .matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    folded = APOSTROPHES.matcher(folded).replaceAll("");
    List<String> out = new ArrayList<>();
    for (String w : folded.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * Reads the triggers file: one phrase a line, {@code #} comments, {@code [emergency]} and {@code
   * [crisis]} section lines.
   *
   * @throws ConfigException naming the line and what is wrong with it
   */
  public static EmergencyTriggers parse(String text) throws ConfigException {
    List<Trigger> out = new ArrayList<>();
    Kind kind = Kind.EMERGENCY;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = "line " + (i + 1) + ": ";
      if (line.startsWith("[")) {
        String section = line.toLowerCase(Locale.ROOT);
        if (section.equals("[emergency]")) {
          kind = Kind.EMERGENCY;
        } else if (section.equals("[crisis]")) {
          kind = Kind.CRISIS;
        } else {
          throw new ConfigException(
              where + "unknown section " + cut(line) + " (known: [emergency], [crisis])");
        }
        continue;
      }
      if (line.length() > MAX_LINE) {
        throw new ConfigException(where + "a phrase is at most " + MAX_LINE + " characters");
      }
      out.add(new Trigger(kind, line, elements(line, where)));
      if (out.size() > MAX_TRIGGERS) {
        throw new ConfigException(where + "more than " + MAX_TRIGGERS + " phrases");
      }
    }
    return new EmergencyTriggers(out);
  }

  private static List<String> elements(String line, String where) throws ConfigException {
    List<String> elements = new ArrayList<>();
    String spaced = line.replace("...", " ... ").replace("…", " ... ");
    for (String raw : spaced.split("\\s+")) {
      if (raw.isEmpty()) {
        continue;
      }
      if (raw.equals("...")) {
        if (elements.isEmpty() || elements.getLast().equals("...")) {
          throw new ConfigException(where + "'...' must stand between two words: " + cut(line));
        }
        elements.add("...");
        continue;
      }
      boolean prefix = raw.endsWith("*");
      String body = prefix ? raw.substring(0, raw.length() - 1) : raw;
      if (body.contains("*")) {
        throw new ConfigException(where + "'*' may only end a word, as in bleed*: " + cut(line));
      }
      List<String> parts = words(body);
      if (parts.isEmpty()) {
        continue; // punctuation alone, as the search ignores it
      }
      if (prefix && parts.getLast().length() < 3) {
        throw new ConfigException(
            where + "a word ending in '*' needs at least three letters before it: " + cut(line));
      }
      for (int p = 0; p < parts.size(); p++) {
        elements.add(prefix && p == parts.size() - 1 ? parts.get(p) + "*" : parts.get(p));
      }
    }
    if (elements.isEmpty()) {
      throw new ConfigException(where + "no word in the phrase: " + cut(line));
    }
    if (elements.getLast().equals("...")) {
      throw new ConfigException(where + "'...' must stand between two words: " + cut(line));
    }
    return elements;
  }

  private static String cut(String s) {
    return s.length() <= 60 ? s : s.substring(0, 59) + "…";
  }
}
