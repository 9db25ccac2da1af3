package org.qarchive.hardening;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.qarchive.index.ArchiveWriter;
import org.qarchive.index.EntryEdits;

/**
 * A process that corrects and hides entries as fast as it can, as the staff side does, printing a
 * line for each change once it is stored, so that {@link ImportCrashTest} can kill it at any moment
 * and check that every change it was told about survived. Hidden entries are never shown again
 * here, so the set of hidden entries only grows.
 *
 * <p>Arguments: the index folder, a run number (part of every title written), a file of entry ids.
 */
public final class EditsChild {

  private EditsChild() {}

  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    int run = Integer.parseInt(args[1]);
    List<String> ids = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
    Random random = new Random(run);
    EntryEdits edits = EntryEdits.open(index);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (int n = 0; ; n++) {
      String id = ids.get(random.nextInt(ids.size()));
      EntryEdits.Edit before = Objects.requireNonNullElse(edits.get(id), EntryEdits.none(id));
      String title = "Corrected " + run + "-" + n;
      EntryEdits.Edit after =
          before.withCorrections(Map.of(EntryEdits.Field.TITLE, title), "child", Instant.now());
      boolean hide = random.nextInt(5) == 0;
      if (hide) {
        after = after.withVisibility(EntryEdits.Visibility.HIDDEN, "child", Instant.now());
      }
      edits.put(after);
      out.println("saved\t" + id + "\t" + run + "\t" + n + "\t" + (hide ? "hidden" : "-"));
      if (n % 3 == 0) {
        try (ArchiveWriter w = new ArchiveWriter(index)) {
          w.commitEdits();
        }
      }
    }
  }
}
