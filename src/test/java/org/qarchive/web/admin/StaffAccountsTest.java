package org.qarchive.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffAccountsTest {

  @TempDir Path dir;

  @Test
  void accountsAreStoredHashedReadableByTheOwnerOnlyAndSeenByAnotherInstance() throws Exception {
    StaffAccounts a = new StaffAccounts(dir, new PasswordHash());
    a.add("Alice", "correct horse battery".toCharArray());
    Path file = dir.resolve(StaffAccounts.FILE_NAME);
    String text = Files.readString(file);
    assertFalse(text.contains("correct horse"), "never the password itself");
    assertTrue(text.contains("alice\t$argon2id$"), text);
    assertEquals(
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(file));
    StaffAccounts b = new StaffAccounts(dir, new PasswordHash()); // the server, reading it
    assertTrue(b.verify("ALICE ", "correct horse battery".toCharArray()).isPresent());
    assertTrue(b.verify("alice", "wrong horse battery".toCharArray()).isEmpty());
    assertTrue(b.verify("mallory", "correct horse battery".toCharArray()).isEmpty());
  }

  @Test
  void badNamesAndWeakPasswordsAreRefusedWithAReason() throws Exception {
    StaffAccounts a = new StaffAccounts(dir, new PasswordHash());
    for (String bad : new String[] {"", "../x", "a b", "x".repeat(65), "-x", "é"}) {
      assertThrows(
          IllegalArgumentException.class, () -> a.add(bad, "long enough pass".toCharArray()), bad);
    }
    var shortPw =
        assertThrows(IllegalArgumentException.class, () -> a.add("bob", "short".toCharArray()));
    assertTrue(shortPw.getMessage().contains("at least 10"), shortPw.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> a.add("bobbybobby", "bobbybobby".toCharArray()));
    a.add("bob", "long enough pass".toCharArray());
    var taken =
        assertThrows(
            IllegalArgumentException.class, () -> a.add("bob", "another long one".toCharArray()));
    assertTrue(taken.getMessage().contains("already"), taken.getMessage());
    assertEquals(1, a.list().size());
  }

  @Test
  void changingThePasswordChangesTheStampAndRemovingForgetsTheAccount() throws Exception {
    StaffAccounts a = new StaffAccounts(dir, new PasswordHash());
    a.add("bob", "first long password".toCharArray());
    String stamp = a.find("bob").orElseThrow().stamp();
    a.passwd("bob", "second long password".toCharArray());
    assertNotEquals(stamp, a.find("bob").orElseThrow().stamp());
    assertTrue(a.verify("bob", "second long password".toCharArray()).isPresent());
    assertTrue(a.verify("bob", "first long password".toCharArray()).isEmpty());
    assertThrows(
        IllegalArgumentException.class, () -> a.passwd("carol", "whatever long".toCharArray()));
    assertTrue(a.remove("bob"));
    assertFalse(a.remove("bob"));
    assertTrue(a.list().isEmpty());
  }
}
