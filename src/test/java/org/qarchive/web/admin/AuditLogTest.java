package org.qarchive.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

  @TempDir Path dir;

  @Test
  void eventsReadBackNewestFirstAndATornLastLineIsSkipped() throws Exception {
    AuditLog log = new AuditLog(dir);
    log.record("alice", "10.0.0.1", "sign-in", "", "");
    log.record("alice", "10.0.0.1", "hide", "entry:x", "Title with \"quotes\"\nand a line");
    log.record("bob", "10.0.0.2", "correct", "entry:y", "answer");
    // a crash in the middle of an append
    Files.writeString(
        dir.resolve(AuditLog.FILE_NAME),
        "{\"at\":\"2026-01-01T00:00:00Z\",\"user\":\"eve",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    List<AuditLog.Event> all = log.newestFirst(e -> true);
    assertEquals(
        List.of("correct", "hide", "sign-in"), all.stream().map(AuditLog.Event::action).toList());
    assertEquals("Title with \"quotes\"\nand a line", all.get(1).detail());
    assertEquals(1, log.newestFirst(e -> e.user().equals("bob")).size());
  }
}
