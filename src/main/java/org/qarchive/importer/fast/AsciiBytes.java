package org.qarchive.importer.fast;

/** Case-blind searches for ASCII words in a page's undecoded bytes. */
public final class AsciiBytes {

  private AsciiBytes() {}

  /**
   * Whether the bytes at {@code at} spell the lower-case ASCII word, ignoring the case of ASCII
   * letters (the caller makes sure they are there).
   */
  public static boolean startsWith(byte[] b, int at, String lowerWord) {
    for (int j = 0; j < lowerWord.length(); j++) {
      int c = b[at + j];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != lowerWord.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the bytes from {@code from} to {@code to} hold the lower-case ASCII needle. */
  public static boolean contains(byte[] b, int from, int to, String needle) {
    int first = needle.charAt(0);
    for (int i = from; i <= to - needle.length(); i++) {
      int c = b[i];
      if ((c == first || c + ('a' - 'A') == first && c >= 'A' && c <= 'Z')
          && startsWith(b, i, needle)) {
        return true;
      }
    }
    return false;
  }

  /** Where the byte {@code x} first occurs at or after {@code from}, or -1. */
  public static int indexOf(byte[] b, byte x, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }
}
