package org.qarchive.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Rebuilds an index in place from the entries it stores, with this version's schema and analysis:
 * how an index written by an older qarchive is upgraded without its original pages.
 *
 * <p>It holds the index's write lock throughout, reads the last commit, and writes every entry
 * again as one new commit: a server searching the index keeps answering from the old commit and
 * moves to the new one when it is done; a crash leaves the old commit as it was.
 */
public final class Reindex {

  /**
   * What a rebuild did.
   *
   * @param entries entries written
   * @param fromSchema the schema the index had before, or null when it recorded none
   */
  public record Result(int entries, String fromSchema) {}

  private Reindex() {}

  /** Rebuilds the index at {@code dir}; fails with the write lock taken if an import is running. */
  public static Result run(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    try (ArchiveWriter writer = ArchiveWriter.forRebuild(dir);
        Directory directory = FSDirectory.open(dir);
        // opened with the lock held: this is the last commit, and stays it until ours
        DirectoryReader old = DirectoryReader.open(directory)) {
      Map<String, String> data = old.getIndexCommit().getUserData();
      writer.deleteAll();
      int n = 0;
      for (LeafReaderContext leaf : old.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live == null || live.get(i)) {
            Document d = stored.document(i);
            writer.upsert(EntryDocuments.fromDocument(d));
            n++;
          }
        }
      }
      // the import folder did not change: keeping its fingerprint spares 'serve' a re-import
      writer.commit(data.get(Fields.COMMIT_SOURCE_FINGERPRINT));
      return new Result(n, data.get(Fields.COMMIT_SCHEMA_VERSION));
    }
  }
}
