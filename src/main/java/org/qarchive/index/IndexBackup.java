package org.qarchive.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.util.IOUtils;
import org.qarchive.archive.Version;

/**
 * Backs up a live index and restores it: a copy of one whole commit point, never of files caught
 * mid-merge, taken while a server searches the index and while an import in another process writes
 * it.
 *
 * <p>Lucene never changes a file once written and deletes a commit's files only after a newer
 * commit replaced it. A backup therefore reads the latest commit's file list ({@code segments_N}),
 * opens every file in that list, and copies from the open files: once all are open, a writer
 * deleting them cannot take their contents away (on POSIX systems an open file lives until closed).
 * If a file vanished before it could be opened, a newer commit has replaced the chosen one, and the
 * backup starts over with that. This needs no cooperation from the writer, which may be another
 * process: Lucene's {@code SnapshotDeletionPolicy}, which the replicator module uses, only works
 * inside the writer's own JVM. Files of an import in progress are never copied, because no commit
 * names them.
 *
 * <p>Everything else in the index folder (the import state, and any other file or folder that
 * belongs to the index) is copied too, each file whole: their writers replace them by renaming a
 * finished temporary file, so each copy is one complete version; {@code *.tmp} files, still being
 * written, are left out. They are copied as they are at the moment of the backup, not tied to the
 * commit, except {@code import-state.tsv}, which names the commit it belongs to and is ignored by
 * the next import if it belongs to another.
 *
 * <p>The copy is written into a hidden folder beside the target, checked with Lucene's {@link
 * CheckIndex} (every file's checksum) and renamed into place only when complete, with a {@value
 * #MANIFEST} that says what it holds; a failed or interrupted backup leaves no folder that looks
 * like a backup.
 */
public final class IndexBackup {

  /** The file in a backup that says what it holds; its presence marks a complete backup. */
  public static final String MANIFEST = "qarchive-backup.properties";

  /** How often a backup starts over because newer commits replaced the one it chose. */
  private static final int MAX_ATTEMPTS = 100;

  /**
   * What a backup or restore copied.
   *
   * @param dir the folder written
   * @param generation the commit's generation (the N of {@code segments_N})
   * @param entries entries in the copied commit
   * @param schema the schema version the commit records, or null
   * @param lastImport when the copied commit's import finished, or null
   * @param bytes bytes copied
   * @param sidecars the other files and folders copied with the index, by name
   * @param attempts how many commits were tried: more than 1 when newer commits came during the
   *     copy
   */
  public record Result(
      Path dir,
      long generation,
      int entries,
      String schema,
      String lastImport,
      long bytes,
      List<String> sidecars,
      int attempts) {
    public Result {
      Objects.requireNonNull(dir, "dir");
      sidecars = List.copyOf(sidecars);
    }
  }

  /** The folder to write already holds something; nothing was written. */
  public static final class TargetExistsException extends IOException {
    TargetExistsException(Path dir) {
      super(dir + " already exists and is not empty; name a new folder");
    }
  }

  /** The folder to restore from is not a complete qarchive backup. */
  public static final class NotABackupException extends IOException {
    NotABackupException(Path dir) {
      super(
          dir
              + " is not a complete qarchive backup (it has no "
              + MANIFEST
              + "); name a folder that 'qarchive backup' wrote");
    }
  }

  private final Runnable afterChoosingCommit;

  /** A backup tool. */
  public IndexBackup() {
    this(() -> {});
  }

  /**
   * With a hook run after a commit is chosen and before its files are opened, so tests can make a
   * newer commit replace it there.
   */
  IndexBackup(Runnable afterChoosingCommit) {
    this.afterChoosingCommit = Objects.requireNonNull(afterChoosingCommit, "afterChoosingCommit");
  }

  /** Copies the latest commit of the index at {@code index}, and its other files, to {@code to}. */
  public Result backup(Path index, Path to) throws IOException {
    requireEmptyOrAbsent(to);
    Path work = workFolder(to);
    try {
      Copied copied = copyLatestCommit(index, work);
      Result r =
          check(work, copied.generation(), copied.bytes(), copied.sidecars(), copied.tries());
      writeManifest(work, r);
      return publish(work, to, r);
    } catch (IOException | RuntimeException e) {
      discard(work, e);
      throw e;
    }
  }

