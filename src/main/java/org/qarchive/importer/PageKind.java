package org.qarchive.importer;

/** What an archived file turned out to be. */
public enum PageKind {
  /** A post with one or more Q&As. */
  POST,
  /**
   * Home, category, tag, date archive or {@code /page/N/}: lists posts, imported from their own
   * pages.
   */
  LISTING,
  /** A page without a Q&A: about, contact, a plain article. */
  NOT_QA,
  /** An RSS or Atom feed. */
  FEED,
  /** Search results. */
  SEARCH,
  /** Empty, truncated, binary or otherwise unreadable. */
  BROKEN
}
