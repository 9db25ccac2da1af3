package org.qarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Folds near-duplicate questions of a ranked list under the best-ranked one, so the same question
 * asked five times fills one line ("5 similar answers") instead of a whole page. Two questions are
 * near duplicates when their sets of analyzed words overlap by at least {@link #THRESHOLD}
 * (Jaccard); questions of fewer than {@link #MIN_WORDS} words, and plain articles, are never
 * folded.
 */
final class NearDuplicates {

  static final double THRESHOLD = 0.7;
  static final int MIN_WORDS = 4;

  /**
   * A duplicate is looked for among this many preceding leaders: duplicates rank close together.
   */
  private static final int LOOK_BACK = 50;

  private NearDuplicates() {}

  /**
   * A leader and the positions (in the input list) of the duplicates folded under it, in rank
   * order.
   */
  record Group(int leader, List<Integer> folded) {}

  /**
   * Groups the ranked {@code signatures} (word sets of each question; empty for none) in rank
   * order.
   */
  static List<Group> fold(List<Set<String>> signatures) {
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < signatures.size(); i++) {
      Set<String> s = signatures.get(i);
      Group into = null;
      if (s.size() >= MIN_WORDS) {
        for (int g = groups.size() - 1; g >= 0 && g >= groups.size() - LOOK_BACK; g--) {
          Set<String> leader = signatures.get(groups.get(g).leader());
          if (leader.size() >= MIN_WORDS && jaccard(s, leader) >= THRESHOLD) {
            into = groups.get(g);
            break;
          }
        }
      }
      if (into == null) {
        groups.add(new Group(i, new ArrayList<>()));
      } else {
        into.folded().add(i);
      }
    }
    return groups;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    int common = 0;
    for (String w : a) {
      if (b.contains(w)) {
        common++;
      }
    }
    return common / (double) (a.size() + b.size() - common);
  }
}
