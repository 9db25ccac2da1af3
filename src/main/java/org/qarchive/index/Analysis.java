package org.qarchive.index;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The one place that builds the text analysis used both when indexing and when querying.
 *
 * <p>The stemmer and stopword list were chosen on the MEDIQA dev set (see docs/search.md,
 * "Measured" section): {@link #DEFAULT} is the winner; the other settings exist so {@code qarchive
 * eval} can re-run the comparison.
 *
 * @param stemmer how words are reduced to a stem
 * @param stopwords which words are dropped
 */
public record Analysis(Stemmer stemmer, Stopwords stopwords) {

  /** Stemming choices compared on the dev set. */
  public enum Stemmer {
    /** Aggressive suffix stripping ("surgery", "surgeries", "surgical" meet). */
    PORTER,
    /** Dictionary-backed, conservative: keeps real words as stems. */
    KSTEM,
    /** Plurals only. */
    MINIMAL,
    /** No stemming. */
    NONE
  }

  /** Stopword choices compared on the dev set. */
  public enum Stopwords {
    /** Lucene's 33 English stopwords. */
    LUCENE,
    /** A longer list of question words and pronouns that patients' questions are full of. */
    QUESTION,
    /** Keep every word. */
    NONE
  }

  /** The analysis the index is built with. */
  public static final Analysis DEFAULT = new Analysis(Stemmer.PORTER, Stopwords.QUESTION);

  /**
   * Words that carry no topic in a patient's question: Lucene's list plus pronouns, auxiliaries and
   * question words. Kept short on purpose: "pain", "after", "long" stay searchable.
   */
  static final CharArraySet QUESTION_STOPWORDS;

  static {
    CharArraySet s = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    for (String w :
        ("i me my mine myself we our ours you your yours he him his she her hers its they them their theirs"
                + " am is are was were be been being have has had having do does did doing can could should would"
                + " will shall may might must what which who whom whose when where why how am im ive id dont"
                + " doesnt didnt cant also just so than too very some any all each about from up down out over"
                + " get got been please thank thanks hi hello dear")
            .split(" ")) {
      s.add(w);
    }
    QUESTION_STOPWORDS = CharArraySet.unmodifiableSet(s);
  }

  public Analysis {
    Objects.requireNonNull(stemmer, "stemmer");
    Objects.requireNonNull(stopwords, "stopwords");
  }

  /** Whether this analysis drops {@code word} (lower case) as a stopword. */
  public boolean isStopword(String word) {
    return switch (stopwords) {
      case LUCENE -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word);
      case QUESTION -> QUESTION_STOPWORDS.contains(word);
      case NONE -> false;
    };
  }

  /** The English text analysis of {@link #DEFAULT}. */
  public static Analyzer text() {
    return DEFAULT.textAnalyzer();
  }

  /**
   * The analyzer for documents with {@link #DEFAULT}: English text fields, keyword fields
   * untouched.
   */
  public static Analyzer forIndex() {
    return DEFAULT.indexAnalyzer();
  }

  /**
   * English analysis for the text fields: standard tokenization, possessives removed, lower case,
   * accents folded, stopwords removed, then stemmed.
   */
  public Analyzer textAnalyzer() {
    return chain(null, null);
  }

  /**
   * The text analysis with query-time synonyms: after stemming, {@link SynonymGraphFilter} adds the
   * other side of each matching entry, so multi-word entries ("tummy tuck" / abdominoplasty) come
   * out as a token graph that the query builder turns into alternatives.
   */
  public Analyzer queryAnalyzer(SynonymMap synonyms) {
    return synonyms == null || synonyms.fst == null ? textAnalyzer() : chain(synonyms, null);
  }

  /**
   * Parses a synonyms file in Solr format ({@code a, b, c} groups and {@code a => b} rules),
   * analyzing every entry with this text analysis so entries meet the stemmed query words.
   */
  public SynonymMap parseSynonyms(Reader solrFormat) throws IOException, ParseException {
    SolrSynonymParser parser = new SolrSynonymParser(true, true, entryAnalyzer());
    parser.parse(solrFormat);
    return parser.build();
  }

  /**
   * Analysis for the spelling field: words as written, lower-cased and folded, nothing dropped or
   * stemmed.
   */
  public static Analyzer spelling() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, spellingFilters(source));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return spellingFilters(in);
      }
    };
  }

  /** What the spelling field does to each word the tokenizer cuts: lower case, accents folded. */
  static TokenStream spellingFilters(TokenStream words) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(words));
  }

  /**
   * The analyzer for documents: English text fields, spelling field as written, keyword fields
   * untouched.
   */
  public Analyzer indexAnalyzer() {
    return perField(textAnalyzer(), Map.of());
  }

  /**
   * The analyzer for documents whose spelling field replays {@code tap}: title, question and answer
   * hand the words their tokenizer cuts to it.
   */
  Analyzer indexAnalyzer(SpellingTap tap) {
    Analyzer tapped = chain(null, tap);
    return perField(
        textAnalyzer(),
        Map.of(Fields.TITLE, tapped, Fields.QUESTION, tapped, Fields.ANSWER, tapped));
  }

  private static Analyzer perField(Analyzer text, Map<String, Analyzer> textFields) {
    KeywordAnalyzer keyword = new KeywordAnalyzer();
    Map<String, Analyzer> perField = new HashMap<>(textFields);
    perField.putAll(
        Map.of(
            Fields.SPELL, spelling(),
            Fields.ID, keyword,
            Fields.CATEGORY, keyword,
            Fields.TAG, keyword,
            Fields.YEAR, keyword,
            Fields.ANSWERED_BY, keyword));
    return new PerFieldAnalyzerWrapper(text, perField);
  }

  private Analyzer chain(SynonymMap synonyms, SpellingTap tap) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = common(tap == null ? source : tap.catching(source));
        if (synonyms != null) {
          ts = new SynonymGraphFilter(ts, synonyms, true);
        }
        return new TokenStreamComponents(source, ts);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** Synonym entries are analyzed like queries, with the holes of dropped stopwords closed up. */
  private Analyzer entryAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new CloseHoles(common(source)));
      }
    };
  }

  private TokenStream common(TokenStream words) {
    TokenStream ts = new EnglishPossessiveFilter(words);
    ts = new LowerCaseFilter(ts);
    ts = new ASCIIFoldingFilter(ts);
    CharArraySet stop =
        switch (stopwords) {
          case LUCENE -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
          case QUESTION -> QUESTION_STOPWORDS;
          case NONE -> null;
        };
    if (stop != null) {
      ts = new StopFilter(ts, stop);
    }
    return switch (stemmer) {
      case PORTER -> new PorterStemFilter(ts);
      case KSTEM -> new KStemFilter(ts);
      case MINIMAL -> new EnglishMinimalStemFilter(ts);
      case NONE -> ts;
    };
  }

  /**
   * Sets every position increment to 1, so "back of the hand" is the two-word entry "back hand".
   */
  private static final class CloseHoles extends TokenFilter {
    private final PositionIncrementAttribute posInc =
        addAttribute(PositionIncrementAttribute.class);

    CloseHoles(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      posInc.setPositionIncrement(1);
      return true;
    }
  }

  /** Reads a synonyms file with this analysis, failing loudly: a broken shipped file is a bug. */
  public SynonymMap parseSynonymsOrThrow(Reader solrFormat) {
    try {
      return parseSynonyms(solrFormat);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "bad synonyms file at line " + e.getErrorOffset() + ": " + e.getMessage(), e);
    }
  }
}
