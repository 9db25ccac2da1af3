package org.qarchive.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The one place that builds the text analysis used both when indexing and when querying. */
public final class Analysis {

  private Analysis() {}

  /**
   * English analysis for the text fields: standard tokenization, possessives removed, lower case, accents folded,
   * stopwords removed, KStem stemming (conservative, so medical words stay apart).
   */
  public static Analyzer text() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new EnglishPossessiveFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new ASCIIFoldingFilter(ts);
        ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        ts = new KStemFilter(ts);
        return new TokenStreamComponents(source, ts);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** The analyzer for documents: English text fields, keyword fields untouched. */
  public static Analyzer forIndex() {
    Analyzer text = text();
    KeywordAnalyzer keyword = new KeywordAnalyzer();
    return new PerFieldAnalyzerWrapper(
        text,
        Map.of(
            Fields.ID, keyword,
            Fields.CATEGORY, keyword,
            Fields.TAG, keyword,
            Fields.YEAR, keyword,
            Fields.ANSWERED_BY, keyword));
  }
}
