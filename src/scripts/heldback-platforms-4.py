"""Fourth held-back platforms for make-platform-archive (--extra-platforms src/scripts/heldback-platforms-4.py).

TEST-DATA GENERATOR (not product code).  Written on 2026-12-06 after the third pair had been used up,
by someone who did not read the importer's code, from the platforms' own templates (WordPress's
twentytwentyfour repository: templates/single.html, page.html, parts/*.html, patterns/hidden-post-meta,
hidden-comments, hidden-post-navigation, footer, posts-1-col, template-index-blogging and
template-archive-blogging; hugo-PaperMod v8.0: layouts/_default/single.html, list.html, baseof.html and
partials/post_meta, author, breadcrumbs, toc, anchored_headings, share_icons, post_nav_links, footer,
head and templates/opengraph, twitter_cards, schema_json), and run against the importer once, when the
rules were done.

  wp-block     WordPress 6.8 with the block theme Twenty Twenty-Four (full-site editing), as it renders
               the block markup: body.wp-singular.single-post, div.wp-site-blocks, header and footer
               as header/footer.wp-block-template-part, main.wp-block-group, h1.wp-block-post-title,
               the post-meta template part (div.wp-block-post-date > time[datetime] > a "Mar 14, 2014",
               "by", div.wp-block-post-author-name, div.taxonomy-category.wp-block-post-terms "in
               <category>"), the text in div.entry-content.wp-block-post-content.is-layout-constrained
               (headings with class wp-block-heading, tables in figure.wp-block-table), the tags as
               div.taxonomy-post_tag.wp-block-post-terms.is-style-pill, the comments block (h2
               "Comments", h3.wp-block-comments-title "3 responses to "<title>"", the comment
               template's ol/li with author, date, content and reply link, the post-comments form),
               the post navigation ("Previous: <title>" / "Next: <title>") and the footer ("Designed
               with WordPress").  No article element and no hentry class anywhere (block themes have
               neither).  Head: Yoast SEO's canonical link, OpenGraph, twitter labels and its JSON-LD
               @graph (Article, WebPage, BreadcrumbList, WebSite, Organization, Person) whose
               datePublished is in UTC, as Yoast writes it, so for evening posts it is the next day;
               the page shows the local date.  Posts at /slug/ (no date in the address).  Listings:
               the blog page /blog/ and /blog/page/2/ (a query loop, ul.wp-block-post-template of
               li.wp-block-post teasers: title link, post meta, 55-word excerpt;
               nav.wp-block-query-pagination) and a category archive (h1.wp-block-query-title
               "Category: <span>x</span>").
  hugo-papermod  A Hugo site with the PaperMod theme (v8.0): main.main > article.post-single,
               header.post-header with div.breadcrumbs ("Home » Posts"), h1.post-title.entry-hint-parent,
               div.post-description (the front matter's description, when the post has one: "A reader
               asks about ..."), div.post-meta "<span title='2014-03-14 10:30:00 +0000 UTC'>March 14,
               2014</span>&nbsp;·&nbsp;3 min&nbsp;·&nbsp;<author>", div.toc (details/summary "Table of
               Contents", only when the text has headings), div.post-content (markdown output: headings
               with ids and PaperMod's hidden "#" anchors), footer.post-footer with ul.post-tags (tag
               links), nav.paginav (« Prev / Next » with the neighbouring posts' titles) and
               ul.share-buttons (the title in every aria-label), then Staticman-style static comments
               (section.comments, a site's override of PaperMod's empty comments.html partial) and
               their form.  Head: canonical, OpenGraph, twitter cards, the
               schema_json partial's BreadcrumbList and BlogPosting JSON-LD (with the whole text as
               articleBody).  Posts at /posts/slug/.  Listings: the home page (article.first-entry.home-info, then
               article.post-entry teasers: header.entry-header h2, div.entry-content p summary,
               footer.entry-footer meta, a.entry-link; footer.page-footer nav.pagination), /page/2/
               and a tag page /tags/x/.  Categories are never shown; tags are.
"""

import datetime as _dt
import html as _html
import json as _json
import re as _re


def _plain(fragment):
    """The text of an HTML fragment, as a template's plainify gives it."""
    t = _re.sub(r"<[^>]+>", " ", fragment)
    return _re.sub(r"\s+", " ", _html.unescape(t)).strip()


def _words(fragment, n):
    w = _plain(fragment).split(" ")
    return " ".join(w[:n]), len(w) > n


