package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.qarchive.importer.QaSegmenter.RawQa;

class QaSegmenterTest {

  private static List<RawQa> segment(String html, String title) {
    return QaSegmenter.segment(TextBlocks.of(Jsoup.parse(html).body()), title);
  }

  @Test
  void anAnswerEndsWhereThePostEndsWhateverTheChromeIsCalled() {
    String qa =
        "<p><b>Q:</b> Can Botox move to other muscles after the injection?</p><p><b>A:</b> It can,"
            + " in the first hours, when you rub the area.</p><p>Rarely, though, and it wears off.</p>";
    for (String after :
        List.of(
            "<div class='sd-social-share'><p>Share this on Facebook and elsewhere, please.</p></div>",
            "<h2>More on this story</h2><ul><li><a href='/x'>Obama urges UK to stay</a></li></ul>",
            "<p><a href='/a'>Other Opinion Columns</a> <a href='/b'>More stories</a></p>",
            "<p>Kommentare lesen (1 Beitrag)</p><p>Forum zum Thema: everything else here</p>",
            "<nav><p>Actions ↑ Top Next Chapter → Comments (74)</p></nav>",
            "<div class='author-bio'><p>The author writes about skin for a living here.</p></div>",
            "<form><p>Sign up for our newsletter to get answers by e-mail every week.</p></form>")) {
      List<RawQa> qas = segment(qa + after, null);
      assertEquals(1, qas.size(), after);
      assertEquals(
          "It can, in the first hours, when you rub the area.\n\nRarely, though, and it wears off.",
          qas.get(0).answer(),
          after);
    }
  }

  @Test
  void anAnswerEndsWhereTheElementHoldingItClosesWhateverFollowsSays() {
    // what follows is plain prose, unmarked: only the structure says it is not the answer
    String after =
        "<div><p>Both previously and presently, I have done work for various organizations,"
            + " so please do not assume the views here are theirs.</p>"
            + "<p>Originally published on my own site in November, with thanks.</p></div>";
    for (String qa :
        List.of(
            "<div><p><b>Q:</b> Why?</p><p><b>Dr. Ann Lee answers:</b> Because the skin ages.</p>"
                + "<p>It loses elasticity.</p></div>",
            "<section><h3>Reader question</h3><p>Why?</p><h3>Dr. Ann Lee replies</h3>"
                + "<p>Because the skin ages.</p><p>It loses elasticity.</p></section>",
            "<div><dl><dt>Question:</dt><dd><p>Why?</p></dd><dt>Dr. Ann Lee says:</dt>"
                + "<dd><p>Because the skin ages.</p><p>It loses elasticity.</p></dd></dl></div>",
            "<div><table><tr><th>Question</th><td>Why?</td></tr><tr><th>Answer</th>"
                + "<td><p>Because the skin ages.</p><p>It loses elasticity.</p></td></tr>"
                + "</table></div>",
            // a label standing alone in a wrapper of its own: the answer's element holds both
            "<div><p><b>Q:</b> Why?</p><div class='label'><p><b>Answer:</b></p></div>"
                + "<p>Because the skin ages.</p><p>It loses elasticity.</p></div>")) {
      List<RawQa> qas = segment(qa + after, null);
      assertEquals(1, qas.size(), qa);
      assertEquals("Because the skin ages.\n\nIt loses elasticity.", qas.get(0).answer(), qa);
    }
  }

  @Test
  void anAnswerGoesOnIntoThePostsExtendedEntryButNotIntoMoreStories() {
    String qa =
        "<div class='asset-content'><div class='asset-body'><p><em>Asked by Jenna R.:</em> Why?</p>"
            + "<p><em>Dr. Ann Lee responds:</em> Because the skin ages.</p></div>";
    for (String more :
        List.of(
            "<div id='more' class='asset-more'><p>It loses elasticity.</p></div>",
            "<div class='entry-more'><p>It loses elasticity.</p></div>",
            "<div class='entry-extended'><p>It loses elasticity.</p></div>")) {
      List<RawQa> qas = segment(qa + more + "</div><div><p>Posted in Skin</p></div>", null);
      assertEquals(1, qas.size(), more);
      assertEquals("Because the skin ages.\n\nIt loses elasticity.", qas.get(0).answer(), more);
    }
    for (String other :
        List.of(
            "<div class='more-stories'><p>Obama urges UK to stay in the union.</p></div>",
            "<div class='read-more'><a href='/x'>Read more</a></div><p>Other columns here.</p>")) {
      List<RawQa> qas = segment(qa + other + "</div>", null);
      assertEquals(1, qas.size(), other);
      assertEquals("Because the skin ages.", qas.get(0).answer(), other);
    }
  }

