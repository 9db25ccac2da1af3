package org.qarchive.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qarchive.Fixtures;
import org.qarchive.archive.PostDate;
import org.qarchive.archive.QaEntry;

/**
 * An archive big enough to page through and facet: the seed, thirty varied entries and a hostile
 * one.
 */
final class WebFixtures {

  private WebFixtures() {}

  static final String HOSTILE_URL = "http://blog.example-clinic.com/2018/01/hostile-page/";

  /** A stored page whose text tries to run script wherever it is shown. */
  static QaEntry hostile() {
    return new QaEntry(
        QaEntry.idFor(HOSTILE_URL, 0),
        HOSTILE_URL,
        "Scar cream question <img src=x onerror=window.__pwned=1>",
        "Does scar cream work? <img src=x onerror=window.__pwned=1> <script>window.__pwned=1</script>",
        "<svg onload=window.__pwned=1>",
        "Silicone helps a scar flatten. \"><svg onload=window.__pwned=1> &amp; more.",
        "Dr. <b onmouseover=window.__pwned=1>Evil</b>",
        null,
        PostDate.of(LocalDate.of(2018, 1, 5)),
        List.of("Scars <img src=x onerror=window.__pwned=1>"),
        List.of("xss\"><svg onload=window.__pwned=1>"),
        "hostile.html");
  }

  private static final String[][] TOPICS = {
    {
      "swelling-after-rhinoplasty",
      "Swelling after rhinoplasty",
      "Rhinoplasty",
      "nose",
      "How long does swelling last after rhinoplasty?",
      "Swelling after rhinoplasty settles over months; the tip is last."
    },
    {
      "tummy-tuck-recovery",
      "Tummy tuck recovery time",
      "Body",
      "tummy tuck",
      "When can I go back to work after a tummy tuck?",
      "Most patients return to desk work after two weeks of swelling."
    },
    {
      "botox-headache",
      "Headache after botox",
      "Botox",
      "botox",
      "I had a headache after botox injections, is that normal?",
      "A mild headache after botox is common and passes in a day."
    },
    {
      "filler-lumps",
      "Lumps after lip filler",
      "Fillers",
      "fillers",
      "My lip filler feels lumpy and there is swelling.",
      "Early swelling and lumps after filler usually soften; massage helps."
    },
    {
      "breast-implant-size",
      "Choosing breast implant size",
      "Breast",
      "implants",
      "How do I choose the size of my breast implants?",
      "Size is chosen from chest width and tissue; sizers help."
    },
    {
      "facelift-scars",
      "Facelift scars",
      "Face",
      "facelift",
      "Will my facelift scars show?",
      "Facelift scars hide around the ear and fade; swelling goes in weeks."
    },
  };

  /** Thirty-one entries over six topics, four doctors and seven years, plus the seed. */
  static List<QaEntry> entries() {
    List<QaEntry> out = new ArrayList<>();
    out.add(Fixtures.seed());
    String[] doctors = {"Dr. Dean Kane", "Dr. Ana Ruiz", "Dr. Li Wei", "Dr. Sam Okafor"};
    for (int i = 0; i < 30; i++) {
      String[] t = TOPICS[i % TOPICS.length];
      int year = 2010 + (i % 7);
      String slug = t[0] + "-" + i;
      String url = "http://blog.example-clinic.com/" + year + "/03/" + slug + "/";
      out.add(
          new QaEntry(
              QaEntry.idFor(url, 0),
              url,
              t[1] + (i < TOPICS.length ? "" : " (" + (i / TOPICS.length + 1) + ")"),
              t[4] + " Case " + i + ".",
              i % 3 == 0 ? "Austin, TX" : null,
              t[5] + "\n\nEvery patient is different; ask your surgeon. Answer " + i + ".",
              doctors[i % doctors.length],
              "Board Certified Plastic Surgeon",
              PostDate.of(LocalDate.of(year, 1 + i % 12, 1 + i % 28)),
              List.of(t[2]),
              List.of(t[3], "recovery"),
              slug + ".html"));
    }
    out.add(hostile());
    return out;
  }
}
