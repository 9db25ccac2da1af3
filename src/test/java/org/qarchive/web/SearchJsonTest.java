package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qarchive.search.FacetCount;
import org.qarchive.search.SearchHit;
import org.qarchive.search.SearchRequest;
import org.qarchive.search.SearchResult;

class SearchJsonTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void writesEveryFieldOfTheAnswerWithNullsAndEscapes() throws Exception {
    SearchHit hit =
        new SearchHit(
            "botox-1-ab",
            "http://clinic.example/botox/?a=1&b=\"2\"",
            "Botox \"myths\" & <facts>",
            "2013-05-14",
            null,
            "Can <mark>botox</mark> move?",
            "Caf\u00e9 \u2013 \\ no \u2028 tricks",
            1.5f,
            List.of("botox-2-cd", "botox-3-ef"));
    SearchResult r =
        new SearchResult(
            SearchRequest.of("botx"),
            1_000,
            false,
            7,
            List.of(hit),
            Map.of("category", List.of(new FacetCount("Botox", 12)), "year", List.of()),
            "botox",
            SearchResult.Relaxation.MOST_WORDS);

    JsonNode json = mapper.readTree(SearchJson.write(r, 2, 5, "https://archive.example", "botox"));

    assertEquals(
        List.of(
            "total",
            "total_exact",
            "took_ms",
            "page",
            "size",
            "hits",
            "facets",
            "corrected_query",
            "suggested_query",
            "relaxation",
            "ranking",
            "match_quality",
            "emergency"),
        fieldNames(json));
    assertEquals(1_000, json.get("total").asLong());
    assertTrue(json.get("total_exact").isBoolean() && !json.get("total_exact").asBoolean());
    assertEquals(7, json.get("took_ms").asLong());
    assertEquals(2, json.get("page").asInt());
    assertEquals(5, json.get("size").asInt());
    JsonNode h = json.get("hits").get(0);
    assertEquals(
        List.of(
            "id",
            "url",
            "archive_url",
            "title",
            "date",
            "answered_by",
            "question",
            "answer",
            "match",
            "similar_ids",
            "match_quality"),
        fieldNames(h));
    assertEquals("words", h.get("match").asText());
    assertEquals("lexical", json.get("ranking").asText());
    assertEquals(hit.url(), h.get("url").asText());
    assertEquals("https://archive.example/qa/botox-1-ab", h.get("archive_url").asText());
    assertEquals(hit.title(), h.get("title").asText());
    assertTrue(h.get("answered_by").isNull());
    assertEquals(hit.questionSnippet(), h.get("question").asText());
    assertEquals(hit.answerSnippet(), h.get("answer").asText());
    assertEquals("botox-3-ef", h.get("similar_ids").get(1).asText());
    assertEquals(SearchParams.FACETS, fieldNames(json.get("facets")));
    assertEquals("Botox", json.get("facets").get("category").get(0).get("value").asText());
    assertEquals(12, json.get("facets").get("category").get(0).get("count").asLong());
    assertEquals(0, json.get("facets").get("tag").size());
    assertEquals("botox", json.get("corrected_query").asText());
    assertEquals("most_words", json.get("relaxation").asText());
  }

  @Test
  void aHitFoundByMeaningSaysSoWithItsSimilarity() throws Exception {
    SearchHit hit =
        new SearchHit(
            "ptosis-1",
            "http://clinic.example/ptosis/",
            "Ptosis",
            null,
            null,
            "",
            "It wears off.",
            0.7f,
            List.of(),
            SearchHit.Match.MEANING,
            0.61234f,
            org.qarchive.search.MatchQuality.LOOSE);
    SearchResult r =
        new SearchResult(
            SearchRequest.of("droopy eyelid"),
            1,
            true,
            3,
            List.of(hit),
            Map.of(),
            null,
            SearchResult.Relaxation.NONE,
            org.qarchive.search.RankingMode.HYBRID,
            null,
            org.qarchive.search.MatchQuality.LOOSE);
    JsonNode json = mapper.readTree(SearchJson.write(r, 1, 10, "", null));
    assertEquals("hybrid", json.get("ranking").asText());
    assertEquals("loose", json.get("match_quality").asText());
    JsonNode h = json.get("hits").get(0);
    assertEquals("meaning", h.get("match").asText());
    assertEquals("loose", h.get("match_quality").asText());
    assertEquals(0.612, h.get("meaning").asDouble(), 1e-9);
  }

  @Test
  void noCorrectionIsNull() throws Exception {
    SearchResult r =
        new SearchResult(
            SearchRequest.of("x"),
            0,
            true,
            0,
            List.of(),
            Map.of(),
            null,
            SearchResult.Relaxation.NONE);
    JsonNode json = mapper.readTree(SearchJson.write(r, 1, 10, "", null));
    assertTrue(json.get("corrected_query").isNull());
    assertEquals(0, json.get("hits").size());
  }

  @Test
  void facetsAnswerListsEveryFieldInDisplayOrder() throws Exception {
    JsonNode json =
        mapper.readTree(
            SearchJson.writeFacets(
                Map.of("year", List.of(new FacetCount("2013", 3), new FacetCount("2012", 1))),
                org.qarchive.site.FacetStopList.none()));
    assertEquals(List.of("facets"), fieldNames(json));
    assertEquals(SearchParams.FACETS, fieldNames(json.get("facets")));
    assertEquals("2012", json.get("facets").get("year").get(1).get("value").asText());
    assertEquals(1, json.get("facets").get("year").get(1).get("count").asLong());
    assertEquals(0, json.get("facets").get("category").size());
  }

  private static List<String> fieldNames(JsonNode node) {
    return node.properties().stream().map(Map.Entry::getKey).toList();
  }
}
