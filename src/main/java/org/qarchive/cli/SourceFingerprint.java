package org.qarchive.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A cheap fingerprint of what an import would read: every file's relative path, size and
 * modification time. When it matches the one recorded in the index's last commit, {@code serve}
 * skips the import.
 */
final class SourceFingerprint {

  private SourceFingerprint() {}

  static String of(List<Path> inputs) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path input : inputs) {
      Path root = input.toAbsolutePath().normalize();
      if (!Files.exists(root)) {
        lines.add(root + " missing");
        continue;
      }
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              lines.add(
                  root.relativize(file)
                      + "\t"
                      + attrs.size()
                      + "\t"
                      + attrs.lastModifiedTime().toMillis());
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              lines.add(file + "\tunreadable");
              return FileVisitResult.CONTINUE;
            }
          });
    }
    lines.sort(null);
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        md.update(line.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-256 is always available", e);
    }
  }
}
