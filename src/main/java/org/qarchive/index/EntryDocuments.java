package org.qarchive.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.qarchive.archive.PostDate;
import org.qarchive.archive.QaEntry;
import org.qarchive.embedding.Embedder;

/** The index schema: how a {@link QaEntry} becomes a Lucene document and back. */
public final class EntryDocuments {

  /** Analyzed, stored, with offsets in the postings so the highlighter needs no re-analysis. */
  static final FieldType TEXT_WITH_OFFSETS;

  static {
    FieldType t = new FieldType(TextField.TYPE_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    TEXT_WITH_OFFSETS = t;
  }

  /** Indexed words only: no positions, not stored. */
  static final FieldType SPELLING;

  static {
    FieldType t = new FieldType();
    t.setIndexOptions(IndexOptions.DOCS);
    t.setTokenized(true);
    t.setOmitNorms(true);
    t.freeze();
    SPELLING = t;
  }

  private EntryDocuments() {}

  /** Builds the document for one entry. */
  public static Document toDocument(QaEntry e) {
    return toDocument(
        e,
        e.contentHash(),
        new Field(Fields.SPELL, String.join("\n", e.title(), e.question(), e.answer()), SPELLING),
        null);
  }

  /**
   * The vectors of {@code entries}' meaning, in order, computed on up to {@code threads} threads:
   * each the normalised mean of two vectors, of the entry's title and question ({@link #headText})
   * and of its title, question and the start of its answer ({@link #meaningText}). The mean
   * measured better than either alone on the MEDIQA dev set (see docs/search.md): the answer's
   * start says what it is about, the title and question what it answers. An entry without title and
   * question gets the vector of its text alone.
   */
  public static List<float[]> meaningVectors(
      Embedder embedder, List<QaEntry> entries, int threads) {
    List<String> texts = new ArrayList<>(2 * entries.size());
    for (QaEntry e : entries) {
      texts.add(headText(e));
      texts.add(meaningText(e));
    }
    List<float[]> parts = embedder.embed(texts, threads);
    List<float[]> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      out.add(
          texts.get(2 * i).isEmpty()
              ? parts.get(2 * i + 1)
              : Embedder.mean(parts.get(2 * i), parts.get(2 * i + 1)));
    }
    return out;
  }

  /**
   * What an index records as the source of its vectors ({@link Fields#COMMIT_EMBEDDING_MODEL}): the
   * model and what of an entry it reads, so that vectors made another way are never compared with
   * these (an index that records another source is searched by words only until {@code import
   * --reembed} gives its entries new vectors).
   */
  public static String vectorSource(Embedder.Model model) {
    return model.name() + "; " + VECTOR_RECIPE;
  }

  /** How {@link #meaningVectors} reads an entry. */
  static final String VECTOR_RECIPE = "mean of title+question and title+question+answer start";

  /** An entry's title and question, without blank lines; empty when it has neither. */
  static String headText(QaEntry e) {
    return (e.title().strip() + "\n" + e.question().strip()).strip();
  }

  /**
   * The text of an entry that the embedding model reads: title, question and the start of the
   * answer (the model reads the first 128 tokens, about 90 words, so the rest is not passed).
   */
  public static String meaningText(QaEntry e) {
    String text = String.join("\n", e.title(), e.question(), e.answer());
    return text.length() > MEANING_CHARS ? text.substring(0, MEANING_CHARS) : text;
  }

  /** More characters than 128 tokens ever cover: the tokenizer cuts the rest. */
  private static final int MEANING_CHARS = 2000;

  /**
   * Builds the document for one entry whose content hash the caller has already computed (a SHA-256
   * of it all), and whose spelling words come from {@code tap}, which the writer's analyzer fills
   * while indexing the text fields.
   */
  static Document toDocument(QaEntry e, String contentHash, SpellingTap tap, float[] vector) {
    return toDocument(e, contentHash, new Field(Fields.SPELL, tap.words(), SPELLING), vector);
  }

