package org.qarchive.search;

/**
 * How closely an answer matches the question asked, as {@link Closeness} judges it: a patient reads
 * a ranked list as "the doctor's answer to my question", so a loose match must say so.
 */
public enum MatchQuality {
  /** The answer covers (nearly) every content word of the question, or its synonyms. */
  CLOSE,
  /**
   * The answer shares only some of the question's words: it may still help, but is not the answer.
   */
  LOOSE
}
