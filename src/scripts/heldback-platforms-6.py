"""Sixth held-back platforms for make-platform-archive (--extra-platforms src/scripts/heldback-platforms-6.py).

TEST-DATA GENERATOR (not product code).  Written on 2026-12-06 after the fifth pair had been used up,
by someone who did not read the importer's code, from the platforms' own templates (Blogger's
Contempo theme: the Blog1 widget's includables in a public copy of the Contempo XML (postCommentsAndAd,
post, postTitle, headerByline, postTimestamp, postAuthor, postBody, postJumpLink, postFooter,
footerBylines, postLabels, postShareButtons and sharingButtons, threadedComments,
threadedCommentForm, postPagination) checked against a saved Contempo page (body.item-view
.version-1-3-3.variant-indie_light: the page/centered/header layout, the BlogPosting JSON-LD the
postMeta includable writes, Blogger's threaded comment HTML, the Profile, BlogArchive and ReportAbuse
sidebar widgets and the Attribution footer); WordPress's Twenty Twelve from wordpress-develop:
src/wp-content/themes/twentytwelve/header.php, single.php, content.php, comments.php and
functions.php (twentytwelve_entry_meta, twentytwelve_comment, twentytwelve_content_nav, the
sidebar's widget wrappers), with what WordPress 3.5 core printed around them), and run against the
importer once, when the rules were done.

  blogger-contempo  A Blogger blog on the Contempo theme (variant indie_light): body.item-view
               .version-1-3-3.variant-indie_light, div.page > div.bg-photo-overlay, div.page_body >
               div.centered > header.centered-top-container (back link, BlogSearch, Header1 blog
               name), main#main.centered-bottom > div.main.section#page_body > div.widget.Blog#Blog1
               > div.blog-posts.hfeed.container > article.post-outer-container > div.post-outer >
               div.post: the postMeta BlogPosting JSON-LD, <a name=postId>, h3.post-title.entry-title,
               the share menu, div.post-header > div.post-header-line-1 holding
               span.byline.post-author.vcard ("by" + span.fn) and span.byline.post-timestamp
               (time.published, datetime in the blog's US Eastern offset, "March 14, 2014"), the
               post body div.post-body.entry-content.float-container#post-body-<id> (Blogger's
               compose-mode <div> paragraphs, with the jump break <a name="more"></a> after the
               question), div.post-footer > div.post-footer-line-2 > span.byline.post-labels
               ("Labels:" and rel=tag links to /search/label/X); section.comments.threaded#comments
               (h3 "Comments", div.comment-thread.toplevel-thread > ol#top-ra > li.comment >
               div.comment-block: cite.user, span.datetime.secondary-text, p.comment-content, and
               the comment-form iframe placeholder); div.blog-pager (Newer Post / Older Post / Home);
               footer.footer Attribution "Powered by Blogger"; aside.sidebar-container (Profile
               "About Me", BlogArchive, Label widget, ReportAbuse).  Head: canonical, og:url,
               og:title, og:description, Blogger's feed links.  Blogger has labels only, so the
               post's category is shown as one of its labels.  Posts at /2014/03/slug.html
               (Blogger's short permalink: the title's first words, cut near 40 characters).
               Listings: the home page (full posts cut at the jump break, div.jump-link "Read more"),
               a label page /search/label/X and the monthly archive /2014/03/.
  wp-twentytwelve  WordPress 3.5 with Twenty Twelve: div#page.hfeed.site, header#masthead
               (hgroup h1.site-title, h2.site-description, nav#site-navigation), div#main.wrapper >
               div#primary.site-content > div#content > article#post-N.post-N.post.type-post
               .status-publish.format-standard.hentry.category-x.tag-y: header.entry-header >
               h1.entry-title and div.comments-link ("Leave a reply" / "2 Replies"),
               div.entry-content (wpautop <p>s, <span id="more-N"></span> where the writer put the
               more tag), footer.entry-meta "This entry was posted in <categories> and tagged <tags>
               on <time.entry-date> by <author vcard>." (the by-author part visible: the blog has
               several authors) and, for the doctor, the author-info box; nav.nav-single
               (previous/next post titles), div#comments.comments-area (h2.comments-title
               "2 thoughts on "<title>"", ol.commentlist of li.comment > article.comment:
               header.comment-meta (cite, time), section.comment-content, div.reply) and the
               div#respond comment form; div#secondary.widget-area (search, recent posts,
               archives, categories, meta); footer#colophon "Proudly powered by WordPress".  Head: a
               WordPress 3.5 head with All in One SEO Pack's description/keywords/canonical, no
               JSON-LD.  The site's time zone is UTC.  Posts at /2014/03/14/slug/.  Listings: the
               home page (full posts cut at the more tag: "Continue reading ->"), /page/2/ and a
               category archive "Category Archives: X".
"""

import datetime as _dt
import html as _html
import json as _json
import re as _re


def _clock(hour, minute):
    return "%d:%02d %s" % ((hour - 1) % 12 + 1, minute, "AM" if hour < 12 else "PM")


