package org.qarchive.web.admin;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in staff: a session per sign-in, named by 256 random bits that only the browser's HttpOnly
 * cookie holds, with its own CSRF token. A session ends at sign-out, after {@link #IDLE} without a
 * request, {@link #LIFETIME} after sign-in whatever happens, and as soon as its account is removed
 * or its password changed (the account's stamp no longer matches). Sessions live in memory: a
 * restart signs everyone out, which is the safe side.
 */
final class Sessions {

  /** A session unused this long ends. */
  static final Duration IDLE = Duration.ofMinutes(30);

  /** No session lasts longer than this after sign-in. */
  static final Duration LIFETIME = Duration.ofHours(12);

  /** At most this many sessions at once; the oldest go first. */
  static final int MAX = 10_000;

  /**
   * One signed-in staff member.
   *
   * @param id the cookie's value
   * @param user the account's name
   * @param accountStamp the account's stamp at sign-in
   * @param csrf the token every form and state-changing request of this session must carry
   * @param created when the session began
   * @param lastSeen when it was last used
   */
  record Session(
      String id, String user, String accountStamp, String csrf, Instant created, Instant lastSeen) {
    Session touched(Instant now) {
      return new Session(id, user, accountStamp, csrf, created, now);
    }
  }

  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  Sessions(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A new session for {@code user}, with fresh id and token. */
  Session begin(String user, String accountStamp) {
    Instant now = clock.instant();
    if (byId.size() >= MAX) {
      byId.values().stream()
          .min(Comparator.comparing(Session::lastSeen))
          .ifPresent(s -> byId.remove(s.id()));
    }
    Session s = new Session(token(), user, accountStamp, token(), now, now);
    byId.put(s.id(), s);
    return s;
  }

  /**
   * The live session with this id, touched, or empty when there is none, it expired, or {@code
   * stillValid} says its account changed (which ends it).
   */
  Optional<Session> find(String id, java.util.function.Predicate<Session> stillValid) {
    if (id == null || id.length() != 43) {
      return Optional.empty();
    }
    Session s = byId.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (now.isAfter(s.lastSeen().plus(IDLE))
        || now.isAfter(s.created().plus(LIFETIME))
        || !stillValid.test(s)) {
      byId.remove(id);
      return Optional.empty();
    }
    Session touched = s.touched(now);
    byId.replace(id, s, touched);
    return Optional.of(touched);
  }

  /** Ends a session. */
  void end(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  /** Ends every session of {@code user}. */
  void endAll(String user) {
    byId.values().removeIf(s -> s.user().equals(user));
  }

  /** Sessions alive now (expired ones may still count until next used). */
  int size() {
    return byId.size();
  }

  /** Whether {@code given} is this session's CSRF token, compared in constant time. */
  static boolean csrfMatches(Session s, String given) {
    return given != null
        && MessageDigest.isEqual(
            s.csrf().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            given.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** 256 random bits, URL-safe base64 (43 characters). */
  String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
