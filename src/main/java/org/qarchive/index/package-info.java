/**
 * The write side of the Lucene index: the schema ({@link org.qarchive.index.Fields}, {@link
 * org.qarchive.index.EntryDocuments}), the analysis shared with the search side ({@link
 * org.qarchive.index.Analysis}), and the upserting {@link org.qarchive.index.ArchiveWriter}.
 */
package org.qarchive.index;
