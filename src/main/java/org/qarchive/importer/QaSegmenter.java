package org.qarchive.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qarchive.importer.TextBlocks.Block;
import org.qarchive.importer.TextBlocks.Type;

/**
 * Splits a post body's blocks into questions and answers by their labels, containers and quotes.
 */
final class QaSegmenter {

  /**
   * One Q&A as found in the body, before it becomes an entry.
   *
   * @param heading the roundup sub-heading above it, or null
   * @param answererLabel the name in the answer label ("Dr. Ashford"), or null
   */
  record RawQa(
      String heading,
      String question,
      String askerLocation,
      String answer,
      String answererLabel,
      String credentials) {}

  private static final String DR = "(Dr\\.?\\s+[A-Z][\\p{L}.'’-]*(?:\\s+[A-Z][\\p{L}.'’-]*){0,3})";
  // a hyphen ends a label only when spaced ("Q - ..."), never inside a word ("Board-Certified")
  private static final String END = "\\s*(?:[:.–—]\\s*|-(?=\\s)\\s*|(?<=\\s)-\\s*|$)";
  private static final List<Pattern> Q_LABELS =
      List.of(
          Pattern.compile("^(?:Question|Q)\\s+from\\s+(.{2,80}?)(?:\\s*:\\s*|\\s*$)"),
          Pattern.compile(
              "^An?\\s+(?:reader|patient|visitor)\\s+from\\s+(.{2,80}?)\\s+(?:asks|writes|wants to know)"
                  + END),
          Pattern.compile(
              "^(?:Q|Question|The [Qq]uestion|Patient [Qq]uestion|Reader [Qq]uestion|Your [Qq]uestion)"
                  + END));
  private static final Pattern A_FROM =
      Pattern.compile("^Answer\\s+from\\s+" + DR + "(?:\\s*,\\s*([^:]{2,120}?))?" + END);
  private static final Pattern A_ANSWERS =
      Pattern.compile("^" + DR + "\\s+(?:answers|says|replies|responds)" + END);
  private static final Pattern A_POSSESSIVE =
      Pattern.compile("^" + DR + "['’]s\\s+[Aa]nswer" + END);
  private static final Pattern A_PLAIN =
      Pattern.compile("^(?:A|Answer|The [Aa]nswer|Our [Aa]nswer)" + END);
  private static final Pattern STOP =
      Pattern.compile(
          "^(?:Disclaimer\\b|Have a question for|Have a question\\?|Posted in\\b|Filed [Uu]nder\\b|This entry was posted"
              + "|Tagged(?: [Ww]ith)?:|Tags:|Categories:|Category:|Share this|Like this:|Related(?: [Pp]osts)?:?$"
              + "|Leave a (?:[Rr]eply|[Cc]omment)|\\d+ (?:[Cc]omments|[Rr]esponses|[Rr]eplies)|Read [Mm]ore\\s*(?:[»→…]|\\.\\.\\.)?\\s*$|Continue reading"
              + "|Send it (?:in|through)|Ask a [Qq]uestion$)");

  private QaSegmenter() {}

  /** A label found at the start of a block. */
  private record Label(
      char role, String rest, String location, String answerer, String credentials) {}

  static List<RawQa> segment(List<Block> blocks) {
    int n = blocks.size();
    Label[] labels = new Label[n];
    boolean anyQLabel = false;
    for (int i = 0; i < n; i++) {
      labels[i] = label(blocks.get(i));
      anyQLabel |= labels[i] != null && labels[i].role() == 'Q';
    }
    // Unlabelled layouts: the first block of a question/answer container, or a quoted question
    // followed by prose.
    for (int i = 0; i < n; i++) {
      Block b = blocks.get(i);
      Block prev = i > 0 ? blocks.get(i - 1) : null;
      if (labels[i] != null) {
        continue;
      }
      if (b.containerRole() != 0
          && (prev == null || prev.container() != b.container())
          && !(i > 0 && labels[i - 1] != null && prev.container() == b.container())) {
        labels[i] = new Label(b.containerRole(), b.text(), null, null, null);
      } else if (!anyQLabel && b.quote() >= 0 && (prev == null || prev.quote() != b.quote())) {
        labels[i] = new Label('Q', b.text(), null, null, null);
      } else if (!anyQLabel && b.quote() < 0 && prev != null && prev.quote() >= 0 && !isStop(b)) {
        labels[i] = new Label('A', b.text(), null, null, null);
      }
    }
    List<RawQa> out = new ArrayList<>();
    Builder cur = null;
    String pendingHeading = null;
    char state = 0;
    for (int i = 0; i < n; i++) {
      Block b = blocks.get(i);
      Label l = labels[i];
      if (l != null && l.role() == 'Q') {
        if (cur != null) {
          cur.emit(out);
        }
        cur = new Builder(pendingHeading, l.location());
        pendingHeading = null;
        cur.addQuestion(b, l.rest());
        state = 'Q';
        continue;
      }
      if (l != null && l.role() == 'A' && cur != null && (state == 'Q' || cur.answer.isEmpty())) {
        cur.answerer = l.answerer();
        cur.credentials = l.credentials();
        cur.addAnswer(b, l.rest());
        state = 'A';
        continue;
      }
      if (state == 'A' && isStop(b)) {
        state = 0;
        continue;
      }
      if (state == 'A'
          && b.type() != Type.LIST_ITEM
          && (b.type() == Type.HEADING || b.bold())
          && nextStartsQuestion(labels, i)) {
        cur.emit(out);
        cur = null;
        pendingHeading = b.text();
        state = 0;
        continue;
      }
      if (state == 0 && (b.type() == Type.HEADING || b.bold())) {
        pendingHeading = b.text();
        continue;
      }
      if (state == 'Q') {
        cur.addQuestion(b, b.text());
      } else if (state == 'A') {
        cur.addAnswer(b, b.text());
      }
    }
    if (cur != null) {
      cur.emit(out);
    }
    return out;
  }

