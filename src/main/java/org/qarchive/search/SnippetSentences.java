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
  private int[] bounds = {0};
  private int at;

  /** Whether {@code sentence} is only a greeting or a sign-off. */
  static boolean isSmallTalk(CharSequence sentence) {
    String s = sentence.toString().strip();
    return s.isEmpty() || SMALL_TALK.matcher(s).matches();
  }

  @Override
  public void setText(CharacterIterator newText) {
    text = newText;
    StringBuilder sb = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      sb.append(c);
    }
    int base = newText.getBeginIndex();
    String s = sb.toString();
    sentences.setText(s);
    int[] found = new int[8];
    int n = 0;
    found[n++] = 0;
    Matcher greeting = OPENING_GREETING.matcher(s);
    if (greeting.lookingAt() && greeting.end() > 0 && greeting.end() < s.length()) {
      found[n++] = greeting.end();
    }
    for (int b = sentences.following(found[n - 1]); b != DONE; b = sentences.next()) {
      if (b < s.length() && afterAbbreviation(s, b)) {
        continue;
      }
      if (b > found[n - 1]) {
        if (n == found.length) {
          found = Arrays.copyOf(found, n * 2);
        }
        found[n++] = b;
      }
    }
    if (found[n - 1] != s.length()) {
      if (n == found.length) {
        found = Arrays.copyOf(found, n + 1);
      }
      found[n++] = s.length();
    }
    bounds = Arrays.copyOf(found, n);
    for (int i = 0; i < n; i++) {
      bounds[i] += base;
    }
    at = 0;
  }

  /** Whether the boundary at {@code b} follows an abbreviation's period. */
  private static boolean afterAbbreviation(String s, int b) {
    int end = b;
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    if (end == 0 || s.charAt(end - 1) != '.') {
      return false;
    }
    int start = end - 1;
    while (start > 0 && (Character.isLetter(s.charAt(start - 1)) || s.charAt(start - 1) == '.')) {
      start--;
    }
    String word = s.substring(start, end - 1).toLowerCase(Locale.ROOT);
    return ABBREVIATIONS.contains(word);
  }

  @Override
  public int first() {
    at = 0;
    return bounds[0];
  }

  @Override
  public int last() {
    at = bounds.length - 1;
    return bounds[at];
  }

  @Override
  public int next(int n) {
    int target = at + n;
    if (target < 0 || target >= bounds.length) {
      at = target < 0 ? 0 : bounds.length - 1;
      return DONE;
    }
    at = target;
    return bounds[at];
  }

  @Override
  public int next() {
    return next(1);
  }

  @Override
  public int previous() {
    return next(-1);
  }

  @Override
  public int following(int offset) {
    checkOffset(offset);
    int i = Arrays.binarySearch(bounds, offset);
    i = i >= 0 ? i + 1 : -i - 1;
    if (i >= bounds.length) {
      at = bounds.length - 1;
      return DONE;
    }
    at = i;
    return bounds[at];
  }

  @Override
  public int preceding(int offset) {
    checkOffset(offset);
    int i = Arrays.binarySearch(bounds, offset);
    i = i >= 0 ? i - 1 : -i - 2;
    if (i < 0) {
      at = 0;
      return DONE;
    }
    at = i;
    return bounds[at];
  }

  @Override
  public boolean isBoundary(int offset) {
    checkOffset(offset);
    int i = Arrays.binarySearch(bounds, offset);
    if (i >= 0) {
      at = i;
      return true;
    }
    following(offset);
    return false;
  }

  @Override
  public int current() {
    return bounds[at];
  }

  @Override
  public CharacterIterator getText() {
    return text;
  }

  private void checkOffset(int offset) {
    if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
      throw new IllegalArgumentException("offset out of bounds: " + offset);
    }
  }
}
