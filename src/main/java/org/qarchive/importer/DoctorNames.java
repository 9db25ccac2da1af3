package org.qarchive.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Doctors' names: where a page names the doctor who answers (a title such as "Dr. Ashford Q&A", a
 * byline, "by Dr. ..." text), and the doctors a blog names in full, gathered over a whole import,
 * so that an answer signed "Dr. Pemberton" on a page that never spells the first name is credited
 * to the "Dr. Sofia Pemberton" the rest of the blog names. A short name is completed only when one
 * first name clearly dominates for that surname on that host.
 */
final class DoctorNames {

  /** A capitalised word ("Ashford", "O’Neil", "Smith-Jones"). */
  private static final String LETTERS = "[A-Z][\\p{L}'’-]+";

  /** One word of a name: a capitalised word or an initial ("J."). */
  private static final String WORD = "(?:" + LETTERS + "|[A-Z]\\.)";

  /**
   * A doctor's name as pages write it, the one pattern every rule here and every label uses: "Dr."
   * or "Dr", then one to three words of the name ("Dr. Ashford", "Dr Helen Ashford", "Dr. J. R.
   * Smith"); a group.
   */
  static final String NAME = "(Dr\\.?\\s+" + WORD + "(?:\\s+" + WORD + "){0,2})";

  /** {@link #NAME} with at least a first name and a surname. */
  private static final String FULL_NAME = "(Dr\\.?\\s+" + WORD + "(?:\\s+" + WORD + "){1,2})";

  private static final Pattern TITLE_DR = Pattern.compile("^" + NAME + "\\s+Q\\s*&\\s*A\\b");
  private static final Pattern TITLE_ASK = Pattern.compile("^Ask\\s+" + NAME + "\\s*[:–-]");
  private static final Pattern BYLINE_DR = Pattern.compile("^" + FULL_NAME);
  private static final Pattern TEXT_BY = Pattern.compile("\\b(?i:by)\\s+" + FULL_NAME);

  private static final Pattern LEADING_BY = Pattern.compile("^(?i)by\\s+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern DR_SPACE = Pattern.compile("^Dr\\s");

  // "\\bDr" is found with indexOf below: a leading \\b makes the regex try every position of the
  // page's text
  private static final Pattern FULL =
      Pattern.compile("Dr\\.?\\s+(" + LETTERS + ")\\s+(" + LETTERS + ")\\b");
  private static final Pattern SHORT = Pattern.compile("^Dr\\.\\s+(" + LETTERS + ")$");
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

  /**
   * The doctor a post's title names as answering ("Dr. Ashford Q&A: ...", "Ask Dr. Ashford: ...").
   */
  static String inTitle(String title) {
    return firstGroup(TITLE_DR, title).or(() -> firstGroup(TITLE_ASK, title)).orElse(null);
  }

  /** The doctor whose full name starts the text ("Dr. Helen Ashford, MD"). */
  static Optional<String> leading(String text) {
    return firstGroup(BYLINE_DR, text);
  }

  /** The text without a leading "by". */
  static String withoutBy(String text) {
    return LEADING_BY.matcher(text).replaceFirst("");
  }

  /**
   * The doctor a text written as a byline names: "Tuesday, May 22nd, 2012 by Dr. Helen Ashford".
   */
  static Optional<String> afterBy(String text) {
    Matcher b = TEXT_BY.matcher(text);
    return b.find() ? Optional.of(b.group(1)) : Optional.empty();
  }

  private static Optional<String> firstGroup(Pattern p, String s) {
    if (s == null) {
      return Optional.empty();
    }
    Matcher m = p.matcher(s);
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }

  /** How far past its "Dr" text node a name is looked for, in characters. */
  private static final int NAME_REACH = 100;

  /**
   * The text of the page where it names doctors: for each of the scan's "Dr" text nodes still in
   * the document, in page order, its text and the text that follows it in the same block
   * (paragraph, list item, heading...) for up to {@value #NAME_REACH} characters, up to the next
   * such node; joined by " | " so that no name runs from one place into another. It stands for the
   * whole page's text, which cost a tenth of the extraction to build and ran menu items together
   * into names.
   */
  static String doctorText(Document doc, List<TextNode> doctorTexts) {
    Set<Node> starts = Collections.newSetFromMap(new IdentityHashMap<>());
    starts.addAll(doctorTexts);
    StringBuilder text = new StringBuilder();
    for (TextNode t : doctorTexts) {
      if (t.ownerDocument() != doc) {
        continue; // removed with a script, style or the toolbar
      }
      if (!text.isEmpty()) {
        text.append(" | ");
      }
      text.append(t.getWholeText());
      int end = text.length() + NAME_REACH;
      Node n = t;
      while (text.length() < end && (n = nextInBlock(n)) != null && !starts.contains(n)) {
        if (n instanceof TextNode x) {
          text.append(x.getWholeText());
        } else if (n instanceof Element e && e.nameIs("br")) {
          text.append(' ');
        }
      }
    }
    return text.toString();
  }

  /** The node after {@code n} in page order, or null where a block element starts or ends. */
  private static Node nextInBlock(Node n) {
    Node next = n instanceof Element && n.childNodeSize() > 0 ? n.childNode(0) : null;
    for (Node at = n; next == null; at = at.parentNode()) {
      next = at.nextSibling();
      if (next == null
          && (at.parentNode() == null || at.parentNode() instanceof Element p && p.isBlock())) {
        return null;
      }
    }
    return next instanceof Element e && e.isBlock() ? null : next;
  }

  /** "Dr. Ashford" becomes "Dr. Helen Ashford" when the page spells the full name somewhere. */
  /** "Dr. <first> <surname>" for each surname met; an archive has a handful of doctors. */
  private static final Map<String, Pattern> WITH_SURNAME = new ConcurrentHashMap<>();

  /** Most surnames whose pattern is kept; past it the cache starts again. */
  private static final int SURNAMES_KEPT = 256;

  private static Pattern withSurname(String surname) {
    Pattern p = WITH_SURNAME.get(surname);
    if (p == null) {
      if (WITH_SURNAME.size() >= SURNAMES_KEPT) {
        WITH_SURNAME.clear();
      }
      p = Pattern.compile("Dr\\.?\\s+(" + LETTERS + ")\\s+" + Pattern.quote(surname) + "\\b");
      WITH_SURNAME.put(surname, p);
    }
    return p;
  }

  static String fullName(String name, String pageText) {
    if (name == null) {
      return null;
    }
    String n = SPACES.matcher(DR_SPACE.matcher(name).replaceFirst("Dr. ")).replaceAll(" ").strip();
    String[] parts = n.split(" ");
    if (parts.length != 2 || !parts[0].startsWith("Dr")) {
      return n;
    }
    // tried only where "Dr" starts a word: a leading \\b made the regex try every position of the
    // page's text
    Matcher m = withSurname(parts[1]).matcher(pageText);
    Map<String, Integer> firsts = new LinkedHashMap<>();
    int i = pageText.indexOf("Dr");
    while (i >= 0) {
      boolean boundary =
          i == 0
              || !(Character.isLetterOrDigit(pageText.charAt(i - 1))
                  || pageText.charAt(i - 1) == '_');
      if (boundary && m.region(i, pageText.length()).lookingAt()) {
        firsts.merge(m.group(1), 1, Integer::sum);
        i = pageText.indexOf("Dr", m.end());
      } else {
        i = pageText.indexOf("Dr", i + 1);
      }
    }
    return firsts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(e -> "Dr. " + e.getKey() + " " + parts[1])
        .orElse(n);
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
