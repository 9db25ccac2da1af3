package org.qarchive.web.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  final PasswordHash h = new PasswordHash();

  @Test
  void aHashVerifiesItsPasswordOnlyAndIsSaltedEachTime() {
    String a = h.hash("correct horse battery".toCharArray());
    String b = h.hash("correct horse battery".toCharArray());
    assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
    assertNotEquals(a, b, "a fresh salt every time");
    assertTrue(h.verify("correct horse battery".toCharArray(), a));
    assertTrue(h.verify("correct horse battery".toCharArray(), b));
    assertFalse(h.verify("correct horse batterY".toCharArray(), a));
    assertFalse(h.verify("".toCharArray(), a));
  }

  @Test
  void passwordsBeyondAsciiHashAsUtf8() {
    String a = h.hash("mot de passe très long ❤".toCharArray());
    assertTrue(h.verify("mot de passe très long ❤".toCharArray(), a));
    assertFalse(h.verify("mot de passe tres long ❤".toCharArray(), a));
  }

  @Test
  void storedValuesOfAnotherFormOrAbsurdCostNeverVerify() {
    assertFalse(h.verify("x".toCharArray(), null));
    assertFalse(h.verify("x".toCharArray(), "plain text password"));
    assertFalse(h.verify("x".toCharArray(), "$2a$10$abcdefghijklmnopqrstuv"));
    // a hand-edited file asking for 90 GB of memory is refused, not obeyed
    assertFalse(
        h.verify(
            "x".toCharArray(),
            "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"));
  }

  @Test
  void aHashMadeWithOtherSettingsStillVerifies() {
    // the RFC 9106 test shape with lighter settings: stronger defaults later must not lock anyone
    // out
    String lighter =
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"
            + java.util.Base64.getEncoder()
                .withoutPadding()
                .encodeToString(derive("pw-12345678", "somesaltsomesalt", 64, 1));
    assertTrue(h.verify("pw-12345678".toCharArray(), lighter));
  }

  private static byte[] derive(String pw, String salt, int m, int t) {
    org.bouncycastle.crypto.generators.Argon2BytesGenerator g =
        new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
    g.init(
        new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
            .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(m)
            .withIterations(t)
            .withParallelism(1)
            .withSalt(salt.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .build());
    byte[] out = new byte[32];
    g.generateBytes(pw.getBytes(java.nio.charset.StandardCharsets.UTF_8), out);
    return out;
  }
}
