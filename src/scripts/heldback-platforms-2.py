"""Second held-back platforms for make-platform-archive (--extra-platforms src/scripts/heldback-platforms-2.py).

TEST-DATA GENERATOR (not product code).  Written on 2026-12-05 by someone who did not write the
importer's rules, after the first held-back pair (heldback-platforms.py) had been used up, and
run against the importer once, when its rules for that round were done: nobody tuned a rule to
these pages, so their figures say how the importer does on platforms it has not seen.

  substack  A Substack newsletter post: article.newsletter-post with h1.post-title and
            h3.subtitle, div.post-meta (author link, "Mar 14, 2014"), the like/comment/share bar
            (div.post-ufi) above and below the post, the body in div.available-content >
            div.body.markup holding, after the text, a "Share" button paragraph and the
            subscription widget ("Thanks for reading ...! Subscribe for free ..."); NewsArticle
            JSON-LD and OpenGraph in the head; "Discussion about this post" comments and a
            "Ready for more?" footer.  No tags or categories.  Listings: the home page's
            post previews and /archive.
  weebly    A Weebly site's blog (the builder many small practices used): div.blog-post with
            h2.blog-title > a.blog-title-link, p.blog-date > span.date-text "3/14/2014", the text
            in div.blog-content > div.paragraph with <br> lines, the social bar (div.blog-social),
            "0 Comments" link, Weebly's comment form; the sidebar's Archives and Categories
            (div.blog-category-list) and an RSS link.  No structured data, no canonical link,
            no category shown with a post.  Listings: /blog, /blog/previous/2, a category.
"""


