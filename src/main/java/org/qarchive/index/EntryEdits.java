package org.qarchive.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qarchive.archive.QaEntry;

/**
 * What staff changed about entries, kept beside the index in {@value #FILE_NAME}: corrections of an
 * entry's fields, which the {@link ArchiveWriter} applies to every later import of the entry (so a
 * re-import never undoes them), and whether an entry is hidden or deleted, which the search side
 * reads to leave it out of everything public.
 *
 * <p>The file is small (one line per edited entry) and replaced whole, atomically, on every change:
 * a crash leaves the previous or the next version. A file that cannot be read fails loudly, since
 * serving without it would show hidden entries and an import without it would undo corrections.
 */
public final class EntryEdits {

  /** The file's name inside the index folder. */
  public static final String FILE_NAME = "entry-edits.jsonl";

  private static final String MAGIC = "# qarchive entry edits 1";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Who may see an entry. */
  public enum Visibility {
    /** Shown everywhere. */
    PUBLIC,
    /** Left out of everything public; staff still see and search it. */
    HIDDEN,
    /** In the trash: left out of everything public, restorable by staff. */
    DELETED
  }

  /** The fields staff may correct, with their key in the file. */
  public enum Field {
    TITLE("title"),
    QUESTION("question"),
    ANSWER("answer"),
    DATE("date"),
    ANSWERED_BY("answered_by"),
    CATEGORIES("categories"),
    TAGS("tags");

    private final String key;

    Field(String key) {
      this.key = key;
    }

    /** The field's key in the file and in forms. */
    public String key() {
      return key;
    }

    /** This field's value in an entry, in the form corrections hold (see {@link Edit}). */
    public String valueIn(QaEntry e) {
      return switch (this) {
        case TITLE -> e.title();
        case QUESTION -> e.question();
        case ANSWER -> e.answer();
        case DATE -> e.date() == null ? "" : e.date().toString();
        case ANSWERED_BY -> Objects.requireNonNullElse(e.answeredBy(), "");
        case CATEGORIES -> String.join("\n", e.categories());
        case TAGS -> String.join("\n", e.tags());
      };
    }
  }

  /**
   * One entry's edits.
   *
   * @param id the entry
   * @param corrections the corrected fields and their values: text as is, a date as {@code
   *     yyyy-mm-dd} or empty for none, the answerer empty for none, categories and tags one per
   *     line
   * @param visibility who may see the entry
   * @param by the staff member who last changed this record
   * @param at when
   */
  public record Edit(
      String id, Map<Field, String> corrections, Visibility visibility, String by, Instant at) {
    public Edit {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(visibility, "visibility");
      Objects.requireNonNull(at, "at");
      by = Objects.requireNonNullElse(by, "");
      EnumMap<Field, String> copy = new EnumMap<>(Field.class);
      for (Map.Entry<Field, String> c :
          Objects.requireNonNullElse(corrections, Map.<Field, String>of()).entrySet()) {
        copy.put(c.getKey(), normalise(c.getKey(), c.getValue()));
      }
      corrections = Collections.unmodifiableMap(copy);
    }

    /** Whether this record changes nothing (no correction, public): it can be dropped. */
    public boolean isEmpty() {
      return corrections.isEmpty() && visibility == Visibility.PUBLIC;
    }

    /**
     * The entry as staff corrected it; the entry itself when nothing is corrected.
     *
     * @throws IllegalArgumentException when the corrections leave neither question nor answer
     */
    public QaEntry apply(QaEntry e) {
      if (corrections.isEmpty()) {
        return e;
      }
      String date = get(Field.DATE, e);
      return new QaEntry(
          e.id(),
          e.url(),
          get(Field.TITLE, e),
          get(Field.QUESTION, e),
          e.askerLocation(),
          get(Field.ANSWER, e),
          get(Field.ANSWERED_BY, e),
          e.credentials(),
          date.isEmpty() ? null : LocalDate.parse(date),
          lines(get(Field.CATEGORIES, e)),
          lines(get(Field.TAGS, e)),
          e.sourceFile());
    }

    private String get(Field f, QaEntry e) {
      String v = corrections.get(f);
      return v == null ? f.valueIn(e) : v;
    }

    /** This record with other corrections. */
    public Edit withCorrections(Map<Field, String> c, String who, Instant when) {
      return new Edit(id, c, visibility, who, when);
    }

    /** This record with another visibility. */
    public Edit withVisibility(Visibility v, String who, Instant when) {
      return new Edit(id, corrections, v, who, when);
    }
  }

  /** A new record for an entry staff never edited. */
  public static Edit none(String id) {
    return new Edit(id, Map.of(), Visibility.PUBLIC, "", Instant.EPOCH);
  }

  /**
   * A field value in its canonical form, so equal corrections compare equal: line ends as {@code
   * \n}, no blank list items, a valid date.
   *
   * @throws IllegalArgumentException for a date that is not {@code yyyy-mm-dd}
   */
  static String normalise(Field f, String value) {
    String v = Objects.requireNonNullElse(value, "").replace("\r\n", "\n").replace('\r', '\n');
    return switch (f) {
      case TITLE, ANSWERED_BY -> v.replace('\n', ' ').strip();
      case QUESTION, ANSWER -> v.strip();
      case DATE -> {
        String d = v.strip();
        if (!d.isEmpty()) {
          try {
            d = LocalDate.parse(d).toString();
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a date is written yyyy-mm-dd, not " + d, e);
          }
        }
        yield d;
      }
      case CATEGORIES, TAGS -> String.join("\n", lines(v));
    };
  }

