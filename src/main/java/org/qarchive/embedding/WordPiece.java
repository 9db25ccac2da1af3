package org.qarchive.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, read from a Hugging Face {@code tokenizer.json}: clean the
 * text, lower-case it and strip accents, split on whitespace and punctuation (and around CJK
 * characters), then split each word into the longest pieces the vocabulary has. Written here rather
 * than taken from a native library so that nothing is unpacked at run time and a text can be cut to
 * the model's window exactly, at a word.
 */
final class WordPiece {

  private static final int MAX_WORD_CHARS = 100;

  private final Map<String, Integer> vocabulary;
  private final int unknown;
  final int cls;
  final int sep;

  private WordPiece(Map<String, Integer> vocabulary) {
    this.vocabulary = vocabulary;
    this.unknown = id(vocabulary, "[UNK]");
    this.cls = id(vocabulary, "[CLS]");
    this.sep = id(vocabulary, "[SEP]");
  }

  private static int id(Map<String, Integer> vocabulary, String token) {
    Integer id = vocabulary.get(token);
    if (id == null) {
      throw new IllegalArgumentException("the vocabulary has no " + token);
    }
    return id;
  }

  /** Reads the WordPiece vocabulary of a {@code tokenizer.json}. */
  static WordPiece read(InputStream tokenizerJson) throws IOException {
    JsonNode model = new ObjectMapper().readTree(tokenizerJson).path("model");
    if (!"WordPiece".equals(model.path("type").asText())) {
      throw new IOException("not a WordPiece tokenizer: " + model.path("type").asText());
    }
    Map<String, Integer> vocabulary = new HashMap<>();
    model.path("vocab").properties().forEach(e -> vocabulary.put(e.getKey(), e.getValue().asInt()));
    return new WordPiece(vocabulary);
  }

  /**
   * The token ids of {@code text} between [CLS] and [SEP], at most {@code maxTokens} in all: a
   * longer text is cut after the last whole word that fits.
   */
  int[] encode(String text, int maxTokens) {
    List<Integer> ids = new ArrayList<>();
    ids.add(cls);
    int room = maxTokens - 2;
    List<Integer> pieces = new ArrayList<>();
    for (String word : words(text)) {
      pieces.clear();
      pieces(word, pieces);
      if (ids.size() - 1 + pieces.size() > room) {
        break;
      }
      ids.addAll(pieces);
    }
    ids.add(sep);
    int[] out = new int[ids.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.get(i);
    }
    return out;
  }

  /** The normalized words and punctuation marks of {@code text}, in order. */
  static List<String> words(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String stripped = Normalizer.normalize(lower, Normalizer.Form.NFD);
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < stripped.length(); ) {
      int cp = stripped.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (cp == 0 || cp == 0xFFFD || type == Character.NON_SPACING_MARK) {
        continue; // invalid, or an accent split off by NFD
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        flush(word, out);
      } else if (Character.isISOControl(cp) || type == Character.FORMAT) {
        continue;
      } else if (isPunctuation(cp, type) || isCjk(cp)) {
        flush(word, out);
        out.add(new String(Character.toChars(cp)));
      } else {
        word.appendCodePoint(cp);
      }
    }
    flush(word, out);
    return out;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (!word.isEmpty()) {
      out.add(word.toString());
      word.setLength(0);
    }
  }

  /** BERT's punctuation: ASCII symbols, and Unicode's punctuation classes. */
  private static boolean isPunctuation(int cp, int type) {
    if (cp >= 33 && cp <= 47
        || cp >= 58 && cp <= 64
        || cp >= 91 && cp <= 96
        || cp >= 123 && cp <= 126) {
      return true;
    }
    return type == Character.CONNECTOR_PUNCTUATION
        || type == Character.DASH_PUNCTUATION
        || type == Character.START_PUNCTUATION
        || type == Character.END_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION
        || type == Character.FINAL_QUOTE_PUNCTUATION
        || type == Character.OTHER_PUNCTUATION;
  }

  private static boolean isCjk(int cp) {
    return cp >= 0x4E00 && cp <= 0x9FFF
        || cp >= 0x3400 && cp <= 0x4DBF
        || cp >= 0x20000 && cp <= 0x2A6DF
        || cp >= 0x2A700 && cp <= 0x2B73F
        || cp >= 0x2B740 && cp <= 0x2B81F
        || cp >= 0x2B820 && cp <= 0x2CEAF
        || cp >= 0xF900 && cp <= 0xFAFF
        || cp >= 0x2F800 && cp <= 0x2FA1F;
  }

  /** The longest-match-first pieces of one word; [UNK] when it cannot be split. */
  void pieces(String word, List<Integer> out) {
    if (word.length() > MAX_WORD_CHARS) {
      out.add(unknown);
      return;
    }
    int size = out.size();
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      Integer found = null;
      while (start < end) {
        String piece = start > 0 ? "##" + word.substring(start, end) : word.substring(start, end);
        found = vocabulary.get(piece);
        if (found != null) {
          break;
        }
        end--;
      }
      if (found == null) {
        while (out.size() > size) {
          out.removeLast();
        }
        out.add(unknown);
        return;
      }
      out.add(found);
      start = end;
    }
  }
}
