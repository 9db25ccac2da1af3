"""Held-back platforms for make-platform-archive (--extra-platforms src/scripts/heldback-platforms.py).

TEST-DATA GENERATOR (not product code).  Written on 2026-12-05 only after the importer's rules were
finished, and run against them once: these two platforms' markup was never looked at while the
rules were written, so their figures say how the importer does on themes it has not seen.

  joomla   Joomla 4/5 with its default Cassiopeia template: div.com-content-article.item-page with
           schema.org Article microdata, h1[itemprop=headline] in div.page-header, the article-info
           <dl> (author, category, <time itemprop=datePublished>, hits), ul.tags, the body in
           div[itemprop=articleBody].com-content-article__body, prev/next page navigation, a
           "Latest Articles" module in the right sidebar, breadcrumbs, a JComments-style comment list;
           category blog listings with BlogPosting items and "Read more: ..." buttons and pagination.
  typepad  Typepad (Movable Type's hosted sibling) in its classic layouts: h2.date-header above
           div.entry with h3.entry-header, div.entry-content > div.entry-body, div.entry-footer with
           "Posted at 10:30 AM in <category> | Permalink | Comments (3)", "Reblog" and TrackBack
           lines, a comments section (div.comment-content / p.comment-footer "Posted by: x | date"),
           a comment form, a sidebar of module-* widgets; no canonical link, no structured data.
"""