def register(api):
    _plain, _slug, _us_eastern_offset = api.plain_text, api.slug_of, api.us_eastern_offset
    esc, MONTHS = api.esc, api.MONTHS
    Platform = api.Platform

    # ------------------------------------------------------------------ Blogger, Contempo theme

    class BloggerContempo(Platform):
        """Blogger, Contempo theme (indie_light): article.post-outer-container > div.post, h3.post-title,
        post-header bylines (by <span class=fn>, time.published), div.post-body with the jump break,
        post-labels, threaded comments, blog-pager, sidebar widgets; posts at /2014/03/slug.html."""
        name = "blogger-contempo"
        forms = ["from", "qa", "title", "roundup", "dear", "asked", "heading", "es"]
        dialect = "div"

        BLOG_ID = 7261938450017726483

        def __init__(self, site, r):
            super().__init__(site, r)
            self.paths = {}
            used = set()
            for p in site.posts:
                # Blogger's permalink: the title's words up to about 40 characters
                words = _slug(p.title).split("-")
                base = ""
                for w in words:
                    if base and len(base) + 1 + len(w) > 40:
                        break
                    base = (base + "-" + w) if base else w
                base = base[:40].strip("-") or "blog-post"
                key = "%04d/%02d/%s" % (p.date.year, p.date.month, base)
                name = base
                if key in used:
                    name = "%s_%d" % (base, p.date.day)
                    k = 2
                    while "%04d/%02d/%s" % (p.date.year, p.date.month, name) in used:
                        name = "%s_%d_%d" % (base, p.date.day, k)
                        k += 1
                used.add("%04d/%02d/%s" % (p.date.year, p.date.month, name))
                self.paths[p.pid] = "%04d/%02d/%s.html" % (p.date.year, p.date.month, name)

        def host(self):
            return "dr%s.blogspot.com" % self.site.doctor.last.lower()

        def home(self):
            return "https://%s/" % self.host()

        def post_url(self, p):
            return self.home() + self.paths[p.pid]

        def post_id(self, p):
            return 3100000000000000000 + p.pid * 7919 * 104729 + p.pid

        def fmt_date(self, d):
            return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)

        def iso(self, d, hour, minute):
            return "%sT%02d:%02d:00-%02d:00" % (d.isoformat(), hour, minute, _us_eastern_offset(d))

        def labels(self, p):
            out = []
            for t in list(p.categories) + list(p.tags):
                if t not in out:
                    out.append(t)
            return sorted(out)   # Blogger lists a post's labels alphabetically

        def label_url(self, t):
            return self.home() + "search/label/" + t.replace(" ", "%20")

        def split(self, p):
            """The body with Blogger's jump break after the question (or the first paragraph)."""
            b = self.body(p)
            lines = b.split("\n")
            if p.kind == "roundup" or len(lines) < 3:
                return b, None
            q = esc(p.qas[0].item.question)
            cut = next((i + 1 for i, x in enumerate(lines) if q in x), 1)
            if cut >= len(lines):
                return b, None
            return "\n".join(lines[:cut]), "\n".join(lines[cut:])

        def svg(self, icon, cls="svg-icon-24"):
            return ("<svg class='%s'>\n<use xlink:href='/responsive/sprite_v1_6.css.svg#%s' "
                    "xmlns:xlink='http://www.w3.org/1999/xlink'></use>\n</svg>" % (cls, icon))

        def share(self, p):
            pid = self.post_id(p)
            url = self.post_url(p)
            sid = "Blog1-byline-%d" % pid
            items = [("link", "Get link", "Get link", "", "ic_24_link_dark"),
                     ("facebook", "Share to Facebook", "Facebook", "facebook", "ic_24_facebook_dark"),
                     ("twitter", "Share to Twitter", "Twitter", "twitter", "ic_24_twitter_dark"),
                     ("pinterest", "Share to Pinterest", "Pinterest", "pinterest", "ic_24_pinterest_dark"),
                     ("email", "Email", "Email", "email", "ic_24_email_dark")]
            lis = "".join(
                "<li>\n<span aria-label='%s' class='sharing-platform-button sharing-element-%s' "
                "data-href='https://www.blogger.com/share-post.g?blogID=%d&amp;postID=%d&amp;target=%s' "
                "data-url='%s' role='menuitem' tabindex='-1' title='%s'>\n%s\n"
                "<span class='platform-sharing-text'>%s</span>\n</span>\n</li>\n"
                % (msg, key, self.BLOG_ID, pid, target, url, msg, self.svg(icon, "svg-icon-24 touch-icon sharing-" + key),
                   name) for key, msg, name, target, icon in items)
            return ("<div class='byline post-share-buttons goog-inline-block'>\n"
                    "<div aria-owns='sharing-popup-%s' class='sharing' data-title='%s'>\n"
                    "<button aria-controls='sharing-popup-%s' aria-label='Share' class='sharing-button "
                    "touch-icon-button' id='sharing-button-%s' role='button'>\n<div class='flat-icon-button ripple'>\n"
                    "%s\n</div>\n</button>\n<div class='share-buttons-container'>\n<ul aria-hidden='true' "
                    "aria-label='Share' class='share-buttons hidden' id='sharing-popup-%s' role='menu'>\n%s</ul>\n"
                    "</div>\n</div>\n</div>"
                    % (sid, esc(p.title), sid, sid, self.svg("ic_share_black_24dp"), sid, lis))

        def author_byline(self, p):
            return ("<span class='byline post-author vcard'>\n<span class='post-author-label'>\nby\n</span>\n"
                    "<span class='fn'>\n<meta content='https://www.blogger.com/profile/%d'/>\n"
                    "<a class='g-profile' href='https://www.blogger.com/profile/%d' rel='author' "
                    "title='author profile'>\n<span>%s</span>\n</a>\n</span>\n</span>"
                    % (10448301953312 + len(p.author), 10448301953312 + len(p.author), esc(p.author)))

        def timestamp(self, p):
            url = self.post_url(p)
            iso = self.iso(p.date, p.time.hour, p.time.minute)
            return ("<span class='byline post-timestamp'>\n<meta content='%s'/>\n"
                    "<a class='timestamp-link' href='%s' rel='bookmark' title='permanent link'>\n"
                    "<time class='published' datetime='%s' title='%s'>\n%s\n</time>\n</a>\n</span>"
                    % (url, url, iso, iso, self.fmt_date(p.date)))

        def comments_link(self, p):
            n = len(p.comments)
            return ("<span class='byline post-comment-link container'>\n<a class='comment-link' href='%s#comments' "
                    "onclick=''>\n%s\n</a>\n</span>"
                    % (self.post_url(p), ("%d comment%s" % (n, "" if n == 1 else "s")) if n else "Post a Comment"))

        def post_div(self, p, single):
            url = self.post_url(p)
            pid = self.post_id(p)
            head_part, rest = self.split(p)
            if single:
                body = head_part + ("\n<a name='more'></a>\n" + rest if rest is not None else "")
            else:
                body = head_part
            desc = _plain(self.body(p))
            desc = desc[:150] + "..." if len(desc) > 150 else desc
            meta = {"@context": "http://schema.org", "@type": "BlogPosting",
                    "mainEntityOfPage": {"@type": "WebPage", "@id": url},
                    "headline": p.title, "description": desc,
                    "datePublished": self.iso(p.date, p.time.hour, p.time.minute),
                    "dateModified": self.iso(p.date, p.time.hour, p.time.minute),
                    "image": {"@type": "ImageObject",
                              "url": "https://blogger.googleusercontent.com/img/b/U2hvZWJveA/AVvXsEgfMvYAhAbdHksiBA24/w1200/",
                              "height": 348, "width": 1200},
                    "publisher": {"@type": "Organization", "name": "Blogger",
                                  "logo": {"@type": "ImageObject",
                                           "url": "https://blogger.googleusercontent.com/img/b/U2hvZWJveA/AVvXsEgfMvYAhAbdHksiBA24/h60/",
                                           "width": 206, "height": 60}},
                    "author": {"@type": "Person", "name": p.author}}
            title = (("<h3 class='post-title entry-title'>\n%s\n</h3>" % esc(p.title)) if single else
                     ("<h3 class='post-title entry-title'>\n<a href='%s'>%s</a>\n</h3>" % (url, esc(p.title))))
            labels = self.labels(p)
            label_html = ""
            if labels:
                label_html = ("<div class='post-footer-line post-footer-line-2'>\n<span class='byline post-labels'>\n"
                              "<span class='byline-label'>Labels:</span>\n%s\n</span>\n</div>\n"
                              % "\n".join("<a href='%s' rel='tag'>\n%s\n</a>" % (self.label_url(t), esc(t))
                                          for t in labels))
            footer1 = ("<div class='post-footer-line post-footer-line-1'>\n%s\n"
                       "<span class='byline post-icons'>\n<span class='item-action'>\n"
                       "<a href='https://www.blogger.com/email-post.g?blogID=%d&amp;postID=%d' title='Email Post'>\n"
                       "%s\n</a>\n</span>\n</span>\n</div>\n"
                       % ("" if single else self.comments_link(p), self.BLOG_ID, pid,
                          self.svg("ic_post_email_black_24dp", "svg-icon-24 touch-icon sharing-icon")))
            jump = ""
            if not single:
                jump = ("<div class='jump-link flat-button'>\n<a href='%s#more' title='%s'>\nRead more\n</a>\n</div>\n"
                        % (url, esc(p.title)))
            return (
                "<div class='post'>\n<script type='application/ld+json'>%s</script>\n<a name='%d'></a>\n%s\n"
                "<div class='post-share-buttons post-share-buttons-top'>\n%s\n</div>\n"
                "<div class='post-header'>\n<div class='post-header-line-1'>\n%s\n%s\n</div>\n</div>\n"
                "<div class='post-body entry-content float-container' id='post-body-%d'>\n%s\n</div>\n%s"
                "<div class='post-footer'>\n%s%s</div>\n</div>"
                % (_json.dumps(meta, ensure_ascii=False, indent=2).replace("</", "<\\/"), pid, title,
                   self.share(p), self.author_byline(p), self.timestamp(p), pid, body, jump, footer1, label_html))

        def comments(self, p):
            url = self.post_url(p)
            pid = self.post_id(p)
            items = []
            for i, (who, text) in enumerate(p.comments):
                d = p.date + _dt.timedelta(days=1 + i)
                hour, minute = 8 + 3 * i, 12 + 7 * i
                cid = pid + 1000 + i
                ms = int((_dt.datetime(d.year, d.month, d.day, hour, minute) - _dt.datetime(1970, 1, 1)).total_seconds()
                         + 3600 * _us_eastern_offset(d)) * 1000 + 417
                items.append(
                    '<li class="comment" id="c%d"><div class="avatar-image-container"><img src="//www.blogger.com/img/'
                    'blogger_logo_round_35.png" alt=""/></div><div class="comment-block"><div class="comment-header">'
                    '<cite class="user">%s</cite><span class="icon user "></span><span class="datetime secondary-text">'
                    '<a rel="nofollow" href="%s?showComment=%d#c%d">%s at %s</a></span></div>'
                    '<p class="comment-content">%s</p><span class="comment-actions secondary-text"><a class="comment-reply" '
                    'target="_self" data-comment-id="%d">Reply</a><span class="item-control blog-admin blog-admin ">'
                    '<a target="_self" href="https://www.blogger.com/delete-comment.g?blogID=%d&amp;postID=%d">Delete'
                    '</a></span></span></div><div class="comment-replies"><div id="c%d-rt" class="comment-thread '
                    'inline-thread hidden"><span class="thread-toggle thread-expanded"><span class="thread-arrow"></span>'
                    '<span class="thread-count"><a target="_self">Replies</a></span></span><ol id="c%d-ra" '
                    'class="thread-chrome thread-expanded"><div></div><div id="c%d-continue" class="continue"><a '
                    'class="comment-reply" target="_self" data-comment-id="%d">Reply</a></div></ol></div></div>'
                    '<div class="comment-replybox-single" id="c%d-ce"></div></li>'
                    % (cid, esc(who), url, ms, cid, self.fmt_date(d), _clock(hour, minute), esc(text), cid,
                       self.BLOG_ID, cid, cid, cid, cid, cid, cid))
            thread = ""
            if items:
                thread = ('<div class="comment-thread toplevel-thread"><ol id="top-ra">%s</ol><div id="top-continue" '
                          'class="continue"><a class="comment-reply" target="_self">Add comment</a></div>'
                          '<div class="comment-replybox-thread" id="top-ce"></div><div class="loadmore hidden" '
                          'data-post-id="%d"><a target="_self">Load more...</a></div></div>' % ("".join(items), pid))
            return (
                "<section class='comments threaded' data-embed='true' data-num-comments='%d' id='comments'>\n"
                "<a name='comments'></a>\n<h3 class='title'>Comments</h3>\n<div class='comments-content'>\n"
                "<script async='async' src='' type='text/javascript'></script>\n"
                "<div id='comment-holder'>\n%s\n</div>\n</div>\n"
                "<p class='comment-footer'>\n<div class='comment-form'>\n<a name='comment-form'></a>\n"
                "<h4 id='comment-post-message'>Post a Comment</h4>\n"
                "<a href='https://www.blogger.com/comment/frame/%d?po=%d&amp;hl=en&amp;skin=contempo' "
                "id='comment-editor-src'></a>\n<iframe allowtransparency='allowtransparency' "
                "class='blogger-iframe-colorize blogger-comment-from-post' frameborder='0' height='410px' "
                "id='comment-editor' name='comment-editor' src='' width='100%%'></iframe>\n"
                "<script src='https://www.blogger.com/static/v1/jsbin/4235886812-comment_from_post_iframe.js' "
                "type='text/javascript'></script>\n<script type='text/javascript'>\n"
                "      BLOG_CMT_createIframe('https://www.blogger.com/rpc_relay.html');\n    </script>\n"
                "</div>\n</p>\n</section>"
                % (len(p.comments), thread, self.BLOG_ID, pid))

        def pager(self, newer, older, home_link=True):
            out = "<div class='blog-pager container' id='blog-pager'>\n"
            if newer:
                out += ("<a class='blog-pager-newer-link' href='%s' id='Blog1_blog-pager-newer-link' "
                        "title='Newer Post%s'>\nNewer Post%s\n</a>\n" % (newer[0], newer[1], newer[1]))
            if older:
                out += ("<a class='blog-pager-older-link' href='%s' id='Blog1_blog-pager-older-link' "
                        "title='Older Post%s'>\nOlder Post%s\n</a>\n" % (older[0], older[1], older[1]))
            if home_link:
                out += "<a class='home-link' href='%s'>\nHome\n</a>\n" % self.home()
            return out + "</div>"

        def sidebar(self):
            s = self.site
            months = {}
            labels = {}
            for p in s.posts:
                months[(p.date.year, p.date.month)] = months.get((p.date.year, p.date.month), 0) + 1
                for t in self.labels(p):
                    labels[t] = labels.get(t, 0) + 1
            arch = "".join("<li class='archivedate'>\n<a href='%s%04d/%02d/'>%s %d<span class='post-count'>%d</span>"
                           "</a>\n</li>\n" % (self.home(), y, m, MONTHS[m - 1], y, n)
                           for (y, m), n in sorted(months.items(), reverse=True))
            labs = "".join("<li>\n<a class='label-name' href='%s'>\n%s\n<span class='label-count'>%d</span>\n</a>\n"
                           "</li>\n" % (self.label_url(t), esc(t), n) for t, n in sorted(labels.items()))
            authors = []
            for p in s.posts:
                if p.author not in authors:
                    authors.append(p.author)
            team = "".join(
                "<li>\n<div class='team-member'>\n<a class='profile-link g-profile' href='https://www.blogger.com/"
                "profile/%d' rel='nofollow'>\n<div class='default-avatar-wrapper'>\n%s\n</div>\n"
                "<span class='profile-name'>%s</span>\n</a>\n</div>\n</li>\n"
                % (10448301953312 + len(a), self.svg("ic_person_black_24dp", "svg-icon-24 avatar-icon"), esc(a))
                for a in authors)
            return (
                "<aside class='sidebar-container container sidebar-invisible' role='complementary'>\n"
                "<div class='navigation'>\n<button class='svg-icon-24-button flat-icon-button ripple sidebar-back'>\n"
                "%s\n</button>\n</div>\n<div class='sidebar_top_wrapper'>\n"
                "<div class='sidebar_top section' id='sidebar_top' name='Sidebar (Top)'><div class='widget Profile' "
                "data-version='2' id='Profile1'>\n<div class='wrapper'>\n<h3 class='title'>\nContributors\n</h3>\n"
                "<div class='widget-content team'>\n<ul>\n%s</ul>\n</div>\n"
                "</div>\n</div></div>\n</div>\n"
                "<div class='sidebar_bottom section' id='sidebar_bottom' name='Sidebar (Bottom)'><div class='widget "
                "BlogArchive' data-version='2' id='BlogArchive1'>\n<details class='collapsible extendable'>\n"
                "<summary>\n<div class='collapsible-title'>\n<h3 class='title'>\nArchive\n</h3>\n%s\n</div>\n</summary>\n"
                "<div class='widget-content'>\n<div id='ArchiveList'>\n<div id='BlogArchive1_ArchiveList'>\n"
                "<div class='first-items'>\n<ul class='flat'>\n%s</ul>\n</div>\n</div>\n</div>\n</div>\n</details>\n"
                "</div><div class='widget Label' data-version='2' id='Label1'>\n<details class='collapsible extendable'>\n"
                "<summary>\n<div class='collapsible-title'>\n<h3 class='title'>\nLabels\n</h3>\n</div>\n</summary>\n"
                "<div class='widget-content list-label-widget-content'>\n<div class='first-items'>\n<ul>\n%s</ul>\n"
                "</div>\n</div>\n</details>\n</div><div class='widget ReportAbuse' data-version='2' id='ReportAbuse1'>\n"
                "<h3 class='title'>\n<a class='report_abuse' href='https://www.blogger.com/go/report-abuse' "
                "rel='noopener nofollow' target='_blank'>\nReport Abuse\n</a>\n</h3>\n</div></div>\n</aside>"
                % (self.svg("ic_arrow_back_black_24dp"), team,
                   self.svg("ic_expand_more_black_24dp", "svg-icon-24 chevron-down"), arch, labs))

        def page(self, title, canonical, main, view_class, single, desc):
            s = self.site
            h = self.home()
            blog_name = "Ask %s" % s.doctor.short
            if single:
                top_left = ("<a class='return_link' href='%s'>\n<button class='svg-icon-24-button back-button "
                            "rtl-reversible-icon flat-icon-button ripple'>\n%s\n</button>\n</a>"
                            % (h, self.svg("ic_arrow_back_black_24dp")))
                name_html = "<div>\n<h2>\n<a href='%s'>\n%s\n</a>\n</h2>\n</div>" % (h, esc(blog_name))
            else:
                top_left = ("<div class='hamburger-section container'>\n<button class='svg-icon-24-button hamburger-menu "
                            "flat-icon-button ripple'>\n%s\n</button>\n</div>" % self.svg("ic_menu_black_24dp"))
                name_html = "<div>\n<h1>\n<a href='%s'>\n%s\n</a>\n</h1>\n</div>" % (h, esc(blog_name))
            header = (
                "<div class='centered-top-placeholder'></div>\n<header class='centered-top-container%s' role='banner'>\n"
                "<div class='centered-top'>\n%s\n<div class='search'>\n<button aria-label='Search' class='search-expand "
                "touch-icon-button'>\n<div class='flat-icon-button ripple'>\n%s\n</div>\n</button>\n"
                "<div class='section' id='search_top' name='Search (Top)'><div class='widget BlogSearch' "
                "data-version='2' id='BlogSearch1'>\n<h3 class='title'>\nSearch This Blog\n</h3>\n"
                "<div class='widget-content' role='search'>\n<form action='%ssearch' target='_top'>\n"
                "<div class='search-input'>\n<input aria-label='Search this blog' autocomplete='off' name='q' "
                "placeholder='Search this blog' value=''/>\n</div>\n<input class='search-action flat-button' "
                "type='submit' value='Search'/>\n</form>\n</div>\n</div></div>\n</div>\n"
                "<div class='clearboth'></div>\n<div class='blog-name container'>\n<div class='container section' "
                "id='header' name='Header'><div class='widget Header' data-version='2' id='Header1'>\n"
                "<div class='header-widget'>\n%s\n<p>\nQuestions from the patients of %s, answered.\n</p>\n</div>\n"
                "</div></div>\n</div>\n</div>\n</header>"
                % (" sticky" if single else "", top_left, self.svg("ic_search_black_24dp", "svg-icon-24 search-expand-icon"),
                   h, name_html, esc(s.practice)))
            feeds = ('<link rel="alternate" type="application/atom+xml" title="%s - Atom" href="%sfeeds/posts/default" />\n'
                     '<link rel="alternate" type="application/rss+xml" title="%s - RSS" href="%sfeeds/posts/default?alt=rss" />\n'
                     '<link rel="service.post" type="application/atom+xml" title="%s - Atom" '
                     'href="https://www.blogger.com/feeds/%d/posts/default" />\n'
                     % (esc(blog_name), h, esc(blog_name), h, esc(blog_name), self.BLOG_ID))
            return (
                "<!DOCTYPE html>\n<html dir='ltr' lang='en'>\n<head>\n"
                "<meta content='width=device-width, initial-scale=1' name='viewport'/>\n<title>%s</title>\n"
                "<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>\n"
                "<meta content='blogger' name='generator'/>\n<link href='%sfavicon.ico' rel='icon' type='image/x-icon'/>\n"
                "<link href='%s' rel='canonical'/>\n%s"
                "<meta content='%s' name='description'/>\n"
                "<meta content='%s' property='og:url'/>\n<meta content='%s' property='og:title'/>\n"
                "<meta content='%s' property='og:description'/>\n"
                "<style type='text/css'>body{overflow-wrap:break-word;word-break:break-word;word-wrap:break-word}"
                ".hidden{display:none}</style>\n"
                "<script async='async' src='https://www.gstatic.com/external_hosted/clipboardjs/clipboard.min.js'></script>\n"
                "</head>\n<body class='%s version-1-3-3 variant-indie_light'>\n"
                "<a class='skip-navigation' href='#main' tabindex='0'>\nSkip to main content\n</a>\n"
                "<div class='page'>\n<div class='bg-photo-overlay'></div>\n<div class='bg-photo-container'>\n"
                "<div class='bg-photo'></div>\n</div>\n<div class='page_body'>\n<div class='centered'>\n%s\n"
                "<div class='centered-bottom'>\n<div class='main_content_container clearboth'>\n"
                "<main class='centered-bottom' id='main' role='main' tabindex='-1'>\n"
                "<div class='main section' id='page_body' name='Page Body'>\n"
                "<div class='widget Blog' data-version='2' id='Blog1'>\n%s\n</div></div>\n</main>\n</div>\n"
                "<footer class='footer section' id='footer' name='Footer'><div class='widget Attribution' "
                "data-version='2' id='Attribution1'>\n<div class='widget-content'>\n<div class='blogger'>\n"
                "<a href='https://www.blogger.com' rel='nofollow'>\n%s\nPowered by Blogger\n</a>\n</div>\n"
                "<div class='image-attribution'>\nTheme images by <a href=\"http://www.offset.com/photos/394244\">"
                "Michael Elkan</a>\n</div>\n</div>\n</div></footer>\n</div>\n</div>\n</div>\n</div>\n%s\n"
                "<script type=\"text/javascript\" src=\"https://resources.blogblog.com/blogblog/data/res/"
                "3822190392-indie_compiled.js\" async=\"true\"></script>\n"
                "<script type=\"text/javascript\" src=\"https://www.blogger.com/static/v1/widgets/4222370799-widgets.js\">"
                "</script>\n<script type='text/javascript'>\n_WidgetManager._Init('//www.blogger.com/rearrange?blogID"
                "\\x3d%d','%s','%d');\n</script>\n</body>\n</html>\n"
                % (esc(title), h, esc(canonical), feeds, esc(desc), esc(canonical), esc(title), esc(desc),
                   view_class, header, main, self.svg("ic_post_blogger_black_24dp"), self.sidebar(),
                   self.BLOG_ID, canonical, self.BLOG_ID))

        def render_post(self, p):
            s = self.site
            ps = s.posts
            i = ps.index(p)
            newer = (self.post_url(ps[i + 1]), "") if i + 1 < len(ps) else None
            older = (self.post_url(ps[i - 1]), "") if i > 0 else None
            main = ("<div class='blog-posts hfeed container'>\n<article class='post-outer-container'>\n"
                    "<div class='post-outer'>\n%s\n</div>\n%s\n<div class='desktop-ad mobile-ad'>\n</div>\n</article>\n"
                    "</div>\n%s"
                    % (self.post_div(p, True), self.comments(p), self.pager(newer, older)))
            desc = _plain(self.body(p))
            desc = desc[:150] + "..." if len(desc) > 150 else desc
            return self.page("Ask %s: %s" % (s.doctor.short, p.title), self.post_url(p), main,
                             "item-view", True, desc)

        def render_listing(self, posts, url, title):
            s = self.site
            arts = "\n".join("<article class='post-outer-container'>\n<div class='post-outer'>\n%s\n</div>\n</article>"
                             % self.post_div(p, False) for p in posts)
            status = ""
            if "/search/label/" in url:
                status = ("<div class='post-filter-message'>\n<div>\nShowing posts with the label <span "
                          "class='search-label'>%s</span>\n</div>\n<div>\n<a class='flat-button ripple' href='%s'>"
                          "\nShow all\n</a>\n</div>\n</div>\n" % (esc(title), self.home()))
            elif _re.search(r"/\d{4}/\d{2}/$", url):
                status = ("<div class='post-filter-message'>\n<div>\nShowing posts from %s\n</div>\n<div>\n"
                          "<a class='flat-button ripple' href='%s'>\nShow all\n</a>\n</div>\n</div>\n"
                          % (esc(title), self.home()))
            last = posts[-1]
            older = ("%ssearch?updated-max=%s&amp;max-results=%d" % (
                self.home(), self.iso(last.date, last.time.hour, last.time.minute).replace(":", "%3A"),
                len(posts)), "s")
            main = ("%s<div class='blog-posts hfeed container'>\n%s\n</div>\n%s"
                    % (status, arts, self.pager(None, older, url != self.home())))
            view = "feed-view" if url == self.home() else "feed-view archive-view"
            doc = "Ask %s" % s.doctor.short if url == self.home() else "Ask %s: %s" % (s.doctor.short, title)
            return self.page(doc, url, main, view, False,
                             "Questions from patients of %s, answered by %s." % (s.practice, s.doctor.full))

        def listings(self):
            ps = list(reversed(self.site.posts))
            h = self.home()
            out = [(h, ps[:7], "Home")]
            by_month = {}
            for p in ps:
                by_month.setdefault((p.date.year, p.date.month), []).append(p)
            (y, m), mp = max(by_month.items(), key=lambda kv: (len(kv[1]), kv[0]))
            out.append(("%s%04d/%02d/" % (h, y, m), mp, "%s %d" % (MONTHS[m - 1], y)))
            t = self.labels(ps[0])[0]
            out.append((self.label_url(t), [p for p in ps if t in self.labels(p)][:20], t))
            return out

        def about_url(self):
            return self.home() + "p/about.html"

        def render_about(self, p):
            main = ("<div class='blog-posts hfeed container'>\n<article class='post-outer-container'>\n"
                    "<div class='post-outer'>\n<div class='post'>\n<a name='%d'></a>\n"
                    "<h3 class='post-title entry-title'>\n%s\n</h3>\n"
                    "<div class='post-body entry-content float-container' id='post-body-%d'>\n%s\n</div>\n"
                    "<div class='post-footer'>\n</div>\n</div>\n</div>\n</article>\n</div>\n%s"
                    % (p.pid, esc(p.title), p.pid, self.body(p), self.pager(None, None)))
            return self.page("Ask %s: %s" % (self.site.doctor.short, p.title), self.about_url(), main,
                             "item-view", True, _plain(self.body(p))[:150])

        def terms_shown(self, p):
            # Blogger has labels only: the post's category is one of its labels, shown in post-labels
            return [], self.labels(p)

    # ------------------------------------------------------------------ WordPress, Twenty Twelve

    class WPTwentyTwelve(Platform):
        """WordPress 3.5, Twenty Twelve: div#page.hfeed.site, article.post.hentry, h1.entry-title,
        div.entry-content, footer.entry-meta "This entry was posted in .. and tagged .. on <time> by ..",
        nav.nav-single, ol.commentlist with article.comment, #respond form, #secondary widgets,
        "Proudly powered by WordPress"; posts at /2014/03/14/slug/."""
        name = "wp-twentytwelve"
        forms = ["plain", "title", "roundup", "dl", "qa", "from", "fr", "heading"]

        def host(self):
            return "www.%sclinic.com" % self.site.doctor.last.lower()

        def home(self):
            return "http://%s/" % self.host()

        def post_url(self, p):
            return "%s%04d/%02d/%02d/%s/" % (self.home(), p.date.year, p.date.month, p.date.day, p.slug)

        def fmt_date(self, d):
            return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)

        def iso(self, d, hour, minute):
            return "%sT%02d:%02d:00+00:00" % (d.isoformat(), hour, minute)

        def wp_time(self, hour, minute):
            return "%d:%02d %s" % ((hour - 1) % 12 + 1, minute, "am" if hour < 12 else "pm")

        def cat_url(self, c):
            return "%scategory/%s/" % (self.home(), _slug(c))

        def tag_url(self, t):
            return "%stag/%s/" % (self.home(), _slug(t))

        def author_slug(self, a):
            return _slug(a)

        def split(self, p):
            """Where the writer put the more tag: after the question, or the answer's first paragraph."""
            b = self.body(p)
            lines = b.split("\n")
            if p.kind == "roundup" or p.pid % 4 == 3 or len(lines) < 3:
                return b, None
            if not all(x.startswith("<p>") for x in lines):
                return b, None
            q = esc(p.qas[0].item.question)
            cut = next((i + 1 for i, x in enumerate(lines) if q in x), 1)
            if cut >= len(lines):
                return b, None
            return "\n".join(lines[:cut]), "\n".join(lines[cut:])

        def entry_meta(self, p):
            url = self.post_url(p)
            cats = ", ".join('<a href="%s" title="View all posts in %s" rel="category tag">%s</a>'
                             % (self.cat_url(c), esc(c), esc(c)) for c in p.categories)
            tags = ", ".join('<a href="%s" rel="tag">%s</a>' % (self.tag_url(t), esc(t)) for t in p.tags)
            date = ('<a href="%s" title="%s" rel="bookmark"><time class="entry-date" datetime="%s">%s</time></a>'
                    % (url, self.wp_time(p.time.hour, p.time.minute), self.iso(p.date, p.time.hour, p.time.minute),
                       self.fmt_date(p.date)))
            author = ('<span class="author vcard"><a class="url fn n" href="%sauthor/%s/" title="View all posts by %s" '
                      'rel="author">%s</a></span>' % (self.home(), self.author_slug(p.author), esc(p.author),
                                                      esc(p.author)))
            if tags:
                return ('This entry was posted in %s and tagged %s on %s<span class="by-author"> by %s</span>.'
                        % (cats, tags, date, author))
            return 'This entry was posted in %s on %s<span class="by-author"> by %s</span>.' % (cats, date, author)

        def replies(self, p):
            n = len(p.comments)
            return "1 Reply" if n == 1 else ("%d Replies" % n if n else '<span class="leave-reply">Leave a reply</span>')

        def article(self, p, single):
            url = self.post_url(p)
            classes = ["post-%d" % p.pid, "post", "type-post", "status-publish", "format-standard", "hentry"]
            classes += ["category-%s" % _slug(c) for c in p.categories]
            classes += ["tag-%s" % _slug(t) for t in p.tags]
            top, rest = self.split(p)
            if single:
                if rest is not None:
                    rl = rest.split("\n")
                    rl[0] = rl[0].replace("<p>", '<p><span id="more-%d"></span>' % p.pid, 1)
                    content = top + "\n" + "\n".join(rl)
                else:
                    content = top
            else:
                content = top
                if rest is not None:
                    content += ('\n<p> <a href="%s#more-%d" class="more-link">Continue reading <span class="meta-nav">'
                                '&rarr;</span></a></p>' % (url, p.pid))
            title = (('<h1 class="entry-title">%s</h1>' % esc(p.title)) if single else
                     ('<h1 class="entry-title">\n<a href="%s" title="Permalink to %s" rel="bookmark">%s</a>\n</h1>'
                      % (url, esc(p.title), esc(p.title))))
            author_box = ""
            if single and p.author == self.site.doctor.full:
                d = self.site.doctor
                author_box = (
                    '\n<div class="author-info">\n<div class="author-avatar">\n<img alt=\'\' '
                    'src=\'http://0.gravatar.com/avatar/5d1b4c2e7a0f?s=68&amp;d=mm&amp;r=G\' class=\'avatar avatar-68 '
                    'photo\' height=\'68\' width=\'68\' />\t\t\t\t\t</div><!-- .author-avatar -->\n'
                    '<div class="author-description">\n<h2>About %s</h2>\n<p>%s sees patients at %s in %s and writes '
                    'this blog.</p>\n<div class="author-link">\n'
                    '<a href="%sauthor/%s/" rel="author">\nView all posts by %s <span class="meta-nav">&rarr;</span>'
                    '\t\t\t\t\t\t</a>\n</div><!-- .author-link\t-->\n</div><!-- .author-description -->\n'
                    '</div><!-- .author-info -->'
                    % (esc(d.full), esc(d.full), esc(self.site.practice), esc(d.city), self.home(),
                       self.author_slug(d.full), esc(d.full)))
            return (
                '\n\t<article id="post-%d" class="%s">\n\t\t\t\t<header class="entry-header">\n\t\t\t\n'
                '\t\t\t\t\t\t%s\n\t\t\t\t\t\t\t\t<div class="comments-link">\n\t\t\t\t\t<a href="%s#%s" '
                'title="Comment on %s">%s</a>\t\t\t\t</div><!-- .comments-link -->\n'
                '\t\t\t\t\t</header><!-- .entry-header -->\n\n\t\t\t\t<div class="entry-content">\n%s\n'
                '\t\t\t\t\t</div><!-- .entry-content -->\n\t\t\n\t\t<footer class="entry-meta">\n\t\t\t%s\t\t\t'
                '%s\n\t\t</footer><!-- .entry-meta -->\n\t</article><!-- #post -->\n'
                % (p.pid, " ".join(classes), title, url, "comments" if p.comments else "respond", esc(p.title),
                   self.replies(p), content, self.entry_meta(p), author_box))

        def comments(self, p):
            url = self.post_url(p)
            rows = []
            for i, (who, text) in enumerate(p.comments):
                d = p.date + _dt.timedelta(days=i // 2, hours=0)
                hour, minute = min(23, p.time.hour + 2 + i), (p.time.minute + 17 * (i + 1)) % 60
                cid = p.pid * 3 + i
                parity = "even" if i % 2 == 0 else "odd"
                rows.append(
                    '\t<li class="comment %s thread-%s depth-1" id="li-comment-%d">\n'
                    '\t\t<article id="comment-%d" class="comment">\n'
                    '\t\t\t<header class="comment-meta comment-author vcard">\n'
                    '\t\t\t\t<img alt=\'\' src=\'http://1.gravatar.com/avatar/ad516503a11cd5ca435acc9bb6523536?s=44'
                    '&amp;d=mm&amp;r=G\' class=\'avatar avatar-44 photo\' height=\'44\' width=\'44\' />'
                    '<cite><b class="fn">%s</b> </cite><a href="%s#comment-%d"><time datetime="%s">%s at %s</time></a>'
                    '\t\t\t\t</header><!-- .comment-meta -->\n\n\t\t\t\t\n\t\t\t\t<section class="comment-content comment">\n'
                    '\t\t\t\t<p>%s</p>\n\t\t\t\t\t\t\t\t</section><!-- .comment-content -->\n\n'
                    '\t\t\t\t<div class="reply">\n\t\t\t\t<a class=\'comment-reply-link\' href=\'/%04d/%02d/%02d/%s/'
                    '?replytocom=%d#respond\' onclick=\'return addComment.moveForm("comment-%d", "%d", "respond", "%d")\'>'
                    'Reply</a> <span>&darr;</span>\t\t\t\t</div><!-- .reply -->\n'
                    '\t\t\t</article><!-- #comment-## -->\n\t\t</li><!-- #comment-## -->\n'
                    % (parity, parity, cid, cid,
                       esc(who), url, cid, self.iso(d, hour, minute), self.fmt_date(d), self.wp_time(hour, minute),
                       esc(text), p.date.year, p.date.month, p.date.day, p.slug, cid, cid, cid, p.pid))
            listing = ""
            if rows:
                n = len(rows)
                head_ = (("One thought on &ldquo;<span>%s</span>&rdquo;" % esc(p.title)) if n == 1 else
                         ("%d thoughts on &ldquo;<span>%s</span>&rdquo;" % (n, esc(p.title))))
                listing = ('\t\t\t<h2 class="comments-title">\n\t\t\t%s\t\t</h2>\n\n\t\t<ol class="commentlist">\n'
                           '%s\t\t</ol><!-- .commentlist -->\n\n\t\t\n\t\t\n\t' % (head_, "".join(rows)))
            form = (
                '\t\t\t\t\t\t\t\t<div id="respond">\n\t\t\t\t<h3 id="reply-title">Leave a Reply <small><a rel="nofollow" '
                'id="cancel-comment-reply-link" href="/%04d/%02d/%02d/%s/#respond" style="display:none;">Cancel reply'
                '</a></small></h3>\n\t\t\t\t\t\t\t\t\t<form action="%swp-comments-post.php" method="post" '
                'id="commentform">\n\t\t\t\t\t\t\t\t\t\t\t<p class="comment-notes">Your email address will not be '
                'published. Required fields are marked <span class="required">*</span></p>\t\t\t\t\t\t\t'
                '<p class="comment-form-author"><label for="author">Name</label> <span class="required">*</span>'
                '<input id="author" name="author" type="text" value="" size="30" aria-required=\'true\' /></p>\n'
                '<p class="comment-form-email"><label for="email">Email</label> <span class="required">*</span>'
                '<input id="email" name="email" type="text" value="" size="30" aria-required=\'true\' /></p>\n'
                '<p class="comment-form-url"><label for="url">Website</label><input id="url" name="url" type="text" '
                'value="" size="30" /></p>\n\t\t\t\t\t\t\t\t\t\t\t\t<p class="comment-form-comment"><label '
                'for="comment">Comment</label><textarea id="comment" name="comment" cols="45" rows="8" '
                'aria-required="true"></textarea></p>\t\t\t\t\t\t<p class="form-allowed-tags">You may use these '
                '<abbr title="HyperText Markup Language">HTML</abbr> tags and attributes:  <code>&lt;a href=&quot;&quot; '
                'title=&quot;&quot;&gt; &lt;abbr title=&quot;&quot;&gt; &lt;b&gt; &lt;em&gt; &lt;strong&gt; </code></p>'
                '\t\t\t\t\t\t<p class="form-submit">\n\t\t\t\t\t\t\t<input name="submit" type="submit" id="submit" '
                'value="Post Comment" />\n\t\t\t\t\t\t\t<input type=\'hidden\' name=\'comment_post_ID\' value=\'%d\' '
                'id=\'comment_post_ID\' />\n<input type=\'hidden\' name=\'comment_parent\' id=\'comment_parent\' '
                'value=\'0\' />\n\t\t\t\t\t\t</p>\n\t\t\t\t\t\t\t\t\t</form>\n\t\t\t\t\t\t\t</div><!-- #respond -->\n'
                % (p.date.year, p.date.month, p.date.day, p.slug, self.home(), p.pid))
            return ('\n<div id="comments" class="comments-area">\n\n\t\n\t%s\n%s\t\n</div><!-- #comments .comments-area -->'
                    % (listing, form))

        def sidebar(self):
            s = self.site
            h = self.home()
            months = []
            cats = set()
            for p in reversed(s.posts):
                ym = (p.date.year, p.date.month)
                if ym not in months:
                    months.append(ym)
                cats.update(p.categories)
            recent = "".join('\t\t\t\t<li>\n\t\t\t\t<a href="%s" title="%s">%s</a>\n\t\t\t\t\t\t</li>\n'
                             % (self.post_url(p), esc(p.title), esc(p.title)) for p in list(reversed(s.posts))[:5])
            arch = "".join("\t\t<li><a href='%s%04d/%02d/' title='%s %d'>%s %d</a></li>\n"
                           % (h, y, m, MONTHS[m - 1], y, MONTHS[m - 1], y) for y, m in months)
            catl = "".join('\t<li class="cat-item cat-item-%d"><a href="%s" title="View all posts filed under %s">%s</a>\n'
                           '</li>\n' % (3 + sorted(cats).index(c), self.cat_url(c), esc(c), esc(c))
                           for c in sorted(cats))
            return (
                '\n\t\t\t<div id="secondary" class="widget-area" role="complementary">\n'
                '\t\t\t<aside id="search-2" class="widget widget_search"><form role="search" method="get" '
                'id="searchform" action="%s" >\n\t<div><label class="screen-reader-text" for="s">Search for:</label>\n'
                '\t<input type="text" value="" name="s" id="s" />\n\t<input type="submit" id="searchsubmit" '
                'value="Search" />\n\t</div>\n\t</form></aside>\t\t<aside id="recent-posts-2" class="widget '
                'widget_recent_entries">\t\t<h3 class="widget-title">Recent Posts</h3>\t\t<ul>\n%s\t\t\t\t</ul>\n'
                '\t\t</aside><aside id="archives-2" class="widget widget_archive"><h3 class="widget-title">Archives</h3>'
                '\t\t<ul>\n%s\t\t</ul>\n</aside><aside id="categories-2" class="widget widget_categories">'
                '<h3 class="widget-title">Categories</h3>\t\t<ul>\n%s\t\t</ul>\n</aside><aside id="meta-2" '
                'class="widget widget_meta"><h3 class="widget-title">Meta</h3>\t\t\t<ul>\n'
                '\t\t\t\t\t\t<li><a href="%swp-login.php">Log in</a></li>\n'
                '\t\t\t<li><a href="%sfeed/" title="Syndicate this site using RSS 2.0">Entries <abbr title="Really '
                'Simple Syndication">RSS</abbr></a></li>\n\t\t\t<li><a href="%scomments/feed/" title="The latest '
                'comments to all posts in RSS">Comments <abbr title="Really Simple Syndication">RSS</abbr></a></li>\n'
                '\t\t\t<li><a href="http://wordpress.org/" title="Powered by WordPress, state-of-the-art semantic '
                'personal publishing platform.">WordPress.org</a></li>\n\t\t\t\t\t\t</ul>\n</aside>\t\t</div><!-- #secondary -->'
                % (h, recent, arch, catl, h, h, h))

        def page(self, title, canonical, main, body_class, desc, keywords="", extra=""):
            s = self.site
            h = self.home()
            seo = ('\n<!-- All in One SEO Pack 2.0.3.1 by Michael Torbert of Semper Fi Web Design[%d,%d] -->\n'
                   '<meta name="description" content="%s" />\n%s'
                   '<link rel="canonical" href="%s" />\n<!-- /all in one seo pack -->\n'
                   % (len(title), len(title) + 62, esc(desc),
                      ('<meta name="keywords" content="%s" />\n' % esc(keywords)) if keywords else "",
                      esc(canonical)))
            menu = [("Home", h), ("About Dr. %s" % s.doctor.last, h + "about/"), ("Treatments", h + "treatments/"),
                    ("Contact", h + "contact/")]
            nav = "".join('<li id="menu-item-%d" class="menu-item menu-item-type-post_type menu-item-object-page '
                          'menu-item-%d"><a href="%s">%s</a></li>\n' % (20 + i, 20 + i, u, esc(t))
                          for i, (t, u) in enumerate(menu))
            return (
                '<!DOCTYPE html>\n<!--[if IE 7]>\n<html class="ie ie7" lang="en-US">\n<![endif]-->\n'
                '<!--[if IE 8]>\n<html class="ie ie8" lang="en-US">\n<![endif]-->\n'
                '<!--[if !(IE 7) | !(IE 8)  ]><!-->\n<html lang="en-US">\n<!--<![endif]-->\n<head>\n'
                '<meta charset="UTF-8" />\n<meta name="viewport" content="width=device-width" />\n'
                '<title>%s</title>\n<link rel="profile" href="http://gmpg.org/xfn/11" />\n'
                '<link rel="pingback" href="%sxmlrpc.php" />\n'
                '<!--[if lt IE 9]>\n<script src="%swp-content/themes/twentytwelve/js/html5.js" type="text/javascript">'
                '</script>\n<![endif]-->\n%s'
                '<link rel="alternate" type="application/rss+xml" title="%s &raquo; Feed" href="%sfeed/" />\n'
                '<link rel="alternate" type="application/rss+xml" title="%s &raquo; Comments Feed" '
                'href="%scomments/feed/" />\n%s'
                "<link rel='stylesheet' id='twentytwelve-fonts-css'  href='http://fonts.googleapis.com/css?family="
                "Open+Sans:400italic,700italic,400,700&#038;subset=latin,latin-ext' type='text/css' media='all' />\n"
                "<link rel='stylesheet' id='twentytwelve-style-css'  href='%swp-content/themes/twentytwelve/style.css"
                "?ver=3.5.1' type='text/css' media='all' />\n<!--[if lt IE 9]>\n<link rel='stylesheet' "
                "id='twentytwelve-ie-css'  href='%swp-content/themes/twentytwelve/css/ie.css?ver=20121010' "
                "type='text/css' media='all' />\n<![endif]-->\n"
                "<script type='text/javascript' src='%swp-includes/js/jquery/jquery.js?ver=1.8.3'></script>\n"
                '<link rel="EditURI" type="application/rsd+xml" title="RSD" href="%sxmlrpc.php?rsd" />\n'
                '<link rel="wlwmanifest" type="application/wlwmanifest+xml" href="%swp-includes/wlwmanifest.xml" /> \n'
                '<meta name="generator" content="WordPress 3.5.1" />\n'
                '\t<style type="text/css">.recentcomments a{display:inline !important;padding:0 !important;'
                'margin:0 !important;}</style>\n</head>\n\n'
                '<body class="%s custom-font-enabled">\n<div id="page" class="hfeed site">\n'
                '\t<header id="masthead" class="site-header" role="banner">\n\t\t<hgroup>\n'
                '\t\t\t<h1 class="site-title"><a href="%s" title="%s" rel="home">%s</a></h1>\n'
                '\t\t\t<h2 class="site-description">Patient questions, answered</h2>\n\t\t</hgroup>\n\n'
                '\t\t<nav id="site-navigation" class="main-navigation" role="navigation">\n'
                '\t\t\t<h3 class="menu-toggle">Menu</h3>\n\t\t\t<a class="assistive-text" href="#content" '
                'title="Skip to content">Skip to content</a>\n\t\t\t<div class="menu-main-container"><ul id="menu-main" '
                'class="nav-menu">%s</ul></div>\t\t</nav><!-- #site-navigation -->\n\n\t\t\t</header><!-- #masthead -->\n\n'
                '\t<div id="main" class="wrapper">\n%s\n%s\n\t</div><!-- #main .wrapper -->\n'
                '\t<footer id="colophon" role="contentinfo">\n\t\t<div class="site-info">\n\t\t\t\t\t\t'
                '<a href="http://wordpress.org/" title="Semantic Personal Publishing Platform">Proudly powered by '
                'WordPress</a>\n\t\t</div><!-- .site-info -->\n\t</footer><!-- #colophon -->\n</div><!-- #page -->\n\n'
                "<script type='text/javascript' src='%swp-includes/js/comment-reply.min.js?ver=3.5.1'></script>\n"
                "<script type='text/javascript' src='%swp-content/themes/twentytwelve/js/navigation.js?ver=1.0'>"
                "</script>\n</body>\n</html>\n"
                % (esc(title), h, h, seo, esc(s.practice), h, esc(s.practice), h, extra, h, h, h, h, h,
                   body_class, h, esc(s.practice), esc(s.practice), nav, main, self.sidebar(), h, h))

        def doc_title(self, t):
            return "%s | %s" % (t, self.site.practice)

        def render_post(self, p):
            ps = self.site.posts
            i = ps.index(p)
            prev_p = ps[i - 1] if i > 0 else None
            next_p = ps[i + 1] if i + 1 < len(ps) else None
            nav = ('\n\t\t\t\t<nav class="nav-single">\n\t\t\t\t\t<h3 class="assistive-text">Post navigation</h3>\n'
                   '\t\t\t\t\t<span class="nav-previous">%s</span>\n\t\t\t\t\t<span class="nav-next">%s</span>\n'
                   '\t\t\t\t</nav><!-- .nav-single -->\n'
                   % (('<a href="%s" rel="prev"><span class="meta-nav">&larr;</span> %s</a>'
                       % (self.post_url(prev_p), esc(prev_p.title))) if prev_p else "",
                      ('<a href="%s" rel="next">%s <span class="meta-nav">&rarr;</span></a>'
                       % (self.post_url(next_p), esc(next_p.title))) if next_p else ""))
            main = ('\n\t<div id="primary" class="site-content">\n\t\t<div id="content" role="main">\n\n\t\t\t\n'
                    '\t\t\t\t%s%s\n%s\n\t\t\t\n\t\t</div><!-- #content -->\n\t</div><!-- #primary -->\n'
                    % (self.article(p, True), nav, self.comments(p)))
            extra = ""
            if prev_p:
                extra += "<link rel='prev' title='%s' href='%s' />\n" % (esc(prev_p.title), self.post_url(prev_p))
            if next_p:
                extra += "<link rel='next' title='%s' href='%s' />\n" % (esc(next_p.title), self.post_url(next_p))
            extra += "<link rel='shortlink' href='%s?p=%d' />\n" % (self.home(), p.pid)
            desc = _plain(self.body(p))
            desc = desc[:155].rsplit(" ", 1)[0] if len(desc) > 155 else desc
            kw = ",".join(t.lower() for t in list(p.categories) + list(p.tags))
            return self.page(self.doc_title(p.title), self.post_url(p), main,
                             "single single-post postid-%d single-format-standard" % p.pid, desc, kw, extra)

        def render_listing(self, posts, url, title):
            s = self.site
            h = self.home()
            arts = "".join(self.article(p, False) for p in posts)
            header = ""
            if "/category/" in url:
                header = ('\t\t\t<header class="archive-header">\n\t\t\t\t<h1 class="archive-title">Category Archives: '
                          '<span>%s</span></h1>\n\n\t\t\t\t\t\t</header><!-- .archive-header -->\n\n' % esc(title))
                body_class = "archive category category-%s" % _slug(title)
                doc = self.doc_title(title)
            elif url.endswith("/page/2/"):
                body_class = "home blog paged paged-2"
                doc = "%s | Page 2" % s.practice
            else:
                body_class = "home blog"
                doc = "%s | Patient questions, answered by %s" % (s.practice, s.doctor.full)
            base = url.rsplit("page/", 1)[0]
            older = '<a href="%spage/%d/" ><span class="meta-nav">&larr;</span> Older posts</a>' % (
                base, 3 if url.endswith("/page/2/") else 2)
            newer = ('<a href="%s" >Newer posts <span class="meta-nav">&rarr;</span></a>' % base
                     if url.endswith("/page/2/") else "")
            nav = ('\t\t\t<nav id="nav-below" class="navigation" role="navigation">\n\t\t\t\t<h3 class="assistive-text">'
                   'Post navigation</h3>\n\t\t\t\t<div class="nav-previous alignleft">%s</div>\n'
                   '\t\t\t\t<div class="nav-next alignright">%s</div>\n\t\t\t</nav><!-- #nav-below .navigation -->\n'
                   % (older, newer))
            main = ('\n\t<section id="primary" class="site-content">\n\t\t<div id="content" role="main">\n\n%s%s\n%s'
                    '\t\t</div><!-- #content -->\n\t</section><!-- #primary -->\n' % (header, arts, nav))
            return self.page(doc, url, main, body_class, "Questions from patients of %s, answered by %s."
                             % (s.practice, s.doctor.full))

        def listings(self):
            ps = list(reversed(self.site.posts))
            h = self.home()
            cat = ps[0].categories[0]
            return [(h, ps[:10], "Home"), (h + "page/2/", ps[10:20], "Home"),
                    (self.cat_url(cat), [p for p in ps if cat in p.categories][:10], cat)]

        def about_url(self):
            return self.home() + "about/"

        def render_about(self, p):
            main = ('\n\t<div id="primary" class="site-content">\n\t\t<div id="content" role="main">\n\n'
                    '\t<article id="post-%d" class="post-%d page type-page status-publish hentry">\n'
                    '\t\t<header class="entry-header">\n\t\t\t<h1 class="entry-title">%s</h1>\n\t\t</header>\n\n'
                    '\t\t<div class="entry-content">\n%s\n\t\t\t\t\t</div><!-- .entry-content -->\n'
                    '\t\t<footer class="entry-meta">\n\t\t\t\t\t</footer><!-- .entry-meta -->\n'
                    '\t</article><!-- #post -->\n\t\t</div><!-- #content -->\n\t</div><!-- #primary -->\n'
                    % (p.pid, p.pid, esc(p.title), self.body(p)))
            return self.page(self.doc_title(p.title), self.about_url(), main,
                             "page page-id-%d page-template-default" % p.pid, _plain(self.body(p))[:150])

        def terms_shown(self, p):
            return list(p.categories), list(p.tags)

    return [BloggerContempo, WPTwentyTwelve]
