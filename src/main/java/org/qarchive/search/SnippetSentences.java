package org.qarchive.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences for snippets: the JDK's sentence boundaries, except after an abbreviation ("Dr.",
 * "Mr.", "e.g.", "approx."), which ends no sentence, and with a greeting that opens a question ("Hi
 * Dr. Kane,") made a sentence of its own, so that it is never glued to what follows and can be left
 * out ({@link #isSmallTalk}).
 */
final class SnippetSentences extends BreakIterator {

  /** Words that end with a period without ending the sentence (lower case, inner periods kept). */
  static final Set<String> ABBREVIATIONS =
      Set.of(
          "dr", "drs", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "e.g", "eg", "i.e", "ie",
          "approx", "appr", "fig", "ca", "cf", "esp", "incl", "tel", "resp");

  /** A greeting that opens the text: "Hi Dr. Kane," "Hello Dr. Ashford," "Dear doctor,". */
  private static final Pattern OPENING_GREETING =
      Pattern.compile(
          "^\\s*(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\\b"
              + "(?:[ \\t]+(?:dr\\.?|doctor|doc|sir|madam|mr\\.?|mrs\\.?|ms\\.?))?"
              + "(?:[ \\t]+\\p{Lu}[\\p{L}'’\\-]*\\.?){0,3}[ \\t]*[,!:;.\\-–—]*\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * A sentence that is only a greeting or a sign-off ("Thank you!", "Thanks in advance.", "Kind
   * regards, Mary"): no content for a snippet.
   */
  private static final Pattern SMALL_TALK =
      Pattern.compile(
          "(?:(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\\b"
              + "(?:[ \\t]+(?:dr\\.?|doctor|doc|sir|madam|mr\\.?|mrs\\.?|ms\\.?))?"
              + "(?:[ \\t]+\\p{Lu}[\\p{L}'’\\-]*\\.?){0,3}"
              + "|(?:(?:many |so much |very much )?thanks?(?: you)?(?: (?:so|very) much)?"
              + "(?: (?:in advance|for (?:your|the) (?:help|time|answer|reply)))?"
              + "|(?:kind |best |warm )?regards|sincerely|cheers|best wishes|god bless(?: you)?"
              + "|(?:please )?(?:help|reply|respond)(?: me)?(?: please)?|any advice|sent from my \\w+)"
              + "(?:[ ,]+\\p{Lu}[\\p{L}'’\\-]*\\.?){0,3})"
              + "[ \\t]*[,!:;.?\\-–—)( :]*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private final BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
  private CharacterIterator text = new StringCharacterIterator("");
  private String chars = "";
  private int begin;
  private int end;

  /** The boundary after an opening greeting, or -1. */
  private int greetingEnd = -1;

  private int current;

  /**
   * The JDK's boundaries found so far, in order from {@link #begin}: the text is walked forward
   * once, as far as asked, and every later question about a boundary is answered from here. Asking
   * the JDK's iterator for the boundary before and after each match instead walked back and forth
   * around every one of them (8 % of a hybrid search's time in Java): around a match every 40
   * characters of 3,000 MedQuAD answers, 27 µs an answer that way against 15–19 µs this way, with
   * the same boundaries (2026-12-06).
   */
  private int[] walked = new int[32];

  private int walkedCount;

  /** Whether the walk has reached the end of the text. */
  private boolean walkedAll;

  /** Whether {@code sentence} is only a greeting or a sign-off. */
  static boolean isSmallTalk(CharSequence sentence) {
    if (sentence.length() > MAX_SMALL_TALK) {
      return false;
    }
    String s = sentence.toString().strip();
    return s.isEmpty() || s.length() <= MAX_SMALL_TALK && SMALL_TALK.matcher(s).matches();
  }

  /** No greeting or sign-off is longer; a longer sentence is not even looked at. */
  private static final int MAX_SMALL_TALK = 80;

  @Override
  public void setText(String newText) {
    chars = newText;
    text = new StringCharacterIterator(newText);
    start();
  }

  @Override
  public void setText(CharacterIterator newText) {
    StringBuilder sb = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      sb.append(c);
    }
    // boundaries are offsets into the given text: keep its begin index
    chars = " ".repeat(newText.getBeginIndex()) + sb;
    text = newText;
    start();
  }

  /**
   * Boundaries are found lazily, as the JDK's are (a highlighter asks only around its matches, and
   * an answer can be long): only the opening greeting is looked for at once, in the first lines.
   */
  private void start() {
    begin = text.getBeginIndex();
    end = text.getEndIndex();
    sentences.setText(text);
    walked[0] = sentences.first();
    walkedCount = 1;
    walkedAll = false;
    Matcher greeting = OPENING_GREETING.matcher(chars).region(begin, Math.min(end, begin + 200));
    greetingEnd =
        greeting.lookingAt() && greeting.end() > begin && greeting.end() < end
            ? greeting.end()
            : -1;
    current = begin;
  }

  /** Whether the JDK's boundary at {@code b} stands: not right after an abbreviation's period. */
  private boolean real(int b) {
    return b == begin || b == end || !afterAbbreviation(chars, b);
  }

  /** Whether the boundary at {@code b} follows an abbreviation's period. */
  private static boolean afterAbbreviation(String s, int b) {
    int stop = b;
    while (stop > 0 && Character.isWhitespace(s.charAt(stop - 1))) {
      stop--;
    }
    if (stop == 0 || s.charAt(stop - 1) != '.') {
      return false;
    }
    int start = stop - 1;
    while (start > 0 && (Character.isLetter(s.charAt(start - 1)) || s.charAt(start - 1) == '.')) {
      start--;
    }
    String word = s.substring(start, stop - 1).toLowerCase(Locale.ROOT);
    return ABBREVIATIONS.contains(word);
  }

  @Override
  public int first() {
    current = begin;
    return current;
  }

  @Override
  public int last() {
    current = end;
    return current;
  }

  @Override
  public int next(int n) {
    int b = current;
    for (int i = 0; i < Math.abs(n); i++) {
      b = n > 0 ? following(current) : preceding(current);
      if (b == DONE) {
        return DONE;
      }
    }
    return b;
  }

  @Override
  public int next() {
    return following(current);
  }

  @Override
  public int previous() {
    return preceding(current);
  }

  @Override
  public int following(int offset) {
    checkOffset(offset);
    if (offset >= end) {
      current = end;
      return DONE;
    }
    int b = jdkFollowing(offset);
    while (b != DONE && !real(b)) {
      b = jdkFollowing(b);
    }
    if (b == DONE) {
      b = end;
    }
    if (greetingEnd > offset && greetingEnd < b) {
      b = greetingEnd;
    }
    current = b;
    return b;
  }

  @Override
  public int preceding(int offset) {
    checkOffset(offset);
    if (offset <= begin) {
      current = begin;
      return DONE;
    }
    int b = jdkPreceding(offset);
    while (b != DONE && !real(b)) {
      b = jdkPreceding(b);
    }
    if (b == DONE) {
      b = begin;
    }
    if (greetingEnd >= 0 && greetingEnd < offset && greetingEnd > b) {
      b = greetingEnd;
    }
    current = b;
    return b;
  }

  @Override
  public boolean isBoundary(int offset) {
    checkOffset(offset);
    if (offset == begin || offset == end || offset == greetingEnd) {
      current = offset;
      return true;
    }
    if (jdkBoundary(offset) && real(offset)) {
      current = offset;
      return true;
    }
    following(offset);
    return false;
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public CharacterIterator getText() {
    return text;
  }

  /** Walks the JDK's boundaries on until the last one found is at or past {@code offset}. */
  private void walkTo(int offset) {
    while (!walkedAll && walked[walkedCount - 1] < offset) {
      int b = sentences.next();
      if (b == DONE) {
        walkedAll = true;
      } else {
        if (walkedCount == walked.length) {
          walked = Arrays.copyOf(walked, walkedCount * 2);
        }
        walked[walkedCount++] = b;
      }
    }
  }

  /** The JDK's first boundary after {@code offset}, or DONE. */
  private int jdkFollowing(int offset) {
    walkTo(offset + 1);
    int i = Arrays.binarySearch(walked, 0, walkedCount, offset);
    int next = i >= 0 ? i + 1 : -i - 1;
    return next < walkedCount ? walked[next] : DONE;
  }

  /** The JDK's last boundary before {@code offset}, or DONE. */
  private int jdkPreceding(int offset) {
    walkTo(offset);
    int i = Arrays.binarySearch(walked, 0, walkedCount, offset);
    int before = (i >= 0 ? i : -i - 1) - 1;
    return before >= 0 ? walked[before] : DONE;
  }

  /** Whether the JDK puts a boundary at {@code offset}. */
  private boolean jdkBoundary(int offset) {
    walkTo(offset);
    return Arrays.binarySearch(walked, 0, walkedCount, offset) >= 0;
  }

  private void checkOffset(int offset) {
    if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
      throw new IllegalArgumentException("offset out of bounds: " + offset);
    }
  }
}