def register(api):
    esc, head, TERMS, MONTHS = api.esc, api.head, api.TERMS, api.MONTHS
    Platform = api.Platform

    class Joomla(Platform):
        """Joomla 4/5, Cassiopeia: div.com-content-article.item-page (schema.org Article), dl.article-info
        with <time itemprop=datePublished>, ul.tags, div[itemprop=articleBody], page navigation,
        a Latest Articles module, JComments; category blog listings with pagination."""
        name = "joomla"
        forms = ["asked", "dl", "es", "plain", "from", "roundup", "title", "qa"]

        def host(self):
            return "www.%s-aesthetics.com" % self.site.doctor.last.lower()

        def post_url(self, p):
            return "https://%s/index.php/ask-the-doctor/%d-%s" % (self.host(), p.pid, p.slug[:50].strip("-"))

        def fmt_date(self, d):
            return "%02d %s %d" % (d.day, MONTHS[d.month - 1], d.year)

        def page(self, title, canonical, main, view, sidebar=True):
            s = self.site
            latest = "".join(
                '<li itemscope itemtype="https://schema.org/Article"><a href="%s" itemprop="url">'
                '<span itemprop="name">%s</span></a></li>' % (self.post_url(q), esc(q.title))
                for q in list(reversed(s.posts))[:5])
            side = ('<div class="grid-child container-sidebar-right"><div class="sidebar-right card">'
                    '<h3 class="card-header">Latest Articles</h3><div class="card-body">'
                    '<ul class="mod-articleslatest latestnews mod-list">%s</ul></div></div></div>' % latest
                    if sidebar else "")
            return (head(title + " - " + s.practice, canonical,
                         '<meta name="generator" content="Joomla! - Open Source Content Management" />\n'
                         '<link href="/media/templates/site/cassiopeia/css/template.min.css" rel="stylesheet" />\n') +
                    '<body class="site com_content wrapper-static view-%s no-layout no-task itemid-101">\n'
                    '<header class="header container-header full-width"><div class="grid-child">'
                    '<div class="navbar-brand"><a class="brand-logo" href="/">%s</a></div></div>'
                    '<div class="grid-child container-nav"><nav class="navbar navbar-expand-md">'
                    '<ul class="mod-menu mod-list nav"><li class="nav-item item-101 default"><a href="/">Home</a></li>'
                    '<li class="nav-item item-102 current active"><a href="/index.php/ask-the-doctor" aria-current="page">'
                    'Ask the Doctor</a></li><li class="nav-item item-103"><a href="/index.php/contact">Contact</a></li>'
                    '</ul></nav></div></header>\n'
                    '<div class="site-grid">\n<div class="grid-child container-component">\n'
                    '<nav class="mod-breadcrumbs__wrapper" aria-label="Breadcrumbs"><ol class="mod-breadcrumbs breadcrumb px-3 py-2">'
                    '<li class="mod-breadcrumbs__here float-start">You are here: &#160;</li>'
                    '<li class="mod-breadcrumbs__item breadcrumb-item"><a href="/" class="pathway"><span>Home</span></a></li>'
                    '<li class="mod-breadcrumbs__item breadcrumb-item"><a href="/index.php/ask-the-doctor" class="pathway">'
                    '<span>Ask the Doctor</span></a></li></ol></nav>\n'
                    '<div id="system-message-container" aria-live="polite"></div>\n<main>\n%s\n</main>\n</div>\n%s\n</div>\n'
                    '<footer class="container-footer footer full-width"><div class="grid-child">'
                    '<div class="mod-footer"><div class="footer1">Copyright &#169; 2015 %s. All Rights Reserved.</div>'
                    '<div class="footer2"><a href="https://www.joomla.org">Joomla!</a> is Free Software released under the '
                    '<a href="https://www.gnu.org/licenses/gpl-2.0.html">GNU General Public License.</a></div></div>'
                    '</div></footer>\n<a href="#top" id="back-top" class="back-to-top-link" aria-label="Back to Top">'
                    '<span class="icon-arrow-up icon-fw" aria-hidden="true"></span></a>\n</body>\n</html>\n'
                    % (view, esc(s.practice), main, side, esc(s.practice)))

        def tag_link(self, t):
            return ('<li class="list-inline-item tag-%d tag-list0" itemprop="keywords">'
                    '<a href="/index.php/component/tags/tag/%s" class="btn btn-sm btn-info">%s</a></li>'
                    % (TERMS.index(t) + 2, t.lower().replace(" ", "-"), esc(t)))

        def render_post(self, p):
            url = self.post_url(p)
            cat = p.categories[0]
            tags = ('<ul class="tags list-inline">%s</ul>' % "".join(self.tag_link(t) for t in p.tags)
                    if p.tags else "")
            comments = ""
            if p.comments:
                comments = ('<div id="jc"><h4>Comments (%d)</h4><div id="comments"><div class="comments-list list-0">%s'
                            '</div></div><div id="comments-form-link"><a href="#addcomments">Add comment</a></div></div>'
                            % (len(p.comments), "".join(
                                '<div class="even"><div class="rbox"><div class="comment-box">'
                                '<span class="comment-author">%s</span><span class="comment-date">%s</span>'
                                '<div class="comment-body">%s</div></div></div></div>'
                                % (esc(w), self.fmt_date(p.date), esc(t)) for w, t in p.comments)))
            main = (
                '<div class="com-content-article item-page" itemscope itemtype="https://schema.org/Article">\n'
                '<meta itemprop="inLanguage" content="en-GB">\n'
                '<div class="page-header"><h1 itemprop="headline">%s</h1></div>\n'
                '<dl class="article-info text-muted">\n<dt class="article-info-term">Details</dt>\n'
                '<dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">'
                '<span class="icon-user icon-fw" aria-hidden="true"></span>Written by: <span itemprop="name">%s</span></dd>\n'
                '<dd class="category-name"><span class="icon-folder-open icon-fw" aria-hidden="true"></span>Category: '
                '<a href="/index.php/ask-the-doctor/%s" itemprop="genre">%s</a></dd>\n'
                '<dd class="published"><span class="icon-calendar icon-fw" aria-hidden="true"></span>'
                '<time datetime="%sT%02d:%02d:00+00:00" itemprop="datePublished">Published: %s</time></dd>\n'
                '<dd class="hits"><span class="icon-eye icon-fw" aria-hidden="true"></span>'
                '<meta itemprop="interactionCount" content="UserPageVisits:%d">Hits: %d</dd>\n</dl>\n'
                '%s\n<div itemprop="articleBody" class="com-content-article__body">\n%s\n</div>\n'
                '<nav class="pagenavigation" aria-label="Page Navigation"><span class="pagination ms-0">'
                '<a class="btn btn-sm btn-secondary previous" href="/index.php/ask-the-doctor" rel="prev">'
                '<span class="visually-hidden">Previous article</span><span class="icon-chevron-left" aria-hidden="true"></span>'
                '<span aria-hidden="true">Prev</span></a><a class="btn btn-sm btn-secondary next" href="/index.php/ask-the-doctor" '
                'rel="next"><span class="visually-hidden">Next article</span><span aria-hidden="true">Next</span></a>'
                '</span></nav>\n%s\n</div>' % (
                    esc(p.title), esc(p.author), cat.lower().replace(" ", "-"), esc(cat), p.date.isoformat(),
                    p.time.hour, p.time.minute, self.fmt_date(p.date), 100 + p.pid % 900, 100 + p.pid % 900,
                    tags, self.body(p), comments))
            return self.page(p.title, url, main, "article")

        def render_listing(self, posts, url, title):
            items = "".join(
                '<div class="com-content-category-blog__item blog-item" itemprop="blogPost" itemscope '
                'itemtype="https://schema.org/BlogPosting"><div class="item-content">'
                '<div class="page-header"><h2 itemprop="name"><a href="%s" itemprop="url">%s</a></h2></div>'
                '<dl class="article-info text-muted"><dt class="article-info-term">Details</dt>'
                '<dd class="published"><time datetime="%sT10:00:00+00:00" itemprop="datePublished">Published: %s</time></dd></dl>'
                '<p>%s</p><p class="readmore"><a class="btn btn-secondary" href="%s" aria-label="Read more: %s">'
                '<span class="icon-chevron-right" aria-hidden="true"></span> Read more: %s</a></p></div></div>'
                % (self.post_url(p), esc(p.title), p.date.isoformat(), self.fmt_date(p.date),
                   esc(p.qas[0].item.question[:160]), self.post_url(p), esc(p.title), esc(p.title))
                for p in posts)
            main = ('<div class="com-content-category-blog blog" itemscope itemtype="https://schema.org/Blog">'
                    '<h1>%s</h1><div class="com-content-category-blog__items blog-items">%s</div>'
                    '<div class="com-content-category-blog__navigation w-100"><p class="com-content-category-blog__counter '
                    'counter float-md-end pt-3 pe-2">Page 1 of 4</p><div class="com-content-category-blog__pagination">'
                    '<nav class="pagination__wrapper" aria-label="Pagination"><ul class="pagination ms-0 mb-4">'
                    '<li class="active page-item"><a aria-current="true" aria-label="Page 1" href="#" class="page-link">1</a></li>'
                    '<li class="page-item"><a aria-label="Go to page 2" href="%s?start=6" class="page-link">2</a></li>'
                    '<li class="page-item"><a aria-label="Go to next page" href="%s?start=6" class="page-link">'
                    '<span class="icon-angle-right" aria-hidden="true"></span></a></li></ul></nav></div></div></div>'
                    % (esc(title), items, esc(url), esc(url)))
            return self.page(title, url, main, "category", sidebar=False)

        def listings(self):
            ps = self.site.posts
            cat = TERMS[2]
            return [("https://%s/index.php/ask-the-doctor" % self.host(), list(reversed(ps))[:6], "Ask the Doctor"),
                    ("https://%s/index.php/ask-the-doctor?start=6" % self.host(), list(reversed(ps))[6:12],
                     "Ask the Doctor"),
                    ("https://%s/index.php/ask-the-doctor/%s" % (self.host(), cat.lower()),
                     [p for p in ps if cat in p.categories][:6], cat)]

        def about_url(self):
            return "https://%s/index.php/about" % self.host()

        def render_about(self, p):
            main = ('<div class="com-content-article item-page" itemscope itemtype="https://schema.org/Article">'
                    '<div class="page-header"><h1 itemprop="headline">%s</h1></div>'
                    '<div itemprop="articleBody" class="com-content-article__body">%s</div></div>'
                    % (esc(p.title), self.body(p)))
            return self.page(p.title, self.about_url(), main, "article")

        def terms_shown(self, p):
            return list(p.categories), list(p.tags)

    class Typepad(Platform):
        """Typepad's classic layouts: h2.date-header, div.entry > h3.entry-header, div.entry-content >
        div.entry-body, div.entry-footer "Posted at ... in <category> | Permalink | Comments (n)",
        Reblog/TrackBack, comments with p.comment-footer, a comment form, module-* sidebar widgets."""
        name = "typepad"
        forms = ["dear", "qa", "heading", "fr", "from", "title", "roundup", "table"]
        dialect = "br"

        def host(self):
            return "dr%s.typepad.com" % self.site.doctor.last.lower()

        def post_url(self, p):
            return "https://%s/ask/%04d/%02d/%s.html" % (self.host(), p.date.year, p.date.month,
                                                      p.slug[:50].strip("-"))

        def fmt_date(self, d):
            return "%s %02d, %d" % (MONTHS[d.month - 1], d.day, d.year)

        def clock(self, p):
            return "%d:%02d %s" % ((p.time.hour - 1) % 12 + 1, p.time.minute, "AM" if p.time.hour < 12 else "PM")

        def entry(self, p, single):
            url = self.post_url(p)
            cat = p.categories[0]
            title = esc(p.title) if single else '<a href="%s">%s</a>' % (url, esc(p.title))
            body = self.body(p) if single else esc(p.qas[0].item.question) + (
                ' <a href="%s">Continue reading &raquo;</a>' % url)
            return (
                '<h2 class="date-header">%s</h2>\n'
                '<div class="entry-category-%s entry-author-%s entry-type-post entry" id="entry-6a00d8341c%d">\n'
                '<h3 class="entry-header">%s</h3>\n<div class="entry-content">\n<div class="entry-body">\n%s\n</div>\n</div>\n'
                '<div class="entry-footer"><p class="entry-footer-info"><span class="post-footers">Posted by %s at %s '
                'in <a href="https://%s/ask/%s/">%s</a> </span> <span class="separator">|</span> '
                '<a class="permalink" href="%s">Permalink</a> <span class="separator">|</span> '
                '<a href="%s#comments">Comments (%d)</a></p>\n'
                '<div class="reblog-this"><a href="https://www.typepad.com/reblog" class="reblog-link">Reblog (0)</a></div>\n'
                '</div>\n</div>\n' % (
                    self.fmt_date(p.date), cat.lower().replace(" ", "_"), p.author.lower().replace(" ", "_").replace(".", ""),
                    p.pid, title, body, esc(p.author), self.clock(p), self.host(), cat.lower().replace(" ", "_"),
                    esc(cat), url, url, len(p.comments)))

        def page(self, title, main, layout):
            s = self.site
            side = ('<div id="beta"><div id="beta-inner">'
                    '<div class="module-about module"><h2 class="module-header">About</h2><div class="module-content">'
                    '<p>%s answers readers\' questions.</p></div></div>'
                    '<div class="module-categories module"><h2 class="module-header">Categories</h2>'
                    '<div class="module-content"><ul class="module-list">%s</ul></div></div>'
                    '<div class="module-archives module"><h2 class="module-header">Archives</h2><div class="module-content">'
                    '<ul class="module-list"><li class="module-list-item"><a href="https://%s/ask/2014/03/">March 2014</a></li>'
                    '<li class="module-list-item"><a href="https://%s/ask/2014/02/">February 2014</a></li></ul></div></div>'
                    '<div class="module-powered module"><div class="module-content">Blog powered by '
                    '<a href="https://www.typepad.com/">Typepad</a></div></div></div></div>' % (
                        esc(s.doctor.full), "".join('<li class="module-list-item"><a href="https://%s/ask/%s/">%s</a></li>'
                                                   % (self.host(), t.lower().replace(" ", "_"), esc(t))
                                                   for t in TERMS[:6]), self.host(), self.host()))
            return (head(title, None, '<meta name="generator" content="http://www.typepad.com/" />\n'
                                      '<link rel="alternate" type="application/atom+xml" title="Posts on \'Ask %s\' (Atom)" '
                                      'href="https://%s/ask/atom.xml" />\n' % (esc(s.doctor.short), self.host())) +
                    '<body class="%s">\n<div id="container"><div id="container-inner">\n'
                    '<div id="banner"><div id="banner-inner" class="pkg"><h1 id="banner-header">'
                    '<a href="https://%s/ask/" accesskey="1">Ask %s</a></h1>'
                    '<h2 id="banner-description">A doctor answers your questions</h2></div></div>\n'
                    '<div id="pagebody"><div id="pagebody-inner" class="pkg">\n<div id="alpha"><div id="alpha-inner">\n%s\n'
                    '</div></div>\n%s\n</div></div>\n</div></div>\n</body>\n</html>\n'
                    % (layout, self.host(), esc(s.doctor.short), main, side))

        def render_post(self, p):
            comments = ""
            if p.comments:
                comments = ('<div class="comments" id="comments"><a id="comments"></a><h3 class="comments-header">Comments</h3>'
                            '<div class="comments-info"><p>You can follow this conversation by subscribing to the '
                            '<a href="#">comment feed</a> for this post.</p></div><div class="comments-content">%s</div></div>'
                            % "".join('<div class="comment font-entrybody" id="comment-%d"><div class="comment-content">'
                                      '<p>%s</p></div><p class="comment-footer">Posted by: %s | %s at %s</p></div>'
                                      % (i, esc(t), esc(w), self.fmt_date(p.date), self.clock(p))
                                      for i, (w, t) in enumerate(p.comments)))
            trackback = ('<div class="trackbacks" id="trackback"><h3 class="trackbacks-header">TrackBack</h3>'
                         '<div class="trackbacks-info"><p>TrackBack URL for this entry:<br />'
                         '<span id="trackback-url">https://www.typepad.com/services/trackback/6a00d8341c%d</span></p>'
                         '<p>Listed below are links to weblogs that reference <a href="%s">%s</a>:</p></div></div>'
                         % (p.pid, self.post_url(p), esc(p.title)))
            form = ('<form id="comment-form" method="post" action="https://www.typepad.com/services/comments">'
                    '<h3 class="comments-open-header">Post a comment</h3><p>Comments are moderated, and will not appear '
                    'until the author has approved them.</p><textarea name="text"></textarea>'
                    '<input type="submit" value="Post" /></form>')
            nav = ('<p class="content-nav"><a href="#">&laquo; Previous question</a> | <a href="https://%s/ask/">Main</a> | '
                   '<a href="#">Next question &raquo;</a></p>' % self.host())
            return self.page("Ask %s: %s" % (self.site.doctor.short, p.title),
                             nav + self.entry(p, True) + trackback + comments + form, "layout-two-column-right")

        def render_listing(self, posts, url, title):
            main = "".join(self.entry(p, False) for p in posts)
            main += ('<div class="content-nav"><span class="pager-right"><a href="https://%s/ask/page/2/">'
                     '<span class="pager-right-next">Next &raquo;</span></a></span></div>' % self.host())
            return self.page(title, main, "layout-two-column-right")

        def listings(self):
            ps = self.site.posts
            cat = TERMS[4]
            return [("https://%s/ask/" % self.host(), list(reversed(ps))[:5], "Ask " + self.site.doctor.short),
                    ("https://%s/ask/page/2/" % self.host(), list(reversed(ps))[5:10], "Ask " + self.site.doctor.short),
                    ("https://%s/ask/%s/" % (self.host(), cat.lower().replace(" ", "_")),
                     [p for p in ps if cat in p.categories][:5], cat)]

        def about_url(self):
            return "https://%s/about.html" % self.host()

        def render_about(self, p):
            main = ('<div class="entry"><h3 class="entry-header">%s</h3><div class="entry-content">'
                    '<div class="entry-body">%s</div></div></div>' % (esc(p.title), self.body(p)))
            return self.page(p.title, main, "layout-two-column-right")

        def terms_shown(self, p):
            return list(p.categories), []

    return [Joomla, Typepad]
