package org.qarchive.importer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.qarchive.archive.QaEntry;
import org.qarchive.importer.QaSegmenter.RawQa;
import org.qarchive.importer.fast.PageScan;
import org.qarchive.importer.fast.PostRegion;

/**
 * Reads one archived page (a post, listing, feed, search or other page) and extracts its Q&As with
 * their metadata. The stages, top-down: bytes ({@link PageBytes}) → kind ({@link PageKinds}) →
 * address ({@link CanonicalUrl}) → metadata ({@link PostMetadata}) → post body ({@link PostBody}) →
 * Q&As ({@link TextBlocks}, {@link QaSegmenter}) → entries.
 */
public final class PageExtractor {

  /** Pages larger than this are skipped with a reason. */
  public static final int MAX_PAGE_BYTES = PageBytes.MAX_PAGE_BYTES;

  private final boolean importArticles;
  private final Theme theme;

  /**
   * Whether every page is parsed whole: asked for, or a theme's selectors, which may point anywhere
   * in it.
   */
  private final boolean wholePage;

  private final MainContentExtractor mainContent = new MainContentExtractor();
  private final PostBody postBody = new PostBody(mainContent);

  /** An extractor with the general rules and no article import. */
  public PageExtractor() {
    this(false, ThemeSelectors.NONE);
  }

  /**
   * @param importArticles also import pages without a Q&A as article entries (answer only)
   * @param selectors optional CSS selectors for a known theme
   */
  public PageExtractor(boolean importArticles, ThemeSelectors selectors) {
    this(importArticles, selectors, false);
  }

  /**
   * @param wholePage parse every page whole, the comments, sidebar and footer after a post too
   *     ({@link PostRegion}): for comparing what leaving them out changes
   */
  PageExtractor(boolean importArticles, ThemeSelectors selectors, boolean wholePage) {
    this.importArticles = importArticles;
    this.theme = new Theme(selectors);
    this.wholePage = wholePage || theme.any();
  }