  /** The items of a one-per-line list, stripped, blanks and repeats left out. */
  public static List<String> lines(String v) {
    List<String> out = new ArrayList<>();
    for (String s : v.split("\n")) {
      String t = s.strip();
      if (!t.isEmpty() && !out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private final Path file;
  private Map<String, Edit> edits = Map.of();
  private Set<String> notPublic = Set.of();
  private Object stamp;
  private boolean present;

  private EntryEdits(Path file) {
    this.file = file;
  }

  /** The edits of the index at {@code indexDir}, read now (an absent file is no edits). */
  public static EntryEdits open(Path indexDir) throws IOException {
    EntryEdits e = new EntryEdits(indexDir.resolve(FILE_NAME));
    e.refresh();
    return e;
  }

  /** Edits of no index: always empty, and cannot be changed. */
  public static EntryEdits none() {
    return new EntryEdits(null);
  }

  /**
   * Reads the file again if it changed since it was last read (another process, or another {@code
   * EntryEdits} over the same folder, replaced it); returns whether it did.
   *
   * @throws IOException when the file cannot be read or is damaged
   */
  public synchronized boolean refresh() throws IOException {
    if (file == null) {
      return false;
    }
    Object now = stampOf(file);
    if (Objects.equals(now, stamp)) {
      return false;
    }
    Map<String, Edit> read = now == null ? Map.of() : parse(file);
    install(read);
    stamp = now;
    present = now != null;
    return true;
  }

  /** Whether the file exists: an index never edited has none, and its imports skip all of this. */
  public synchronized boolean exists() {
    return present;
  }

  /** Every record, by entry id. */
  public synchronized Map<String, Edit> all() {
    return edits;
  }

  /** The record of this entry, or null. */
  public synchronized Edit get(String id) {
    return edits.get(id);
  }

  /**
   * The ids of the entries that are hidden or deleted: what every public view leaves out. The same
   * set object until the set changes, so that callers can tell a change by identity.
   */
  public synchronized Set<String> notPublic() {
    return notPublic;
  }

  /**
   * Stores this record (dropping it when it changes nothing), writing the file through before it
   * returns.
   */
  public synchronized void put(Edit edit) throws IOException {
    if (file == null) {
      throw new IllegalStateException("these edits belong to no index folder");
    }
    refresh();
    Map<String, Edit> next = new LinkedHashMap<>(edits);
    if (edit.isEmpty()) {
      next.remove(edit.id());
    } else {
      next.put(edit.id(), edit);
    }
    write(next);
  }

  private void write(Map<String, Edit> next) throws IOException {
    StringBuilder b = new StringBuilder(64 + next.size() * 256);
    b.append(MAGIC).append('\n');
    for (Edit e : next.values()) {
      b.append(toLine(e)).append('\n');
    }
    DurableFiles.replace(file, b.toString().getBytes(StandardCharsets.UTF_8), false);
    install(Collections.unmodifiableMap(next));
    stamp = stampOf(file);
    present = true;
  }

  private void install(Map<String, Edit> read) {
    Set<String> hidden = new HashSet<>();
    for (Edit e : read.values()) {
      if (e.visibility() != Visibility.PUBLIC) {
        hidden.add(e.id());
      }
    }
    edits = read;
    if (!hidden.equals(notPublic)) {
      // a new set only when it changed: the search side rebuilds its caches when it sees one
      notPublic = Set.copyOf(hidden);
    }
  }

  private static Object stampOf(Path file) throws IOException {
    return DurableFiles.version(file);
  }

  private static Map<String, Edit> parse(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Map.of();
    }
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
      throw new IOException(file + " is not a qarchive entry edits file");
    }
    Map<String, Edit> out = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        Edit e = fromLine(lines.get(i));
        out.put(e.id(), e);
      } catch (IllegalArgumentException | java.time.DateTimeException | JsonProcessingException e) {
        throw new IOException(file + " line " + (i + 1) + " is damaged: " + e.getMessage(), e);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  static String toLine(Edit e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", e.id());
    o.put("visibility", e.visibility().name().toLowerCase(Locale.ROOT));
    ObjectNode set = o.putObject("set");
    for (Map.Entry<Field, String> c : e.corrections().entrySet()) {
      Field f = c.getKey();
      if (f == Field.CATEGORIES || f == Field.TAGS) {
        ArrayNode a = set.putArray(f.key());
        lines(c.getValue()).forEach(a::add);
      } else {
        set.put(f.key(), c.getValue());
      }
    }
    o.put("by", e.by());
    o.put("at", e.at().toString());
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("a tree of strings always serialises", ex);
    }
  }

  static Edit fromLine(String line) throws JsonProcessingException {
    JsonNode o = JSON.readTree(line);
    if (o == null || !o.isObject() || !o.path("id").isTextual()) {
      throw new IllegalArgumentException("not an edit record");
    }
    Map<Field, String> c = new EnumMap<>(Field.class);
    JsonNode set = o.path("set");
    for (Field f : Field.values()) {
      JsonNode v = set.get(f.key());
      if (v == null) {
        continue;
      }
      if (v.isArray()) {
        List<String> items = new ArrayList<>();
        v.forEach(x -> items.add(x.asText()));
        c.put(f, String.join("\n", items));
      } else {
        c.put(f, v.asText());
      }
    }
    return new Edit(
        o.get("id").asText(),
        c,
        Visibility.valueOf(o.path("visibility").asText("public").toUpperCase(Locale.ROOT)),
        o.path("by").asText(""),
        Instant.parse(o.path("at").asText(Instant.EPOCH.toString())));
  }
}
