package org.qarchive.importer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.qarchive.archive.QaEntry;

/**
 * What {@link PageExtractor} made of one file.
 *
 * @param kind what the page is
 * @param entries the Q&As (or, on request, the article) it holds; empty unless POST or NOT_QA
 * @param canonicalUrl the post's canonical URL, or null when unknown
 * @param captureTime the Wayback capture time, or null when the page was not captured by the
 *     Wayback Machine
 * @param reason why a page was skipped or broken, or null
 * @param maskedPii how many e-mail addresses and phone numbers were masked in questions
 * @param doctorNames doctors named in full on the page ("Dr. Sofia Pemberton"), to complete short
 *     names elsewhere
 */
public record PageResult(
    PageKind kind,
    List<QaEntry> entries,
    String canonicalUrl,
    Instant captureTime,
    String reason,
    int maskedPii,
    List<String> doctorNames) {

  public PageResult {
    Objects.requireNonNull(kind, "kind");
    entries = List.copyOf(Objects.requireNonNullElse(entries, List.of()));
    doctorNames = List.copyOf(Objects.requireNonNullElse(doctorNames, List.of()));
    if (maskedPii < 0) {
      throw new IllegalArgumentException("maskedPii must not be negative");
    }
  }

  public PageResult(
      PageKind kind,
      List<QaEntry> entries,
      String canonicalUrl,
      Instant captureTime,
      String reason,
      int maskedPii) {
    this(kind, entries, canonicalUrl, captureTime, reason, maskedPii, List.of());
  }

  static PageResult broken(String reason) {
    return new PageResult(PageKind.BROKEN, List.of(), null, null, reason, 0);
  }

  static PageResult of(PageKind kind, String canonicalUrl, Instant capture, String reason) {
    return new PageResult(kind, List.of(), canonicalUrl, capture, reason, 0);
  }
}
