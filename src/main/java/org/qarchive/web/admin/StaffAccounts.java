package org.qarchive.web.admin;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qarchive.index.DurableFiles;

/**
 * The staff accounts of one index, kept in its folder as {@value #FILE_NAME} (readable by its owner
 * only): a name, an Argon2id hash ({@link PasswordHash}), when it was made, and a stamp that
 * changes with the password, so that changing a password or removing an account ends its sessions.
 * Made with {@code qarchive user add}; the server reads the file again whenever it changed.
 */
public final class StaffAccounts {

  /** The file's name inside the index folder. */
  public static final String FILE_NAME = "staff-accounts.tsv";

  private static final String MAGIC = "# qarchive staff accounts 1";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** Shortest password accepted. */
  public static final int MIN_PASSWORD = 10;

  /** Longest password accepted: more is no safer, and hashing it would cost for nothing. */
  public static final int MAX_PASSWORD = 1024;

  /**
   * One account.
   *
   * @param name the sign-in name, lower case
   * @param hash the password's Argon2id hash in PHC form
   * @param created when the account was made
   * @param stamp changes whenever the password does; sessions carry it
   */
  public record Account(String name, String hash, Instant created, String stamp) {
    public Account {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(created, "created");
      Objects.requireNonNull(stamp, "stamp");
    }
  }

  private final Path file;
  private final PasswordHash hasher;
  private final SecureRandom random = new SecureRandom();
  private final String dummyHash;
  private Map<String, Account> accounts = Map.of();
  private Object version;

  /** The accounts of the index at {@code indexDir}. */
  public StaffAccounts(Path indexDir, PasswordHash hasher) {
    this.file = indexDir.resolve(FILE_NAME);
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    // a name without an account costs as much to try as one with: no telling them apart by time
    this.dummyHash = hasher.hash("no account has this password".toCharArray());
  }

  /**
   * The sign-in name as stored: lower case, 1 to 64 letters, digits, dots, dashes or underscores.
   *
   * @throws IllegalArgumentException with a message for people otherwise
   */
  public static String checkName(String raw) {
    String n = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(n).matches()) {
      throw new IllegalArgumentException(
          "a user name is 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit");
    }
    return n;
  }

  /**
   * Refuses passwords too short, too long, or the same as the name.
   *
   * @throws IllegalArgumentException with a message for people
   */
  public static void checkPassword(String name, char[] password) {
    if (password.length < MIN_PASSWORD) {
      throw new IllegalArgumentException(
          "a password needs at least " + MIN_PASSWORD + " characters (a few words work well)");
    }
    if (password.length > MAX_PASSWORD) {
      throw new IllegalArgumentException(
          "a password may have at most " + MAX_PASSWORD + " characters");
    }
    if (new String(password).strip().equalsIgnoreCase(name)) {
      throw new IllegalArgumentException("the password must not be the user name");
    }
  }

  /** Every account, by name. */
  public synchronized List<Account> list() throws IOException {
    refresh();
    return List.copyOf(accounts.values());
  }

  /** The account with this name, if any. */
  public synchronized Optional<Account> find(String name) throws IOException {
    refresh();
    return Optional.ofNullable(accounts.get(name));
  }

  /**
   * The account whose name and password these are. Unknown names take as long as known ones, so
   * that timing does not tell which names exist.
   */
  public Optional<Account> verify(String name, char[] password) throws IOException {
    Account a;
    synchronized (this) {
      refresh();
      a = accounts.get(name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }
    if (password.length > MAX_PASSWORD) {
      return Optional.empty();
    }
    boolean ok = hasher.verify(password, a == null ? dummyHash : a.hash());
    return ok && a != null ? Optional.of(a) : Optional.empty();
  }

  /**
   * Makes an account.
   *
   * @throws IllegalArgumentException when the name or password is not acceptable or taken
   */
  public void add(String name, char[] password) throws IOException {
    String n = checkName(name);
    checkPassword(n, password);
    String hash = hasher.hash(password);
    change(
        all -> {
          if (all.containsKey(n)) {
            throw new IllegalArgumentException("there is already an account named " + n);
          }
          all.put(n, new Account(n, hash, Instant.now(), newStamp()));
        });
  }

  /**
   * Sets a new password, ending the account's sessions.
   *
   * @throws IllegalArgumentException when there is no such account or the password is not
   *     acceptable
   */
  public void passwd(String name, char[] password) throws IOException {
    String n = checkName(name);
    checkPassword(n, password);
    String hash = hasher.hash(password);
    change(
        all -> {
          Account a = all.get(n);
          if (a == null) {
            throw new IllegalArgumentException("there is no account named " + n);
          }
          all.put(n, new Account(n, hash, a.created(), newStamp()));
        });
  }

  /** Removes an account, ending its sessions; returns whether there was one. */
  public boolean remove(String name) throws IOException {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    boolean[] removed = {false};
    change(all -> removed[0] = all.remove(n) != null);
    return removed[0];
  }

  private interface Change {
    void apply(Map<String, Account> all);
  }

  /**
   * Reads, changes and writes the file under a lock on a sibling file, so that two commands run at
   * once cannot lose each other's change.
   */
  private synchronized void change(Change c) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path lockFile = file.resolveSibling(FILE_NAME + ".lock");
    try (FileChannel ch =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      version = null;
      refresh();
      Map<String, Account> next = new LinkedHashMap<>(accounts);
      c.apply(next);
      StringBuilder b = new StringBuilder(MAGIC).append('\n');
      for (Account a : next.values()) {
        b.append(a.name())
            .append('\t')
            .append(a.hash())
            .append('\t')
            .append(a.created())
            .append('\t')
            .append(a.stamp())
            .append('\n');
      }
      DurableFiles.replace(file, b.toString().getBytes(StandardCharsets.UTF_8), true);
      accounts = next;
      version = DurableFiles.version(file);
    }
  }

  private void refresh() throws IOException {
    Object now = DurableFiles.version(file);
    if (Objects.equals(now, version) && version != null) {
      return;
    }
    Map<String, Account> read = new LinkedHashMap<>();
    if (now != null) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        lines = List.of(MAGIC);
      }
      if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
        throw new IOException(file + " is not a qarchive staff accounts file");
      }
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t", -1);
        if (line.isBlank()) {
          continue;
        }
        if (f.length != 4) {
          throw new IOException(file + " has a damaged line");
        }
        read.put(f[0], new Account(f[0], f[1], Instant.parse(f[2]), f[3]));
      }
    }
    accounts = read;
    version = now;
  }

  private String newStamp() {
    byte[] b = new byte[12];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Overwrites a password in memory once it is no longer needed. */
  public static void wipe(char[] password) {
    if (password != null) {
      Arrays.fill(password, '\0');
    }
  }
}
