package org.qarchive.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.qarchive.archive.QaEntry;

/**
 * One entry as the last commit stores it, both as readers see it and as the import made it (they
 * differ when staff corrected it): for the staff's correction form, which shows the original beside
 * each corrected field.
 */
public final class StoredEntries {

  private StoredEntries() {}

  /**
   * An entry as stored.
   *
   * @param shown what readers see and search
   * @param imported what the import made of the page
   */
  public record Stored(QaEntry shown, QaEntry imported) {}

  /** The entry with this id in the last commit of the index at {@code dir}, if any. */
  public static Optional<Stored> read(Path dir, String id) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Directory d = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) {
        return Optional.empty();
      }
      try (DirectoryReader r = DirectoryReader.open(d)) {
        IndexSearcher s = new IndexSearcher(r);
        TopDocs top = s.search(new TermQuery(new Term(Fields.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
          return Optional.empty();
        }
        Document doc = s.storedFields().document(top.scoreDocs[0].doc);
        return Optional.of(
            new Stored(EntryDocuments.fromDocument(doc), EntryDocuments.importedFromDocument(doc)));
      }
    }
  }
}
