package org.qarchive.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.qarchive.index.DurableFiles;

/**
 * Who did what to the archive, and when: sign-ins (and failed ones), uploads and imports,
 * corrections, hiding, deleting, synonyms and account changes, one JSON line each in {@value
 * #FILE_NAME} in the index folder, flushed to disk before the action is reported done. Lines are
 * only ever appended; a torn last line (a crash mid-write) is skipped when reading.
 */
public final class AuditLog {

  /** The file's name inside the index folder. */
  public static final String FILE_NAME = "staff-audit.jsonl";

  /** How much of the end of the file the admin reads: years of a clinic's staff work. */
  static final long READ_TAIL_BYTES = 16L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One event.
   *
   * @param at when
   * @param user who (a staff name, or "command line")
   * @param address the client's address, or empty
   * @param action what kind of thing was done ("sign-in", "hide", ...)
   * @param target what it was done to (an entry id, an import run, a file name), or empty
   * @param detail more for people, or empty
   */
  public record Event(
      Instant at, String user, String address, String action, String target, String detail) {
    public Event {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(action, "action");
      user = Objects.requireNonNullElse(user, "");
      address = Objects.requireNonNullElse(address, "");
      target = Objects.requireNonNullElse(target, "");
      detail = Objects.requireNonNullElse(detail, "");
    }
  }

  private final Path file;

  /** The audit log of the index at {@code indexDir}. */
  public AuditLog(Path indexDir) {
    this.file = indexDir.resolve(FILE_NAME);
  }

  /** Appends an event now, durably. */
  public void record(String user, String address, String action, String target, String detail)
      throws IOException {
    append(new Event(Instant.now(), user, address, action, target, detail));
  }

  /** Appends an event, durably. */
  public synchronized void append(Event e) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("at", e.at().toString());
    o.put("user", e.user());
    o.put("address", e.address());
    o.put("action", e.action());
    o.put("target", e.target());
    o.put("detail", e.detail());
    DurableFiles.append(file, (JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The events that match {@code filter}, newest first, from the last {@link #READ_TAIL_BYTES}. */
  public List<Event> newestFirst(Predicate<Event> filter) throws IOException {
    List<Event> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    String text;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, f.length() - READ_TAIL_BYTES);
      byte[] b = new byte[(int) (f.length() - start)];
      f.seek(start);
      f.readFully(b);
      text = new String(b, StandardCharsets.UTF_8);
      if (start > 0) {
        text = text.substring(text.indexOf('\n') + 1); // the first line is cut
      }
    }
    for (String line : text.split("\n")) {
      Event e = parse(line);
      if (e != null && filter.test(e)) {
        out.add(e);
      }
    }
    Collections.reverse(out);
    return out;
  }

  private static Event parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode o = JSON.readTree(line);
      return new Event(
          Instant.parse(o.path("at").asText()),
          o.path("user").asText(""),
          o.path("address").asText(""),
          o.path("action").asText(""),
          o.path("target").asText(""),
          o.path("detail").asText(""));
    } catch (JsonProcessingException | RuntimeException e) {
      return null; // a torn last line
    }
  }
}
