package org.qarchive.archive;

import java.io.IOException;

/** Where the importer puts the entries it extracts; the index writer is the real one. */
public interface EntrySink {

  /** What storing one entry did. */
  enum Outcome {
    /** The id was new. */
    IMPORTED,
    /** The id existed with other content, which was replaced. */
    UPDATED,
    /** The id existed with the same content; nothing was written. */
    UNCHANGED
  }

  /** Inserts or replaces the entry with this id. */
  Outcome upsert(QaEntry entry) throws IOException;

  /**
   * Removes the entry with this id, if present; the importer calls it only when a newer copy of a
   * post holds fewer Q&As than an older copy it already stored in the same run.
   *
   * @return whether an entry was removed
   */
  default boolean delete(String id) throws IOException {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot delete entries");
  }
}