  private static boolean nextStartsQuestion(Label[] labels, int i) {
    for (int j = i + 1; j < Math.min(labels.length, i + 3); j++) {
      if (labels[j] != null) {
        return labels[j].role() == 'Q';
      }
    }
    return false;
  }

  private static boolean isStop(Block b) {
    return STOP.matcher(b.text()).find();
  }

  private static Label label(Block b) {
    if (b.lead() != null && b.lead().length() < b.text().length()) {
      Label lead = labelOf(b, b.lead());
      if (lead != null && lead.rest().isEmpty()) {
        String rest = b.text().substring(b.lead().length()).strip();
        return new Label(lead.role(), rest, lead.location(), lead.answerer(), lead.credentials());
      }
    }
    return labelOf(b, b.text());
  }

  private static Label labelOf(Block b, String t) {
    // labels are short and anchored at the start, so a long answer paragraph is matched on its
    // opening only
    String head = t.length() > 400 ? t.substring(0, 400) : t;
    for (Pattern p : Q_LABELS) {
      Matcher m = p.matcher(head);
      if (m.find() && labelShaped(b, t, m)) {
        String loc = m.groupCount() >= 1 ? m.group(1) : null;
        return new Label(
            'Q', t.substring(m.end()).strip(), loc == null ? null : loc.strip(), null, null);
      }
    }
    Matcher m = A_FROM.matcher(head);
    if (m.find()) {
      return new Label('A', t.substring(m.end()).strip(), null, m.group(1).strip(), m.group(2));
    }
    for (Pattern p : List.of(A_ANSWERS, A_POSSESSIVE)) {
      m = p.matcher(head);
      if (m.find() && labelShaped(b, t, m)) {
        return new Label('A', t.substring(m.end()).strip(), null, m.group(1).strip(), null);
      }
    }
    m = A_PLAIN.matcher(head);
    if (m.find() && labelShaped(b, t, m)) {
      return new Label('A', t.substring(m.end()).strip(), null, null, null);
    }
    return null;
  }

  /** A label either ends in punctuation with text after it, or stands alone on its line. */
  private static boolean labelShaped(Block b, String t, Matcher m) {
    String matched = t.substring(0, m.end()).strip();
    boolean alone = m.end() >= t.length();
    if (alone) {
      return t.length() <= 100;
    }
    return matched.endsWith(":")
        || matched.endsWith(".")
        || matched.endsWith("–")
        || matched.endsWith("-")
        || matched.endsWith("—");
  }

  private static final class Builder {
    final String heading;
    final String location;
    final List<Block> question = new ArrayList<>();
    final List<Block> answer = new ArrayList<>();
    String answerer;
    String credentials;

    Builder(String heading, String location) {
      this.heading = heading;
      this.location = location;
    }

    void addQuestion(Block b, String text) {
      if (!text.isBlank()) {
        question.add(withText(b, text));
      }
    }

    void addAnswer(Block b, String text) {
      if (!text.isBlank()) {
        answer.add(withText(b, text));
      }
    }

    void emit(List<RawQa> out) {
      if (question.isEmpty() && answer.isEmpty()) {
        return;
      }
      out.add(
          new RawQa(
              heading,
              TextBlocks.join(question),
              location,
              TextBlocks.join(answer),
              answerer,
              credentials));
    }

    private static Block withText(Block b, String text) {
      return new Block(
          b.type(), text, b.list(), b.container(), b.containerRole(), b.quote(), b.bold(), null);
    }
  }
}