def register(api):
    esc, head, jsonld, MONTHS, TERMS = api.esc, api.head, api.jsonld, api.MONTHS, api.TERMS
    Platform = api.Platform

    class Substack(Platform):
        """Substack: article.newsletter-post, h1.post-title, h3.subtitle, div.post-meta, div.post-ufi
        like/comment/share bars, div.available-content > div.body.markup with a share button and
        the subscription widget after the text, NewsArticle JSON-LD, comments, "Ready for more?"."""
        name = "substack"
        forms = ["qa", "from", "dear", "asked", "title", "plain", "roundup", "heading"]

        def host(self):
            return "ask%s.substack.com" % self.site.doctor.last.lower()

        def post_url(self, p):
            return "https://%s/p/%s" % (self.host(), p.slug[:55].strip("-"))

        def fmt_date(self, d):
            return "%s %d, %d" % (MONTHS[d.month - 1][:3], d.day, d.year)

        def ufi(self, p, where):
            return ('<div class="post-ufi style-%s"><div class="like-button-container post-ufi-button">'
                    '<button aria-label="Like (%d)" class="post-ufi-button like-button"><svg></svg>'
                    '<div class="label">%d</div></button></div>'
                    '<a href="%s/comments" aria-label="View comments (%d)" class="post-ufi-button '
                    'post-ufi-comment-button"><svg></svg><div class="label">%d</div></a>'
                    '<a class="post-ufi-button share" href="%s?utm_source=substack&amp;utm_campaign=post_embed'
                    '&amp;utm_medium=web" aria-label="Share"><svg></svg><div class="label">Share</div></a></div>'
                    % (where, 3 + p.pid % 40, 3 + p.pid % 40, self.post_url(p), len(p.comments),
                       len(p.comments), self.post_url(p)))

        def subscribe(self):
            s = self.site
            return ('<div class="subscription-widget-wrap-editor" data-attrs="{&quot;url&quot;:&quot;https://%s/'
                    'subscribe?&quot;,&quot;text&quot;:&quot;Subscribe&quot;}"><div class="subscription-widget '
                    'show-subscribe"><div class="preamble"><p class="cta-caption">Thanks for reading Ask %s! '
                    'Subscribe for free to receive new posts and support my work.</p></div>'
                    '<form class="subscription-widget-subscribe"><input type="email" class="email-input" '
                    'name="email" placeholder="Type your email…" tabindex="-1"><input type="submit" '
                    'class="button primary" value="Subscribe"><div class="fake-input-wrapper"><div '
                    'class="fake-input"></div><div class="fake-button"></div></div></form></div></div>'
                    % (self.host(), esc(s.doctor.short)))

        def page(self, title, url, main, extra=""):
            s = self.site
            return (head(title + " - by " + s.doctor.full, url,
                         '<meta property="og:type" content="article" />\n'
                         '<meta property="og:site_name" content="Ask %s" />\n'
                         '<meta property="og:title" content="%s" />\n'
                         '<meta name="author" content="%s" />\n%s'
                         '<link rel="stylesheet" href="https://substackcdn.com/bundle/theme/main.css" />\n'
                         % (esc(s.doctor.short), esc(title), esc(s.doctor.full), extra)) +
                    '<body class="pc-root"><div id="entry"><div id="main" class="main typography use-theme-bg">\n'
                    '<div class="main-menu"><div class="topbar-content"><a href="/" class="navbar-title-link">'
                    'Ask %s</a><div class="navbar-buttons"><a class="button primary subscribe-btn" '
                    'href="/subscribe?utm_source=menu&amp;simple=true">Subscribe</a><a class="button" '
                    'href="/account/login">Sign in</a></div></div></div>\n'
                    '<div class="container">%s</div>\n'
                    '<div class="footer-wrap publication-footer"><div class="footer"><div class="footer-buttons">'
                    '<div class="copyright">© 2014 %s</div><div class="footer-terms"><a href="https://substack.com/privacy">'
                    'Privacy</a> ∙ <a href="https://substack.com/tos">Terms</a> ∙ <a href="https://substack.com/ccpa#'
                    'personal-data-collected">Collection notice</a></div></div><a class="footer-substack-cta" '
                    'href="https://substack.com/signup?utm_source=substack&amp;utm_medium=web&amp;utm_content=footer">'
                    '<div class="footer-substack-cta-text">Start writing</div></a><a href="https://substack.com/app">'
                    'Get the app</a><div class="footer-slogan-blurb">Substack is the home for great culture</div>'
                    '</div></div>\n</div></div></body>\n</html>\n'
                    % (esc(s.doctor.short), main, esc(s.doctor.full)))

        def render_post(self, p):
            s = self.site
            url = self.post_url(p)
            p.title_doctor = s.doctor.full  # the subtitle says who answers: "A reader asks, Dr. X answers"
            ld = jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "url": url,
                         "mainEntityOfPage": url, "headline": p.title,
                         "description": p.qas[0].item.question[:150],
                         "image": [{"@type": "ImageObject", "url": "https://substackcdn.com/image/fetch/%d.png" % p.pid}],
                         "datePublished": "%sT%02d:%02d:00+00:00" % (p.date.isoformat(), p.time.hour, p.time.minute),
                         "dateModified": "%sT%02d:%02d:00+00:00" % (p.date.isoformat(), p.time.hour, p.time.minute),
                         "isAccessibleForFree": True,
                         "author": [{"@type": "Person", "name": p.author, "url": "https://substack.com/@x"}],
                         "publisher": {"@type": "Organization", "name": "Ask " + s.doctor.short,
                                       "url": "https://" + self.host()}})
            share = ('<p class="button-wrapper" data-attrs="{&quot;url&quot;:&quot;%s?utm_source=substack&amp;'
                     'utm_medium=email&amp;utm_content=share&amp;action=share&quot;,&quot;text&quot;:&quot;Share'
                     '&quot;}" data-component-name="ButtonCreateButton"><a class="button primary" href="%s?'
                     'utm_source=substack&amp;utm_medium=email&amp;utm_content=share&amp;action=share"><span>Share'
                     '</span></a></p>' % (url, url))
            comments = "".join(
                '<div class="comment"><div class="comment-content"><div class="comment-meta"><span '
                'class="commenter-name"><a href="https://substack.com/profile/%d">%s</a></span><a '
                'href="%s/comment/%d" class="comment-date">%s</a></div><div class="comment-body"><p>%s</p>'
                '</div><div class="comment-actions"><button class="like-button">Like</button><button>Reply'
                '</button><button>Share</button></div></div></div>'
                % (i, esc(w), url, p.pid * 10 + i, self.fmt_date(p.date), esc(t))
                for i, (w, t) in enumerate(p.comments))
            main = (
                '<div class="single-post-container"><div class="container"><div class="single-post">'
                '<div class="post-banner-wrapper"></div>'
                '<article class="typography newsletter-post post">\n<div class="post-header" role="region" '
                'aria-label="Post header">\n<h1 dir="auto" class="post-title published">%s</h1>\n'
                '<h3 dir="auto" class="subtitle">A reader asks, %s answers</h3>\n'
                '<div class="post-meta post-meta-web"><div class="pencraft flex-direction-row">'
                '<div class="profile-hover-card-target"><a href="https://substack.com/@%s" class="pencraft '
                'link">%s</a></div><div class="pencraft color-pub-secondary-text-hGQ02T meta-EgzBVA">%s</div>'
                '</div></div>\n%s\n</div>\n'
                '<div class="available-content"><div dir="auto" class="body markup">\n%s\n%s\n%s\n</div></div>\n'
                '<div class="visibility-check"></div>\n<div class="post-footer">%s</div>\n'
                '</article>\n</div>\n'
                '<div id="discussion" class="comments-section"><div class="comments-page"><h4 class="comments-heading">'
                'Discussion about this post</h4><div class="comments-section-header"><div class="pencraft">'
                '<button class="selected">Comments</button><button>Restacks</button></div></div>'
                '<div class="comment-input"><textarea placeholder="Write a comment..."></textarea></div>'
                '<div class="comment-list">%s</div></div></div>\n'
                '<div class="post-end-cta-full"><h3>Ready for more?</h3>%s</div>\n</div></div>'
                % (esc(p.title), esc(s.doctor.short), s.doctor.last.lower(), esc(p.author),
                   self.fmt_date(p.date), self.ufi(p, "top"), self.body(p), share, self.subscribe(),
                   self.ufi(p, "bottom"), comments, self.subscribe()))
            return self.page(p.title, url, main, ld)

        def render_listing(self, posts, url, title):
            items = "".join(
                '<div class="post-preview portable-archive-post has-image"><div class="post-preview-content">'
                '<a class="post-preview-title newsletter" href="%s">%s</a><a class="post-preview-description" '
                'href="%s">%s</a><div class="post-preview-meta"><time datetime="%sT10:00:00.000Z" '
                'class="date">%s</time><span class="post-preview-author">%s</span></div>'
                '<div class="post-ufi style-compressed"><a class="post-ufi-button" aria-label="Like">%d</a>'
                '<a class="post-ufi-button" href="%s/comments">%d</a></div></div></div>'
                % (self.post_url(p), esc(p.title), self.post_url(p), esc(p.qas[0].item.question[:140]),
                   p.date.isoformat(), self.fmt_date(p.date), esc(p.author), 3 + p.pid % 40, self.post_url(p),
                   len(p.comments)) for p in posts)
            main = ('<div class="portable-archive"><div class="portable-archive-tabs"><a href="/archive?sort=new" '
                    'class="active">Latest</a><a href="/archive?sort=top">Top</a><a href="/archive?sort=search">'
                    'Discussions</a></div><div class="portable-archive-list">%s</div></div>' % items)
            return self.page(title, url, main)

        def listings(self):
            ps = list(reversed(self.site.posts))
            return [("https://%s/" % self.host(), ps[:8], "Ask " + self.site.doctor.short),
                    ("https://%s/archive" % self.host(), ps[8:20], "Archive - Ask " + self.site.doctor.short)]

        def about_url(self):
            return "https://%s/about" % self.host()

        def render_about(self, p):
            main = ('<div class="about-page"><article class="typography post"><h1 class="post-title">%s</h1>'
                    '<div class="body markup">%s</div></article>%s</div>' % (esc(p.title), self.body(p),
                                                                            self.subscribe()))
            return self.page(p.title, self.about_url(), main)

        def terms_shown(self, p):
            return [], []

    class Weebly(Platform):
        """Weebly: div.blog-post, h2.blog-title > a.blog-title-link, p.blog-date "3/14/2014",
        div.blog-content > div.paragraph with <br> lines, div.blog-social, comment link and form,
        a sidebar with Archives and Categories; no structured data, no category with the post."""
        name = "weebly"
        forms = ["from", "qa", "plain", "asked", "es", "title", "roundup", "dl"]
        dialect = "br"
        shows_byline = False  # Weebly's blog shows no author with a post

        def host(self):
            return "www.%saesthetics.com" % self.site.doctor.last.lower()

        def post_url(self, p):
            return "https://%s/blog/%s" % (self.host(), p.slug[:50].strip("-"))

        def fmt_date(self, d):
            return "%d/%d/%d" % (d.month, d.day, d.year)

        def cat_slug(self, t):
            return t.lower().replace(" ", "-")

        def post_div(self, p, single):
            url = self.post_url(p)
            if single:
                body = '<div class="paragraph" style="text-align:left;">%s</div>' % self.body(p)
            else:
                body = ('<div class="paragraph">%s<br /></div><div style="clear:both"></div>'
                        '<a class="blog-read-more-link" href="%s">Read More</a>'
                        % (esc(p.qas[0].item.question[:200]), url))
            return (
                '<div id="blog-post-%d" class="blog-post">\n<div class="blog-header">\n'
                '<h2 class="blog-title"><a class="blog-title-link blog-link" href="%s">%s</a></h2>\n'
                '<p class="blog-date"><span class="date-text">%s</span></p>\n</div>\n'
                '<div class="blog-content">%s</div>\n'
                '<div class="blog-social "><div class="blog-social-item blog-fb-like"><iframe src="about:blank" '
                'title="Facebook Like"></iframe></div><div class="blog-social-item blog-twitter"><a '
                'href="https://twitter.com/share" class="twitter-share-button" data-text="%s">Tweet</a></div></div>\n'
                '<div class="blog-footer"><div class="blog-comments-bottom"><a class="blog-link" href="%s#comments">'
                '%d Comments</a></div></div>\n</div>\n'
                % (p.pid, url, esc(p.title), self.fmt_date(p.date), body, esc(p.title), url, len(p.comments)))

        def page(self, title, main):
            s = self.site
            cats = "".join('<li><a href="https://%s/blog/category/%s">%s</a></li>' % (self.host(), self.cat_slug(t),
                                                                                     esc(t)) for t in TERMS[:6])
            months = sorted({(p.date.year, p.date.month) for p in s.posts}, reverse=True)[:6]
            archives = "<br />".join('<a href="https://%s/blog/archives/%02d-%d">%s %d</a>'
                                     % (self.host(), m, y, MONTHS[m - 1], y) for y, m in months)
            return (head(title + " - " + s.practice, None,
                         '<meta property="og:site_name" content="%s" />\n<meta property="og:title" content="%s" />\n'
                         '<link id="wsite-base-style" rel="stylesheet" type="text/css" '
                         'href="//cdn2.editmysite.com/css/sites.css?buildTime=1234" />\n'
                         '<link rel="alternate" type="application/rss+xml" title="RSS" href="https://%s/1/feed" />\n'
                         % (esc(s.practice), esc(title), self.host())) +
                    '<body class="no-header-page wsite-blog-index wsite-theme-light">\n'
                    '<div class="wrapper"><div class="header"><div class="nav-wrap"><span class="wsite-logo">'
                    '<a href="/"><span id="wsite-title">%s</span></a></span><div class="nav"><ul class="wsite-menu-default">'
                    '<li id="pg1"><a href="/" data-membership-required="0">Home</a></li>'
                    '<li id="active"><a href="/blog.html">Ask the Doctor</a></li>'
                    '<li id="pg3"><a href="/contact.html">Contact</a></li></ul></div></div></div>\n'
                    '<div class="main-wrap"><div class="container"><div id="wsite-content" class="wsite-elements '
                    'wsite-not-footer">\n<div id="blogTable" class="blogTable"><div class="blog-body">\n%s\n</div>\n'
                    '<div class="blog-sidebar"><div class="column-blog"><h2 class="wsite-content-title">Author</h2>'
                    '<div class="paragraph">%s is a %s in %s.</div>'
                    '<h2 class="wsite-content-title">Archives</h2><div class="paragraph">%s</div>'
                    '<h2 class="wsite-content-title">Categories</h2><div class="blog-category-list"><ul>'
                    '<li><a href="https://%s/blog/category/all">All</a></li>%s</ul></div>'
                    '<a href="https://%s/1/feed" class="blog-rss-link">RSS Feed</a></div></div>\n'
                    '</div>\n</div></div></div>\n'
                    '<div class="footer-wrap"><div class="container"><div class="footer"><div '
                    'class="wsite-elements wsite-footer"><div class="paragraph" style="text-align:center;">%s · '
                    'Call us to book a consultation</div></div></div></div></div>\n'
                    '<div id="weebly-footer-signup-container-v3"><a href="https://www.weebly.com/signup?utm_source='
                    'footer">Create your own unique website with customizable templates.</a> '
                    '<a href="https://www.weebly.com/">Get Started</a></div>\n</div>\n</body>\n</html>\n'
                    % (esc(s.practice), main, esc(s.doctor.full), esc(s.doctor.cred.lower()), esc(s.doctor.city),
                       archives, self.host(), cats, self.host(), esc(s.practice)))

        def render_post(self, p):
            comments = ""
            if p.comments:
                comments = "".join(
                    '<div id="%d" class="blogCommentWrap"><div class="blogCommentHeading"><span '
                    'class="blogCommentAuthor">%s</span><span class="blogCommentDate">%s %d:%02d%s</span></div>'
                    '<div class="blogCommentText"><div>%s</div></div><div class="blogCommentReplyWrapper"><a '
                    'class="blog-link" href="#">Reply</a></div></div>'
                    % (p.pid * 10 + i, esc(w), self.fmt_date(p.date), (p.time.hour - 1) % 12 + 1, p.time.minute,
                       "am" if p.time.hour < 12 else "pm", esc(t)) for i, (w, t) in enumerate(p.comments))
            comments = ('<div id="comments" class="blog-comments"><div class="blogCommentsTitle">%d Comments</div>'
                        '%s</div>' % (len(p.comments), comments)) if p.comments else ""
            form = ('<div id="commentArea"><h2 id="commentReplyTitle" class="blog-comment-title">Leave a Reply.</h2>'
                    '<form id="commentForm" class="blogCommentForm" method="post" action="/ajax/apps/formSubmitAjax.php">'
                    '<label>Name (required)</label><input type="text" name="name" /><label>Email (not published)'
                    '</label><input type="text" name="email" /><label>Website</label><input type="text" name="url" />'
                    '<label>Comments</label><textarea name="comment"></textarea><label><input type="checkbox" '
                    'name="notify" /> Notify me of new comments to this post by email</label>'
                    '<input type="submit" value="Submit" /></form></div>')
            return self.page(p.title, self.post_div(p, True) + comments + form)

        def render_listing(self, posts, url, title):
            main = "".join(self.post_div(p, False) for p in posts)
            main += ('<div class="blog-page-nav-previous"><a href="https://%s/blog/previous/2" class="blog-link">'
                     '&lt;&lt;Previous</a></div>' % self.host())
            return self.page(title, main)

        def listings(self):
            ps = list(reversed(self.site.posts))
            cat = TERMS[1]
            return [("https://%s/blog" % self.host(), ps[:5], "Ask the Doctor"),
                    ("https://%s/blog/previous/2" % self.host(), ps[5:10], "Ask the Doctor"),
                    ("https://%s/blog/category/%s" % (self.host(), self.cat_slug(cat)),
                     [p for p in self.site.posts if cat in p.categories][:5], cat)]

        def about_url(self):
            return "https://%s/about.html" % self.host()

        def render_about(self, p):
            main = ('<div class="blog-post"><h2 class="wsite-content-title">%s</h2><div class="paragraph">%s</div></div>'
                    % (esc(p.title), self.body(p)))
            return self.page(p.title, main)

        def terms_shown(self, p):
            return [], []

    return [Substack, Weebly]
