package org.qarchive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.qarchive.archive.QaEntry;
import org.qarchive.index.ArchiveWriter;
import org.qarchive.index.Fields;

/** Entries for tests: the real seed Q&A and a few others on neighbouring topics. */
public final class Fixtures {

  private Fixtures() {}

  public static final String SEED_URL =
      "http://blog.example-clinic.com/2013/05/dr-dean-kane-qa-botox-and-facial-toners/";

  public static QaEntry seed() {
    return new QaEntry(
        QaEntry.idFor(SEED_URL, 0),
        SEED_URL,
        "Dr. Dean Kane Q&A – Botox and Facial toners. Can they complement each other to prevent muscle atrophy?",
        "I recently had botox in my forehead & above the eyebrows. I use facial toners for saggy skin around the eye"
            + " & jowls etc. It could be psychological but I felt it helped. How long after the injections can I use"
            + " these devices & is there a risk of the botox moving?",
        "England, AR",
        "Expression appearances are created when muscles which are attached from the bone to the skin produce"
            + " dynamic furrows, wrinkles and lines.\n\nBotox and Dysport are muscle relaxing medications injected"
            + " cosmetically in micro amounts to relax and reduce dynamic wrinkles. As you can understand then, Botox"
            + " and Facial Toners produce opposite effects.",
        "Dr. Dean Kane",
        "Board Certified Plastic Surgeon from Baltimore",
        LocalDate.of(2013, 5, 14),
        List.of("Botox"),
        List.of("botox", "facial toners"),
        "import/seed.html");
  }

  public static QaEntry entry(
      String slug, String title, String question, String answer, LocalDate date) {
    String url = "http://blog.example-clinic.com/" + date.getYear() + "/01/" + slug + "/";
    return new QaEntry(
        QaEntry.idFor(url, 0),
        url,
        title,
        question,
        null,
        answer,
        "Dr. Dean Kane",
        null,
        date,
        List.of("Ask the Doctor"),
        List.of(),
        slug + ".html");
  }

  public static List<QaEntry> small() {
    return List.of(
        seed(),
        entry(
            "tummy-tuck-scar",
            "Tummy tuck scar healing",
            "How long does a tummy tuck scar take to fade?",
            "An abdominoplasty scar matures over twelve to eighteen months. Silicone sheets help.",
            LocalDate.of(2014, 3, 2)),
        entry(
            "nose-job-swelling",
            "Swelling after rhinoplasty",
            "My nose is still swollen after my nose job.",
            "Swelling after rhinoplasty can last a year, especially at the tip.",
            LocalDate.of(2015, 7, 9)),
        entry(
            "eyebrow-droop",
            "Eyebrow droop after injections",
            "My eyebrows feel heavy after injections.",
            "Brow ptosis after botulinum toxin wears off in a few weeks.",
            LocalDate.of(2016, 2, 1)),
        entry(
            "xss-probe",
            "<script>alert(1)</script> title",
            "Is <img src=x onerror=alert(1)> safe?",
            "Plain answer about <b>fillers</b> & \"quotes\".",
            LocalDate.of(2017, 1, 1)));
  }

  /** Writes {@code entries} into a new committed index at {@code dir}. */
  public static void index(Path dir, List<QaEntry> entries) throws IOException {
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      for (QaEntry e : entries) {
        w.upsert(e);
      }
      w.commit(null);
    }
  }

  /** Commits the index again, recording another schema version, as another qarchive would. */
  public static void recommitWithSchema(Path index, String schema) throws IOException {
    try (FSDirectory d = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      Map<String, String> data = new HashMap<>();
      w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.put(Fields.COMMIT_SCHEMA_VERSION, schema);
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }
}
