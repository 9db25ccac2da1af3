package org.qarchive.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.qarchive.embedding.Embedder;

/**
 * Rebuilds an index in place from the entries it stores, with this version's schema and analysis:
 * how an index written by an older qarchive is upgraded without its original pages.
 *
 * <p>It holds the index's write lock throughout, reads the last commit, and writes every entry
 * again as one new commit: a server searching the index keeps answering from the old commit and
 * moves to the new one when it is done; a crash leaves the old commit as it was. An entry keeps its
 * vector of meaning when it has one from the model at hand (or when no model is at hand); the
 * others get one from the model, if there is one.
 */
public final class Reindex {

  /**
   * What a rebuild did.
   *
   * @param entries entries written
   * @param fromSchema the schema the index had before, or null when it recorded none
   * @param embedded entries the model gave a new vector
   * @param withoutVector entries left without a vector (no model was at hand)
   */
  public record Result(int entries, String fromSchema, int embedded, int withoutVector) {}

  private Reindex() {}

  /**
   * Rebuilds the index at {@code dir}, giving entries without a vector one from {@code embedder}
   * (null: none); fails with the write lock taken if an import is running.
   */
  public static Result run(Path dir, Embedder embedder) throws IOException {
    Objects.requireNonNull(dir, "dir");
    try (ArchiveWriter writer = ArchiveWriter.forRebuild(dir, embedder);
        Directory directory = FSDirectory.open(dir);
        // opened with the lock held: this is the last commit, and stays it until ours
        DirectoryReader old = DirectoryReader.open(directory)) {
      Map<String, String> data = old.getIndexCommit().getUserData();
      // vectors of another model than the one at hand cannot sit beside its own
      boolean keepVectors =
          embedder == null
              || EntryDocuments.vectorSource(embedder.model()).equals(writer.vectorModel());
      writer.deleteAll();
      int n = 0;
      int kept = 0;
      for (LeafReaderContext leaf : old.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        FloatVectorValues vectors =
            keepVectors ? leaf.reader().getFloatVectorValues(Fields.VECTOR) : null;
        KnnVectorValues.DocIndexIterator it = vectors == null ? null : vectors.iterator();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live != null && !live.get(i)) {
            continue;
          }
          Document d = stored.document(i);
          float[] vector = null;
          if (it != null && (it.docID() < i ? it.advance(i) : it.docID()) == i) {
            vector = vectors.vectorValue(it.index()).clone();
          }
          if (vector != null) {
            writer.keep(EntryDocuments.importedFromDocument(d), vector);
            kept++;
          } else {
            writer.upsert(EntryDocuments.importedFromDocument(d));
          }
          n++;
        }
      }
      // the import folder did not change: keeping its fingerprint spares 'serve' a re-import
      writer.commit(data.get(Fields.COMMIT_SOURCE_FINGERPRINT));
      int fresh = embedder == null ? 0 : n - kept;
      return new Result(n, data.get(Fields.COMMIT_SCHEMA_VERSION), fresh, n - kept - fresh);
    }
  }
}
