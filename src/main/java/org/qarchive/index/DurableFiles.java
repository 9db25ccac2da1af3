package org.qarchive.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the small files kept beside the index (staff accounts, corrections, the audit log, import
 * history) so that a crash or {@code kill -9} at any moment leaves either the old or the new file,
 * never a part: whole files go to a temporary sibling that is flushed to disk and renamed over the
 * old one, appended lines are flushed before the call returns.
 */
public final class DurableFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private DurableFiles() {}

  /**
   * Replaces {@code file} with {@code bytes} atomically and durably.
   *
   * @param ownerOnly readable by the file's owner only (password hashes)
   */
  public static void replace(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
    Objects.requireNonNull(file, "file");
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      if (ownerOnly) {
        restrict(tmp);
      }
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    syncFolder(dir);
  }

  /**
   * Appends {@code bytes} (whole lines) to {@code file}, creating it, and flushes them to disk. A
   * crash mid-append can leave a torn last line, which readers skip.
   */
  public static void append(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    boolean created = !Files.exists(file);
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      if (created) {
        restrict(file);
      }
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(false);
    }
    if (created) {
      syncFolder(dir);
    }
  }

  /**
   * What identifies one version of a file, to tell whether another process replaced it: its file
   * key (a rename gives a new one), size and modification time; null when the file is absent.
   */
  public static Object version(Path file) throws IOException {
    try {
      java.nio.file.attribute.BasicFileAttributes a =
          Files.readAttributes(
              file,
              java.nio.file.attribute.BasicFileAttributes.class,
              java.nio.file.LinkOption.NOFOLLOW_LINKS);
      return java.util.Arrays.asList(a.fileKey(), a.size(), a.lastModifiedTime());
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  /** Flushes a folder's entries (a rename or a new file in it) to disk, where the OS allows. */
  public static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some platforms cannot open a folder for syncing; the rename is still atomic there
    }
  }

  private static void restrict(Path file) {
    try {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: the folder's own permissions protect it
    }
  }
}
