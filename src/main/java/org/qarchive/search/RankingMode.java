package org.qarchive.search;

import java.util.Locale;

/** How search results are ranked: {@code --ranking lexical|hybrid} on the command line. */
public enum RankingMode {
  /** By the words of the query only (BM25 with synonyms, field weights and proximity). */
  LEXICAL,
  /**
   * By words and meaning: the lexical ranking fused with the nearness of each entry's vector to the
   * query's; entries that share no word with the query but are near in meaning are found too. Needs
   * an index with vectors and the embedding model; otherwise the search is lexical.
   */
  HYBRID;

  /** The name as the API and the command line write it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