  /** Restores the backup in {@code backup} as a new index at {@code to}. */
  public Result restore(Path backup, Path to) throws IOException {
    Properties manifest = readManifest(backup);
    requireEmptyOrAbsent(to);
    Path work = workFolder(to);
    try {
      long bytes = 0;
      List<String> sidecars = new ArrayList<>();
      try (DirectoryStream<Path> files = Files.newDirectoryStream(backup)) {
        for (Path p : files) {
          String name = p.getFileName().toString();
          if (name.equals(MANIFEST)) {
            continue;
          }
          bytes += copyTree(p, work.resolve(name));
          if (!isLuceneFile(name)) {
            sidecars.add(name);
          }
        }
      }
      Result r =
          check(
              work,
              Long.parseLong(manifest.getProperty("generation", "-1")),
              bytes,
              sidecars.stream().sorted().toList(),
              1);
      String expected = manifest.getProperty("entries");
      if (expected != null && Integer.parseInt(expected) != r.entries()) {
        throw new IOException(
            "the backup in "
                + backup
                + " should hold "
                + expected
                + " entries but its index has "
                + r.entries());
      }
      return publish(work, to, r);
    } catch (IOException | RuntimeException e) {
      discard(work, e);
      throw e;
    }
  }

  private record Copied(long generation, long bytes, List<String> sidecars, int tries) {}

  private Copied copyLatestCommit(Path index, Path work) throws IOException {
    // no lock factory: a backup must never touch, let alone take, an importer's write lock
    try (Directory src = FSDirectory.open(index, NoLockFactory.INSTANCE)) {
      for (int attempt = 1; ; attempt++) {
        SegmentInfos commit = SegmentInfos.readLatestCommit(src);
        afterChoosingCommit.run();
        Map<String, FileChannel> open = new LinkedHashMap<>();
        try {
          try {
            for (String name : commit.files(true)) {
              open.put(name, FileChannel.open(index.resolve(name), StandardOpenOption.READ));
            }
          } catch (NoSuchFileException e) {
            if (attempt == MAX_ATTEMPTS) {
              throw new IOException(
                  "the index at "
                      + index
                      + " got "
                      + MAX_ATTEMPTS
                      + " newer commits while this backup tried to copy one; try again when"
                      + " imports are less frequent",
                  e);
            }
            continue; // a newer commit replaced this one and its files went: copy that instead
          }
          Files.createDirectories(work);
          List<String> sidecars = copySidecars(index, work);
          long bytes = 0;
          String segments = commit.getSegmentsFileName();
          for (Map.Entry<String, FileChannel> f : open.entrySet()) {
            if (!f.getKey().equals(segments)) {
              bytes += copy(f.getValue(), work.resolve(f.getKey()));
            }
          }
          // the commit point last, as Lucene writes it: a copy without it holds no index at all
          bytes += copy(open.get(segments), work.resolve(segments));
          return new Copied(commit.getGeneration(), bytes, sidecars, attempt);
        } finally {
          IOUtils.close(open.values());
        }
      }
    }
  }

