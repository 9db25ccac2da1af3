package org.qarchive.importer;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.qarchive.archive.EntryJson;
import org.qarchive.archive.QaEntry;

/**
 * Walks the importer's inputs (folders, single pages, {@code .gz}, {@code .zip}, WARC and JSON
 * Lines files) and hands out one item per page, reading archives as streams with limits so that
 * hostile files cannot exhaust memory.
 */
final class ArchiveInputs {

  /** One thing found in the inputs. */
  sealed interface Item permits Page, Entries, Failure, Unchanged, Skipped {
    String name();
  }

  /** A plain file on disk as the walk found it: absolute path, size and modification time (ms). */
  record FileStamp(String path, long size, long mtime) {}

  /** A page to extract; {@code stamp} is null for a page inside an archive. */
  record Page(String name, byte[] bytes, Instant modified, String urlHint, FileStamp stamp)
      implements Item {
    Page {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(bytes, "bytes");
    }

    Page(String name, byte[] bytes, Instant modified, String urlHint) {
      this(name, bytes, modified, urlHint, null);
    }
  }

  /** A plain page file left unread because it is as the last import saw it. */
  record Unchanged(String name, FileStamp stamp) implements Item {}

  /** Entries read from a JSON Lines export. */
  record Entries(String name, List<QaEntry> entries, Instant modified, List<String> errors)
      implements Item {}

  /** A file that could not be read at all. */
  record Failure(String name, String reason) implements Item {}

  /** A file read whole that holds no Q&A of its own (a WordPress export's own row). */
  record Skipped(String name, String reason) implements Item {}

  static final int MAX_ZIP_ENTRIES = 200_000;
  static final long MAX_ZIP_TOTAL = 4L * 1024 * 1024 * 1024;
  static final int MAX_RATIO = 200;
  static final int MAX_NESTING = 3;

  /**
   * Extensions of files that are never pages: style sheets, scripts, images, fonts, media,
   * documents, binaries.
   */
  private static final Set<String> SKIP_EXTENSIONS =
      Set.of(
          "css", "js", "mjs", "json", "map", "jpg", "jpeg", "png", "gif", "webp", "svg", "ico",
          "bmp", "tif", "tiff", "woff", "woff2", "ttf", "eot", "otf", "mp3", "mp4", "m4a", "webm",
          "avi", "mov", "wav", "ogg", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "swf",
          "txt", "md", "csv", "cdx", "log", "exe", "dll", "so", "class", "jar");

  private static final Pattern SKIP_EXT =
      Pattern.compile("(?i).*\\.(" + String.join("|", SKIP_EXTENSIONS) + ")$");

  /**
   * Whether a lower-cased name has one of the {@link #SKIP_EXTENSIONS}. The set answers for most
   * names; the pattern (which also refuses names with line breaks) runs only on those it names,
   * since trying it at every dot of every page name cost more than listing the folder.
   */
  static boolean notAPage(String lower) {
    return SKIP_EXTENSIONS.contains(lower.substring(lower.lastIndexOf('.') + 1))
        && SKIP_EXT.matcher(lower).matches();
  }

  private final int maxPageBytes;
  private final Predicate<FileStamp> unchanged;
  private long finishedBytes;
  private volatile CountingInputStream current;

  ArchiveInputs(int maxPageBytes) {
    this(maxPageBytes, s -> false);
  }

  /**
   * @param unchanged which plain page files to hand out as {@link Unchanged} instead of reading
   *     them
   */
  ArchiveInputs(int maxPageBytes, Predicate<FileStamp> unchanged) {
    this.maxPageBytes = maxPageBytes;
    this.unchanged = Objects.requireNonNull(unchanged, "unchanged");
  }

  /**
   * A file found under an input folder, with the attributes the listing read (links not followed).
   */
  record Found(Path file, BasicFileAttributes attrs) {}

  /**
   * One input as listed: a folder with its files in path order, a single file (no files, no error),
   * or an input that cannot be walked (the error to report, no files).
   */
  record Listed(Path input, List<Found> files, String error) {
    Listed {
      Objects.requireNonNull(input, "input");
    }

