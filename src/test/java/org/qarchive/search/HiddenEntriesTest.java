package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;
import org.qarchive.index.Analysis;
import org.qarchive.index.EntryEdits;
import org.qarchive.index.EntryEdits.Visibility;

/**
 * An entry staff hid or deleted is gone from everything the public searcher answers at once, its
 * caches too (facet counts, suggestions), and back when shown again; staff still find it.
 */
class HiddenEntriesTest {

  @TempDir Path dir;
  EntryEdits edits;
  ArchiveSearcher pub;
  ArchiveSearcher staff;
  QaEntry secret;
  QaEntry neighbour;

  private static QaEntry entry(String slug, String title, String q, String a, String category) {
    String url = "http://blog.example-clinic.com/2016/02/" + slug + "/";
    return new QaEntry(
        QaEntry.idFor(url, 0),
        url,
        title,
        q,
        null,
        a,
        "Dr. Dean Kane",
        null,
        LocalDate.of(2016, 2, 3),
        List.of(category),
        List.of("recovery"),
        slug + ".html");
  }

  @BeforeEach
  void open() throws Exception {
    secret =
        entry(
            "zebrafinch-rash",
            "Zebrafinch rash after surgery",
            "My neighbour's zebrafinch gave me a rash after my tummy tuck, is that dangerous?",
            "A rash after tummy tuck surgery from a zebrafinch is rare; see your surgeon.",
            "Ornithology");
    neighbour =
        entry(
            "rash-after-tummy-tuck",
            "Rash after tummy tuck",
            "I have a rash after my tummy tuck, is that dangerous?",
            "A rash after tummy tuck surgery is usually from tape; see your surgeon.",
            "Body");
    List<QaEntry> all = new ArrayList<>(Fixtures.small());
    all.add(secret);
    all.add(neighbour);
    Fixtures.index(dir, all);
    edits = EntryEdits.open(dir);
    pub = new ArchiveSearcher(dir, Synonyms.load(null, Analysis.DEFAULT), edits);
    staff = ArchiveSearcher.seeingHidden(dir, Synonyms.load(null, Analysis.DEFAULT));
  }

  @AfterEach
  void close() throws Exception {
    pub.close();
    staff.close();
  }

  private List<String> ids(SearchResult r) {
    List<String> out = new ArrayList<>();
    r.hits()
        .forEach(
            h -> {
              out.add(h.id());
              out.addAll(h.similarIds());
            });
    return out;
  }

  private boolean anywhere(ArchiveSearcher s) throws Exception {
    boolean[] listed = {false};
    s.forEachEntry(e -> listed[0] |= e.id().equals(secret.id()));
    return ids(s.search(SearchRequest.of("zebrafinch"))).contains(secret.id())
        || ids(s.search(SearchRequest.of("rash tummy tuck"))).contains(secret.id())
        || s.facets().get("category").stream().anyMatch(c -> c.value().equals("Ornithology"))
        || s.search(SearchRequest.of("rash")).facets().get("category").stream()
            .anyMatch(c -> c.value().equals("Ornithology"))
        || s.suggest("zebraf", 10).stream()
            .anyMatch(x -> x.toLowerCase(java.util.Locale.ROOT).contains("zebrafinch"))
        || s.get(secret.id()).isPresent()
        || s.getMarked(secret.id(), "rash").isPresent()
        || s.related(neighbour.id(), 10).stream().anyMatch(h -> h.id().equals(secret.id()))
        || listed[0];
  }

  @Test
  void aHiddenEntryIsGoneFromEveryPublicAnswerAtOnceEvenCachedAndBackWhenShown() throws Exception {
    assertTrue(anywhere(pub), "before hiding, the entry is everywhere (caches warm now)");
    int before = pub.count();

    edits.put(
        EntryEdits.none(secret.id()).withVisibility(Visibility.HIDDEN, "alice", Instant.now()));
    assertFalse(anywhere(pub), "hidden: nowhere, without a refresh");
    assertEquals(before - 1, pub.count());
    assertTrue(anywhere(staff), "staff still find it");

    edits.put(edits.get(secret.id()).withVisibility(Visibility.PUBLIC, "alice", Instant.now()));
    assertTrue(anywhere(pub), "shown again");
    assertEquals(before, pub.count());
  }

  @Test
  void aDeletedEntryIsLeftOutLikeAHiddenOne() throws Exception {
    edits.put(
        EntryEdits.none(secret.id()).withVisibility(Visibility.DELETED, "alice", Instant.now()));
    assertFalse(anywhere(pub));
    assertTrue(anywhere(staff));
  }

  @Test
  void anEntryHiddenByAnotherProcessIsLeftOutFromTheNextRefresh() throws Exception {
    assertTrue(anywhere(pub));
    EntryEdits elsewhere = EntryEdits.open(dir); // as another process would
    elsewhere.put(
        EntryEdits.none(secret.id()).withVisibility(Visibility.HIDDEN, "bob", Instant.now()));
    pub.refresh();
    assertFalse(anywhere(pub));
    // a searcher opened on the folder reads the edits itself
    try (ArchiveSearcher fresh = new ArchiveSearcher(dir)) {
      assertFalse(anywhere(fresh));
    }
  }

  @Test
  void correctingAnEntryKeepsTheCachesOfHiddenEntries() throws Exception {
    pub.facets();
    var counts = pub.facets();
    edits.put(
        EntryEdits.none(neighbour.id())
            .withCorrections(
                java.util.Map.of(EntryEdits.Field.TITLE, "Rash after a tummy tuck"),
                "alice",
                Instant.now()));
    assertTrue(counts == pub.facets(), "no hidden entry changed: the counts stay cached");
  }
}
