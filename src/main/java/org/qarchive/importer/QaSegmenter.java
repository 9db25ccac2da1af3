package org.qarchive.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.qarchive.importer.QaLabels.Label;
import org.qarchive.importer.QaLabels.Role;
import org.qarchive.importer.TextBlocks.Block;
import org.qarchive.importer.TextBlocks.Type;

/**
 * Splits a post body's blocks into questions and answers by their labels ({@link QaLabels}),
 * containers and quotes; a post whose title is a question and whose body holds no labelled Q&A is
 * that question, answered by the body. An answer ends where the post ends: where the element that
 * holds it closes ({@link AnswerScope}), at chrome (share bars, related posts, comments, author
 * boxes, navigation...), at a run of links, or at the closing lines posts end with ("Related
 * posts", "Leave a comment", "Tags:" ...).
 */
final class QaSegmenter {

  /**
   * One Q&A as found in the body, before it becomes an entry.
   *
   * @param heading the roundup sub-heading above it, or null
   * @param askerLocation who or where the question came from, as its label says, or null
   * @param answererLabel the name in the answer label ("Dr. Ashford"), or null
   */
  record RawQa(
      String heading,
      String question,
      String askerLocation,
      String answer,
      String answererLabel,
      String credentials) {}

  /** The closing lines of a post, in the languages of {@link QaLabels}: where an answer ends. */
  private static final Pattern STOP =
      Pattern.compile(
          "^(?:Disclaimer\\b|Have a question for|Have a question\\?|Posted in\\b|Filed [Uu]nder\\b|This entry was posted"
              + "|Tagged(?: [Ww]ith)?:|Tags:|Categories:|Category:|Labels:|Share this|Share:|Like this:"
              + "|Related(?: [Pp]osts| [Aa]rticles| [Ss]tories| [Cc]ontent| [Rr]eading)?:?$"
              + "|More (?:on this story|stories|from|like this|in)\\b|You (?:may|might) also like|Recommended(?: for you)?:?$"
              + "|Leave a (?:[Rr]eply|[Cc]omment)|\\d+ (?:[Cc]omments?|[Rr]esponses|[Rr]eplies)\\b|(?:View |Show )?[Cc]omments(?: \\(\\d+\\))?:?$"
              + "|Read [Mm]ore\\s*(?:[»→…]|\\.\\.\\.)?\\s*$|Continue reading|Send it (?:in|through)|Ask a [Qq]uestion$"
              + "|About the [Aa]uthor|Sign up for|Subscribe to|Advertisement$|Copyright\\b|©"
              + "|Kommentare\\b|Mehr zum Thema|Artículos relacionados|Comentarios\\b|Articles similaires|Commentaires\\b)");

  /** A question as a post's title: ends in a question mark and has a few words. */
  private static final Pattern QUESTION_TITLE = Pattern.compile("^\\S+(?:\\s+\\S+){2,}\\?$");

  private QaSegmenter() {}

  /** The Q&As of blocks with labels, containers or quotes. */
  static List<RawQa> segment(List<Block> blocks) {
    return segment(blocks, null);
  }

  /**
   * The Q&As of a post's blocks.
   *
   * @param questionTitle the post's title when the page is one post and the title may be its
   *     question, or null
   */
  static List<RawQa> segment(List<Block> blocks, String questionTitle) {
    int n = blocks.size();
    Label[] labels = new Label[n];
    boolean anyQLabel = false;
    for (int i = 0; i < n; i++) {
      Block b = blocks.get(i);
      labels[i] = b.chrome() ? null : QaLabels.of(b);
      anyQLabel |= labels[i] != null && labels[i].role() == Role.QUESTION;
    }
    // Unlabelled layouts: the first block of a question/answer container, or a quoted question
    // followed by prose.
    for (int i = 0; i < n; i++) {
      Block b = blocks.get(i);
      Block prev = i > 0 ? blocks.get(i - 1) : null;
      if (labels[i] != null || b.chrome()) {
        continue;
      }
      if (b.containerRole() != 0
          && (prev == null || prev.container() != b.container())
          && !(i > 0 && labels[i - 1] != null && prev.container() == b.container())) {
        labels[i] =
            new Label(
                b.containerRole() == 'Q' ? Role.QUESTION : Role.ANSWER, b.text(), null, null, null);
      } else if (!anyQLabel && b.quote() >= 0 && (prev == null || prev.quote() != b.quote())) {
        labels[i] = new Label(Role.QUESTION, b.text(), null, null, null);
      } else if (!anyQLabel && b.quote() < 0 && prev != null && prev.quote() >= 0 && !isStop(b)) {
        labels[i] = new Label(Role.ANSWER, b.text(), null, null, null);
      }
    }
    List<RawQa> out = labelled(blocks, labels);
    if (out.isEmpty()
        && questionTitle != null
        && QUESTION_TITLE.matcher(questionTitle.strip()).matches()) {
      RawQa titled = titled(blocks, labels, questionTitle.strip());
      if (titled != null) {
        return List.of(titled);
      }
    }
    return out;
  }