    boolean singleFile() {
      return files == null && error == null;
    }
  }

  /**
   * Lists the inputs once, so that one import looks at each file once: the stamps that decide what
   * is skipped, the progress plan and the walk all come from this listing, which stats every file
   * as it reads the folder.
   */
  static List<Listed> list(List<Path> inputs) {
    List<Listed> out = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        List<Found> files;
        try {
          // folders are listed on all cores: a mirror keeps each page in a folder of its own, and
          // listing a large archive's files and folders one system call after another kept the
          // extractors waiting
          files = listFolder(input);
        } catch (UncheckedIOException e) {
          out.add(new Listed(input, null, "cannot list folder: " + ioCause(e).getMessage()));
          continue;
        }
        files.sort(Comparator.comparing(Found::file));
        out.add(new Listed(input, files, null));
      } else if (Files.isRegularFile(input)) {
        out.add(new Listed(input, null, null));
      } else {
        out.add(new Listed(input, null, "no such file or folder"));
      }
    }
    return out;
  }

  /**
   * The files under a folder with the attributes read while listing it, links not followed (a
   * linked folder is listed as a file, which the walk refuses), its subfolders listed as tasks of
   * their own.
   */
  private static final class ListFolder extends RecursiveTask<List<Found>> {
    private final Path dir;

    ListFolder(Path dir) {
      this.dir = dir;
    }

    @Override
    protected List<Found> compute() {
      List<Found> files = new ArrayList<>();
      List<ListFolder> folders = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path f : entries) {
          BasicFileAttributes a =
              Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (a.isDirectory()) {
            ListFolder sub = new ListFolder(f);
            sub.fork();
            folders.add(sub);
          } else {
            files.add(new Found(f, a));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            e); // as Files.find did: a folder that cannot be read fails the listing
      }
      for (ListFolder sub : folders) {
        files.addAll(sub.join());
      }
      return files;
    }
  }

  /**
   * The files under a folder, listed on every core: in a pool of its own, as the common pool keeps
   * one core for the caller, which would only wait.
   */
  private static List<Found> listFolder(Path dir) {
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      return pool.invoke(new ListFolder(dir));
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The I/O error under a listing's failure (the fork-join pool may wrap it again when it crosses
   * threads).
   */
  private static Throwable ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return t;
      }
    }
    return e;
  }

  /**
   * The stamps of the plain files of a listing, keyed by absolute path, without reading the files.
   */
  static Map<String, FileStamp> stamps(List<Listed> listing) {
    Map<String, FileStamp> out = new HashMap<>();
    for (Listed in : listing) {
      if (in.files() != null) {
        for (Found f : in.files()) {
          if (f.attrs().isRegularFile()) {
            FileStamp st = stamp(f.file(), f.attrs());
            out.put(st.path(), st);
          }
        }
      } else if (in.singleFile()) {
        try {
          BasicFileAttributes a =
              Files.readAttributes(
                  in.input(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (a.isRegularFile()) {
            FileStamp st = stamp(in.input(), a);
            out.put(st.path(), st);
          }
        } catch (IOException e) {
          // gone since the listing: the walk reports it, and it counts as gone
        }
      }
    }
    return out;
  }

  private static FileStamp stamp(Path f, BasicFileAttributes a) {
    return new FileStamp(
        f.toAbsolutePath().normalize().toString(), a.size(), a.lastModifiedTime().toMillis());
  }

  private static FileStamp stamp(Path f) throws IOException {
    return stamp(f, Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
  }

  /**
   * What a walk will cover, counted up front for progress: files (archives count as one) and their
   * bytes.
   */
  record Plan(long files, long bytes, boolean archives) {}

  /** Counts files and bytes of a listing without reading them. */
  static Plan plan(List<Listed> listing) {
    long files = 0;
    long bytes = 0;
    boolean archives = false;
    for (Listed in : listing) {
      List<Found> found = in.files();
      if (in.singleFile()) {
        try {
          found =
              List.of(
                  new Found(
                      in.input(),
                      Files.readAttributes(
                          in.input(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
        } catch (IOException e) {
          continue; // progress is an estimate; the walk reports the file
        }
      }
      for (Found f : found == null ? List.<Found>of() : found) {
        if (f.attrs().isRegularFile()) {
          files++;
          bytes += f.attrs().size();
          archives |= isArchive(f.file().getFileName().toString().toLowerCase(Locale.ROOT));
        }
      }
    }
    return new Plan(files, bytes, archives);
  }

  private static boolean isArchive(String lower) {
    // a WordPress export (.xml) is measured like an archive: its posts are unknown until read
    return lower.endsWith(".zip")
        || lower.endsWith(".warc")
        || lower.endsWith(".warc.gz")
        || lower.endsWith(".xml");
  }

  /** Bytes of the input files consumed so far (archives count as they are read), for progress. */
  long bytesRead() {
    CountingInputStream c = current;
    return finishedBytes + (c == null ? 0 : c.count);
  }

  /**
   * Thrown through the walk when the consumer fails, so that its failure is not mistaken for a bad
   * input file.
   */
  static final class ConsumerFailed extends RuntimeException {
    ConsumerFailed(RuntimeException cause) {
      super(cause);
    }
  }

  /** Hands out one item per page of a {@link #list listing}, in its order. */
  void walk(List<Listed> listing, Consumer<Item> consumer) {
    Consumer<Item> out =
        item -> {
          try {
            consumer.accept(item);
          } catch (RuntimeException e) {
            throw new ConsumerFailed(e);
          }
        };
    try {
      walkAll(listing, out);
    } catch (ConsumerFailed e) {
      throw (RuntimeException) e.getCause();
    }
  }

  private void walkAll(List<Listed> listing, Consumer<Item> out) {
    for (Listed in : listing) {
      Path input = in.input();
      if (in.error() != null) {
        out.accept(new Failure(input.toString(), in.error()));
      } else if (in.files() != null) {
        for (Found found : in.files()) {
          Path f = found.file();
          String rel = input.relativize(f).toString().replace('\\', '/');
          if (f.getFileName().toString().startsWith(".")) {
            continue;
          }
          if (found.attrs().isSymbolicLink()) {
            // a link inside a mirror may point anywhere on this machine (/etc/passwd); only named
            // inputs are followed
            out.accept(new Failure(rel, "symbolic link, not followed"));
          } else if (!found.attrs().isRegularFile()) {
            // reading a named pipe or a device would block or never end
            out.accept(new Failure(rel, "not a regular file (pipe, socket or device), skipped"));
          } else {
            file(
                f,
                rel,
                out,
                found.attrs()); // a file that vanished since the listing becomes a failed row there
          }
        }
      } else {
        file(input, input.getFileName().toString(), out, null);
      }
    }
  }

  /**
   * @param listed the attributes the listing read, or null for a file named as an input (whose link
   *     is followed)
   */
  private void file(Path f, String name, Consumer<Item> out, BasicFileAttributes listed) {
    try {
      readFile(f, name, out, listed);
    } finally {
      current = null;
      if (listed != null) {
        finishedBytes += listed.size();
      } else {
        try {
          finishedBytes += Files.size(f);
        } catch (IOException e) {
          // the file vanished; progress is only an estimate
        }
      }
    }
  }

  private CountingInputStream track(Path f) throws IOException {
    current =
        new CountingInputStream(new java.io.BufferedInputStream(Files.newInputStream(f), 1 << 16));
    return current;
  }

  private void readFile(Path f, String name, Consumer<Item> out, BasicFileAttributes listed) {
    String lower = name.toLowerCase(Locale.ROOT);
    boolean explicit = listed == null;
    Instant mtime;
    try {
      mtime =
          explicit
              ? Files.getLastModifiedTime(f).toInstant()
              : listed.lastModifiedTime().toInstant();
    } catch (IOException e) {
      out.accept(new Failure(name, "cannot read: " + e.getMessage()));
      return;
    }
    try {
      if (lower.endsWith(".warc") || lower.endsWith(".warc.gz")) {
        try (CountingInputStream in = track(f)) {
          warc(in, name, out);
        }
      } else if (lower.endsWith(".zip")) {
        try (CountingInputStream in = track(f)) {
          zip(in, name, mtime, out, 1);
        }
      } else if (lower.endsWith(".xml") && isWxr(f)) {
        try (CountingInputStream in = track(f)) {
          WxrReader.read(in, name, maxPageBytes, out);
        }
      } else if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          List<String> errors = new ArrayList<>();
          List<QaEntry> entries = EntryJson.readAll(r, errors);
          out.accept(new Entries(name, entries, mtime, errors));
        }
      } else if (explicit || !notAPage(lower)) {
        FileStamp stamp = explicit ? stamp(f) : stamp(f, listed);
        if (unchanged.test(stamp)) {
          out.accept(new Unchanged(name, stamp));
          return;
        }
        if (stamp.size() > maxPageBytes) {
          out.accept(new Failure(name, "larger than " + maxPageBytes / (1024 * 1024) + " MB"));
          return;
        }
        out.accept(new Page(name, Files.readAllBytes(f), mtime, null, stamp));
      }
    } catch (ConsumerFailed e) {
      throw e;
    } catch (NoSuchFileException e) {
      out.accept(new Failure(name, "cannot read: " + e.getMessage())); // gone since the listing
    } catch (IOException | RuntimeException e) {
      // a corrupt archive ends here; pages already handed out stay imported
      out.accept(
          new Failure(name, "unreadable: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  /** Whether a file starts like a WordPress export. */
  private static boolean isWxr(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      return WxrReader.isWxr(in.readNBytes(8192));
    }
  }

  /** A zip member name that stays inside the archive, or null for names that try to escape it. */
  static String safeMemberName(String raw) {
    String n = raw.replace('\\', '/');
    if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.contains("\0")) {
      return null;
    }
    for (String seg : n.split("/")) {
      if (seg.equals("..")) {
        return null;
      }
    }
    return n;
  }

  private void zip(InputStream raw, String name, Instant mtime, Consumer<Item> out, int depth)
      throws IOException {
    CountingInputStream counted = new CountingInputStream(raw);
    ZipInputStream zin = new ZipInputStream(counted, StandardCharsets.UTF_8);
    int count = 0;
    long total = 0;
    ZipEntry e;
    while (true) {
      try {
        e = zin.getNextEntry();
      } catch (ZipException | IllegalArgumentException ex) {
        out.accept(new Failure(name, "corrupt zip: " + ex.getMessage()));
        return;
      }
      if (e == null) {
        break;
      }
      if (e.isDirectory()) {
        continue;
      }
      String member = name + "!/" + e.getName();
      if (++count > MAX_ZIP_ENTRIES) {
        out.accept(
            new Failure(name, "more than " + MAX_ZIP_ENTRIES + " entries; the rest is skipped"));
        return;
      }
      String safe = safeMemberName(e.getName());
      if (safe == null) {
        out.accept(new Failure(member, "unsafe entry name (absolute or with ..), skipped"));
        continue;
      }
      String lower = safe.toLowerCase(Locale.ROOT);
      boolean nested = lower.endsWith(".zip");
      if (!nested && notAPage(lower)) {
        continue;
      }
      byte[] bytes;
      try {
        bytes = readBounded(zin, e, maxPageBytes, counted);
      } catch (ZipException ex) {
        out.accept(new Failure(member, ex.getMessage()));
        if (ex.getMessage() != null && ex.getMessage().startsWith("zip bomb")) {
          return;
        }
        continue;
      }
      total += bytes.length;
      if (total > MAX_ZIP_TOTAL) {
        out.accept(
            new Failure(
                name, "expands to more than " + MAX_ZIP_TOTAL + " bytes; the rest is skipped"));
        return;
      }
      Instant t = e.getLastModifiedTime() != null ? e.getLastModifiedTime().toInstant() : mtime;
      if (nested) {
        if (depth >= MAX_NESTING) {
          out.accept(
              new Failure(member, "zip nested deeper than " + MAX_NESTING + " levels, skipped"));
        } else {
          zip(new ByteArrayInputStream(bytes), name + "!/" + safe, t, out, depth + 1);
        }
      } else if (lower.endsWith(".jsonl")) {
        List<String> errors = new ArrayList<>();
        List<QaEntry> entries =
            EntryJson.readAll(
                new BufferedReader(
                    new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)),
                errors);
        out.accept(new Entries(name + "!/" + safe, entries, t, errors));
      } else if (lower.endsWith(".xml") && WxrReader.isWxr(bytes)) {
        WxrReader.read(new ByteArrayInputStream(bytes), name + "!/" + safe, maxPageBytes, out);
      } else {
        out.accept(new Page(name + "!/" + safe, bytes, t, null));
      }
    }
  }

  /** Reads one member, stopping at the size limit and at compression ratios only a zip bomb has. */
  private static byte[] readBounded(
      ZipInputStream zin, ZipEntry e, int limit, CountingInputStream counted) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[16384];
    long before = counted.count;
    int n;
    while ((n = zin.read(chunk)) > 0) {
      buf.write(chunk, 0, n);
      if (buf.size() > limit) {
        long compressed =
            e.getCompressedSize() > 0 ? e.getCompressedSize() : counted.count - before;
        if (compressed > 0 && buf.size() / compressed > MAX_RATIO) {
          throw new ZipException(
              "zip bomb: "
                  + e.getName()
                  + " expands more than "
                  + MAX_RATIO
                  + " times; archive skipped");
        }
        throw new ZipException("larger than " + limit / (1024 * 1024) + " MB, skipped");
      }
    }
    return buf.toByteArray();
  }

  private void warc(InputStream in, String name, Consumer<Item> out) throws IOException {
    try (WarcReader reader = new WarcReader(in)) {
      reader.onWarning(w -> {}); // malformed records show up as failures below, not as log noise
      for (WarcRecord record : reader) {
        String target = null;
        try {
          byte[] bytes;
          if (record instanceof WarcResponse resp) {
            target = resp.target();
            if (resp.http().status() != 200) {
              continue;
            }
            MediaType type = resp.http().contentType();
            if (!isPageType(type)) {
              continue;
            }
            bytes = readLimited(resp.http().bodyDecoded().stream(), maxPageBytes);
          } else if (record instanceof WarcResource res) {
            target = res.target();
            if (!isPageType(res.payloadType())) {
              continue;
            }
            bytes = readLimited(res.body().stream(), maxPageBytes);
          } else {
            continue;
          }
          String member = name + "!" + target;
          if (bytes == null) {
            out.accept(new Failure(member, "larger than " + maxPageBytes / (1024 * 1024) + " MB"));
          } else {
            out.accept(new Page(member, bytes, record.date(), target));
          }
        } catch (ConsumerFailed e) {
          throw e;
        } catch (IOException | RuntimeException e) {
          out.accept(
              new Failure(
                  name + "!" + Objects.requireNonNullElse(target, "record"),
                  "bad WARC record: " + e.getMessage()));
        }
      }
    }
  }

  private static boolean isPageType(MediaType type) {
    if (type == null) {
      return true;
    }
    String t = (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
    return t.contains("html")
        || t.contains("xml")
        || t.startsWith("text/")
        || t.equals("application/octet-stream");
  }

  private static byte[] readLimited(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[16384];
    int n;
    while ((n = in.read(chunk)) > 0) {
      buf.write(chunk, 0, n);
      if (buf.size() > limit) {
        return null;
      }
    }
    return buf.toByteArray();
  }

  /**
   * Counts the compressed bytes a zip stream consumes, to spot compression ratios only a zip bomb
   * has.
   */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
