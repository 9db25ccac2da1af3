package org.qarchive.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinic's settings, as plain files in one config folder that staff edit: {@code
 * clinic.properties} (the clinic's voice), {@code emergency-triggers.txt} and {@code
 * facet-stoplist.txt}. The jar ships a documented default of each; a file missing from the folder
 * means its default. {@link #refresh()} picks up a changed file without a restart; a file that does
 * not validate is logged in one line and the last good version stays in force.
 */
public final class SiteConfig {

  private static final Logger LOG = LoggerFactory.getLogger(SiteConfig.class);

  /** Largest config file read: far beyond any real one, small enough to never hurt. */
  static final int MAX_BYTES = 512 * 1024;

  /** The settings in force, all three files read. */
  public record Settings(ClinicVoice clinic, EmergencyTriggers emergencies, FacetStopList facets) {
    public Settings {
      Objects.requireNonNull(clinic, "clinic");
      Objects.requireNonNull(emergencies, "emergencies");
      Objects.requireNonNull(facets, "facets");
    }
  }

  /** The files of the config folder. */
  public enum File {
    /** The clinic's voice: name, phone, links, disclaimer, emergency number. */
    CLINIC("clinic.properties"),
    /** Phrases that make a search an emergency. */
    EMERGENCY_TRIGGERS("emergency-triggers.txt"),
    /** Tags and categories not offered as facets. */
    FACET_STOPLIST("facet-stoplist.txt");

    private final String fileName;

    File(String fileName) {
      this.fileName = fileName;
    }

    /** The file's name in the config folder. */
    public String fileName() {
      return fileName;
    }

    /** The documented default shipped in the jar. */
    public String defaultText() {
      try (InputStream in = SiteConfig.class.getResourceAsStream("/config/" + fileName)) {
        if (in == null) {
          throw new IllegalStateException("the default " + fileName + " is missing from the jar");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Checks {@code text} as this file's content.
     *
     * @throws ConfigException saying what is wrong, with the line
     */
    public void validate(String text) throws ConfigException {
      parse(text);
    }

    Object parse(String text) throws ConfigException {
      return switch (this) {
        case CLINIC -> ClinicVoice.parse(text);
        case EMERGENCY_TRIGGERS -> EmergencyTriggers.parse(text);
        case FACET_STOPLIST -> FacetStopList.parse(text);
      };
    }
  }

  private final Path dir;
  private final Map<File, Object> good = new EnumMap<>(File.class);

  /**
   * The bytes last read of each file (null: it was absent), so an unchanged file is not parsed
   * again.
   */
  private final Map<File, byte[]> seen = new EnumMap<>(File.class);

  /** Files that could not be read at the last look, so the failure is logged once. */
  private final Set<File> unreadable = EnumSet.noneOf(File.class);

  private volatile Settings current;

  private SiteConfig(Path dir) {
    this.dir = dir;
    for (File f : File.values()) {
      good.put(f, shipped(f));
    }
    current = settings();
    refresh();
  }

  /** The shipped defaults only, with no folder behind them. */
  public static SiteConfig defaults() {
    return new SiteConfig(null);
  }

  /** The settings of the folder {@code dir} (which need not exist yet), the defaults filling in. */
  public static SiteConfig in(Path dir) {
    return new SiteConfig(Objects.requireNonNull(dir, "dir"));
  }

  /** The folder, or null for the defaults only. */
  public Path dir() {
    return dir;
  }

  /** The settings in force. */
  public Settings current() {
    return current;
  }

  /** Where {@code file} lives, or null without a folder. */
  public Path path(File file) {
    return dir == null ? null : dir.resolve(file.fileName());
  }

  /**
   * Re-reads the files that changed since the last look. A file that no longer validates is logged
   * once and its last good version kept; a file that was removed falls back to its default.
   *
   * @return whether the settings in force changed
   */
  public synchronized boolean refresh() {
    if (dir == null) {
      return false;
    }
    boolean changed = false;
    for (File f : File.values()) {
      Path p = dir.resolve(f.fileName());
      byte[] bytes;
      try {
        bytes = read(p);
      } catch (IOException e) {
        if (unreadable.add(f)) {
          LOG.warn("{}: cannot be read ({}); keeping the last good version", p, e.toString());
        }
        continue;
      }
      boolean wasUnreadable = unreadable.remove(f);
      if (!wasUnreadable && seen.containsKey(f) && Arrays.equals(bytes, seen.get(f))) {
        continue;
      }
      seen.put(f, bytes);
      if (bytes == null) {
        good.put(f, shipped(f));
        LOG.info("{}: absent; the shipped default is in force", p);
        changed = true;
        continue;
      }
      try {
        good.put(f, f.parse(decode(bytes)));
        changed = true;
      } catch (ConfigException e) {
        LOG.warn("{}: {}; keeping the last good version", p, e.getMessage());
      }
    }
    if (changed) {
      current = settings();
    }
    return changed;
  }

  /**
   * Checks {@code text} and, when it validates, writes it as {@code file} atomically (a reader
   * never sees half a file) and puts it in force. For the staff area's editor.
   *
   * @throws ConfigException when {@code text} does not validate; nothing is written then
   */
  public void write(File file, String text) throws ConfigException, IOException {
    if (dir == null) {
      throw new IllegalStateException("no config folder to write to");
    }
    file.validate(text);
    Files.createDirectories(dir);
    Path target = dir.resolve(file.fileName());
    Path tmp = Files.createTempFile(dir, file.fileName(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    refresh();
  }

  /**
   * The text of {@code file} as it is in force: the folder's copy if it has one, else the default.
   */
  public String text(File file) throws IOException {
    if (dir != null) {
      byte[] bytes = read(dir.resolve(file.fileName()));
      if (bytes != null) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
    }
    return file.defaultText();
  }

  /**
   * Writes the shipped default of every file that {@code dir} lacks, so staff have documented files
   * to edit.
   *
   * @return the files written
   */
  public static List<Path> writeMissingDefaults(Path dir) throws IOException {
    List<Path> written = new ArrayList<>();
    Files.createDirectories(dir);
    for (File f : File.values()) {
      Path p = dir.resolve(f.fileName());
      if (!Files.exists(p)) {
        Files.writeString(p, f.defaultText(), StandardCharsets.UTF_8);
        written.add(p);
      }
    }
    return written;
  }

  private Settings settings() {
    return new Settings(
        (ClinicVoice) good.get(File.CLINIC),
        (EmergencyTriggers) good.get(File.EMERGENCY_TRIGGERS),
        (FacetStopList) good.get(File.FACET_STOPLIST));
  }

  private static Object shipped(File f) {
    try {
      return f.parse(f.defaultText());
    } catch (ConfigException e) {
      throw new IllegalStateException(
          "the shipped " + f.fileName() + " is invalid: " + e.getMessage(), e);
    }
  }

  /** The file's bytes, or null when it does not exist. */
  private static byte[] read(Path p) throws IOException {
    try {
      if (Files.size(p) > MAX_BYTES) {
        throw new IOException("larger than " + MAX_BYTES / 1024 + " KB");
      }
      return Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static String decode(byte[] bytes) throws ConfigException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException("is not UTF-8 text; save it as UTF-8");
    }
  }
}
