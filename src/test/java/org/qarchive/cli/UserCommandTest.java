package org.qarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.web.admin.PasswordHash;
import org.qarchive.web.admin.StaffAccounts;

/** {@code qarchive user}: accounts made from a script, with the password on standard input. */
class UserCommandTest {

  @TempDir Path tmp;

  private MainTest.Run user(String stdin, String... args) {
    InputStream old = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      String[] all = new String[args.length + 3];
      all[0] = "user";
      System.arraycopy(args, 0, all, 1, args.length);
      all[args.length + 1] = "--index";
      all[args.length + 2] = tmp.resolve("index").toString();
      return MainTest.run(all);
    } finally {
      System.setIn(old);
    }
  }

  private StaffAccounts accounts() {
    return new StaffAccounts(tmp.resolve("index"), new PasswordHash());
  }

  @Test
  void anAccountIsMadeWithThePasswordFromStandardInputAndOnlyItsHashIsKept() throws Exception {
    MainTest.Run r = user("correct horse battery\ncorrect horse battery\n", "add", "Alice");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Added alice"), r.out());
    assertTrue(accounts().verify("alice", "correct horse battery".toCharArray()).isPresent());
    assertFalse(
        Files.readString(tmp.resolve("index").resolve(StaffAccounts.FILE_NAME)).contains("horse"));
    MainTest.Run list = user("", "list");
    assertTrue(list.out().startsWith("alice"), list.out());
    String audit = Files.readString(tmp.resolve("index").resolve("staff-audit.jsonl"));
    assertTrue(audit.contains("\"user\":\"command line\""), audit);
    assertTrue(audit.contains("\"action\":\"user add\""), audit);
  }

  @Test
  void twoDifferentPasswordsAShortOneOrNoneAreRefusedAndNothingIsStored() throws Exception {
    MainTest.Run differ = user("correct horse battery\ncorrect horse battery!\n", "add", "bob");
    assertEquals(Main.EXIT_DATA, differ.code());
    assertTrue(differ.err().contains("differ"), differ.err());
    MainTest.Run shortOne = user("short\n", "add", "bob");
    assertEquals(Main.EXIT_DATA, shortOne.code());
    assertTrue(shortOne.err().contains("at least 10"), shortOne.err());
    MainTest.Run none = user("", "add", "bob");
    assertEquals(Main.EXIT_DATA, none.code());
    MainTest.Run badName = user("correct horse battery\n", "add", "../bob");
    assertEquals(Main.EXIT_DATA, badName.code());
    assertTrue(accounts().list().isEmpty());
    assertEquals(Main.EXIT_USAGE, user("", "add").code(), "a name is needed");
  }

  @Test
  void passwdChangesThePasswordAndRemoveForgetsTheAccount() throws Exception {
    assertEquals(0, user("first long password\n", "add", "carol").code());
    assertEquals(0, user("second long password\n", "passwd", "carol").code());
    assertTrue(accounts().verify("carol", "second long password".toCharArray()).isPresent());
    assertTrue(accounts().verify("carol", "first long password".toCharArray()).isEmpty());
    assertEquals(Main.EXIT_DATA, user("x long password\n", "passwd", "dave").code());
    assertEquals(0, user("", "remove", "carol").code());
    assertEquals(Main.EXIT_DATA, user("", "remove", "carol").code());
    assertTrue(user("", "list").out().contains("No staff accounts yet"));
  }
}
