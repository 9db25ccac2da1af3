/**
 * The read side of the index: forgiving query parsing with query-time synonyms ({@link
 * org.qarchive.search.QueryPlanner}, {@link org.qarchive.search.Synonyms}), ranked, faceted and
 * highlighted search with spelling correction, relaxing and near-duplicate folding ({@link
 * org.qarchive.search.ArchiveSearcher}), autocomplete, and the clinic's log of what patients
 * searched for ({@link org.qarchive.search.SearchLog}).
 */
package org.qarchive.search;
