package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

  @Test
  void everyCopyOfAPostHasOneKey() {
    String key = CanonicalUrl.key("http://blog.h.com/2013/05/x/");
    for (String copy :
        new String[] {
          "https://www.blog.h.com/2013/05/x/?replytocom=5",
          "http://blog.h.com/2013/05/x/amp/",
          "http://web.archive.org/web/20150506103409/http://blog.h.com/2013/05/x/index.html",
          "http://BLOG.h.com:80/2013/05/x?utm_source=feed#comments"
        }) {
      assertEquals(key, CanonicalUrl.key(copy), copy);
    }
  }

  @Test
  void aMirrorPathGivesTheAddressButAFileNameAloneIsNoHost() {
    assertEquals(
        Optional.of("http://blog.h.com/2013/05/x/"),
        CanonicalUrl.fromMirrorPath("mirror/blog.h.com/2013/05/x/index.html"));
    assertEquals(Optional.empty(), CanonicalUrl.fromMirrorPath("notes.txt"));
    assertEquals(Optional.empty(), CanonicalUrl.fromMirrorPath("downloads/example.com"));
    assertNull(CanonicalUrl.fromName("notes.txt", null));
    assertEquals(
        "https://h.com/p/", CanonicalUrl.fromName("x.warc!https://h.com/p", "https://h.com/p"));
  }

  @Test
  void waybackTimesAndPathsAreRead() {
    assertEquals(
        "2015-05-06T10:34:09Z",
        CanonicalUrl.waybackTimestamp("web.archive.org/web/20150506103409/http:/h.com/x/")
            .orElseThrow()
            .toString());
    assertEquals("/2013/05/x/", CanonicalUrl.pathOf("http://h.com/2013/05/x/?a=1"));
  }
}