def register(api):
    esc, head, jsonld, MONTHS = api.esc, api.head, api.jsonld, api.MONTHS
    Platform = api.Platform

    # ------------------------------------------------------------------ WordPress block theme

    class WordPressBlock(Platform):
        """WordPress 6.8, Twenty Twenty-Four block theme: div.wp-site-blocks, h1.wp-block-post-title,
        div.wp-block-post-date > time, div.wp-block-post-author-name, category and tag post-terms,
        div.entry-content.wp-block-post-content, the comments block and form, post navigation links;
        no article, no hentry; Yoast head (JSON-LD @graph in UTC); posts at /slug/."""
        name = "wp-block"
        forms = ["from", "plain", "title", "heading", "roundup", "table", "es", "qa"]

        OFFSET = "-05:00"

        def host(self):
            return "www.%smd.com" % self.site.doctor.last.lower()

        def home(self):
            return "https://%s/" % self.host()

        def post_url(self, p):
            return "https://%s/%s/" % (self.host(), p.slug[:60].strip("-"))

        def fmt_date(self, d):
            return "%s %d, %d" % (MONTHS[d.month - 1][:3], d.day, d.year)

        def site_title(self):
            return self.site.practice

        def author_slug(self, p):
            return _re.sub(r"[^a-z0-9]+", "-", p.author.lower()).strip("-")

        def term_slug(self, t):
            return _re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-")

        def local_iso(self, p):
            return "%sT%02d:%02d:00%s" % (p.date.isoformat(), p.time.hour, p.time.minute, self.OFFSET)

        def utc_iso(self, p):
            t = _dt.datetime(p.date.year, p.date.month, p.date.day, p.time.hour, p.time.minute) + \
                _dt.timedelta(hours=5)
            return t.strftime("%Y-%m-%dT%H:%M:%S") + "+00:00"

        def content(self, p):
            """The post's blocks as WordPress saves them: headings get wp-block-heading, tables a figure."""
            b = self.body(p).replace("<b>", "<strong>").replace("</b>", "</strong>")  # the editor's bold
            b = _re.sub(r"<(h[2-4])>", r'<\1 class="wp-block-heading">', b)
            b = b.replace('<table class="qa-table">', '<figure class="wp-block-table"><table class="qa-table">')
            b = b.replace("</table>", "</table></figure>")
            return b

        def excerpt(self, p):
            text, more = _words(self.content(p), 55)
            return esc(text) + ("&hellip;" if more else "")

        def nav_links(self, items, label, cls, size=""):
            lis = "".join(
                '<li class=" wp-block-navigation-item wp-block-navigation-link"><a class="wp-block-navigation-item__content" '
                ' href="%s"><span class="wp-block-navigation-item__label">%s</span></a></li>' % (href, esc(text))
                for text, href in items)
            return ('<nav class="%s wp-block-navigation is-layout-flex wp-block-navigation-is-layout-flex" '
                    'aria-label="%s"><ul class="wp-block-navigation__container %s wp-block-navigation%s">%s</ul></nav>'
                    % (cls, esc(label), cls, size, lis))

        def page(self, title, canonical, main, body_class, extra=""):
            s = self.site
            h = self.home()
            menu = [("Home", h), ("Ask the Doctor", h + "blog/"), ("About", h + "about/"), ("Contact", h + "contact/")]
            header = (
                '<header class="wp-block-template-part">\n'
                '<div class="wp-block-group alignwide has-base-background-color has-background is-layout-constrained '
                'wp-block-group-is-layout-constrained" style="padding-top:20px;padding-bottom:20px">\n'
                '<div class="wp-block-group alignwide is-content-justification-space-between is-layout-flex '
                'wp-container-core-group-is-layout-3 wp-block-group-is-layout-flex">\n'
                '<div class="wp-block-group is-layout-flex wp-container-core-group-is-layout-1 wp-block-group-is-layout-flex">'
                '<div class="wp-block-site-logo"><a href="%s" class="custom-logo-link" rel="home"><img width="60" '
                'height="60" src="%swp-content/uploads/2023/11/logo.png" class="custom-logo" alt="%s" decoding="async" />'
                '</a></div>\n<div class="wp-block-group is-layout-flow wp-block-group-is-layout-flow">'
                '<p class="wp-block-site-title"><a href="%s" target="_self" rel="home">%s</a></p></div>\n</div>\n'
                '<nav class="is-responsive items-justified-right wp-block-navigation is-horizontal '
                'is-content-justification-right is-layout-flex wp-container-core-navigation-is-layout-1 '
                'wp-block-navigation-is-layout-flex" aria-label="Header navigation">'
                '<button aria-haspopup="dialog" aria-label="Open menu" class="wp-block-navigation__responsive-container-open" '
                'data-wp-on--click="actions.openMenuOnClick"><svg width="24" height="24" xmlns="http://www.w3.org/2000/svg" '
                'viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="4" y="7.5" width="16" height="1.5" />'
                '<rect x="4" y="15" width="16" height="1.5" /></svg></button>\n'
                '<div class="wp-block-navigation__responsive-container" id="modal-1"><div '
                'class="wp-block-navigation__responsive-close" tabindex="-1"><div class="wp-block-navigation__responsive-dialog">'
                '<button aria-label="Close menu" class="wp-block-navigation__responsive-container-close"><svg '
                'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" '
                'focusable="false"><path d="m13.06 12 6.47-6.47-1.06-1.06L12 10.94 5.53 4.47 4.47 5.53 10.94 12l-6.47 '
                '6.47 1.06 1.06L12 13.06l6.47 6.47 1.06-1.06L13.06 12Z"></path></svg></button>'
                '<div class="wp-block-navigation__responsive-container-content" id="modal-1-content">'
                '<ul class="wp-block-navigation__container is-responsive items-justified-right wp-block-navigation">%s</ul>'
                '</div></div></div></div></nav>\n</div>\n</div>\n</header>\n'
                % (h, h, esc(s.practice), h, esc(self.site_title()),
                   "".join('<li class=" wp-block-navigation-item wp-block-navigation-link"><a '
                           'class="wp-block-navigation-item__content" href="%s"><span '
                           'class="wp-block-navigation-item__label">%s</span></a></li>' % (u, esc(t)) for t, u in menu)))
            col = ('<div class="wp-block-group is-vertical is-content-justification-stretch is-layout-flex '
                   'wp-block-group-is-layout-flex"><h2 class="wp-block-heading has-medium-font-size has-body-font-family" '
                   'style="font-style:normal;font-weight:600">%s</h2><div class="wp-block-group is-vertical is-layout-flex '
                   'wp-block-group-is-layout-flex">%s</div></div>')
            footer = (
                '<footer class="wp-block-template-part">\n'
                '<div class="wp-block-group is-layout-constrained wp-block-group-is-layout-constrained" '
                'style="padding-top:var(--wp--preset--spacing--50);padding-bottom:var(--wp--preset--spacing--50)">\n'
                '<div class="wp-block-columns alignwide is-layout-flex wp-container-core-columns-is-layout-1 '
                'wp-block-columns-is-layout-flex">\n<div class="wp-block-column is-layout-flow '
                'wp-block-column-is-layout-flow" style="flex-basis:30%%"><div class="wp-block-group is-vertical '
                'is-layout-flex wp-block-group-is-layout-flex"><p class="wp-block-site-title has-medium-font-size">'
                '<a href="%s" target="_self" rel="home">%s</a></p>\n<p class="wp-block-site-tagline has-small-font-size">'
                'Skin, surgery and recovery: your questions answered</p></div></div>\n'
                '<div class="wp-block-column is-layout-flow wp-block-column-is-layout-flow" style="flex-basis:20%%"></div>\n'
                '<div class="wp-block-column is-layout-flow wp-block-column-is-layout-flow" style="flex-basis:50%%">'
                '<div class="wp-block-group is-content-justification-space-between is-layout-flex '
                'wp-block-group-is-layout-flex">%s%s%s</div></div>\n</div>\n'
                '<div class="wp-block-group alignwide is-layout-flow wp-block-group-is-layout-flow" '
                'style="padding-top:var(--wp--preset--spacing--50);padding-bottom:0">\n'
                '<p class="has-contrast-2-color has-text-color has-link-color has-small-font-size">'
                'Designed with <a href="https://wordpress.org" rel="nofollow">WordPress</a></p>\n</div>\n</div>\n'
                '</footer>\n'
                % (h, esc(self.site_title()),
                   col % ("About", self.nav_links([("Our Team", h + "team/"), ("Treatments", h + "treatments/"),
                                                   ("Book a Consultation", h + "contact/")], "About",
                                                  "has-small-font-size is-vertical", " has-small-font-size")),
                   col % ("Privacy", self.nav_links([("Privacy Policy", h + "privacy-policy/"),
                                                     ("Terms and Conditions", h + "terms/"),
                                                     ("Contact Us", h + "contact/")], "Privacy",
                                                    "has-small-font-size is-vertical", " has-small-font-size")),
                   col % ("Social", self.nav_links([("Facebook", "https://www.facebook.com/%s" % self.host()),
                                                    ("Instagram", "https://www.instagram.com/%s" % self.host()),
                                                    ("Twitter/X", "https://x.com/%s" % self.host())], "Social Media",
                                                   "has-small-font-size is-vertical", " has-small-font-size"))))
            return (head(title, canonical,
                         "<meta name='robots' content='index, follow, max-image-preview:large, max-snippet:-1, "
                         "max-video-preview:-1' />\n%s<!-- / Yoast SEO plugin. -->\n"
                         "<link rel='dns-prefetch' href='//www.googletagmanager.com' />\n"
                         '<link rel="alternate" type="application/rss+xml" title="%s &raquo; Feed" href="%sfeed/" />\n'
                         '<link rel="alternate" type="application/rss+xml" title="%s &raquo; Comments Feed" '
                         'href="%scomments/feed/" />\n'
                         "<style id='wp-block-site-title-inline-css'>.wp-block-site-title{box-sizing:border-box}"
                         ".wp-block-site-title :where(a){color:inherit}</style>\n"
                         "<link rel='stylesheet' id='wp-block-library-css' href='%swp-includes/css/dist/block-library/"
                         "style.min.css?ver=6.8.1' media='all' />\n"
                         '<link rel="https://api.w.org/" href="%swp-json/" />\n'
                         '<meta name="generator" content="WordPress 6.8.1" />\n'
                         % (extra, esc(self.site_title()), self.home(), esc(self.site_title()), self.home(),
                            self.home(), self.home())) +
                    '<body class="%s wp-custom-logo wp-embed-responsive">\n\n'
                    '<div class="wp-site-blocks">%s\n%s\n%s</div>\n'
                    "<script id=\"wp-block-template-skip-link-js-after\">\n\t( function() {\n\t\tvar skipLinkTarget = "
                    "document.querySelector( 'main' ), sibling, skipLinkTargetID, skipLink;\n\t}() );\n</script>\n"
                    "<script src='%swp-includes/js/comment-reply.min.js?ver=6.8.1' id='comment-reply-js' async='async' "
                    "data-wp-strategy='async'></script>\n</body>\n</html>\n"
                    % (body_class, header, main, footer, self.home()))

        def post_meta(self, p, link_date):
            """The post-meta template part (pattern hidden-post-meta)."""
            date = ('<a href="%s">%s</a>' % (self.post_url(p), self.fmt_date(p.date))) if link_date else \
                self.fmt_date(p.date)
            cats = "".join('<a href="%scategory/%s/" rel="tag">%s</a>' % (self.home(), self.term_slug(t), esc(t))
                           for t in p.categories)
            return (
                '<div class="wp-block-template-part">\n'
                '<div class="wp-block-group is-layout-constrained wp-block-group-is-layout-constrained">\n'
                '<div class="wp-block-group is-content-justification-left is-layout-flex '
                'wp-container-core-group-is-layout-6 wp-block-group-is-layout-flex">\n'
                '<div class="wp-block-post-date"><time datetime="%s">%s</time></div>\n\n'
                '<p class="has-contrast-2-color has-text-color">—</p>\n\n'
                '<p class="has-small-font-size has-contrast-2-color has-text-color">by</p>\n\n'
                '<div class="wp-block-post-author-name"><a href="%sauthor/%s/" target="_self" '
                'class="wp-block-post-author-name__link">%s</a></div>\n\n'
                '<div class="taxonomy-category wp-block-post-terms"><span class="wp-block-post-terms__prefix">in </span>'
                '%s</div>\n</div>\n</div>\n</div>'
                % (self.local_iso(p), date, self.home(), self.author_slug(p), esc(p.author), cats))

        def comments_block(self, p):
            url = self.post_url(p)
            n = len(p.comments)
            out = ['<div class="wp-block-comments wp-block-comments-query-loop">\n'
                   '<h2 class="wp-block-heading">Comments</h2>\n']
            if n:
                out.append('<h3 id="comments" class="wp-block-comments-title">%s to &#8220;%s&#8221;</h3>\n'
                           % ("One response" if n == 1 else "%d responses" % n, esc(p.title)))
                out.append('<ol class="wp-block-comment-template">')
                for i, (who, text) in enumerate(p.comments):
                    cid = p.pid * 10 + i + 1
                    day = p.date.toordinal() + 1 + i
                    d = _dt.date.fromordinal(day)
                    hour = 8 + (cid % 11)
                    out.append(
                        '<li id="comment-%d" class="comment %s thread-%s depth-1">\n'
                        '<div class="wp-block-group is-layout-flow wp-block-group-is-layout-flow" '
                        'style="margin-top:0;margin-bottom:var(--wp--preset--spacing--30)">\n'
                        '<div class="wp-block-group is-nowrap is-layout-flex wp-container-core-group-is-layout-9 '
                        'wp-block-group-is-layout-flex"><div class="wp-block-avatar"><img alt=\'%s Avatar\' '
                        'src=\'https://secure.gravatar.com/avatar/%032x?s=40&#038;d=mm&#038;r=g\' '
                        'class=\'avatar avatar-40 photo wp-block-avatar__image\' height=\'40\' width=\'40\' '
                        'style="border-radius:20px;"/></div>\n'
                        '<div class="wp-block-group is-layout-flow wp-block-group-is-layout-flow">'
                        '<div class="wp-block-comment-author-name">%s</div>\n'
                        '<div class="wp-block-comment-date"><time datetime="%sT%02d:12:00%s"><a href="%s#comment-%d">'
                        '%s %d, %d at %d:12 %s</a></time></div></div>\n</div>\n'
                        '<div class="wp-block-comment-content"><p>%s</p>\n</div>\n'
                        '<div class="wp-block-group is-nowrap is-layout-flex wp-block-group-is-layout-flex">'
                        '<div class="wp-block-comment-reply-link"><a rel="nofollow" class="comment-reply-link" '
                        'href="#comment-%d" data-commentid="%d" data-postid="%d" data-belowelement="comment-%d" '
                        'data-respondelement="respond" data-replyto="Reply to %s" aria-label="Reply to %s">Reply</a>'
                        '</div></div>\n</div>\n</li><!-- #comment-## -->\n'
                        % (cid, "odd alt" if i % 2 else "even", "odd thread-alt" if i % 2 else "even", esc(who),
                           cid * 7919, esc(who), d.isoformat(), hour, self.OFFSET, url, cid,
                           MONTHS[d.month - 1], d.day, d.year, (hour - 1) % 12 + 1, "am" if hour < 12 else "pm",
                           esc(text), cid, cid, p.pid, cid, esc(who), esc(who)))
                out.append('</ol>\n')
            out.append(
                '<div class="wp-block-post-comments-form" style="padding-top:var(--wp--preset--spacing--20);'
                'padding-bottom:var(--wp--preset--spacing--20)">\t<div id="respond" class="comment-respond">\n'
                '\t\t<h3 id="reply-title" class="comment-reply-title">Leave a Reply <small><a rel="nofollow" '
                'id="cancel-comment-reply-link" href="%s#respond" style="display:none;">Cancel reply</a></small></h3>'
                '<form action="%swp-comments-post.php" method="post" id="commentform" class="comment-form">'
                '<p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> '
                '<span class="required-field-message">Required fields are marked <span class="required">*</span></span></p>'
                '<p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> '
                '<textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>'
                '<p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> '
                '<input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" '
                'required /></p>\n<p class="comment-form-email"><label for="email">Email <span class="required">*</span>'
                '</label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" '
                'aria-describedby="email-notes" autocomplete="email" required /></p>\n'
                '<p class="comment-form-url"><label for="url">Website</label> <input id="url" name="url" type="url" '
                'value="" size="30" maxlength="200" autocomplete="url" /></p>\n'
                '<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" '
                'name="wp-comment-cookies-consent" type="checkbox" value="yes" /> <label '
                'for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time '
                'I comment.</label></p>\n<p class="form-submit wp-block-button"><input name="submit" type="submit" '
                'id="submit" class="wp-block-button__link wp-element-button" value="Post Comment" /> '
                "<input type='hidden' name='comment_post_ID' value='%d' id='comment_post_ID' />\n"
                "<input type='hidden' name='comment_parent' id='comment_parent' value='0' />\n</p></form>"
                '\t</div><!-- #respond -->\n\t</div>\n</div>' % (url, self.home(), p.pid))
            return "".join(out)

        def post_nav(self, p):
            ps = self.site.posts
            i = ps.index(p)
            prev = ps[i - 1] if i > 0 else None
            nxt = ps[i + 1] if i + 1 < len(ps) else None
            out = ['<nav class="wp-block-group is-content-justification-space-between is-nowrap is-layout-flex '
                   'wp-container-core-group-is-layout-11 wp-block-group-is-layout-flex" '
                   'style="padding-top:var(--wp--preset--spacing--40);padding-bottom:var(--wp--preset--spacing--40)" '
                   'aria-label="Posts">']
            if prev:
                out.append('<div class="post-navigation-link-previous wp-block-post-navigation-link">'
                           '<span class="wp-block-post-navigation-link__arrow-previous is-arrow-arrow" '
                           'aria-hidden="true">←</span><a href="%s" rel="prev"><span '
                           'class="post-navigation-link__label">Previous: </span> <span '
                           'class="post-navigation-link__title">%s</span></a></div>' % (self.post_url(prev), esc(prev.title)))
            if nxt:
                out.append('<div class="post-navigation-link-next wp-block-post-navigation-link"><a href="%s" '
                           'rel="next"><span class="post-navigation-link__label">Next: </span> <span '
                           'class="post-navigation-link__title">%s</span></a><span '
                           'class="wp-block-post-navigation-link__arrow-next is-arrow-arrow" aria-hidden="true">→</span>'
                           '</div>' % (self.post_url(nxt), esc(nxt.title)))
            out.append('</nav>')
            return "\n".join(out)

        def yoast(self, p, url):
            h = self.home()
            person = h + "#/schema/person/%032x" % (sum(map(ord, p.author)) * 104729)
            words = len(_plain(self.content(p)).split(" "))
            article = {"@type": "Article", "@id": url + "#article", "isPartOf": {"@id": url},
                       "author": {"name": p.author, "@id": person}, "headline": p.title,
                       "datePublished": self.utc_iso(p), "dateModified": self.utc_iso(p),
                       "mainEntityOfPage": {"@id": url}, "wordCount": words, "commentCount": len(p.comments),
                       "publisher": {"@id": h + "#organization"}, "articleSection": list(p.categories),
                       "inLanguage": "en-US",
                       "potentialAction": [{"@type": "CommentAction", "name": "Comment",
                                            "target": [url + "#respond"]}]}
            if p.tags:
                article["keywords"] = list(p.tags)
            graph = [
                article,
                {"@type": "WebPage", "@id": url, "url": url, "name": "%s - %s" % (p.title, self.site_title()),
                 "isPartOf": {"@id": h + "#website"}, "datePublished": self.utc_iso(p),
                 "dateModified": self.utc_iso(p), "breadcrumb": {"@id": url + "#breadcrumb"}, "inLanguage": "en-US",
                 "potentialAction": [{"@type": "ReadAction", "target": [url]}]},
                {"@type": "BreadcrumbList", "@id": url + "#breadcrumb",
                 "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Home", "item": h},
                                     {"@type": "ListItem", "position": 2, "name": "Ask the Doctor", "item": h + "blog/"},
                                     {"@type": "ListItem", "position": 3, "name": p.title}]},
                {"@type": "WebSite", "@id": h + "#website", "url": h, "name": self.site_title(),
                 "description": "Skin, surgery and recovery: your questions answered",
                 "publisher": {"@id": h + "#organization"},
                 "potentialAction": [{"@type": "SearchAction", "target": {"@type": "EntryPoint",
                                                                          "urlTemplate": h + "?s={search_term_string}"},
                                      "query-input": {"@type": "PropertyValueSpecification", "valueRequired": True,
                                                      "valueName": "search_term_string"}}],
                 "inLanguage": "en-US"},
                {"@type": "Organization", "@id": h + "#organization", "name": self.site.practice, "url": h,
                 "logo": {"@type": "ImageObject", "inLanguage": "en-US", "@id": h + "#/schema/logo/image/",
                          "url": h + "wp-content/uploads/2023/11/logo.png", "width": 512, "height": 512,
                          "caption": self.site.practice}},
                {"@type": "Person", "@id": person, "name": p.author,
                 "url": h + "author/%s/" % self.author_slug(p)}]
            js = jsonld({"@context": "https://schema.org", "@graph": graph})
            js = js.replace('<script type="application/ld+json">',
                            '<script type="application/ld+json" class="yoast-schema-graph">')
            words_min = max(1, (words + 199) // 200)
            return ('<meta property="og:locale" content="en_US" />\n<meta property="og:type" content="article" />\n'
                    '<meta property="og:title" content="%s" />\n<meta property="og:description" content="%s" />\n'
                    '<meta property="og:url" content="%s" />\n<meta property="og:site_name" content="%s" />\n'
                    '<meta property="article:published_time" content="%s" />\n<meta name="author" content="%s" />\n'
                    '<meta name="twitter:card" content="summary_large_image" />\n'
                    '<meta name="twitter:label1" content="Written by" />\n<meta name="twitter:data1" content="%s" />\n'
                    '<meta name="twitter:label2" content="Est. reading time" />\n'
                    '<meta name="twitter:data2" content="%d minute%s" />\n%s'
                    % (esc(p.title), self.excerpt(p), url, esc(self.site_title()), self.utc_iso(p), esc(p.author),
                       esc(p.author), words_min, "" if words_min == 1 else "s", js))

        def render_post(self, p):
            url = self.post_url(p)
            tags = ""
            if p.tags:
                tags = ('<div class="is-style-pill taxonomy-post_tag wp-block-post-terms">%s</div>\n' %
                        '<span class="wp-block-post-terms__separator">  </span>'.join(
                            '<a href="%stag/%s/" rel="tag">%s</a>' % (self.home(), self.term_slug(t), esc(t))
                            for t in p.tags))
            main = (
                '<main class="wp-block-group alignfull is-layout-flow wp-block-group-is-layout-flow">\n'
                '<div class="wp-block-group is-layout-constrained wp-block-group-is-layout-constrained" '
                'style="margin-bottom:var(--wp--preset--spacing--40);padding-top:var(--wp--preset--spacing--50)">\n\n'
                '<div class="wp-block-group is-vertical is-content-justification-stretch is-layout-flex '
                'wp-container-core-group-is-layout-5 wp-block-group-is-layout-flex" style="padding-top:0;padding-bottom:0">'
                '<h1 class="wp-block-post-title has-x-large-font-size">%s</h1>\n\n%s</div>\n</div>\n\n'
                '<div class="entry-content alignfull wp-block-post-content has-global-padding is-layout-constrained '
                'wp-block-post-content-is-layout-constrained">\n%s\n</div>\n\n'
                '<div class="wp-block-group is-layout-constrained wp-block-group-is-layout-constrained" '
                'style="margin-top:var(--wp--preset--spacing--40);padding-bottom:var(--wp--preset--spacing--50)">'
                '%s\n<div class="wp-block-group is-layout-constrained wp-block-group-is-layout-constrained">\n'
                '<div style="height:var(--wp--preset--spacing--40)" aria-hidden="true" class="wp-block-spacer">\n</div>\n\n'
                '<hr class="wp-block-separator has-text-color has-contrast-3-color has-alpha-channel-opacity '
                'has-contrast-3-background-color has-background is-style-wide" '
                'style="margin-bottom:var(--wp--preset--spacing--40)"/>\n\n%s\n\n%s\n</div>\n</div>\n</main>'
                % (esc(p.title), self.post_meta(p, True), self.content(p), tags, self.comments_block(p),
                   self.post_nav(p)))
            return self.page("%s - %s" % (p.title, self.site_title()), url, main,
                             "wp-singular post-template-default single single-post postid-%d single-format-standard"
                             % p.pid, self.yoast(p, url))

        def teaser(self, p):
            cls = " ".join(["wp-block-post", "post-%d" % p.pid, "post", "type-post", "status-publish",
                            "format-standard"] + ["category-%s" % self.term_slug(t) for t in p.categories] +
                           ["tag-%s" % self.term_slug(t) for t in p.tags])
            return (
                '<li class="%s">\n<div class="wp-block-group is-vertical is-nowrap is-layout-flex '
                'wp-container-core-group-is-layout-8 wp-block-group-is-layout-flex">'
                '<h2 class="wp-block-post-title has-x-large-font-size" style="margin-bottom:0"><a href="%s" '
                'target="_self" >%s</a></h2>\n\n%s\n\n'
                '<div class="wp-block-post-excerpt has-small-font-size"><p class="wp-block-post-excerpt__excerpt">%s </p>'
                '</div>\n\n<div style="height:var(--wp--preset--spacing--30)" aria-hidden="true" class="wp-block-spacer">\n'
                '</div>\n</div>\n\n</li>' % (cls, self.post_url(p), esc(p.title), self.post_meta(p, True),
                                           self.excerpt(p)))

        def render_listing(self, posts, url, title):
            h = self.home()
            if "/category/" in url:
                heading = ('<h1 class="wp-block-query-title" style="padding-top:var(--wp--preset--spacing--50);'
                           'line-height:1">Category: <span>%s</span></h1>' % esc(title))
                body_class = "archive category category-%s category-%d" % (self.term_slug(title), 3 + len(title))
                nxt = url + "page/2/"
                prev = None
                doc_title = "%s Archives - %s" % (title, self.site_title())
            else:
                heading = ('<h1 class="wp-block-heading" style="padding-top:var(--wp--preset--spacing--50);'
                           'line-height:1">Ask the Doctor</h1>')
                page2 = url.endswith("/page/2/")
                body_class = "blog paged paged-2" if page2 else "blog"
                nxt = h + "blog/page/3/" if page2 else h + "blog/page/2/"
                prev = h + "blog/" if page2 else None
                doc_title = ("Ask the Doctor - Page 2 of 6 - %s" if page2 else "Ask the Doctor - %s") % self.site_title()
            pag = ('<nav class="wp-block-query-pagination is-content-justification-space-between is-layout-flex '
                   'wp-container-core-query-pagination-is-layout-1 wp-block-query-pagination-is-layout-flex" '
                   'aria-label="Pagination">%s%s</nav>' % (
                       ('<a href="%s" class="wp-block-query-pagination-previous"><span '
                        'class="wp-block-query-pagination-previous-arrow is-arrow-arrow" aria-hidden="true">←</span>'
                        'Previous Page</a>' % prev) if prev else "",
                       '<a href="%s" class="wp-block-query-pagination-next">Next Page<span '
                       'class="wp-block-query-pagination-next-arrow is-arrow-arrow" aria-hidden="true">→</span></a>' % nxt))
            main = (
                '<main class="wp-block-group is-layout-constrained wp-block-group-is-layout-constrained" '
                'style="margin-top:0">%s\n\n<div class="wp-block-query is-layout-constrained '
                'wp-block-query-is-layout-constrained">\n<div class="wp-block-group is-layout-flow '
                'wp-block-group-is-layout-flow" style="margin-top:0;margin-bottom:0;padding-top:var(--wp--preset--spacing--50);'
                'padding-right:0;padding-bottom:var(--wp--preset--spacing--50);padding-left:0">'
                '<ul class="alignfull wp-block-post-template is-layout-flow wp-block-post-template-is-layout-flow">%s</ul>\n\n'
                '<div style="margin-top:0;margin-bottom:0;height:var(--wp--preset--spacing--50)" aria-hidden="true" '
                'class="wp-block-spacer"></div>\n\n%s\n</div>\n</div>\n</main>'
                % (heading, "".join(self.teaser(p) for p in posts), pag))
            extra = ('<meta property="og:locale" content="en_US" />\n'
                     '<meta property="og:type" content="website" />\n<meta property="og:title" content="%s" />\n'
                     '<meta property="og:url" content="%s" />\n<meta property="og:site_name" content="%s" />\n'
                     % (esc(doc_title), url, esc(self.site_title())))
            return self.page(doc_title, url, main, body_class, extra)

        def listings(self):
            ps = list(reversed(self.site.posts))
            h = self.home()
            cat = self.site.posts[0].categories[0]
            return [(h + "blog/", ps[:10], "Ask the Doctor"),
                    (h + "blog/page/2/", ps[10:20], "Ask the Doctor"),
                    (h + "category/%s/" % self.term_slug(cat),
                     [p for p in reversed(self.site.posts) if cat in p.categories][:10], cat)]

        def about_url(self):
            return self.home() + "about/"

        def render_about(self, p):
            url = self.about_url()
            main = (
                '<main class="wp-block-group is-layout-flow wp-block-group-is-layout-flow">\n'
                '<div class="wp-block-group is-layout-constrained wp-block-group-is-layout-constrained">\n'
                '<div style="height:var(--wp--preset--spacing--50)" aria-hidden="true" class="wp-block-spacer"></div>\n\n'
                '<h1 style="margin-top:0;margin-bottom:0" class="has-text-align-center wp-block-post-title">%s</h1>\n\n'
                '<div style="margin-top:0;margin-bottom:0;height:var(--wp--preset--spacing--30)" aria-hidden="true" '
                'class="wp-block-spacer"></div>\n</div>\n\n'
                '<div class="entry-content wp-block-post-content has-global-padding is-layout-constrained '
                'wp-block-post-content-is-layout-constrained">\n%s\n</div>\n</main>' % (esc(p.title), self.body(p)))
            extra = ('<meta property="og:type" content="article" />\n'
                     '<meta property="og:title" content="%s" />\n' % esc(p.title))
            return self.page("%s - %s" % (p.title, self.site_title()), url, main,
                             "wp-singular page-template-default page page-id-2", extra)

        def terms_shown(self, p):
            # the post-meta part shows the category ("in Skin Care"), the tag post-terms block the tags
            return list(p.categories), list(p.tags)

    # ------------------------------------------------------------------ Hugo + PaperMod

    class HugoPaperMod(Platform):
        """Hugo with PaperMod v8.0: article.post-single, div.breadcrumbs, h1.post-title.entry-hint-parent,
        div.post-description, div.post-meta (span[title] date · N min · author), div.toc, div.post-content
        with anchored headings, ul.post-tags, nav.paginav, ul.share-buttons, static comments;
        BreadcrumbList and BlogPosting JSON-LD; posts at /posts/slug/."""
        name = "hugo-papermod"
        forms = ["title", "qa", "heading", "roundup", "dear", "de", "asked", "dl"]

        def host(self):
            return "askdr%s.netlify.app" % self.site.doctor.last.lower()

        def home(self):
            return "https://%s/" % self.host()

        def post_url(self, p):
            return "https://%s/posts/%s/" % (self.host(), p.slug[:60].strip("-"))

        def fmt_date(self, d):
            return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)

        def site_title(self):
            return "Ask %s" % self.site.doctor.short

        def urlize(self, t):
            return _re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-")

        def description(self, p):
            f = p.qas[0].item.focus
            if p.kind == "roundup" or not (3 < len(f) < 50) or p.pid % 3 == 0:
                return None
            return "A reader asks about %s." % f.lower()

        def anchor_id(self, text, used):
            base = _re.sub(r"[^\w\- ]+", "", _html.unescape(text).lower(), flags=_re.UNICODE).strip().replace(" ", "-")
            i, out = 0, base
            while out in used:
                i += 1
                out = "%s-%d" % (base, i)
            used.add(out)
            return out

        def content(self, p):
            """(content HTML as Hugo's goldmark writes it, [(level, id, text)] of its headings)."""
            b = self.body(p).replace("<b>", "<strong>").replace("</b>", "</strong>")
            used, heads = set(), []

            def h(m):
                lvl, inner = m.group(1), m.group(2)
                hid = self.anchor_id(_plain(inner), used)
                heads.append((int(lvl), hid, inner))
                return '<h%s id="%s">%s</h%s>' % (lvl, hid, inner, lvl)
            b = _re.sub(r"<h([1-6])>(.*?)</h\1>", h, b)
            return b, heads

        def anchored(self, b):
            return _re.sub(r'(<h([1-6]) id="([^"]+)">.*?)(</h\2>)',
                           r'\1<a hidden class="anchor" aria-hidden="true" href="#\3">#</a>\4', b)

        def reading(self, b):
            w = len(_plain(b).split(" "))
            return w, max(1, (w + 212) // 213)

        def meta(self, p, b):
            words, minutes = self.reading(b)
            return ("<span title='%s %02d:%02d:00 +0000 UTC'>%s</span>&nbsp;·&nbsp;%d min&nbsp;·&nbsp;%s"
                    % (p.date.isoformat(), p.time.hour, p.time.minute, self.fmt_date(p.date), minutes, esc(p.author)))

        def summary(self, b):
            text, more = _words(b, 70)
            return text, more

        def page(self, title, url, main, body_list, meta, social="", rss=None):
            """baseof.html: head.html (meta, canonical, styles, icons, RSS, then opengraph, twitter_cards and
            schema_json), header.html, main.main, footer.html."""
            h = self.home()
            menu = [("Posts", h + "posts/"), ("Tags", h + "tags/"), ("About", h + "about/"),
                    ("Book a visit", "https://www.%s-aesthetics.com/contact" % self.site.doctor.last.lower())]
            items = "".join(
                '\n            <li>\n                <a href="%s" title="%s">\n                    <span>%s</span>%s\n'
                '                </a>\n            </li>'
                % (u, esc(t), esc(t), '&nbsp;\n                    <svg fill="none" shape-rendering="geometricPrecision" '
                   'stroke="currentColor" stroke-linecap="round" stroke-linejoin="round" stroke-width="2.5" '
                   'viewBox="0 0 24 24" height="12" width="12">\n                        <path d="M15 3h6v6"></path>\n'
                   '                    </svg>' if "://www." in u else "")
                for t, u in menu)
            return (
                '<!DOCTYPE html>\n<html lang="en" dir="auto">\n\n<head><meta charset="utf-8">\n'
                '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">\n'
                '<meta name="robots" content="index, follow">\n<title>%s</title>\n%s'
                '<link rel="canonical" href="%s">\n'
                '<link crossorigin="anonymous" href="/assets/css/stylesheet.d6fcd20a4fb86efa4dfac8ec95da60244cc88710'
                '42183da1ef28e3a762ad79c8.css" integrity="sha256-1vzSCk+4bvpN+sjsldpgJEzIhxBCGD2h7yjjp2Ktecg=" '
                'rel="preload stylesheet" as="style">\n'
                '<link rel="icon" href="%sfavicon.ico">\n'
                '<link rel="icon" type="image/png" sizes="16x16" href="%sfavicon-16x16.png">\n'
                '<link rel="icon" type="image/png" sizes="32x32" href="%sfavicon-32x32.png">\n'
                '<link rel="apple-touch-icon" href="%sapple-touch-icon.png">\n'
                '<meta name="theme-color" content="#2e2e33">\n<meta name="msapplication-TileColor" content="#2e2e33">\n'
                '%s<noscript>\n    <style>\n        #theme-toggle,\n        .top-link {\n            display: none;\n'
                '        }\n\n    </style>\n</noscript>%s</head>\n\n<body class="%s" id="top">\n'
                '<script>\n    if (localStorage.getItem("pref-theme") === "dark") {\n'
                '        document.body.classList.add(\'dark\');\n    } else if (localStorage.getItem("pref-theme") === '
                '"light") {\n        document.body.classList.remove(\'dark\')\n    }\n\n</script>\n\n'
                '<header class="header">\n    <nav class="nav">\n        <div class="logo">\n'
                '            <a href="%s" accesskey="h" title="%s (Alt + H)">%s</a>\n'
                '            <div class="logo-switches">\n                <button id="theme-toggle" accesskey="t" '
                'title="(Alt + T)" aria-label="Toggle theme">\n                    <svg id="moon" '
                'xmlns="http://www.w3.org/2000/svg" width="24" height="18" viewBox="0 0 24 24" fill="none" '
                'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">\n'
                '                        <path d="M21 12.79A9 9 0 1 1 11.21 3 7 7 0 0 0 21 12.79z"></path>\n'
                '                    </svg>\n                </button>\n            </div>\n        </div>\n'
                '        <ul id="menu">%s\n        </ul>\n    </nav>\n</header>\n'
                '<main class="main">%s\n    </main>\n    \n'
                '<footer class="footer">\n        <span>&copy; 2024 <a href="%s">%s</a></span> · \n\n    <span>\n'
                '        Powered by\n        <a href="https://gohugo.io/" rel="noopener noreferrer" target="_blank">Hugo</a> &amp;\n'
                '        <a href="https://github.com/adityatelange/hugo-PaperMod/" rel="noopener" target="_blank">PaperMod</a>\n'
                '    </span>\n</footer>\n<a href="#top" aria-label="go to top" title="Go to Top (Alt + G)" class="top-link" '
                'id="top-link" accesskey="g">\n    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 12 6" '
                'fill="currentColor">\n        <path d="M12 6H0l6-6z" />\n    </svg>\n</a>\n\n'
                '<script>\n    let menu = document.getElementById(\'menu\')\n    if (menu) {\n'
                '        menu.scrollLeft = localStorage.getItem("menu-scroll-position");\n'
                '        menu.onscroll = function () {\n            localStorage.setItem("menu-scroll-position", '
                'menu.scrollLeft);\n        }\n    }\n</script>\n</body>\n\n</html>\n'
                % (esc(title), meta, esc(url), h, h, h, h,
                   ('<link rel="alternate" type="application/rss+xml" href="%s">\n' % rss) if rss else "",
                   social, "list" if body_list else "", h, esc(self.site_title()), esc(self.site_title()), items, main,
                   h, esc(self.site_title())))

        def head_meta(self, desc, kws, author):
            """head.html's keywords, description and author metas."""
            return ('<meta name="keywords" content="%s">\n<meta name="description" content="%s">\n'
                    '<meta name="author" content="%s">\n' % (esc(", ".join(kws)), esc(desc), esc(author)))

        def social(self, title, url, desc, og_type, extra=""):
            """templates/opengraph.html and twitter_cards.html."""
            return ('\n<meta property="og:title" content="%s" />\n<meta property="og:description" content="%s" />\n'
                    '<meta property="og:type" content="%s" />\n<meta property="og:url" content="%s" />\n%s'
                    '<meta property="og:site_name" content="%s" />\n'
                    '<meta name="twitter:card" content="summary"/>\n<meta name="twitter:title" content="%s"/>\n'
                    '<meta name="twitter:description" content="%s"/>\n'
                    % (esc(title), esc(desc), og_type, url, extra, esc(self.site_title()), esc(title), esc(desc)))

        def ld(self, obj):
            """JSON as Go's html/template writes it into a script: <, > and & escaped."""
            t = _json.dumps(obj, ensure_ascii=False, indent=2)
            t = t.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            return '<script type="application/ld+json">\n%s\n</script>\n' % t

        def share(self, p, url):
            t = esc(p.title)
            q = _html.escape(_re.sub(r"[^A-Za-z0-9\-_.~]", lambda m: "".join("%%%02X" % c for c in m.group(0).encode("utf-8")),
                                     p.title))
            tags = ",".join(x.replace(" ", "") for x in p.tags)
            svg = ('\n            <svg version="1.1" viewBox="0 0 512 512" xml:space="preserve" height="30px" '
                   'width="30px" fill="currentColor">\n                <path d="M449.446,0c34.525,0 62.554,28.03 '
                   '62.554,62.554l0,386.892Z" />\n            </svg>\n        ')
            links = [("x", "https://x.com/intent/tweet/?text=%s&amp;url=%s&amp;hashtags=%s" % (q, url, tags)),
                     ("linkedin", "https://www.linkedin.com/shareArticle?mini=true&amp;url=%s&amp;title=%s&amp;"
                                  "summary=%s&amp;source=%s" % (url, q, q, url)),
                     ("reddit", "https://reddit.com/submit?url=%s&title=%s" % (url, q)),
                     ("facebook", "https://facebook.com/sharer/sharer.php?u=%s" % url),
                     ("whatsapp", "https://api.whatsapp.com/send?text=%s%%20-%%20%s" % (q, url)),
                     ("telegram", "https://telegram.me/share/url?text=%s&amp;url=%s" % (q, url)),
                     ("ycombinator", "https://news.ycombinator.com/submitlink?t=%s&u=%s" % (q, url))]
            return ('\n<ul class="share-buttons">%s\n</ul>\n' % "".join(
                '\n    <li>\n        <a target="_blank" rel="noopener noreferrer" aria-label="share %s on %s"\n'
                '            href="%s">%s</a>\n    </li>' % (t, n, href, svg) for n, href in links))

        def comments(self, p, url):
            rows = []
            for i, (who, text) in enumerate(p.comments):
                d = p.date + _dt.timedelta(days=1 + i)
                cid = "%x" % ((p.pid * 31 + i) * 2654435761 % (1 << 40))
                rows.append(
                    '<article id="comment-%s" class="static-comment">\n  <header class="comment-header">'
                    '<img class="comment-avatar" src="https://www.gravatar.com/avatar/%s?s=48&amp;d=identicon" '
                    'alt="" width="48" height="48">\n    <strong class="comment-author">%s</strong>\n'
                    '    <a class="comment-date" href="#comment-%s"><time datetime="%sT%02d:40:00Z">%s</time></a>\n'
                    '  </header>\n  <div class="comment-content"><p>%s</p></div>\n</article>'
                    % (cid, cid * 2, esc(who), cid, d.isoformat(), 9 + i, self.fmt_date(d), esc(text)))
            n = len(p.comments)
            return (
                '\n<section class="comments" id="comments">\n<h2 class="comments-title">%s</h2>\n%s\n'
                '<form class="staticman-form" method="POST" '
                'action="https://staticman-%s.herokuapp.com/v3/entry/github/dr%s/ask-blog/main/comments">\n'
                '  <input type="hidden" name="options[slug]" value="%s">\n'
                '  <input type="hidden" name="options[redirect]" value="%s#comment-submitted">\n'
                '  <p><label for="fields-name">Name</label><input id="fields-name" name="fields[name]" type="text" required></p>\n'
                '  <p><label for="fields-email">Email (not shown)</label><input id="fields-email" name="fields[email]" '
                'type="email"></p>\n  <p><label for="fields-message">Comment</label><textarea id="fields-message" '
                'name="fields[message]" rows="5" required></textarea></p>\n'
                '  <p class="comment-note">Comments are moderated and appear after the site is rebuilt.</p>\n'
                '  <button type="submit">Send comment</button>\n</form>\n</section>'
                % ("%d Comment%s" % (n, "" if n == 1 else "s") if n else "Comments", "\n".join(rows),
                   self.site.doctor.last.lower(), self.site.doctor.last.lower(), p.slug[:60].strip("-"), url))

        def toc(self, heads):
            if not heads:
                return ""
            lis = "".join('\n                <li>\n                    <a href="#%s" aria-label="%s">%s</a></li>'
                          % (hid, esc(_plain(inner)), esc(_plain(inner))) for _, hid, inner in heads)
            return ('\n<div class="toc">\n    <details >\n        <summary accesskey="c" title="(Alt + C)">\n'
                    '            <span class="details">Table of Contents</span>\n        </summary>\n\n'
                    '        <div class="inner"><ul>%s\n            </ul>\n        </div>\n    </details>\n</div>\n'
                    % lis)

        def paginav(self, p):
            ps = self.site.posts
            i = ps.index(p)
            newer = ps[i + 1] if i + 1 < len(ps) else None
            older = ps[i - 1] if i > 0 else None
            out = '\n<nav class="paginav">'
            if newer:
                out += ('\n  <a class="prev" href="%s">\n    <span class="title">« Prev</span>\n    <br>\n'
                        '    <span>%s</span>\n  </a>' % (self.post_url(newer), esc(newer.title)))
            if older:
                out += ('\n  <a class="next" href="%s">\n    <span class="title">Next »</span>\n    <br>\n'
                        '    <span>%s</span>\n  </a>' % (self.post_url(older), esc(older.title)))
            return out + "\n</nav>"

        def render_post(self, p):
            url = self.post_url(p)
            h = self.home()
            b, heads = self.content(p)
            desc = self.description(p)
            summ, more = self.summary(b)
            words, _ = self.reading(b)
            iso = "%sT%02d:%02d:00Z" % (p.date.isoformat(), p.time.hour, p.time.minute)
            crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Posts", "item": h + "posts/"},
                {"@type": "ListItem", "position": 2, "name": p.title, "item": url}]}
            posting = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": p.title,
                       "name": p.title, "description": desc or (summ + ("..." if more else "")),
                       "keywords": list(p.tags), "articleBody": _plain(b), "wordCount": str(words),
                       "inLanguage": "en", "datePublished": iso, "dateModified": iso,
                       "author": {"@type": "Person", "name": p.author},
                       "mainEntityOfPage": {"@type": "WebPage", "@id": url},
                       "publisher": {"@type": "Organization", "name": self.site_title(),
                                     "logo": {"@type": "ImageObject", "url": h + "favicon.ico"}}}
            og_desc = desc or (summ + ("..." if more else ""))
            meta = self.head_meta(og_desc, p.tags, p.author)
            social = self.social(p.title, url, og_desc, "article",
                                 '<meta property="article:section" content="posts" />\n'
                                 '<meta property="article:published_time" content="%s+00:00" />\n'
                                 '<meta property="article:modified_time" content="%s+00:00" />\n'
                                 % (iso[:-1], iso[:-1])) + self.ld(crumbs) + self.ld(posting)
            tags = "".join('\n      <li><a href="%stags/%s/">%s</a></li>' % (h, self.urlize(t), esc(t)) for t in p.tags)
            main = (
                '\n<article class="post-single">\n  <header class="post-header">\n    '
                '<div class="breadcrumbs"><a href="%s">Home</a>&nbsp;»&nbsp;<a href="%sposts/">Posts</a></div>\n'
                '    <h1 class="post-title entry-hint-parent">\n      %s\n    </h1>%s\n'
                '    <div class="post-meta">%s</div>\n  </header> %s\n'
                '  <div class="post-content">%s</div>\n\n  <footer class="post-footer">\n    <ul class="post-tags">%s\n'
                '    </ul>%s%s\n  </footer>%s\n</article>'
                % (h, h, esc(p.title),
                   ('\n    <div class="post-description">\n      %s\n    </div>' % esc(desc)) if desc else "",
                   self.meta(p, b), self.toc(heads), self.anchored(b), tags, self.paginav(p), self.share(p, url),
                   self.comments(p, url)))
            return self.page("%s | %s" % (p.title, self.site_title()), url, main, False, meta, social)

        def entry(self, p, tag_page):
            b, _ = self.content(p)
            summ, more = self.summary(b)
            return (
                '\n<article class="post-entry%s">\n  <header class="entry-header">\n    <h2 class="entry-hint-parent">%s'
                '\n    </h2>\n  </header>\n  <div class="entry-content">\n    <p>%s%s</p>\n  </div>\n'
                '  <footer class="entry-footer">%s</footer>\n'
                '  <a class="entry-link" aria-label="post link to %s" href="%s"></a>\n</article>'
                % (" tag-entry" if tag_page else "", esc(p.title), esc(summ), "..." if more else "", self.meta(p, b),
                   esc(p.title), self.post_url(p)))

        def render_listing(self, posts, url, title):
            h = self.home()
            if "/tags/" in url:
                top = ('\n<header class="page-header"><div class="breadcrumbs"><a href="%s">Home</a>&nbsp;»&nbsp;'
                       '<a href="%stags/">Tags</a></div>\n  <h1>\n    %s\n  </h1>\n</header>' % (h, h, esc(title)))
                pag = ""
                doc_title = "%s | %s" % (title, self.site_title())
                tagp = True
            else:
                tagp = False
                page2 = url.endswith("/page/2/")
                top = "" if page2 else (
                    '\n<article class="first-entry home-info">\n  <header class="entry-header">\n    <h1>%s</h1>\n'
                    '  </header>\n  <div class="entry-content">\n    <p>Patients send us their questions every week. '
                    'Here are the answers, in plain words. General information only: book a visit for advice about '
                    'your own case.</p>\n  </div>\n  <footer class="entry-footer">\n    <div class="social-icons">\n'
                    '      <a href="https://x.com/askdr%s" target="_blank" rel="noopener noreferrer me" title="X">'
                    '<svg viewBox="0 0 24 24"></svg></a>\n      <a href="%sindex.xml" target="_blank" '
                    'rel="noopener noreferrer me" title="Rss"><svg viewBox="0 0 24 24"></svg></a>\n    </div>\n'
                    '  </footer>\n</article>' % (esc(self.site_title()), self.site.doctor.last.lower(), h))
                pag = ('\n<footer class="page-footer">\n  <nav class="pagination">%s\n  </nav>\n</footer>' % (
                    ('\n    <a class="prev" href="%s">\n      «&nbsp;Prev&nbsp;\n    </a>\n    <a class="next" '
                     'href="%spage/3/">Next&nbsp;&nbsp;»\n    </a>' % (h, h)) if page2 else
                    '\n    <a class="next" href="%spage/2/">Next&nbsp;&nbsp;»\n    </a>' % h))
                doc_title = ("Page 2 | %s" if page2 else "%s") % self.site_title()
            main = top + "".join(self.entry(p, tagp) for p in posts) + pag
            desc = "Questions from patients about skin, surgery and recovery."
            social = self.social(doc_title if "/tags/" in url else self.site_title(), url, desc, "website")
            if url == h:
                social += self.ld({"@context": "https://schema.org", "@type": "Organization",
                                   "name": self.site_title(), "url": h, "description": desc,
                                   "thumbnailUrl": h + "favicon.ico",
                                   "sameAs": ["https://x.com/askdr%s" % self.site.doctor.last.lower(),
                                              h + "index.xml"]})
            return self.page(doc_title, url, main, True, self.head_meta(desc, [], self.site.doctor.full), social,
                             url + "index.xml")

        def listings(self):
            ps = list(reversed(self.site.posts))
            h = self.home()
            tagged = [p for p in ps if p.tags]
            out = [(h, ps[:10], "Home"), (h + "page/2/", ps[10:20], "Home")]
            if tagged:
                t = tagged[0].tags[0]
                out.append((h + "tags/%s/" % self.urlize(t), [p for p in ps if t in p.tags][:10], t))
            return out

        def about_url(self):
            return self.home() + "about/"

        def render_about(self, p):
            url = self.about_url()
            main = ('\n<article class="post-single">\n  <header class="post-header">\n    <div class="breadcrumbs">'
                    '<a href="%s">Home</a></div>\n    <h1 class="post-title entry-hint-parent">\n      %s\n    </h1>\n'
                    '  </header>\n  <div class="post-content">%s</div>\n\n  <footer class="post-footer">\n'
                    '    <ul class="post-tags">\n    </ul>\n  </footer>\n</article>'
                    % (self.home(), esc(p.title), self.body(p)))
            desc = _words(self.body(p), 70)[0] + "..."
            crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": p.title, "item": url}]}
            return self.page("%s | %s" % (p.title, self.site_title()), url, main, False,
                             self.head_meta(desc, [], self.site.doctor.full),
                             self.social(p.title, url, desc, "article") + self.ld(crumbs) + self.ld(
                                 {"@context": "https://schema.org", "@type": "BlogPosting", "headline": p.title,
                                  "name": p.title, "description": desc, "keywords": [],
                                  "articleBody": _plain(self.body(p)), "inLanguage": "en",
                                  "datePublished": "0001-01-01T00:00:00Z", "dateModified": "0001-01-01T00:00:00Z",
                                  "author": {"@type": "Person", "name": self.site.doctor.full},
                                  "mainEntityOfPage": {"@type": "WebPage", "@id": url}}))

        def terms_shown(self, p):
            # PaperMod's single template shows only the tags taxonomy (ul.post-tags); categories are not shown
            return [], list(p.tags)

    return [WordPressBlock, HugoPaperMod]
