package org.qarchive.web.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Slows password guessing: after {@link #FREE_FAILURES} failed sign-ins in a row from one address,
 * or for one account, each further try must wait twice as long as the one before (1 s, 2 s, 4 s ...
 * up to {@link #MAX_WAIT}); a try during the wait is refused without checking the password. A
 * success clears the account's and the address's count; a count left alone for {@link #FORGET} is
 * forgotten. The counts are kept for a bounded number of keys, oldest dropped first.
 */
final class SignInThrottle {

  static final int FREE_FAILURES = 3;
  static final Duration MAX_WAIT = Duration.ofMinutes(15);
  static final Duration FORGET = Duration.ofHours(1);
  static final int MAX_KEYS = 50_000;

  private record Failures(int count, Instant last) {}

  private final Clock clock;
  private final Map<String, Failures> byKey =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
          return size() > MAX_KEYS;
        }
      };

  SignInThrottle(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * How long a sign-in from {@code address} as {@code user} must still wait; zero when it may try.
   */
  synchronized Duration wait(String address, String user) {
    Duration a = waitFor("ip:" + address);
    Duration u = waitFor("user:" + user);
    return a.compareTo(u) >= 0 ? a : u;
  }

  private Duration waitFor(String key) {
    Failures f = byKey.get(key);
    if (f == null) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    if (now.isAfter(f.last().plus(FORGET))) {
      byKey.remove(key);
      return Duration.ZERO;
    }
    if (f.count() < FREE_FAILURES) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, f.last().plus(delay(f.count())));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The wait after {@code failures} failures in a row. */
  static Duration delay(int failures) {
    if (failures < FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(30, failures - FREE_FAILURES);
    Duration d = Duration.ofSeconds(1L << doublings);
    return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
  }

  /** Records a failed sign-in. */
  synchronized void failed(String address, String user) {
    Instant now = clock.instant();
    for (String key : new String[] {"ip:" + address, "user:" + user}) {
      Failures f = byKey.get(key);
      int count = f == null || now.isAfter(f.last().plus(FORGET)) ? 0 : f.count();
      byKey.put(key, new Failures(count + 1, now));
    }
  }

  /** Records a successful sign-in: the address and the account start afresh. */
  synchronized void succeeded(String address, String user) {
    byKey.remove("ip:" + address);
    byKey.remove("user:" + user);
  }
}
