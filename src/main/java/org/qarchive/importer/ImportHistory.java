package org.qarchive.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.qarchive.index.DurableFiles;

/**
 * Every import run into an index, kept in the index folder under {@value #FOLDER}: who started it
 * and from what, when, how it ended, its counts and its whole report (gzipped JSON). Each run has a
 * folder of its own, which also holds the file staff uploaded for it.
 *
 * <p>A run is written as running when it starts, with the process that runs it; a run whose process
 * is gone without finishing it (killed, or the machine stopped) reads as interrupted.
 */
public final class ImportHistory {

  /** The history's folder inside the index folder. */
  public static final String FOLDER = "imports";

  private static final String RUN_FILE = "run.json";
  private static final String REPORT_FILE = "report.json.gz";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ID = Pattern.compile("\\d{8}-\\d{6}-[0-9a-f]{6}");
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** How a run ended, or that it has not. */
  public enum Status {
    RUNNING,
    DONE,
    FAILED,
    CANCELLED,
    /** The process running it stopped without finishing it; the index kept its last commit. */
    INTERRUPTED
  }

  /**
   * One run.
   *
   * @param id the run's id, also its folder's name
   * @param source what was imported, for people ("archive.zip", "import/")
   * @param by who started it: a staff member's name, or "command line"
   * @param started when it started
   * @param finished when it ended, or null
   * @param status how it ended
   * @param message why it failed, or null
   * @param counts the report's counts as JSON (no rows), or null before the end
   * @param pid the process that ran it
   * @param processStart when that process started, to tell it from a later one with its number
   */
  public record Run(
      String id,
      String source,
      String by,
      Instant started,
      Instant finished,
      Status status,
      String message,
      JsonNode counts,
      long pid,
      Instant processStart) {
    public Run {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(started, "started");
    }

    /** A count from the report, 0 before the end. */
    public long count(String name) {
      return counts == null ? 0 : counts.path(name).asLong(0);
    }

    Run ended(Status s, String why, JsonNode c) {
      return new Run(id, source, by, started, Instant.now(), s, why, c, pid, processStart);
    }
  }

  private final Path folder;
  private final SecureRandom random = new SecureRandom();

  /** Runs this process started and has not finished: running, whatever the files say. */
  private final Set<String> active = ConcurrentHashMap.newKeySet();

  /** The history of the index at {@code indexDir}. */
  public ImportHistory(Path indexDir) {
    this.folder = indexDir.resolve(FOLDER);
  }

  /** A new run id: its start time (UTC) and a random part. */
  public String newId() {
    byte[] r = new byte[3];
    random.nextBytes(r);
    return ID_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(r);
  }

  /** Whether {@code id} has the form of a run id (so it can name a folder). */
  public static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** The folder of run {@code id}, where its upload and report live. */
  public Path folder(String id) {
    if (!isId(id)) {
      throw new IllegalArgumentException("not a run id: " + id);
    }
    return folder.resolve(id);
  }

  /** Records that run {@code id} started. */
  public Run begin(String id, String source, String by) throws IOException {
    ProcessHandle self = ProcessHandle.current();
    Run r =
        new Run(
            id,
            source,
            by,
            Instant.now(),
            null,
            Status.RUNNING,
            null,
            null,
            self.pid(),
            self.info().startInstant().orElse(null));
    active.add(id);
    write(r);
    return r;
  }

  /** Records that the run finished with this report. */
  public Run done(Run r, ImportReport report) throws IOException {
    byte[] json = report.toJson().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream(json.length / 6 + 64);
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(json);
    }
    DurableFiles.replace(folder(r.id()).resolve(REPORT_FILE), gz.toByteArray(), false);
    return end(r.ended(Status.DONE, null, report.countsJson()));
  }

  /** Records that the run failed, or was cancelled, committing nothing. */
  public Run ended(Run r, Status status, String why) throws IOException {
    return end(r.ended(status, why, null));
  }

  private Run end(Run r) throws IOException {
    try {
      write(r);
    } finally {
      active.remove(r.id());
    }
    return r;
  }

  /** Every run, newest first. */
  public List<Run> list() throws IOException {
    List<Run> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(folder)) {
      for (Path d : dirs) {
        if (isId(d.getFileName().toString())) {
          read(d.getFileName().toString()).ifPresent(out::add);
        }
      }
    }
    out.sort(Comparator.comparing(Run::started).thenComparing(Run::id).reversed());
    return out;
  }

  /** Run {@code id}, if recorded. */
  public Optional<Run> get(String id) throws IOException {
    return isId(id) ? read(id) : Optional.empty();
  }

  /** The whole JSON report of a finished run, if it has one. */
  public Optional<byte[]> report(String id) throws IOException {
    if (!isId(id)) {
      return Optional.empty();
    }
    try (InputStream in =
        new GZIPInputStream(Files.newInputStream(folder(id).resolve(REPORT_FILE)))) {
      return Optional.of(in.readAllBytes());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private Optional<Run> read(String id) throws IOException {
    JsonNode o;
    try {
      o = JSON.readTree(Files.readString(folder(id).resolve(RUN_FILE), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Optional.empty(); // written atomically, so only a hand-edited file gets here
    }
    Run r =
        new Run(
            id,
            o.path("source").asText(""),
            o.path("by").asText(""),
            Instant.parse(o.path("started").asText()),
            o.hasNonNull("finished") ? Instant.parse(o.get("finished").asText()) : null,
            Status.valueOf(o.path("status").asText("FAILED")),
            o.hasNonNull("message") ? o.get("message").asText() : null,
            o.hasNonNull("counts") ? o.get("counts") : null,
            o.path("pid").asLong(-1),
            o.hasNonNull("process_start") ? Instant.parse(o.get("process_start").asText()) : null);
    if (r.status() == Status.RUNNING && !alive(r)) {
      r =
          new Run(
              r.id(),
              r.source(),
              r.by(),
              r.started(),
              null,
              Status.INTERRUPTED,
              "the process running it stopped; the index kept its last completed import",
              null,
              r.pid(),
              r.processStart());
    }
    return Optional.of(r);
  }

  private boolean alive(Run r) {
    ProcessHandle self = ProcessHandle.current();
    if (r.pid() == self.pid()
        && Objects.equals(r.processStart(), self.info().startInstant().orElse(null))) {
      return active.contains(r.id());
    }
    return ProcessHandle.of(r.pid())
        .filter(ProcessHandle::isAlive)
        .map(
            p ->
                r.processStart() == null
                    || r.processStart().equals(p.info().startInstant().orElse(null)))
        .orElse(false);
  }

  private void write(Run r) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", r.id());
    o.put("source", r.source());
    o.put("by", r.by());
    o.put("started", r.started().toString());
    o.put("finished", r.finished() == null ? null : r.finished().toString());
    o.put("status", r.status().name());
    o.put("message", r.message());
    o.set("counts", r.counts());
    o.put("pid", r.pid());
    o.put("process_start", r.processStart() == null ? null : r.processStart().toString());
    DurableFiles.replace(
        folder(r.id()).resolve(RUN_FILE),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o),
        false);
  }
}