  private static List<RawQa> labelled(List<Block> blocks, Label[] labels) {
    int n = blocks.size();
    List<RawQa> out = new ArrayList<>();
    Builder cur = null;
    String pendingHeading = null;
    // 'Q' in a question, 'S' after a letter's signature (its reply follows), 'A' in an answer
    char state = 0;
    for (int i = 0; i < n; i++) {
      Block b = blocks.get(i);
      Label l = labels[i];
      Role role = l == null ? null : l.role();
      if (role == Role.QUESTION) {
        if (cur != null) {
          cur.emit(out);
        }
        cur = new Builder(pendingHeading, l.asker());
        pendingHeading = null;
        cur.addQuestion(b, l.rest());
        state = 'Q';
        continue;
      }
      if (state == 'Q' && role == Role.SIGNATURE) {
        if (cur.location == null) {
          cur.location = l.asker();
        }
        state = 'S';
        continue;
      }
      boolean answerStarts =
          role == Role.ANSWER
                  && cur != null
                  && (state == 'Q' || state == 'S' || cur.answer.isEmpty())
              || role == Role.SALUTATION && (state == 'Q' || state == 'S');
      if (answerStarts) {
        cur.answerer = l.answerer();
        cur.credentials = l.credentials();
        cur.startAnswer(b, l.rest());
        state = 'A';
        continue;
      }
      if (state == 'S') {
        if (b.chrome() || isStop(b)) {
          state = 0;
          continue;
        }
        // a letter's reply follows its signature without a label
        cur.startAnswer(b, b.text());
        state = 'A';
        continue;
      }
      if (state == 'A' && (endsAnswer(blocks, i) || cur.outside(b))) {
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
      if (state == 0 && (b.type() == Type.HEADING || b.bold()) && !b.chrome()) {
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
    return out.stream().filter(q -> !q.question().isBlank() && !q.answer().isBlank()).toList();
  }

  /**
   * The post's title as its question and its body, up to where the post ends, as the answer; an
   * answer label at the body's start gives the answerer. Null when the body holds no answer.
   */
  private static RawQa titled(List<Block> blocks, Label[] labels, String title) {
    Builder b = new Builder(null, null);
    b.question.add(new Block(Type.PARAGRAPH, title, -1, -1, (char) 0, -1, false, null, 0, false));
    // the body starts after the title when the title is among the blocks
    int from = 0;
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).text().equals(title)) {
        from = i + 1;
        break;
      }
    }
    boolean started = false;
    for (int i = from; i < blocks.size(); i++) {
      Block x = blocks.get(i);
      if (!started) {
        if (x.chrome() || isStop(x) || x.mostlyLinks() || isMetadataLine(x)) {
          continue;
        }
        started = true;
        if (labels[i] != null && labels[i].role() == Role.ANSWER) {
          b.answerer = labels[i].answerer();
          b.credentials = labels[i].credentials();
          b.addAnswer(x, labels[i].rest());
          continue;
        }
      } else if (endsAnswer(blocks, i)) {
        break;
      }
      b.addAnswer(x, x.text());
    }
    if (b.answer.isEmpty()) {
      return null;
    }
    List<RawQa> one = new ArrayList<>();
    b.emit(one);
    return one.get(0);
  }

  /**
   * A short line without a sentence's end before a post's text: its byline, date, reading time or
   * category.
   */
  private static boolean isMetadataLine(Block b) {
    String t = b.text();
    return t.length() < 80 && !t.endsWith(".") && !t.endsWith("!") && !t.endsWith("?");
  }

  /**
   * Whether the post, and so the answer, ends at this block: chrome, a closing line, links standing
   * alone, or a heading over links (a "related" list).
   */
  private static boolean endsAnswer(List<Block> blocks, int i) {
    Block b = blocks.get(i);
    if (b.chrome() || isStop(b) || b.mostlyLinks()) {
      return true;
    }
    if (b.type() == Type.HEADING || b.bold() && b.text().length() < 80) {
      Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
      return next != null && (next.mostlyLinks() || next.chrome());
    }
    return false;
  }

  private static boolean nextStartsQuestion(Label[] labels, int i) {
    for (int j = i + 1; j < Math.min(labels.length, i + 3); j++) {
      if (labels[j] != null) {
        return labels[j].role() == Role.QUESTION;
      }
    }
    return false;
  }

  private static boolean isStop(Block b) {
    return STOP.matcher(b.text()).find();
  }

  private static final class Builder {
    final String heading;
    String location;
    final List<Block> question = new ArrayList<>();
    final List<Block> answer = new ArrayList<>();
    String answerer;
    String credentials;

    /** The element the answer lies in, once known. */
    Element scope;

    /** Where the answer label lies, while the answer's first text is still to come. */
    Element labelScope;

    Builder(String heading, String location) {
      this.heading = heading;
      this.location = location;
    }

    void addQuestion(Block b, String text) {
      if (!text.isBlank()) {
        question.add(b.withText(text));
      }
    }

    void addAnswer(Block b, String text) {
      if (!text.isBlank()) {
        answer.add(b.withText(text));
        if (scope == null && labelScope != null) {
          scope = AnswerScope.common(labelScope, AnswerScope.of(b.holder()));
          labelScope = null;
        }
      }
    }

    /**
     * The answer starts at its label's block ({@code text} is what follows the label): the element
     * around that block bounds the answer ({@link AnswerScope}), or, when the label stands alone,
     * the element around both it and the answer's first text.
     */
    void startAnswer(Block b, String text) {
      scope = null;
      labelScope = AnswerScope.of(b.holder());
      if (!text.isBlank()) {
        scope = labelScope;
        labelScope = null;
      }
      addAnswer(b, text);
    }

    /** Whether a block lies outside the element that holds this Q&A's answer. */
    boolean outside(Block b) {
      return scope != null && b.holder() != null && !AnswerScope.holds(scope, b.holder());
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
  }
}
