package org.qarchive.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  final AdminTestServer.TestClock clock = new AdminTestServer.TestClock();
  final SignInThrottle t = new SignInThrottle(clock);

  @Test
  void theWaitDoublesAfterTheFreeFailuresUpToFifteenMinutes() {
    assertEquals(Duration.ZERO, SignInThrottle.delay(2));
    assertEquals(Duration.ofSeconds(1), SignInThrottle.delay(3));
    assertEquals(Duration.ofSeconds(2), SignInThrottle.delay(4));
    assertEquals(Duration.ofSeconds(512), SignInThrottle.delay(12));
    assertEquals(Duration.ofMinutes(15), SignInThrottle.delay(13));
    assertEquals(Duration.ofMinutes(15), SignInThrottle.delay(1000));
  }

  @Test
  void failuresCountPerAddressAndPerAccountAndASuccessClearsThem() {
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, t.wait("10.0.0.1", "alice"));
      t.failed("10.0.0.1", "alice");
    }
    assertEquals(Duration.ofSeconds(1), t.wait("10.0.0.1", "alice"));
    assertEquals(Duration.ofSeconds(1), t.wait("10.0.0.9", "alice"), "the account, from anywhere");
    assertEquals(Duration.ofSeconds(1), t.wait("10.0.0.1", "bob"), "the address, for anyone");
    assertEquals(Duration.ZERO, t.wait("10.0.0.9", "bob"));
    clock.advance(Duration.ofMillis(400));
    assertEquals(Duration.ofMillis(600), t.wait("10.0.0.1", "alice"));
    clock.advance(Duration.ofSeconds(1));
    t.succeeded("10.0.0.1", "alice");
    assertEquals(Duration.ZERO, t.wait("10.0.0.1", "alice"));
  }

  @Test
  void anHourOfQuietForgetsTheFailures() {
    for (int i = 0; i < 10; i++) {
      t.failed("10.0.0.1", "alice");
    }
    clock.advance(Duration.ofMinutes(61));
    assertEquals(Duration.ZERO, t.wait("10.0.0.1", "alice"));
    t.failed("10.0.0.1", "alice");
    assertEquals(Duration.ZERO, t.wait("10.0.0.1", "alice"), "counting starts again");
  }
}
