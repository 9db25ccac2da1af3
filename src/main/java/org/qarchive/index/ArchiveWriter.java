package org.qarchive.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
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
import org.qarchive.embedding.Embedder;

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

  /** The embedding model that gives new and changed entries their vector; null for none. */
  private final Embedder embedder;

  /** The model the index's vectors came from, as of the last commit (null: none). */
  private String vectorModel;

  /** Entries written but not yet embedded: the model runs on a batch at a time. */
  private final List<Pending> pending = new ArrayList<>();

  /** An entry waiting for its vector: as shown (corrected by staff, if so) and as imported. */
  private record Pending(QaEntry shown, QaEntry imported, String hash, boolean update) {}

  private int embedded;
  private long embedNanos;

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
    this(dir, directory, analysis, null);
  }

  /**
   * Opens (or creates) the index at {@code dir} for writing; new and changed entries get a vector
   * from {@code embedder} (null: no vectors, the entries are found by their words only).
   */
  public ArchiveWriter(Path dir, Embedder embedder) throws IOException {
    this(
        dir,
        FSDirectory.open(Files.createDirectories(Objects.requireNonNull(dir, "dir"))),
        Analysis.DEFAULT,
        embedder);
  }

  /**
   * Opens (or creates) the index in {@code directory}, which this writer then owns, with {@code
   * analysis}; new and changed entries get a vector from {@code embedder} (null: none).
   */
  public ArchiveWriter(Path dir, Directory directory, Analysis analysis, Embedder embedder)
      throws IOException {
    this(dir, directory, analysis, embedder, false);
  }

  /**
   * Opens the index at {@code dir} for {@link Reindex}, which rebuilds it whatever schema it was
   * written with; entries it writes without a vector get one from {@code embedder}, if not null.
   */
  static ArchiveWriter forRebuild(Path dir, Embedder embedder) throws IOException {
    return new ArchiveWriter(dir, FSDirectory.open(dir), Analysis.DEFAULT, embedder, true);
  }

  private ArchiveWriter(
      Path dir, Directory directory, Analysis analysis, Embedder embedder, boolean anySchema)
      throws IOException {
    this.dir = dir;
    this.directory = directory;
    this.embedder = embedder;
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
      } else if (e.getKey().equals(Fields.COMMIT_EMBEDDING_MODEL)) {
        vectorModel = e.getValue();
      }
    }
    if (!anySchema && DirectoryReader.indexExists(directory)) {
      // entries written with this schema beside older ones would make an index no version reads
      // right, unless the schemas differ only by what this one adds; with the lock held, nobody
      // else can commit between this check and our writes
      IndexSchema.Verdict verdict = IndexSchema.DEFAULT.judge(schema, dir);
      if (!verdict.writable()) {
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
    QaEntry shown = corrected(entry, edits == null ? null : edits.get(entry.id()));
    String hash = hashOf(shown, entry);
    String old = hashes().put(entry.id(), hash);
    if (hash.equals(old)) {
      return Outcome.UNCHANGED;
    }
    if (embedder == null) {
      write(shown, entry, hash, old != null, null);
    } else {
      pending.add(new Pending(shown, entry, hash, old != null));
      if (pending.size() >= EMBED_BATCH) {
        writePending();
      }
    }
    return old == null ? Outcome.IMPORTED : Outcome.UPDATED;
  }

  /** Entries embedded at a time, shared among {@link #EMBED_THREADS} threads. */
  private static final int EMBED_BATCH = 64;

  /**
   * Threads that embed a batch: one per core, since the model is nearly all of an import's work
   * (alone it kept one core of two busy).
   */
  private static final int EMBED_THREADS = Runtime.getRuntime().availableProcessors();

  private void write(QaEntry shown, QaEntry imported, String hash, boolean update, float[] vector)
      throws IOException {
    Document doc = document(shown, imported, hash, vector);
    if (update) {
      writer.updateDocument(new Term(Fields.ID, imported.id()), doc);
    } else {
      // no document has this id (the map holds every id in the index and written since): adding
      // skips buffering a delete for it and applying that at the flush
      writer.addDocument(doc);
    }
  }

  /** Embeds the entries waiting for their vector and writes them, in the order they came. */
  private void writePending() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    List<float[]> vectors =
        EntryDocuments.meaningVectors(
            embedder, pending.stream().map(Pending::shown).toList(), EMBED_THREADS);
    embedNanos += System.nanoTime() - start;
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      write(p.shown(), p.imported(), p.hash(), p.update(), vectors.get(i));
    }
    embedded += pending.size();
    pending.clear();
  }

  /**
   * How many entries this writer embedded, and in how many seconds of the model's time: for the
   * import's report.
   */
  public synchronized String embeddingSummary() {
    if (embedder == null) {
      return "no vectors (the embedding model is not loaded): entries are found by their words only";
    }
    double seconds = embedNanos / 1e9;
    return String.format(
        java.util.Locale.ROOT,
        "embedded %,d entries with %s in %.1f s (%.0f/s)",
        embedded,
        embedder.model().name(),
        seconds,
        seconds == 0 ? 0 : embedded / seconds);
  }

  /**
   * Gives every entry without a vector of this writer's model one (all of them, when the index's
   * vectors come from another model), reporting progress on {@code progress} every few seconds;
   * committed by the next {@link #commit}. Returns the number of entries embedded.
   */
  public synchronized int reembed(java.io.PrintStream progress) throws IOException {
    Objects.requireNonNull(embedder, "reembedding needs the embedding model");
    writePending();
    boolean all =
        vectorModel != null && !vectorModel.equals(EntryDocuments.vectorSource(embedder.model()));
    // a reader of the index as it is now: the updates below do not change what it sees. Only a
    // batch of entries is held at a time, so a million entries need no more memory than a few.
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      List<java.util.BitSet> missingOf = new ArrayList<>();
      int missing = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        java.util.BitSet lacking = new java.util.BitSet(leaf.reader().maxDoc());
        Bits live = leaf.reader().getLiveDocs();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live == null || live.get(i)) {
            lacking.set(i);
          }
        }
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        if (vectors != null && !all) {
          var it = vectors.iterator();
          for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
            lacking.clear(d);
          }
        }
        missingOf.add(lacking);
        missing += lacking.cardinality();
      }
      long start = System.nanoTime();
      long shown = start;
      int done = 0;
      for (int l = 0; l < missingOf.size(); l++) {
        StoredFields stored = reader.leaves().get(l).reader().storedFields();
        java.util.BitSet lacking = missingOf.get(l);
        for (int i = lacking.nextSetBit(0); i >= 0; i = lacking.nextSetBit(i + 1)) {
          Document d = stored.document(i);
          QaEntry entry = EntryDocuments.fromDocument(d);
          QaEntry imported =
              d.get(Fields.IMPORTED) == null ? entry : EntryDocuments.importedFromDocument(d);
          pending.add(new Pending(entry, imported, d.get(Fields.CONTENT_HASH), true));
          done++;
          if (pending.size() < EMBED_BATCH && done < missing) {
            continue;
          }
          writePending();
          long now = System.nanoTime();
          if (progress != null && (now - shown > 2_000_000_000L || done == missing)) {
            shown = now;
            progress.printf(
                java.util.Locale.ROOT,
                "embedding: %,d of %,d entries (%.0f/s)%n",
                done,
                missing,
                done / Math.max(1e-9, (now - start) / 1e9));
          }
        }
      }
      writePending();
      if (all) {
        vectorModel = EntryDocuments.vectorSource(embedder.model());
      }
      return missing;
    }
  }

  /**
   * Writes an entry as imported with the vector it already has (staff's correction applied, as
   * {@link #upsert} does), for {@link Reindex}: the model need not run again for it.
   */
  synchronized void keep(QaEntry imported, float[] vector) throws IOException {
    QaEntry shown = corrected(imported, edits == null ? null : edits.get(imported.id()));
    String hash = hashOf(shown, imported);
    String old = hashes().put(imported.id(), hash);
    write(shown, imported, hash, old != null, vector);
  }

  /** The model the index's vectors come from, as of the last commit; null for none. */
  synchronized String vectorModel() {
    return vectorModel;
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

  private Document document(QaEntry shown, QaEntry imported, String hash, float[] vector) {
    spelling.clear();
    return shown == imported
        ? EntryDocuments.toDocument(imported, hash, spelling, vector)
        : EntryDocuments.toDocument(shown, imported, hash, spelling, vector);
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
          rewrite(
              EntryDocuments.importedFromDocument(d),
              all.get(id),
              d.get(Fields.CONTENT_HASH),
              reader,
              sd.doc);
        }
      }
      for (EntryEdits.Edit e : all.values()) {
        if (e.corrections().isEmpty() || seen.contains(e.id())) {
          continue;
        }
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, e.id())), 1);
        if (top.scoreDocs.length > 0) {
          Document d = stored.document(top.scoreDocs[0].doc);
          rewrite(
              EntryDocuments.fromDocument(d),
              e,
              d.get(Fields.CONTENT_HASH),
              reader,
              top.scoreDocs[0].doc);
        }
      }
    }
  }

  /**
   * Writes the entry as staff's edit shows it, if that differs from what is stored. Its vector of
   * meaning is the shown text's when the model is at hand, else the one the entry has.
   */
  private void rewrite(
      QaEntry imported, EntryEdits.Edit edit, String storedHash, IndexReader reader, int doc)
      throws IOException {
    QaEntry shown = corrected(imported, edit);
    String hash = hashOf(shown, imported);
    if (hash.equals(storedHash)) {
      return;
    }
    float[] vector =
        embedder != null
            ? EntryDocuments.meaningVectors(embedder, List.of(shown), 1).get(0)
            : storedVector(reader, doc);
    write(shown, imported, hash, true, vector);
    if (hashById != null) {
      hashById.put(imported.id(), hash);
    }
  }

  /** The vector the document {@code doc} of {@code reader} has, or null. */
  private static float[] storedVector(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
    if (values == null) {
      return null;
    }
    KnnVectorValues.DocIndexIterator it = values.iterator();
    int local = doc - leaf.docBase;
    return it.advance(local) == local ? values.vectorValue(it.index()).clone() : null;
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
    writePending(); // a waiting entry is written first, so that the delete removes it
    if (hashes().remove(id) == null) {
      return false;
    }
    writer.deleteDocuments(new Term(Fields.ID, id));
    return true;
  }

  /** Removes every entry (committed by the next {@link #commit}). */
  public synchronized void deleteAll() throws IOException {
    pending.clear();
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
    writePending();
    applyEdits();
    if (embedder != null && embedded > 0) {
      String source = EntryDocuments.vectorSource(embedder.model());
      if (vectorModel != null && !vectorModel.equals(source)) {
        // the unchanged entries still have vectors made another way (an older qarchive, another
        // model): recording this source would have them compared as if they were of it
        reembed(null);
      }
      vectorModel = source;
    }
    Map<String, String> data = new HashMap<>();
    if (vectorModel != null) {
      data.put(Fields.COMMIT_EMBEDDING_MODEL, vectorModel);
    }
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
    pending.clear();
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
