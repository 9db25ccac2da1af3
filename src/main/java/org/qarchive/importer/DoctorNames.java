package org.qarchive.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The doctors a blog names in full, gathered over a whole import, so that an answer signed "Dr.
 * Pemberton" on a page that never spells the first name is credited to the "Dr. Sofia Pemberton"
 * the rest of the blog names. A short name is completed only when one first name clearly dominates
 * for that surname on that host.
 */
final class DoctorNames {

  // "\\bDr" is found with indexOf below: a leading \\b makes the regex try every position of the
  // page's text
  private static final Pattern FULL =
      Pattern.compile("Dr\\.?\\s+([A-Z][\\p{L}'’-]+)\\s+([A-Z][\\p{L}'’-]+)\\b");
  private static final Pattern SHORT = Pattern.compile("^Dr\\.\\s+([A-Z][\\p{L}'’-]+)$");
  private static final double DOMINANT = 0.8;

  /** host + surname -> first name -> pages naming the doctor so. */
  private final Map<String, Map<String, Integer>> firstNames = new HashMap<>();

  /** The distinct full doctor names in a page's text, as "Dr. First Last". */
  static List<String> fullNamesIn(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = FULL.matcher(text);
    int i = text.indexOf("Dr");
    while (i >= 0) {
      boolean boundary =
          i == 0 || !(Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_');
      if (boundary && m.region(i, text.length()).lookingAt()) {
        out.add("Dr. " + m.group(1) + " " + m.group(2));
        i = text.indexOf("Dr", m.end());
      } else {
        i = text.indexOf("Dr", i + 1);
      }
    }
    return new ArrayList<>(out);
  }

  /** Whether the name is a surname only ("Dr. Pemberton") that the book might complete. */
  static boolean isShort(String name) {
    return name != null && SHORT.matcher(name).matches();
  }

  void addAll(String host, List<String> fullNames) {
    for (String n : fullNames) {
      String[] parts = n.split(" ");
      firstNames
          .computeIfAbsent(host + "|" + parts[2], k -> new HashMap<>())
          .merge(parts[1], 1, Integer::sum);
    }
  }

  /**
   * The full name for a short one, or the name unchanged when the blog never names that doctor
   * unambiguously.
   */
  String complete(String host, String name) {
    Matcher m = SHORT.matcher(name == null ? "" : name);
    if (!m.matches()) {
      return name;
    }
    Map<String, Integer> firsts = firstNames.get(host + "|" + m.group(1));
    if (firsts == null) {
      return name;
    }
    int total = firsts.values().stream().mapToInt(Integer::intValue).sum();
    for (Map.Entry<String, Integer> e : firsts.entrySet()) {
      if (e.getValue() >= DOMINANT * total) {
        return "Dr. " + e.getKey() + " " + m.group(1);
      }
    }
    return name;
  }
}
