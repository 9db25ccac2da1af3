/**
 * Turns archived pages into Q&A entries: the first step of qarchive's pipeline.
 *
 * <p>{@link org.qarchive.importer.Importer} runs an import: {@link
 * org.qarchive.importer.ArchiveInputs} walks folders, zips, WARCs and exports; {@link
 * org.qarchive.importer.PageExtractor} reads each page on a worker thread; {@link
 * org.qarchive.importer.NewestCopies} stores each post's entries as they come, the newest copy of a
 * post winning; {@link org.qarchive.importer.ImportReport} says what happened to every file.
 *
 * <p>{@link org.qarchive.importer.PageExtractor} reads a page in stages, each a small class with
 * one job: {@code PageBytes} (gzip, binary, truncation, charset) → {@code PageKinds} (listing,
 * search) → {@link org.qarchive.importer.CanonicalUrl} (address and capture time) → {@code
 * PostMetadata} (title, date, terms, byline) → {@code PostBody} (where the post's text is) → {@code
 * TextBlocks} and {@code QaSegmenter} (questions and answers by their labels) → entries, with
 * {@code DoctorNames} for who answered. The hand-written shortcuts that stand in for jsoup live in
 * {@link org.qarchive.importer.fast}.
 */
package org.qarchive.importer;
