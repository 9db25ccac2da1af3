package org.qarchive.importer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qarchive.importer.TextBlocks.Block;

/**
 * The labels that start a question or an answer in the forms real Q&A blogs and columns use, in
 * English, German, Spanish and French: "Question from X:", "Q:", "Question:", "Reader question",
 * "Asked by X:", "Dear Doctor," ... "— X"; "Answer from Dr. X, credentials:", "A:", "Answer:", "Dr.
 * X answers/replies/says:", "Dr. X's answer", "Dear X,"; in bold runs, headings, {@code <dt>}s and
 * table headers alike, since a label is read from the start of a block's text.
 */
final class QaLabels {

  /** What a label says. */
  enum Role {
    /** The question starts. */
    QUESTION,
    /** The answer starts. */
    ANSWER,
    /** A letter's signature ("— Worried in Ohio"): the question ends, its asker named. */
    SIGNATURE,
    /** A reply's salutation ("Dear Worried,"): an answer starts, but only after a question. */
    SALUTATION
  }

  /**
   * A label found at the start of a block.
   *
   * @param rest the block's text after the label
   * @param asker who or where the question came from, or null
   * @param answerer the doctor the label names, or null
   * @param credentials the credentials the label states, or null
   */
  record Label(Role role, String rest, String asker, String answerer, String credentials) {}

  private static final String NAME = DoctorNames.NAME;

  // a hyphen ends a label only when spaced ("Q - ..."), never inside a word ("Board-Certified")
  private static final String END = "\\s*(?:[:.–—]\\s*|-(?=\\s)\\s*|(?<=\\s)-\\s*|$)";
  private static final List<Pattern> QUESTION_FROM =
      List.of(
          Pattern.compile(
              "^(?:Question|Q|Frage|Pregunta)\\s+(?:from|von|de|del)\\s+(.{2,80}?)(?:\\s*:\\s*|\\s*$)"),
          Pattern.compile(
              "^An?\\s+(?:reader|patient|visitor)\\s+from\\s+(.{2,80}?)\\s+(?:asks|writes|wants to know)"
                  + END),
          Pattern.compile(
              "^(?:Asked|Submitted|Sent(?:\\s+in)?)\\s+by\\s+(.{2,60}?)(?:\\s*:\\s*|\\s*$)"));
  private static final Pattern QUESTION =
      Pattern.compile(
          "^(?:Q|Question|The [Qq]uestion|Patient [Qq]uestion|Reader(?:['’]s)? [Qq]uestion|Your [Qq]uestion"
              + "|Frage|Leserfrage|Pregunta|Pregunta del lector|Question du lecteur)"
              + END);

  /** "Dear Doctor," or "Dear Dr. Ashford,": a letter to the doctor starts. */
  private static final Pattern DEAR_DOCTOR =
      Pattern.compile("^Dear\\s+(?:[Dd]octor|[Dd]oc|" + NAME + ")\\s*[,:!]\\s*");

  private static final Pattern ANSWER_FROM =
      Pattern.compile(
          "^(?:Answer|Antwort|Respuesta|Réponse)\\s+(?:from|von|del?|du)\\s+"
              + NAME
              + "(?:\\s*,\\s*([^:]{2,120}?))?"
              + END);
  private static final Pattern DOCTOR_ANSWERS =
      Pattern.compile(
          "^"
              + NAME
              + "\\s+(?:answers|says|replies|responds|writes|explains|antwortet|responde|répond)"
              + END);
  private static final Pattern DOCTORS_ANSWER =
      Pattern.compile("^" + NAME + "['’]s\\s+(?:[Aa]nswer|[Rr]eply|[Rr]esponse)" + END);
  private static final Pattern ANSWER =
      Pattern.compile(
          "^(?:A|Answer|The [Aa]nswer|Our [Aa]nswer|Doctor['’]s [Aa]nswer|Antwort|Respuesta|Réponse)"
              + END);

  /** "Dear Worried,": the doctor's reply to a letter. */
  private static final Pattern DEAR_READER =
      Pattern.compile("^Dear\\s+([A-Z][\\p{L}'’.-]*(?:\\s+[A-Z][\\p{L}'’.-]*){0,3})\\s*,\\s*");

  /** "— Worried in Ohio": a letter's signature, on a line of its own. */
  private static final Pattern SIGNATURE = Pattern.compile("^(?:[—–]|--?)\\s*([^\\s—–-].{1,60})$");

  private QaLabels() {}

  /** The label a block starts with, or null. */
  static Label of(Block b) {
    if (b.lead() != null && b.lead().length() < b.text().length()) {
      Label lead = of(b, b.lead());
      if (lead != null && lead.rest().isEmpty()) {
        String rest = b.text().substring(b.lead().length()).strip();
        return new Label(lead.role(), rest, lead.asker(), lead.answerer(), lead.credentials());
      }
    }
    return of(b, b.text());
  }

  private static Label of(Block b, String t) {
    // labels are short and anchored at the start, so a long answer paragraph is matched on its
    // opening only
    String head = t.length() > 400 ? t.substring(0, 400) : t;
    for (Pattern p : QUESTION_FROM) {
      Matcher m = p.matcher(head);
      if (m.find() && labelShaped(t, m)) {
        return new Label(
            Role.QUESTION, t.substring(m.end()).strip(), m.group(1).strip(), null, null);
      }
    }
    Matcher m = QUESTION.matcher(head);
    if (m.find() && labelShaped(t, m)) {
      return new Label(Role.QUESTION, t.substring(m.end()).strip(), null, null, null);
    }
    m = DEAR_DOCTOR.matcher(head);
    if (m.find()) {
      return new Label(Role.QUESTION, t.substring(m.end()).strip(), null, null, null);
    }
    m = ANSWER_FROM.matcher(head);
    if (m.find()) {
      return new Label(
          Role.ANSWER, t.substring(m.end()).strip(), null, m.group(1).strip(), m.group(2));
    }
    for (Pattern p : List.of(DOCTOR_ANSWERS, DOCTORS_ANSWER)) {
      m = p.matcher(head);
      if (m.find() && labelShaped(t, m)) {
        return new Label(Role.ANSWER, t.substring(m.end()).strip(), null, m.group(1).strip(), null);
      }
    }
    m = ANSWER.matcher(head);
    if (m.find() && labelShaped(t, m)) {
      return new Label(Role.ANSWER, t.substring(m.end()).strip(), null, null, null);
    }
    if (t.length() <= 64) {
      m = SIGNATURE.matcher(t);
      if (m.matches()) {
        return new Label(Role.SIGNATURE, "", m.group(1).strip(), null, null);
      }
    }
    m = DEAR_READER.matcher(head);
    if (m.find()) {
      return new Label(Role.SALUTATION, t.substring(m.end()).strip(), null, null, null);
    }
    return null;
  }

  /** A label either ends in punctuation with text after it, or stands alone on its line. */
  private static boolean labelShaped(String t, Matcher m) {
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
}
