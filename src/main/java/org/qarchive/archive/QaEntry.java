package org.qarchive.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One question and its answer as published on the blog: the unit that is imported, indexed,
 * searched and shown.
 *
 * @param id stable identifier derived from the canonical URL (see {@link #idFor(String, int)})
 * @param url canonical URL of the post
 * @param title post title
 * @param question the patient's question without its "Question from ...:" label; empty for a plain
 *     article
 * @param askerLocation where the asker wrote from ("England, AR"), or null
 * @param answer the answer text, paragraphs separated by blank lines, without its "Answer from
 *     ...:" label
 * @param answeredBy who answered ("Dr. Dean Kane"), or null
 * @param credentials the answerer's credentials ("Board Certified Plastic Surgeon from Baltimore"),
 *     or null
 * @param date the post's publication date (a day, or only a month), or null when the page does not
 *     tell
 * @param categories blog categories, in page order
 * @param tags blog tags, in page order
 * @param sourceFile the archived file (or archive member) the entry came from
 */
public record QaEntry(
    String id,
    String url,
    String title,
    String question,
    String askerLocation,
    String answer,
    String answeredBy,
    String credentials,
    PostDate date,
    List<String> categories,
    List<String> tags,
    String sourceFile) {

  public QaEntry {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    url = Objects.requireNonNullElse(url, "");
    title = Objects.requireNonNullElse(title, "");
    question = Objects.requireNonNullElse(question, "");
    answer = Objects.requireNonNullElse(answer, "");
    askerLocation = blankToNull(askerLocation);
    answeredBy = blankToNull(answeredBy);
    credentials = blankToNull(credentials);
    categories = List.copyOf(Objects.requireNonNullElse(categories, List.of()));
    tags = List.copyOf(Objects.requireNonNullElse(tags, List.of()));
    sourceFile = Objects.requireNonNullElse(sourceFile, "");
    if (question.isBlank() && answer.isBlank()) {
      throw new IllegalArgumentException("entry " + id + " has neither question nor answer");
    }
  }

  /** A plain article (imported on request) has an answer but no question. */
  public boolean isArticle() {
    return question.isBlank();
  }

  /**
   * Hash of everything a reader sees, so a re-import can tell an unchanged entry from an updated
   * one. The source file is left out: the same post captured in another file is the same content.
   */
  public String contentHash() {
    String joined =
        String.join(
            "\u0001",
            url,
            title,
            question,
            Objects.toString(askerLocation, ""),
            answer,
            Objects.toString(answeredBy, ""),
            Objects.toString(credentials, ""),
            Objects.toString(date, ""),
            String.join("\u0002", categories),
            String.join("\u0002", tags));
    return sha256Hex(joined).substring(0, 32);
  }

  // compiled once: String.replaceAll compiles its pattern on every call, and this runs for every
  // entry
  private static final Pattern SCHEME_HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*");
  private static final Pattern HTML_SUFFIX = Pattern.compile("\\.html?$");
  private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
  private static final Pattern TRAILING_DASHES = Pattern.compile("-+$");
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

  /**
   * The id of the {@code index}-th Q&A (0-based) on the page with this canonical URL: a readable
   * slug from the URL's last path segment plus a short hash of the full URL, so two posts with the
   * same slug in different years never collide.
   */
  public static String idFor(String canonicalUrl, int index) {
    Objects.requireNonNull(canonicalUrl, "canonicalUrl");
    String path = SCHEME_HOST.matcher(canonicalUrl).replaceFirst("");
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    String[] segments = path.split("/");
    String slug = "";
    for (int i = segments.length - 1; i >= 0 && slug.isEmpty(); i--) {
      slug =
          NOT_SLUG
              .matcher(HTML_SUFFIX.matcher(segments[i].toLowerCase(Locale.ROOT)).replaceAll(""))
              .replaceAll("-");
      slug = EDGE_DASHES.matcher(slug).replaceAll("");
    }
    if (slug.length() > 80) {
      slug = TRAILING_DASHES.matcher(slug.substring(0, 80)).replaceAll("");
    }
    String key = index == 0 ? canonicalUrl : canonicalUrl + "#" + index;
    String hash = sha256Hex(key).substring(0, 8);
    return slug.isEmpty() ? hash : slug + "-" + hash;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String sha256Hex(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-256 is always available", e);
    }
  }
}
