package org.qarchive.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with stored fields in small LZ4 blocks. Every search reads the ten entries
 * of its page whole (question and answer for the snippets); the default format decompresses an 8 KB
 * block plus a preset dictionary for each of them, a noticeable share of every search. Plain LZ4
 * over 8 KB chunks reads only up to the entry's end, for somewhat larger stored fields (the figures
 * are in docs/benchmarks.md). Readers find it by its name through Java's service loader ({@code
 * META-INF/services/org.apache.lucene.codecs.Codec}); indexes written before it keep their segments
 * in the default codec until a merge rewrites them.
 *
 * <p>Entry vectors ({@link Fields#VECTOR}) are kept as an HNSW graph over 8-bit scalar-quantized
 * vectors (the float vectors stay on disk for merging): a quarter of the memory a search touches,
 * for the same MEDIQA ranking (see docs/search.md).
 */
public final class ArchiveCodec extends FilterCodec {

  /** The name written into each segment. */
  public static final String NAME = "QarchiveStoredLz4";

  private final StoredFieldsFormat storedFields =
      new Lucene90CompressingStoredFieldsFormat(
          "QarchiveStoredFieldsLz4", CompressionMode.FAST, 8 * 1024, 128, 10);

  private static final KnnVectorsFormat VECTORS = new Lucene104HnswScalarQuantizedVectorsFormat();

  /** Public and without arguments, as the service loader needs. */
  public ArchiveCodec() {
    super(
        NAME,
        new Lucene104Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return VECTORS; // the format is recorded per field, so a later change reads old ones
          }
        });
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
