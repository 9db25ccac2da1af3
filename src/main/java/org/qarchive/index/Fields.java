package org.qarchive.index;

/**
 * The index schema's field names, in one place: the write side and the read side both use these.
 */
public final class Fields {
  /** Entry id; keyword, stored, the upsert key. */
  public static final String ID = "id";

  /** Canonical URL; stored. */
  public static final String URL = "url";

  /** Post title; analyzed with offsets, stored. */
  public static final String TITLE = "title";

  /** The patient's question; analyzed with offsets, stored. */
  public static final String QUESTION = "question";

  /** The answer; analyzed with offsets, stored. */
  public static final String ANSWER = "answer";

  /**
   * Title, question and answer words as written (lower-cased, accents folded, not stemmed); indexed
   * only, the dictionary that spelling correction draws on.
   */
  public static final String SPELL = "spell";

  /**
   * The entry's meaning: a unit vector of {@link #VECTOR_DIMENSIONS} floats from the embedding
   * model (title, question and the start of the answer), indexed for nearest-neighbour search (HNSW
   * over 8-bit scalar-quantized vectors, dot product). Optional: an entry imported without the
   * model has none and is found by its words only.
   */
  public static final String VECTOR = "vector";

  /** Length of {@link #VECTOR}. */
  public static final int VECTOR_DIMENSIONS = 384;

  /** Asker's location; stored. */
  public static final String ASKER_LOCATION = "asker_location";

  /** Who answered; stored, and a keyword facet. */
  public static final String ANSWERED_BY = "answered_by";

  /** The answerer's credentials; stored. */
  public static final String CREDENTIALS = "credentials";

  /**
   * Publication date as epoch day: point for ranges, doc values for sorting, stored as ISO text.
   */
  public static final String DATE = "date";

  /** Publication year; keyword facet. */
  public static final String YEAR = "year";

  /** Blog categories; keyword facet, multi-valued, stored. */
  public static final String CATEGORY = "category";

  /** Blog tags; keyword facet, multi-valued, stored. */
  public static final String TAG = "tag";

  /** The archived file the entry came from; stored. */
  public static final String SOURCE_FILE = "source_file";

  /** Hash of the entry's visible content; stored, lets re-imports skip unchanged entries. */
  public static final String CONTENT_HASH = "content_hash";

  /**
   * Marks an entry that staff corrected; indexed only, so that the writer finds every corrected
   * entry when a correction is taken back.
   */
  public static final String EDITED = "edited";

  /**
   * The entry as the import made it, before staff's corrections, as a JSON line; stored only, and
   * only on corrected entries.
   */
  public static final String IMPORTED = "imported";

  /** Commit user-data key: ISO instant of the last staff edit applied to the index. */
  public static final String COMMIT_LAST_EDIT = "last_edit";

  /** Commit user-data key: ISO instant of the last completed import. */
  public static final String COMMIT_LAST_IMPORT = "last_import";

  /** Commit user-data key: fingerprint of the import folder that was last imported. */
  public static final String COMMIT_SOURCE_FINGERPRINT = "source_fingerprint";

  /** Commit user-data key: schema version, bumped when the schema or analysis changes. */
  public static final String COMMIT_SCHEMA_VERSION = "schema_version";

  /**
   * Commit user-data key: the embedding model the entries' vectors come from ({@link #VECTOR}) and
   * what of an entry it read ({@code EntryDocuments.vectorSource}), or absent when no entry has
   * one. Vectors made another way are remade by {@code import --reembed}.
   */
  public static final String COMMIT_EMBEDDING_MODEL = "embedding_model";

  /**
   * The current schema version; an index with another one is rebuilt from its sources. 3: the
   * {@link #VECTOR} field and the {@link #COMMIT_EMBEDDING_MODEL} key.
   */
  public static final String SCHEMA_VERSION = "3";

  private Fields() {}
}