  /** Copies every file and folder that is not Lucene's; returns their names. */
  private static List<String> copySidecars(Path index, Path work) throws IOException {
    List<String> copied = new ArrayList<>();
    try (Stream<Path> files = Files.list(index)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (isLuceneFile(name) || name.endsWith(".tmp")) {
          continue;
        }
        try {
          copyTree(p, work.resolve(name));
          copied.add(name);
        } catch (NoSuchFileException e) {
          // removed by its owner while we listed: it is not part of the index any more
        }
      }
    }
    return copied;
  }

  /** Whether Lucene owns a file of this name: commit points, segment files, the write lock. */
  static boolean isLuceneFile(String name) {
    return name.equals("write.lock")
        || name.startsWith(IndexFileNames.SEGMENTS)
        || name.startsWith(IndexFileNames.PENDING_SEGMENTS)
        || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches();
  }

  private static long copy(FileChannel from, Path to) throws IOException {
    try (FileChannel out =
        FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long size = from.size();
      long done = 0;
      while (done < size) {
        done += from.transferTo(done, size - done, out);
      }
      out.force(true);
      return done;
    }
  }

  /** Copies a file, or a folder with everything in it except {@code *.tmp} files; returns bytes. */
  private static long copyTree(Path from, Path to) throws IOException {
    if (Files.isDirectory(from)) {
      Files.createDirectories(to);
      long bytes = 0;
      try (Stream<Path> files = Files.list(from)) {
        for (Path p : files.sorted().toList()) {
          if (!p.getFileName().toString().endsWith(".tmp")) {
            bytes += copyTree(p, to.resolve(p.getFileName().toString()));
          }
        }
      }
      IOUtils.fsync(to, true);
      return bytes;
    }
    try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ)) {
      return copy(in, to);
    }
  }

  /** Checks the copy with CheckIndex and reads what it holds. */
  private static Result check(
      Path work, long generation, long bytes, List<String> sidecars, int attempts)
      throws IOException {
    try (Directory d = FSDirectory.open(work, NoLockFactory.INSTANCE)) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      try (CheckIndex check = new CheckIndex(d)) {
        check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
        if (!check.checkIndex().clean) {
          throw new IOException(
              "the copy in "
                  + work
                  + " failed Lucene's CheckIndex; nothing was kept:\n"
                  + log.toString(StandardCharsets.UTF_8));
        }
      }
      try (DirectoryReader r = DirectoryReader.open(d)) {
        Map<String, String> data = r.getIndexCommit().getUserData();
        return new Result(
            work,
            r.getIndexCommit().getGeneration(),
            r.numDocs(),
            data.get(Fields.COMMIT_SCHEMA_VERSION),
            data.get(Fields.COMMIT_LAST_IMPORT),
            bytes,
            sidecars,
            attempts);
      }
    }
  }

  private static void writeManifest(Path work, Result r) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("# a qarchive backup: restore it with 'qarchive restore DIR --index NEW_INDEX'\n");
    b.append("qarchive.version=").append(Version.current()).append('\n');
    b.append("created=").append(Instant.now()).append('\n');
    b.append("generation=").append(r.generation()).append('\n');
    b.append("entries=").append(r.entries()).append('\n');
    b.append("schema=").append(Objects.requireNonNullElse(r.schema(), "")).append('\n');
    b.append("last_import=").append(Objects.requireNonNullElse(r.lastImport(), "")).append('\n');
    b.append("bytes=").append(r.bytes()).append('\n');
    b.append("sidecars=").append(String.join(",", r.sidecars())).append('\n');
    Path m = work.resolve(MANIFEST);
    Files.writeString(m, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    IOUtils.fsync(m, false);
  }

  private static Properties readManifest(Path backup) throws IOException {
    Path m = backup.resolve(MANIFEST);
    if (!Files.isRegularFile(m)) {
      throw new NotABackupException(backup);
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(m)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  /** Makes the finished copy the target folder, in one rename. */
  private static Result publish(Path work, Path to, Result r) throws IOException {
    IOUtils.fsync(work, true);
    if (Files.isDirectory(to)) {
      Files.delete(to); // empty, checked before we started
    }
    try {
      Files.move(work, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new TargetExistsException(to);
    }
    Path parent = to.toAbsolutePath().getParent();
    if (parent != null) {
      IOUtils.fsync(parent, true);
    }
    return new Result(
        to,
        r.generation(),
        r.entries(),
        r.schema(),
        r.lastImport(),
        r.bytes(),
        r.sidecars(),
        r.attempts());
  }

  private static void requireEmptyOrAbsent(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new TargetExistsException(dir);
    }
    try (Stream<Path> files = Files.list(dir)) {
      if (files.findAny().isPresent()) {
        throw new TargetExistsException(dir);
      }
    }
  }

  /**
   * A new hidden folder beside {@code to}, on the same file system so it can be renamed, with the
   * permissions the user's umask gives (a temporary directory's would be owner-only).
   */
  private static Path workFolder(Path to) throws IOException {
    Path abs = to.toAbsolutePath().normalize();
    Path parent = Files.createDirectories(abs.getParent());
    Path work =
        parent.resolve("." + abs.getFileName() + ".partial-" + ProcessHandle.current().pid());
    deleteTree(work); // left by an earlier run of a process that had this id and was killed
    return Files.createDirectory(work);
  }

  private static void discard(Path work, Exception cause) {
    try {
      deleteTree(work);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
