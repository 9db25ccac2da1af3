package org.qarchive.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qarchive.embedding.Embedder;
import org.qarchive.index.IndexInfo;
import org.qarchive.index.IndexSchema;
import org.qarchive.index.Reindex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qarchive reindex}: the upgrade path for an index written by an older qarchive. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the index from its stored entries with this version's schema.",
      "How an index written by an older qarchive is upgraded: needs no original pages, and a running"
          + " server keeps answering from the old commit until the new one is complete."
    })
final class ReindexCommand implements Callable<Integer> {

  @Mixin IndexOption index;

  @Option(
      names = "--no-vectors",
      description =
          "Do not run the embedding model: entries keep the vectors they have, the others are then"
              + " found by their words only.")
  boolean noVectors;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    IndexInfo info = IndexInfo.read(index.dir);
    if (!info.exists()) {
      throw new BadInputException("no index at " + index.dir + " to rebuild");
    }
    IndexSchema.Verdict v = IndexSchema.DEFAULT.judge(info.schemaVersion(), index.dir);
    if (v.support() == IndexSchema.Support.NEWER) {
      // rebuilding it with an older schema would drop whatever the newer one added
      throw new IndexSchema.SchemaException(v);
    }
    long start = System.nanoTime();
    Reindex.Result r;
    try (Embedder embedder = noVectors ? null : ImportFlow.loadModel(System.err)) {
      r = Reindex.run(index.dir, embedder);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "Rebuilt %d %s in %s from schema %s to schema %s in %.1f s%n",
        r.entries(),
        r.entries() == 1 ? "entry" : "entries",
        index.dir,
        r.fromSchema() == null ? "(none recorded)" : r.fromSchema(),
        IndexSchema.DEFAULT.current(),
        (System.nanoTime() - start) / 1e9);
    if (r.embedded() > 0) {
      out.printf(Locale.ROOT, "Gave %d entries a vector of meaning%n", r.embedded());
    }
    if (r.withoutVector() > 0) {
      out.printf(
          Locale.ROOT,
          "%d entries have no vector of meaning and are found by their words only; 'qarchive"
              + " reindex --index %s'%s gives them one%n",
          r.withoutVector(),
          index.dir,
          noVectors ? "" : " where the embedding model loads");
    }
    return 0;
  }
}