  @Test
  void anAnswerWrittenStraightIntoThePagesBodyRunsToItsEnd() {
    // no element around the Q&A but the page's body: nothing bounds the answer but the post's end
    List<RawQa> qas =
        segment(
            "<p><b>Q:</b> Why?</p><p><b>A:</b> Because the skin ages.</p>"
                + "<div><p>It loses elasticity.</p></div>",
            null);
    assertEquals(1, qas.size());
    assertEquals("Because the skin ages.\n\nIt loses elasticity.", qas.get(0).answer());
  }

  @Test
  void aWrapperNamedAfterItsSidebarIsNotChrome() {
    List<RawQa> qas =
        segment(
            "<div class='page-container with-sidebar'><p><b>Q:</b> Why?</p><p><b>A:</b> Because"
                + " the skin ages and loses its elasticity over the years.</p></div>",
            null);
    assertEquals(1, qas.size());
  }

  @Test
  void aLettersSignatureNamesItsAskerAndTheReplyFollows() {
    List<RawQa> qas =
        segment(
            "<p>Dear Doctor,</p><p>My eyelids droop. Can fillers help?</p><p>— Tired in Tulsa</p>"
                + "<p>Dear Tired,</p><p>Fillers rarely help eyelids.</p><p>Surgery may.</p>",
            null);
    assertEquals(1, qas.size());
    assertEquals("My eyelids droop. Can fillers help?", qas.get(0).question());
    assertEquals("Tired in Tulsa", qas.get(0).askerLocation());
    assertEquals("Fillers rarely help eyelids.\n\nSurgery may.", qas.get(0).answer());
  }

  @Test
  void aQuestionAsTheTitleIsAnsweredByTheBody() {
    String body =
        "<h1>Can I fly after Botox?</h1><p>By Dr. Paul Calloway</p><p>Yes, the next day.</p>"
            + "<p>Avoid lying down for four hours.</p><div class='related'><a href='/x'>Fillers</a></div>";
    List<RawQa> qas = segment(body, "Can I fly after Botox?");
    assertEquals(1, qas.size());
    assertEquals("Can I fly after Botox?", qas.get(0).question());
    assertEquals("Yes, the next day.\n\nAvoid lying down for four hours.", qas.get(0).answer());
    assertTrue(segment(body, "About Dr. Calloway").isEmpty(), "a title that asks nothing");
    assertTrue(segment(body, null).isEmpty(), "no title when the page is not one post");
  }

  @Test
  void labelsInDefinitionListsAndTablesWork() {
    List<RawQa> dl =
        segment(
            "<dl><dt>Question from Mesa, AZ</dt><dd>Is it safe?</dd><dt>Dr. Omar Haddad answers</dt>"
                + "<dd><p>Yes.</p><p>Mostly.</p></dd></dl>",
            null);
    assertEquals(
        List.of(
            new RawQa(null, "Is it safe?", "Mesa, AZ", "Yes.\n\nMostly.", "Dr. Omar Haddad", null)),
        dl);
    List<RawQa> table =
        segment(
            "<table><tr><th>Question</th><td>Is it safe?</td></tr><tr><th>Answer</th><td>Yes.</td></tr>"
                + "</table>",
            null);
    assertEquals(List.of(new RawQa(null, "Is it safe?", null, "Yes.", null, null)), table);
  }

  @Test
  void aRoundupsSubHeadingsTitleItsQas() {
    List<RawQa> qas =
        segment(
            "<p>Three questions this month.</p><h2>Botox</h2><p>Q: Does it hurt?</p><p>A: Barely.</p>"
                + "<h2>Fillers</h2><p>Q: How long?</p><p>A: A year.</p>",
            null);
    assertEquals(2, qas.size());
    assertEquals("Botox", qas.get(0).heading());
    assertEquals("Fillers", qas.get(1).heading());
    assertEquals("Barely.", qas.get(0).answer());
  }
}
