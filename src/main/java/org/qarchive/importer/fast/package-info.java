/**
 * Hand-written fast paths that stand in for jsoup where the importer would otherwise parse or
 * select more than it needs. Each one must give exactly what plain jsoup gives on the same page, or
 * decline and leave the page to jsoup; each has an oracle test that compares it with jsoup on
 * fixtures inside the repository, and each stays only while a benchmark shows that it pays.
 *
 * <ul>
 *   <li>{@link org.qarchive.importer.fast.PageCharset}: the charset jsoup would detect, read from
 *       the bytes, so that jsoup does not parse a page's head twice.
 *   <li>{@link org.qarchive.importer.fast.PostRegion}: where the part of a post page the importer
 *       reads ends, so that comments, sidebars and footers after the post are not parsed.
 *   <li>{@link org.qarchive.importer.fast.PageScan}: one walk over a parsed page that finds what a
 *       dozen whole-document CSS selections found.
 *   <li>{@link org.qarchive.importer.fast.BodyTag}: a page's first body tag in its bytes, so that a
 *       listing can be told without parsing the page (a listing page about 5.5 times cheaper to
 *       extract, docs/benchmarks.md).
 * </ul>
 */
package org.qarchive.importer.fast;
