package org.qarchive.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.qarchive.archive.EntrySink;
import org.qarchive.archive.QaEntry;

/**
 * The write side of the index: upserts entries by id, skipping those whose content did not change,
 * and commits atomically. Staff's corrections ({@link EntryEdits}, read from the index folder) are
 * applied to every entry as it is written and to the whole index at every commit, so no import ever
 * undoes one. Only one writer may hold an index at a time; a crashed writer's lock is released by
 * the OS.
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

  /** Staff's corrections, or null for a writer without an index folder (evaluations). */
  private final EntryEdits edits;

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
    this.dir = dir;
    this.directory = directory;
    try {
      this.edits = dir == null ? null : EntryEdits.open(dir);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    IndexWriterConfig config = new IndexWriterConfig(analysis.indexAnalyzer(spelling));
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setCodec(new ArchiveCodec());
    config.setRAMBufferSizeMB(64);
    // a flushed segment stays in its own files: packing them into one compound file copied the
    // whole new segment
    // again at every commit (an eighth of the commit's CPU for a first import); merged segments
    // still follow the
    // merge policy's choice
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
    for (Map.Entry<String, String> e :
        Objects.requireNonNullElse(
            writer.getLiveCommitData(), Map.<String, String>of().entrySet())) {
      if (e.getKey().equals(Fields.COMMIT_LAST_IMPORT)) {
        lastCommit = e.getValue();
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
    QaEntry shown = corrected(entry, edits == null ? null : edits.get(entry.id()));
    String hash = hashOf(shown, entry);
    String old = hashes().put(entry.id(), hash);
    if (hash.equals(old)) {
      return Outcome.UNCHANGED;
    }
    Document doc = document(shown, entry, hash);
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

  /** The entry as staff corrected it, or the entry itself (also when a correction cannot apply). */
  private static QaEntry corrected(QaEntry imported, EntryEdits.Edit edit) {
    if (edit == null || edit.corrections().isEmpty()) {
      return imported;
    }
    try {
      return edit.apply(imported);
    } catch (IllegalArgumentException e) {
      // a correction that would leave neither question nor answer: staff's form refuses it, so
      // only a hand-edited file gets here, and the entry as imported is the safe choice
      LOG.warn("correction of {} not applied: {}", imported.id(), e.getMessage());
      return imported;
    }
  }

  /**
   * The content hash of what is stored: the entry's own, or for a corrected entry both the shown
   * and the imported version's, so that a re-import that changes the page under a correction still
   * updates the stored original.
   */
  private static String hashOf(QaEntry shown, QaEntry imported) {
    String h = shown.contentHash();
    return shown == imported ? h : h.substring(0, 16) + imported.contentHash().substring(0, 16);
  }

  private Document document(QaEntry shown, QaEntry imported, String hash) {
    spelling.clear();
    return shown == imported
        ? EntryDocuments.toDocument(imported, hash, spelling)
        : EntryDocuments.toDocument(shown, imported, hash, spelling);
  }

  /**
   * Brings every entry in line with staff's edits file: applies corrections the index does not hold
   * yet (saved while an import ran, or since the last commit) and takes back those staff removed.
   * Runs before every commit; costs nothing for an index that was never edited.
   */
  private void applyEdits() throws IOException {
    if (edits == null) {
      return;
    }
    edits.refresh();
    if (!edits.exists()) {
      return;
    }
    Map<String, EntryEdits.Edit> all = edits.all();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null);
      StoredFields stored = searcher.storedFields();
      Set<String> seen = new HashSet<>();
      TermQuery edited = new TermQuery(new Term(Fields.EDITED, "1"));
      int n = searcher.count(edited);
      if (n > 0) {
        for (ScoreDoc sd : searcher.search(edited, n).scoreDocs) {
          Document d = stored.document(sd.doc);
          String id = d.get(Fields.ID);
          seen.add(id);
          rewrite(EntryDocuments.importedFromDocument(d), all.get(id), d.get(Fields.CONTENT_HASH));
        }
      }
      for (EntryEdits.Edit e : all.values()) {
        if (e.corrections().isEmpty() || seen.contains(e.id())) {
          continue;
        }
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, e.id())), 1);
        if (top.scoreDocs.length > 0) {
          Document d = stored.document(top.scoreDocs[0].doc);
          rewrite(EntryDocuments.fromDocument(d), e, d.get(Fields.CONTENT_HASH));
        }
      }
    }
  }

  private void rewrite(QaEntry imported, EntryEdits.Edit edit, String storedHash)
      throws IOException {
    QaEntry shown = corrected(imported, edit);
    String hash = hashOf(shown, imported);
    if (hash.equals(storedHash)) {
      return;
    }
    writer.updateDocument(new Term(Fields.ID, imported.id()), document(shown, imported, hash));
    if (hashById != null) {
      hashById.put(imported.id(), hash);
    }
  }

  /**
   * Applies staff's edits file to the index and commits, keeping the last import's record (time,
   * source fingerprint), so that the import state stays valid and {@code serve} does not think the
   * import folder changed.
   */
  public synchronized void commitEdits() throws IOException {
    applyEdits();
    Map<String, String> data = new HashMap<>();
    for (Map.Entry<String, String> e :
        Objects.requireNonNullElse(
            writer.getLiveCommitData(), Map.<String, String>of().entrySet())) {
      data.put(e.getKey(), e.getValue());
    }
    data.put(Fields.COMMIT_LAST_EDIT, Instant.now().toString());
    data.putIfAbsent(Fields.COMMIT_SCHEMA_VERSION, Fields.SCHEMA_VERSION);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
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
    applyEdits();
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

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ArchiveWriter.class);

  @Override
  public String toString() {
    return "ArchiveWriter[" + dir + "]";
  }
}
