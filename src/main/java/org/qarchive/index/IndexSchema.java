package org.qarchive.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.util.Version;

/**
 * Which index schemas this qarchive searches and writes, and what an operator runs to bring another
 * one up to date: the one place to extend when {@link Fields#SCHEMA_VERSION} is bumped.
 *
 * <p>Bumping the schema means adding the previous version to {@link #DEFAULT}'s table of older
 * schemas, saying whether this version still searches such an index correctly (a field it lacks
 * only turns a feature off) or not (the analysis changed, so its terms no longer match the
 * queries'), and whether it may write into it as it is (the new schema only adds to the old one, so
 * old and new entries sit side by side) or not. {@code qarchive reindex} rebuilds any older index
 * from the entries it stores, which needs no original pages.
 */
public final class IndexSchema {

  /** What this version can do with an index. */
  public enum Support {
    /** Written with this version's schema: searched and written. */
    CURRENT,
    /** An older schema this version searches and writes as it is; a reindex adds what it lacks. */
    COMPATIBLE,
    /** An older schema that is still searched correctly; imports wait for a reindex. */
    SEARCHABLE,
    /** An older (or unrecorded) schema that cannot be searched correctly: reindex first. */
    REINDEX,
    /** A newer schema than this version knows: a newer qarchive wrote it. */
    NEWER
  }

  /**
   * An older schema.
   *
   * @param searchable whether this version's searches still give right answers on it
   * @param writable whether this version may write into it as it is: true only when this version's
   *     schema merely adds to it (then searchable too)
   * @param lacks what such an index lacks or does differently, in a phrase for the operator
   */
  public record Older(boolean searchable, boolean writable, String lacks) {
    public Older {
      Objects.requireNonNull(lacks, "lacks");
      if (writable && !searchable) {
        throw new IllegalArgumentException("an index this version writes into must be searchable");
      }
    }
  }

  /**
   * What this version makes of one index.
   *
   * @param support what it can do with it
   * @param written the schema version the index records, or null when it records none
   * @param advice what to do about it, one line naming the command to run; empty when current
   */
  public record Verdict(Support support, String written, String advice) {
    public Verdict {
      Objects.requireNonNull(support, "support");
      Objects.requireNonNull(advice, "advice");
    }

    /** Whether searching this index gives right answers. */
    public boolean searchable() {
      return support == Support.CURRENT
          || support == Support.COMPATIBLE
          || support == Support.SEARCHABLE;
    }

    /** Whether this version may write into the index as it is. */
    public boolean writable() {
      return support == Support.CURRENT || support == Support.COMPATIBLE;
    }
  }

  /** This version's schema and what it knows of the older ones. */
  public static final IndexSchema DEFAULT =
      new IndexSchema(
          Fields.SCHEMA_VERSION,
          Map.of(
              "2",
              new Older(
                  true,
                  true,
                  "its entries have no vectors of meaning, so searches rank them by their words"
                      + " alone"),
              "1",
              new Older(
                  false,
                  false,
                  "it was analysed with another stemmer and stopword list, so searches would miss"
                      + " its words, and it has no spelling dictionary or vectors of meaning")));

  private final String current;
  private final Map<String, Older> older;

  /**
   * A schema table: {@code current} is what this version writes, {@code older} what it knows of
   * earlier versions (tests build their own).
   */
  public IndexSchema(String current, Map<String, Older> older) {
    this.current = Objects.requireNonNull(current, "current");
    this.older = Map.copyOf(older);
  }

  /** The Lucene version this qarchive reads and writes with. */
  public static String luceneVersion() {
    return Version.LATEST.toString();
  }

  /** The schema version this qarchive writes. */
  public String current() {
    return current;
  }

  /** What this version makes of an index at {@code dir} that records {@code written}. */
  public Verdict judge(String written, Path dir) {
    String reindex = "run 'qarchive reindex --index " + dir + "'";
    String rebuilds = " (it rebuilds the index from its stored entries; no original pages needed)";
    if (current.equals(written)) {
      return new Verdict(Support.CURRENT, written, "");
    }
    if (written == null) {
      return new Verdict(
          Support.REINDEX,
          null,
          "the index at "
              + dir
              + " records no schema version, so it was not written by a released qarchive: "
              + reindex
              + rebuilds
              + ", or import its pages into a new index");
    }
    Older o = older.get(written);
    if (o == null && isNewer(written)) {
      return new Verdict(
          Support.NEWER,
          written,
          "the index at "
              + dir
              + " was written by a newer qarchive (schema "
              + written
              + "; this version knows schema "
              + current
              + " and older): run that newer qarchive, or restore a backup taken before the upgrade"
              + " with 'qarchive restore'");
    }
    String lacks = o == null ? "this version does not know that schema" : o.lacks();
    String head =
        "the index at "
            + dir
            + " was written by an older qarchive (schema "
            + written
            + "; this version writes schema "
            + current
            + "): "
            + lacks;
    if (o != null && o.writable()) {
      return new Verdict(
          Support.COMPATIBLE,
          written,
          head + ". Searching and importing work; to add what it lacks, " + reindex + rebuilds);
    }
    if (o != null && o.searchable()) {
      return new Verdict(
          Support.SEARCHABLE,
          written,
          head + ". Searching it works; to import into it, " + reindex + rebuilds);
    }
    return new Verdict(Support.REINDEX, written, head + ". Before using it, " + reindex + rebuilds);
  }

  /** What this version makes of the index at {@code dir}; CURRENT for a folder with no index. */
  public Verdict judge(Path dir) throws IOException {
    IndexInfo info = IndexInfo.read(dir);
    return info.exists()
        ? judge(info.schemaVersion(), dir)
        : new Verdict(Support.CURRENT, null, "");
  }

  private boolean isNewer(String written) {
    try {
      return Integer.parseInt(written) > Integer.parseInt(current);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Thrown when an index's schema does not allow what was asked of it; says what to run. */
  public static final class SchemaException extends IOException {
    /** The verdict that refused. */
    private final transient Verdict verdict;

    public SchemaException(Verdict verdict) {
      super(verdict.advice());
      this.verdict = verdict;
    }

    /** What this version made of the index. */
    public Verdict verdict() {
      return verdict;
    }
  }
}
