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
import org.qarchive.site.ClinicVoice;
import org.qarchive.site.EmergencyTriggers;
import org.qarchive.site.FacetStopList;

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
    return write(
        r, page, size, base, corrected, FacetStopList.none(), null, ClinicVoice.defaults());
  }

  /**
   * As above, without the facet values {@code hidden} names, and with the notice for {@code
   * emergency} (null: none) in the clinic's voice.
   */
  static byte[] write(
      SearchResult r,
      int page,
      int size,
      String base,
      String corrected,
      FacetStopList hidden,
      EmergencyTriggers.Match emergency,
      ClinicVoice clinic)
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
      facets(g, r.facets(), hidden);
      g.writeStringField("corrected_query", corrected);
      g.writeStringField("suggested_query", r.suggestedQuery());
      g.writeStringField("relaxation", r.relaxation().name().toLowerCase(Locale.ROOT));
      g.writeStringField("ranking", r.ranking().label());
      g.writeStringField("match_quality", r.quality().name().toLowerCase(Locale.ROOT));
      emergency(g, emergency, clinic);
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    }
  }

  /** The {@code /api/facets} answer: {@code {"facets": {...}}} for the whole archive's counts. */
  static byte[] writeFacets(Map<String, List<FacetCount>> counts, FacetStopList hidden)
      throws IOException {
    try (ByteArrayBuilder out = new ByteArrayBuilder(2 * 1024);
        JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      facets(g, counts, hidden);
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    }
  }

  /**
   * A {@code "facets"} field: every facet field in display order, each a list of values and counts.
   */
  private static void facets(
      JsonGenerator g, Map<String, List<FacetCount>> counts, FacetStopList hidden)
      throws IOException {
    g.writeObjectFieldStart("facets");
    for (String f : SearchParams.FACETS) {
      g.writeArrayFieldStart(f);
      for (FacetCount c : Pages.visibleFacets(f, counts.getOrDefault(f, List.of()), hidden)) {
        g.writeStartObject();
        g.writeStringField("value", c.value());
        g.writeNumberField("count", c.count());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /**
   * The {@code "emergency"} field: null, or the notice to call now (heading, message, numbers) for
   * a search that describes an emergency.
   */
  private static void emergency(
      JsonGenerator g, EmergencyTriggers.Match emergency, ClinicVoice clinic) throws IOException {
    if (emergency == null) {
      g.writeNullField("emergency");
      return;
    }
    g.writeObjectFieldStart("emergency");
    g.writeStringField("kind", emergency.kind().name().toLowerCase(Locale.ROOT));
    g.writeStringField(
        "heading", "If this is an emergency, call " + clinic.emergencyNumber() + " now");
    g.writeStringField("message", clinic.emergencyMessage());
    g.writeStringField("call", clinic.emergencyNumber());
    g.writeStringField("call_href", clinic.emergencyHref());
    g.writeStringField("clinic_name", clinic.name().isEmpty() ? null : clinic.name());
    g.writeStringField("clinic_phone", clinic.hasPhone() ? clinic.phone() : null);
    g.writeStringField("clinic_phone_href", clinic.hasPhone() ? clinic.phoneHref() : null);
    g.writeStringField(
        "crisis_message",
        emergency.kind() == EmergencyTriggers.Kind.CRISIS && !clinic.crisisMessage().isEmpty()
            ? clinic.crisisMessage()
            : null);
    g.writeEndObject();
  }

  /** The {@code /api/clinic} answer: the clinic's voice, for the embeddable box. */
  static byte[] writeClinic(ClinicVoice c) throws IOException {
    try (ByteArrayBuilder out = new ByteArrayBuilder(1024);
        JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("name", c.name().isEmpty() ? null : c.name());
      g.writeStringField("phone", c.hasPhone() ? c.phone() : null);
      g.writeStringField("phone_href", c.hasPhone() ? c.phoneHref() : null);
      g.writeStringField("contact_url", c.contactUrl().isEmpty() ? null : c.contactUrl());
      g.writeStringField(
          "consultation_url", c.consultationUrl().isEmpty() ? null : c.consultationUrl());
      g.writeStringField("disclaimer", c.disclaimer());
      g.writeStringField("emergency_number", c.emergencyNumber());
      g.writeStringField("emergency_href", c.emergencyHref());
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    }
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
    g.writeStringField("match_quality", h.quality().name().toLowerCase(Locale.ROOT));
    g.writeEndObject();
  }
}
