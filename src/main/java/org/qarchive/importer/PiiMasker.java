package org.qarchive.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks e-mail addresses and phone numbers that patients put into their questions. */
final class PiiMasker {

  static final String EMAIL_MASK = "[email removed]";
  static final String PHONE_MASK = "[phone removed]";
  private static final Pattern EMAIL =
      Pattern.compile(
          "[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[\\p{L}]{2,}", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w$.,])(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?![\\w.,]\\d)(?!\\w)");

  /** The masked text and how many items were masked. */
  record Masked(String text, int count) {}

  private PiiMasker() {}

  static Masked mask(String text) {
    int[] count = {0};
    // the patterns run only where they can match: an address has an '@', a phone number at least
    // ten digits
    String s = text.indexOf('@') < 0 ? text : replace(EMAIL, text, EMAIL_MASK, count);
    s = digits(s) < 10 ? s : replace(PHONE, s, PHONE_MASK, count);
    return new Masked(s, count[0]);
  }

  private static int digits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }

  private static String replace(Pattern p, String text, String mask, int[] count) {
    Matcher m = p.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      count[0]++;
      m.appendReplacement(sb, Matcher.quoteReplacement(mask));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
