package org.qarchive.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qarchive.archive.EntrySink;
import org.qarchive.archive.QaEntry;

/** An in-memory sink for tests: keeps entries by id and tells new, changed and unchanged apart. */
class MemorySink implements EntrySink {

  final Map<String, QaEntry> entries = new LinkedHashMap<>();
  int upserts;

  @Override
  public Outcome upsert(QaEntry entry) {
    upserts++;
    QaEntry old = entries.put(entry.id(), entry);
    if (old == null) {
      return Outcome.IMPORTED;
    }
    return old.contentHash().equals(entry.contentHash()) ? Outcome.UNCHANGED : Outcome.UPDATED;
  }

  @Override
  public boolean delete(String id) {
    return entries.remove(id) != null;
  }
}
