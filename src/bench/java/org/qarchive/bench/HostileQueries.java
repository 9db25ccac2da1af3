package org.qarchive.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Inputs that exhaust memory or the stack of a naive query parser (measured on Lucene 10.6), as raw
 * query strings for {@code /api/search} and {@code /}: the soak command, the load test and the
 * tests send each of them many times.
 */
public final class HostileQueries {

  private HostileQueries() {}

  /** A named query string, already percent-encoded, without the leading '?'. */
  public record Probe(String name, String queryString) {}

  public static List<Probe> all() {
    List<Probe> p = new ArrayList<>();
    add(p, "regex a{50000000}", "/a{50000000}/");
    add(p, "regex [ab]{1000}{1000}{1000}", "/[ab]{1000}{1000}{1000}/");
    add(p, "regex blah+++", "/blah+++++++++++++++++++++++++/");
    add(p, "a + 10,000 stars", "a" + "*".repeat(10_000));
    add(p, "regex a{1,99999}", "/a{1,99999}/");
    add(p, "regex .*a.{30}", "/.*a.{30}/");
    add(p, "regex quote", "/\"/");
    add(p, "regex open bracket", "/[/");
    add(p, "5,000 nested parentheses", "(".repeat(5_000) + "botox" + ")".repeat(5_000));
    add(p, "20,000 nested parentheses", "(".repeat(20_000) + "botox" + ")".repeat(20_000));
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      words.add("word" + i);
    }
    add(p, "2,000 words", String.join(" ", words));
    add(p, "a~2 x 1,000", String.join(" ", java.util.Collections.nCopies(1_000, "a~2")));
    add(p, "300 a then ~2", "a".repeat(300) + "~2");
    add(p, "phrase slop 99999999", "\"a b\"~99999999");
    add(p, "boost 99999999999", "a^99999999999");
    add(p, "match all", "*:*");
    add(p, "open range", "[* TO *]");
    add(p, "tilde", "~");
    add(p, "close paren", ")");
    add(p, "100 KB query", "x".repeat(100_000));
    p.add(new Probe("NUL and invalid UTF-8", "q=bo%00tox%FF%FE%C3%28"));
    p.add(new Probe("huge page and size", "q=botox&page=100000000&size=100000000"));
    return p;
  }

  private static void add(List<Probe> p, String name, String q) {
    p.add(new Probe(name, "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
  }
}