  /**
   * As {@link #toDocument(QaEntry, String, SpellingTap, float[])} for an entry staff corrected:
   * {@code shown} is what readers see and search, {@code imported} what the import made of the
   * page, kept so that a correction can be shown beside the original and taken back.
   */
  static Document toDocument(
      QaEntry shown, QaEntry imported, String contentHash, SpellingTap tap, float[] vector) {
    Document doc = toDocument(shown, contentHash, tap, vector);
    doc.add(new StringField(Fields.EDITED, "1", Field.Store.NO));
    doc.add(new StoredField(Fields.IMPORTED, org.qarchive.archive.EntryJson.toLine(imported)));
    return doc;
  }

  /**
   * The entry as the import made it: the stored original of a corrected entry, else the entry
   * itself.
   */
  public static QaEntry importedFromDocument(Document d) {
    String imported = d.get(Fields.IMPORTED);
    return imported == null ? fromDocument(d) : org.qarchive.archive.EntryJson.fromLine(imported);
  }

  private static Document toDocument(
      QaEntry e, String contentHash, Field spelling, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, e.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(e.id())));
    doc.add(new StoredField(Fields.URL, e.url()));
    doc.add(new Field(Fields.TITLE, e.title(), TEXT_WITH_OFFSETS));
    doc.add(new Field(Fields.QUESTION, e.question(), TEXT_WITH_OFFSETS));
    doc.add(new Field(Fields.ANSWER, e.answer(), TEXT_WITH_OFFSETS));
    // after the three text fields: a tapped spelling field replays their words
    doc.add(spelling);
    storeIfPresent(doc, Fields.ASKER_LOCATION, e.askerLocation());
    storeIfPresent(doc, Fields.CREDENTIALS, e.credentials());
    if (e.answeredBy() != null) {
      keyword(doc, Fields.ANSWERED_BY, e.answeredBy());
    }
    if (e.date() != null) {
      long day = e.date().start().toEpochDay();
      doc.add(new LongPoint(Fields.DATE, day));
      doc.add(new NumericDocValuesField(Fields.DATE, day));
      doc.add(new StoredField(Fields.DATE, e.date().toString()));
      keyword(doc, Fields.YEAR, Integer.toString(e.date().year()));
    } else {
      // entries without a date sort last when sorting by date, newest first. Lucene wants every
      // document's
      // "date" to have the same structures (point and doc values), so the undated get the smallest
      // point too: a
      // bounded date range never includes them.
      doc.add(new LongPoint(Fields.DATE, Long.MIN_VALUE));
      doc.add(new NumericDocValuesField(Fields.DATE, Long.MIN_VALUE));
    }
    for (String c : e.categories()) {
      keyword(doc, Fields.CATEGORY, c);
    }
    for (String t : e.tags()) {
      keyword(doc, Fields.TAG, t);
    }
    doc.add(new StoredField(Fields.SOURCE_FILE, e.sourceFile()));
    doc.add(new StoredField(Fields.CONTENT_HASH, contentHash));
    if (vector != null) {
      doc.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    return doc;
  }

  /** Rebuilds the entry from a stored document. */
  public static QaEntry fromDocument(Document d) {
    String date = d.get(Fields.DATE);
    return new QaEntry(
        d.get(Fields.ID),
        d.get(Fields.URL),
        d.get(Fields.TITLE),
        d.get(Fields.QUESTION),
        d.get(Fields.ASKER_LOCATION),
        d.get(Fields.ANSWER),
        d.get(Fields.ANSWERED_BY),
        d.get(Fields.CREDENTIALS),
        date == null ? null : PostDate.parse(date),
        List.of(d.getValues(Fields.CATEGORY)),
        List.of(d.getValues(Fields.TAG)),
        d.get(Fields.SOURCE_FILE));
  }

  private static void keyword(Document doc, String field, String value) {
    doc.add(new StringField(field, value, Field.Store.YES));
    doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
  }

  private static void storeIfPresent(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StoredField(field, value));
    }
  }
}
