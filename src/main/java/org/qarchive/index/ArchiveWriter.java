package org.qarchive.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.qarchive.archive.EntrySink;
import org.qarchive.archive.QaEntry;

/**
 * The write side of the index: upserts entries by id, skipping those whose content did not change,
 * and commits atomically. Only one writer may hold an index at a time; a crashed writer's lock is
 * released by the OS.
 */
public final class ArchiveWriter implements EntrySink, AutoCloseable {

  /** Thrown when another process is importing into the same index. */
  public static final class IndexBusyException extends IOException {
    IndexBusyException(Path dir, Throwable cause) {
      super("another import is writing to the index at " + dir + "; wait for it to finish", cause);
    }
  }

  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer;

  /**
   * The content hash of every entry by id, as of the last commit plus this writer's writes: read
   * from the index on the first write (null until then), since an import that finds nothing to
   * write, such as the re-import of an unchanged archive, never needs it.
   */
  private Map<String, String> hashById;

  private final SpellingTap spelling = new SpellingTap();
  private String lastCommit;

  /** Opens (or creates) the index at {@code dir} for writing. */
  public ArchiveWriter(Path dir) throws IOException {
    this(dir, FSDirectory.open(Files.createDirectories(Objects.requireNonNull(dir, "dir"))));
  }

  /** Opens (or creates) the index in {@code directory}, which this writer then owns and closes. */
  public ArchiveWriter(Path dir, Directory directory) throws IOException {
    this(dir, directory, Analysis.DEFAULT);
  }

  /**
   * Opens (or creates) the index in {@code directory} with another analysis than the default: for
   * comparing analyses in an evaluation only, since searching needs the same analysis.
   */
  public ArchiveWriter(Path dir, Directory directory, Analysis analysis) throws IOException {
    this(dir, directory, analysis, false);
  }

  /**
   * Opens the index at {@code dir} for {@link Reindex}, which rebuilds it whatever schema it was
   * written with.
   */
  static ArchiveWriter forRebuild(Path dir) throws IOException {
    return new ArchiveWriter(dir, FSDirectory.open(dir), Analysis.DEFAULT, true);
  }

  private ArchiveWriter(Path dir, Directory directory, Analysis analysis, boolean anySchema)
      throws IOException {
    this.dir = dir;
    this.directory = directory;
    IndexWriterConfig config = new IndexWriterConfig(analysis.indexAnalyzer(spelling));
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setCodec(new ArchiveCodec());
    config.setRAMBufferSizeMB(64);
    // a flushed segment stays in its own files: packing them into one compound file copied the
    // whole new segment again at every commit; merged segments still follow the merge policy's
    // choice
    config.setUseCompoundFile(false);
    config.setCommitOnClose(false);
    try {
      this.writer = new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexBusyException(dir, e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    String schema = null;
    for (Map.Entry<String, String> e :
        Objects.requireNonNullElse(
            writer.getLiveCommitData(), Map.<String, String>of().entrySet())) {
      if (e.getKey().equals(Fields.COMMIT_LAST_IMPORT)) {
        lastCommit = e.getValue();
      } else if (e.getKey().equals(Fields.COMMIT_SCHEMA_VERSION)) {
        schema = e.getValue();
      }
    }
    if (!anySchema && DirectoryReader.indexExists(directory)) {
      // entries written with this schema beside older ones would make an index no version reads
      // right; with the lock held, nobody else can commit between this check and our writes
      IndexSchema.Verdict verdict = IndexSchema.DEFAULT.judge(schema, dir);
      if (verdict.support() != IndexSchema.Support.CURRENT) {
        close();
        throw new IndexSchema.SchemaException(verdict);
      }
    }
  }

  /**
   * When the last commit of this index was made (its recorded import time), or null for an index
   * never committed: identifies the commit, so that state kept beside the index can tell whether it
   * belongs to it.
   */
  public synchronized String lastCommit() {
    return lastCommit;
  }

  private Map<String, String> hashes() throws IOException {
    if (hashById == null) {
      hashById = loadHashes(writer);
    }
    return hashById;
  }

  private static Map<String, String> loadHashes(IndexWriter writer) throws IOException {
    Map<String, String> hashes = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      Set<String> wanted = Set.of(Fields.ID, Fields.CONTENT_HASH);
      for (LeafReaderContext leaf : reader.leaves()) {
        // read in doc order: the merge instance decompresses each block of stored fields once for
        // all its
        // documents, where the plain reader decompressed the block up to each document again
        StoredFields stored =
            leaf.reader() instanceof CodecReader codec
                ? codec.getFieldsReader().getMergeInstance()
                : leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live == null || live.get(i)) {
            DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(wanted);
            stored.document(i, visitor);
            Document d = visitor.getDocument();
            hashes.put(d.get(Fields.ID), d.get(Fields.CONTENT_HASH));
          }
        }
      }
    }
    return hashes;
  }

  @Override
  public synchronized Outcome upsert(QaEntry entry) throws IOException {
    String hash = entry.contentHash();
    String old = hashes().put(entry.id(), hash);
    if (hash.equals(old)) {
      return Outcome.UNCHANGED;
    }
    spelling.clear();
    Document doc = EntryDocuments.toDocument(entry, hash, spelling);
    if (old == null) {
      // no document has this id (the map holds every id in the index and written since): adding
      // skips buffering a
      // delete for it and applying that at the flush
      writer.addDocument(doc);
      return Outcome.IMPORTED;
    }
    writer.updateDocument(new Term(Fields.ID, entry.id()), doc);
    return Outcome.UPDATED;
  }

  /** Removes the entry with this id, if present. */
  @Override
  public synchronized boolean delete(String id) throws IOException {
    if (hashes().remove(id) == null) {
      return false;
    }
    writer.deleteDocuments(new Term(Fields.ID, id));
    return true;
  }

  /** Removes every entry (committed by the next {@link #commit}). */
  public synchronized void deleteAll() throws IOException {
    writer.deleteAll();
    hashById = new HashMap<>();
  }

  /** Number of entries, including those not yet committed. */
  public synchronized int size() throws IOException {
    return hashes().size();
  }

  /**
   * Commits everything written so far, atomically, recording when and from what the import ran.
   * Readers see either the previous commit or this one, never a part.
   */
  public synchronized void commit(String sourceFingerprint) throws IOException {
    Map<String, String> data = new HashMap<>();
    String now = Instant.now().toString();
    data.put(
        Fields.COMMIT_LAST_IMPORT,
        now.equals(lastCommit) ? Instant.now().plusNanos(1000).toString() : now);
    data.put(Fields.COMMIT_SCHEMA_VERSION, Fields.SCHEMA_VERSION);
    if (sourceFingerprint != null) {
      data.put(Fields.COMMIT_SOURCE_FINGERPRINT, sourceFingerprint);
    }
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
    lastCommit = data.get(Fields.COMMIT_LAST_IMPORT);
  }

  /** Drops everything written since the last commit. */
  public synchronized void rollback() throws IOException {
    writer.rollback();
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      if (writer.isOpen()) {
        writer.close();
      }
    } finally {
      directory.close();
    }
  }

  @Override
  public String toString() {
    return "ArchiveWriter[" + dir + "]";
  }
}