  /**
   * Extracts one page. Never throws for bad input: empty, binary, truncated or oversized pages come
   * back as {@link PageKind#BROKEN} with a reason.
   *
   * @param bytes the file's bytes as archived
   * @param sourceName the file path or archive member name, used for the URL when the page does not
   *     state one
   * @param urlHint the page's URL when known (WARC target URI), or null
   */
  public PageResult extract(byte[] bytes, String sourceName, String urlHint) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(sourceName, "sourceName");
    return switch (PageBytes.read(bytes)) {
      case PageBytes.NotHtml other -> other.result();
      case PageBytes.Html page -> extract(page, sourceName, urlHint);
    };
  }

  private PageResult extract(PageBytes.Html page, String sourceName, String urlHint) {
    if (theme.remove == null) {
      PageResult listing = PageKinds.beforeParsing(page, sourceName, urlHint);
      if (listing != null) {
        return listing;
      }
    }
    // the comments, sidebar and footer after the post are not parsed
    byte[] b = page.bytes();
    int end = wholePage ? b.length : PostRegion.end(b, sourceName, urlHint);
    return extract(page.parse(end), sourceName, urlHint);
  }

  private PageResult extract(Document doc, String sourceName, String urlHint) {
    // one walk finds what a dozen whole-document selections found before, one scan each
    PageScan scan = PageScan.of(doc);
    Instant capture = CanonicalUrl.captureTime(doc, scan, sourceName, urlHint);
    for (Element e : scan.waybackChrome()) {
      e.remove();
    }
    String canonical = CanonicalUrl.ofPage(doc, scan, sourceName, urlHint);
    Set<String> bodyClasses = doc.body() == null ? Set.of() : doc.body().classNames();
    if (theme.remove != null) {
      doc.select(theme.remove).remove();
      scan = PageScan.of(doc); // what the theme removes is not there for the rules below
    }
    Posts posts = Posts.of(doc.body(), scan, canonical);
    PageResult other = PageKinds.ofParsed(canonical, capture, bodyClasses, posts);
    if (other != null
        && other.kind() == PageKind.LISTING
        && posts.listing()
        && theme.content == null
        && posts.leaveAQaOutside(doc.body())) {
      // its own labelled Q&A beside teasers of other posts: the page is that Q&A's post
      posts = Posts.none();
      other = null;
    }
    if (other != null) {
      return other;
    }
    if (canonical == null) {
      canonical = "urn:qarchive:" + sourceName.replace('\\', '/');
    }
    Element post =
        posts.main() != null
            ? posts.main()
            : posts.containers().isEmpty() || posts.textOutside()
                ? null
                : posts.containers().get(0);
    boolean onePost = posts.main() != null;
    if (post == null && theme.content == null) {
      // a post whose body is marked but not its container: the element that holds both its body
      // and its title is the post, one on the page
      post = PostBody.unmarkedPost(doc.body());
      if (post == null) {
        // nor its body: the title that links to the page's own address marks it
        post = PostBody.selfLinkedPost(doc.body(), canonical);
      }
      onePost = post != null;
    }
    PostMetadata meta = PostMetadata.read(doc, scan, post, canonical, theme);

    // the non-content elements and the chrome are removed where they were selected before (nothing
    // in between changes which elements match)
    for (Element e : scan.notContent()) {
      e.remove();
    }
    String pageText = DoctorNames.doctorText(doc, scan.doctorTexts());
    for (Element e : scan.chrome()) {
      // chrome that holds the post is the page's frame (Blogger's Blog widget), not a sidebar
      if (!e.normalName().equals("body")
          && !e.normalName().equals("html")
          && (post == null || !PageScan.within(post, e))) {
        e.remove();
      }
    }
    RawQa stated = StructuredQa.of(scan, post);
    List<RawQa> qas;
    if (stated != null) {
      qas = List.of(stated);
    } else {
      List<Element> body = postBody.find(doc, post, theme);
      if (body.isEmpty()) {
        return notQa(canonical, capture, meta, sourceName, doc, "no content");
      }
      // a post's title may be its question when the page is one post
      String questionTitle = onePost ? meta.title() : null;
      qas = QaSegmenter.segment(TextBlocks.of(body), questionTitle);
      if (qas.isEmpty()) {
        // the body found may hold only the answer, its question in a block beside it: look at the
        // whole post (the whole page without one), where chrome still ends an answer
        List<Element> wider = postBody.around(doc, post, body);
        if (!wider.isEmpty()) {
          qas = QaSegmenter.segment(TextBlocks.of(wider), questionTitle);
        }
      }
    }
    if (qas.isEmpty()) {
      return notQa(canonical, capture, meta, sourceName, doc, "no question and answer found");
    }
    return entries(qas, canonical, capture, meta, sourceName, pageText);
  }

  private static PageResult entries(
      List<RawQa> qas,
      String canonical,
      Instant capture,
      PostMetadata meta,
      String sourceName,
      String pageText) {
    String titleDoctor = DoctorNames.inTitle(meta.title());
    List<QaEntry> entries = new ArrayList<>();
    int masked = 0;
    for (int i = 0; i < qas.size(); i++) {
      RawQa qa = qas.get(i);
      PiiMasker.Masked q = PiiMasker.mask(qa.question());
      masked += q.count();
      String answerer =
          qa.answererLabel() != null
              ? qa.answererLabel()
              : titleDoctor != null ? titleDoctor : meta.byline();
      answerer = DoctorNames.fullName(answerer, pageText);
      String entryTitle = qas.size() > 1 && qa.heading() != null ? qa.heading() : meta.title();
      entries.add(
          new QaEntry(
              QaEntry.idFor(canonical, i),
              canonical,
              entryTitle,
              q.text(),
              qa.askerLocation(),
              qa.answer(),
              answerer,
              qa.credentials(),
              meta.date(),
              meta.categories(),
              meta.tags(),
              sourceName));
    }
    return new PageResult(
        PageKind.POST,
        entries,
        canonical,
        capture,
        null,
        masked,
        DoctorNames.fullNamesIn(pageText));
  }

  private PageResult notQa(
      String canonical,
      Instant capture,
      PostMetadata meta,
      String sourceName,
      Document doc,
      String reason) {
    if (!importArticles) {
      return PageResult.of(PageKind.NOT_QA, canonical, capture, reason);
    }
    String body = mainContent.extract(doc);
    if (body.isBlank()) {
      return PageResult.of(PageKind.NOT_QA, canonical, capture, reason);
    }
    QaEntry article =
        new QaEntry(
            QaEntry.idFor(canonical, 0),
            canonical,
            meta.title(),
            "",
            null,
            body,
            null,
            null,
            meta.date(),
            meta.categories(),
            meta.tags(),
            sourceName);
    return new PageResult(
        PageKind.NOT_QA, List.of(article), canonical, capture, "imported as article", 0);
  }
}
