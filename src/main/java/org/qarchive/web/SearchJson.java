package org.qarchive.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qarchive.search.FacetCount;
import org.qarchive.search.SearchHit;
import org.qarchive.search.SearchResult;

/**
 * Writes the {@code /api/search} answer (and the facet counts of {@code /api/facets}) straight from
 * the search result as UTF-8 JSON, field by field: no intermediate maps and no per-value serializer
 * lookups on the hottest path of the API.
 */
final class SearchJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private SearchJson() {}

  /**
   * The answer for {@code r}, page {@code page} of {@code size}; {@code base} prefixes each hit's
   * archive page, and {@code corrected} is the correction to show (null for none).
   */
  static byte[] write(SearchResult r, int page, int size, String base, String corrected)
      throws IOException {
    try (ByteArrayBuilder out = new ByteArrayBuilder(8 * 1024);
        JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("total", r.total());
      g.writeBooleanField("total_exact", r.totalExact());
      g.writeNumberField("took_ms", r.tookMs());
      g.writeNumberField("page", page);
      g.writeNumberField("size", size);
      g.writeArrayFieldStart("hits");
      for (SearchHit h : r.hits()) {
        hit(g, base, h);
      }
      g.writeEndArray();
      facets(g, r.facets());
      g.writeStringField("corrected_query", corrected);
      g.writeStringField("relaxation", r.relaxation().name().toLowerCase(Locale.ROOT));
      g.writeStringField("ranking", r.ranking().label());
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    }
  }

  /** The {@code /api/facets} answer: {@code {"facets": {...}}} for the whole archive's counts. */
  static byte[] writeFacets(Map<String, List<FacetCount>> counts) throws IOException {
    try (ByteArrayBuilder out = new ByteArrayBuilder(2 * 1024);
        JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      facets(g, counts);
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    }
  }

  /**
   * A {@code "facets"} field: every facet field in display order, each a list of values and counts.
   */
  private static void facets(JsonGenerator g, Map<String, List<FacetCount>> counts)
      throws IOException {
    g.writeObjectFieldStart("facets");
    for (String f : SearchParams.FACETS) {
      g.writeArrayFieldStart(f);
      for (FacetCount c : counts.getOrDefault(f, List.of())) {
        g.writeStartObject();
        g.writeStringField("value", c.value());
        g.writeNumberField("count", c.count());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void hit(JsonGenerator g, String base, SearchHit h) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", h.id());
    g.writeStringField("url", h.url());
    g.writeStringField("archive_url", base + "/qa/" + Pages.pathPart(h.id()));
    g.writeStringField("title", h.title());
    g.writeStringField("date", h.date());
    g.writeStringField("answered_by", h.answeredBy());
    g.writeStringField("question", h.questionSnippet());
    g.writeStringField("answer", h.answerSnippet());
    g.writeStringField("match", h.match().name().toLowerCase(Locale.ROOT));
    if (!Float.isNaN(h.meaning())) {
      g.writeNumberField("meaning", Math.round(h.meaning() * 1000) / 1000.0);
    }
    g.writeArrayFieldStart("similar_ids");
    for (String id : h.similarIds()) {
      g.writeString(id);
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
