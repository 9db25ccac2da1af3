package org.qarchive.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.store.FSDirectory;
import org.qarchive.embedding.Embedder;
import org.qarchive.eval.Evaluation;
import org.qarchive.index.ArchiveCodec;
import org.qarchive.index.Fields;

/**
 * The memory the vectors of meaning take at an archive size the model cannot embed here in time (a
 * million entries would take about two hours at this host's 140 answers/s): an index of {@code N}
 * vectors in the archive's own vector format (HNSW over 8-bit quantized vectors, {@link
 * ArchiveCodec}), each a real MedQuAD answer's vector (from the hybrid benchmark's index) moved a
 * little at random, then searched with the MEDIQA questions' vectors as the hybrid ranking does (50
 * nearest); prints the time to build, the files' sizes, search latency and this process's resident
 * memory with the model loaded (the lexical index's own memory at 1M is in docs/benchmarks.md).
 *
 * <pre>
 * java -cp target/qarchive.jar org.qarchive.bench.VectorMemory WORK_DIR N HYBRID_INDEX QUESTIONS
 * </pre>
 */
public final class VectorMemory {

  private VectorMemory() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    List<float[]> real = vectors(Path.of(args[2]));
    List<String> questions = new ArrayList<>(Evaluation.readQueries(Path.of(args[3])).values());
    Path dir = work.resolve("vectors-" + n);
    long t0 = System.nanoTime();
    if (!Files.exists(dir.resolve("done"))) {
      build(dir, n, real);
      Files.writeString(dir.resolve("done"), "", StandardCharsets.UTF_8);
      System.out.printf(
          Locale.ROOT, "built %,d vectors in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
    }
    Map<String, Long> sizes = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        sizes.merge(ext, Files.size(f), Long::sum);
      }
    }
    System.out.println("index files by extension (MB): " + mb(sizes));
    System.out.printf(Locale.ROOT, "resident before opening: %s%n", resident());
    try (Embedder embedder = Embedder.load();
        DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<float[]> targets = new ArrayList<>();
      for (String q : questions) {
        targets.add(embedder.embedQuery(q));
      }
      System.out.printf(
          Locale.ROOT,
          "segments %d; resident with the model loaded and the index open: %s%n",
          reader.leaves().size(),
          resident());
      Latencies lat = new Latencies();
      for (int round = 0; round < 4; round++) {
        for (float[] t : targets) {
          long s = System.nanoTime();
          searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, t, 50), 50);
          if (round > 0) {
            lat.add(System.nanoTime() - s);
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "50 nearest of %,d: p50 %.2f ms, p99 %.2f ms (one thread, %d searches)%n",
          n,
          lat.percentileMs(50),
          lat.percentileMs(99),
          3 * targets.size());
      System.out.printf(Locale.ROOT, "resident after searching: %s%n", resident());
    }
  }

  private static void build(Path dir, int n, List<float[]> real) throws Exception {
    IndexWriterConfig config =
        new IndexWriterConfig()
            .setCodec(new ArchiveCodec())
            .setRAMBufferSizeMB(1024)
            .setMergePolicy(NoMergePolicy.INSTANCE);
    Random random = new Random(42);
    try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), config)) {
      for (int i = 0; i < n; i++) {
        float[] base = real.get(i % real.size());
        float[] v = new float[base.length];
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
          v[d] = base[d] + (float) (random.nextGaussian() * 0.02);
          norm += v[d] * v[d];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
          v[d] *= scale;
        }
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, "v" + i, Field.Store.NO));
        doc.add(new KnnFloatVectorField(Fields.VECTOR, v, VectorSimilarityFunction.DOT_PRODUCT));
        w.addDocument(doc);
        if (i % 100_000 == 99_999) {
          System.out.printf(Locale.ROOT, "  %,d vectors%n", i + 1);
        }
      }
      w.commit();
    }
  }

  /** Every vector of the hybrid benchmark's index. */
  private static List<float[]> vectors(Path index) throws Exception {
    List<float[]> out = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        if (values == null) {
          continue;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        while (it.nextDoc() != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS) {
          out.add(values.vectorValue(it.index()).clone());
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(index + " holds no vectors");
    }
    return out;
  }

  private static String mb(Map<String, Long> sizes) {
    StringBuilder b = new StringBuilder();
    long total = 0;
    for (Map.Entry<String, Long> e : sizes.entrySet()) {
      b.append(String.format(Locale.ROOT, "%s %.0f, ", e.getKey(), e.getValue() / 1048576.0));
      total += e.getValue();
    }
    return b.append(String.format(Locale.ROOT, "total %.0f", total / 1048576.0)).toString();
  }

  /** VmRSS with its anonymous (heap, native) and file-mapped (index) parts, from /proc. */
  private static String resident() throws Exception {
    Map<String, String> status = new TreeMap<>();
    for (String l : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
      int colon = l.indexOf(':');
      if (colon > 0) {
        status.put(l.substring(0, colon), l.substring(colon + 1).strip());
      }
    }
    return String.format(
        Locale.ROOT,
        "VmRSS %s (anonymous %s, files %s)",
        status.get("VmRSS"),
        status.get("RssAnon"),
        status.get("RssFile"));
  }
}
