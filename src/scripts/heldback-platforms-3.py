"""Third held-back platforms for make-platform-archive (--extra-platforms src/scripts/heldback-platforms-3.py).

TEST-DATA GENERATOR (not product code).  Written on 2026-12-06 after the second pair had been used up,
from the platforms' own templates, and run against the importer once, when the rules were done.

  jekyll       A Jekyll site with its default theme, Minima: article.post.h-entry with BlogPosting
               microdata, h1.post-title.p-name, p.post-meta with time.dt-published ("Mar 14, 2014") and
               the author's h-card, div.post-content.e-content, a Disqus thread, the site footer's h-card
               (name, e-mail, social links); jekyll-seo-tag's canonical link, OpenGraph and BlogPosting
               JSON-LD in the head; posts at /YYYY/MM/DD/slug.html.  No tags or categories shown.
               Listings: the home page's ul.post-list and /page2/.
  livejournal  A LiveJournal journal in a classic S2 layout: each entry a table.entrybox with the
               subject in span.subject (no heading), the date and time as the permalink
               "[Mar. 14th, 2014|10:30 am]", the text in div.entry_text with <br> lines, a
               "Tags:" line of rel=tag links, "Leave a comment | 3 comments" links, threaded comments
               (div.comment with "(Reply) (Thread)" links) and a reply form; the page title
               "drcalloway: <subject>"; entries at /12345.html, no date in the address, no structured
               data, no canonical link.  Listings: the journal's recent entries and a tag page.
"""


def register(api):
    esc, head, jsonld, MONTHS = api.esc, api.head, api.jsonld, api.MONTHS
    Platform = api.Platform

    class Jekyll(Platform):
        """Jekyll with Minima: article.post.h-entry (BlogPosting microdata), h1.post-title, time.dt-published,
        div.post-content.e-content, Disqus, footer h-card; jekyll-seo-tag head; /YYYY/MM/DD/slug.html."""
        name = "jekyll"
        forms = ["qa", "from", "title", "heading", "plain", "dear", "roundup", "asked"]

        def host(self):
            return "dr%s.github.io" % self.site.doctor.last.lower()

        def post_url(self, p):
            return "https://%s/%04d/%02d/%02d/%s.html" % (self.host(), p.date.year, p.date.month, p.date.day,
                                                        p.slug[:50].strip("-"))

        def fmt_date(self, d):
            return "%s %d, %d" % (MONTHS[d.month - 1][:3], d.day, d.year)

        def page(self, title, url, main, extra=""):
            s = self.site
            return (head(title + " | Ask " + s.doctor.short, url,
                         '<meta name="generator" content="Jekyll v3.9.3" />\n'
                         '<meta property="og:title" content="%s" />\n<meta property="og:locale" content="en_US" />\n'
                         '<meta property="og:url" content="%s" />\n<meta property="og:site_name" content="Ask %s" />\n%s'
                         '<link rel="stylesheet" href="/assets/main.css">\n'
                         '<link type="application/atom+xml" rel="alternate" href="https://%s/feed.xml" title="Ask %s" />\n'
                         % (esc(title), esc(url), esc(s.doctor.short), extra, self.host(), esc(s.doctor.short))) +
                    '<body><header class="site-header" role="banner"><div class="wrapper">'
                    '<a class="site-title" rel="author" href="/">Ask %s</a><nav class="site-nav">'
                    '<input type="checkbox" id="nav-trigger" class="nav-trigger" /><label for="nav-trigger">'
                    '<span class="menu-icon"></span></label><div class="trigger"><a class="page-link" href="/about/">'
                    'About</a></div></nav></div></header>\n'
                    '<main class="page-content" aria-label="Content"><div class="wrapper">\n%s\n</div></main>\n'
                    '<footer class="site-footer h-card"><data class="u-url" href="/"></data><div class="wrapper">'
                    '<h2 class="footer-heading">Ask %s</h2><div class="footer-col-wrapper">'
                    '<div class="footer-col footer-col-1"><ul class="contact-list"><li class="p-name">%s</li>'
                    '<li><a class="u-email" href="mailto:office@%s-aesthetics.com">office@%s-aesthetics.com</a></li>'
                    '</ul></div><div class="footer-col footer-col-2"><ul class="social-media-list"><li>'
                    '<a href="https://github.com/dr%s"><svg class="svg-icon"></svg> <span class="username">dr%s</span>'
                    '</a></li><li><a href="https://www.twitter.com/dr%s"><svg class="svg-icon"></svg> '
                    '<span class="username">dr%s</span></a></li></ul></div><div class="footer-col footer-col-3">'
                    '<p>%s, %s in %s, answers readers\' questions about their skin and their surgery.</p>'
                    '</div></div></div></footer>\n</body>\n</html>\n'
                    % (esc(s.doctor.short), main, esc(s.doctor.short), esc(s.doctor.full), s.doctor.last.lower(),
                       s.doctor.last.lower(), s.doctor.last.lower(), s.doctor.last.lower(), s.doctor.last.lower(),
                       s.doctor.last.lower(), esc(s.doctor.full), esc(s.doctor.cred.lower()), esc(s.doctor.city)))

        def render_post(self, p):
            url = self.post_url(p)
            iso = "%sT%02d:%02d:00+00:00" % (p.date.isoformat(), p.time.hour, p.time.minute)
            ld = jsonld({"@context": "https://schema.org", "@type": "BlogPosting", "headline": p.title,
                         "dateModified": iso, "datePublished": iso, "url": url,
                         "mainEntityOfPage": {"@type": "WebPage", "@id": url},
                         "author": {"@type": "Person", "name": p.author},
                         "description": p.qas[0].item.question[:150]})
            extra = ('<meta property="og:type" content="article" />\n'
                     '<meta property="article:published_time" content="%s" />\n%s' % (iso, ld))
            main = (
                '<article class="post h-entry" itemscope itemtype="http://schema.org/BlogPosting">\n'
                '<header class="post-header"><h1 class="post-title p-name" itemprop="name headline">%s</h1>\n'
                '<p class="post-meta"><time class="dt-published" datetime="%s" itemprop="datePublished">%s</time>'
                ' • <span itemprop="author" itemscope itemtype="http://schema.org/Person"><span class="p-author h-card"'
                ' itemprop="name">%s</span></span></p></header>\n'
                '<div class="post-content e-content" itemprop="articleBody">\n%s\n</div>\n'
                '<div id="disqus_thread"></div><script>var disqus_config = function () { this.page.url = \'%s\'; '
                'this.page.identifier = \'%s\'; };</script><noscript>Please enable JavaScript to view the '
                '<a href="https://disqus.com/?ref_noscript" rel="nofollow">comments powered by Disqus.</a></noscript>\n'
                '<a class="u-url" href="%s" hidden></a>\n</article>'
                % (esc(p.title), iso, self.fmt_date(p.date), esc(p.author), self.body(p), url, url,
                   url.replace("https://" + self.host(), "")))
            return self.page(p.title, url, main, extra)

        def render_listing(self, posts, url, title):
            items = "".join(
                '<li><span class="post-meta">%s</span><h3><a class="post-link" href="%s">%s</a></h3>'
                '<p>%s</p></li>' % (self.fmt_date(p.date), self.post_url(p).replace("https://" + self.host(), ""),
                                    esc(p.title), esc(p.qas[0].item.question[:160])) for p in posts)
            main = ('<div class="home"><h2 class="post-list-heading">Posts</h2><ul class="post-list">%s</ul>'
                    '<p class="rss-subscribe">subscribe <a href="/feed.xml">via RSS</a></p>'
                    '<div class="pagination"><a class="next" href="/page2/">Older</a></div></div>' % items)
            return self.page("Ask " + self.site.doctor.short, url, main)

        def listings(self):
            ps = list(reversed(self.site.posts))
            return [("https://%s/" % self.host(), ps[:10], "Home"),
                    ("https://%s/page2/" % self.host(), ps[10:20], "Home")]

        def about_url(self):
            return "https://%s/about/" % self.host()

        def render_about(self, p):
            main = ('<article class="post"><header class="post-header"><h1 class="post-title">%s</h1></header>'
                    '<div class="post-content">%s</div></article>' % (esc(p.title), self.body(p)))
            return self.page(p.title, self.about_url(), main)

        def terms_shown(self, p):
            return [], []

    class LiveJournal(Platform):
        """LiveJournal, classic S2 layout: table.entrybox, span.subject (no heading), the permalink
        "[Mar. 14th, 2014|10:30 am]", div.entry_text with <br> lines, "Tags:" rel=tag links, comment
        links, threaded comments and a reply form; no structured data, no canonical link."""
        name = "livejournal"
        forms = ["title", "qa", "dear", "from", "plain", "asked", "roundup", "heading"]
        dialect = "br"
        shows_byline = False  # an entry shows the journal's name, not its author's

        def user(self):
            return "dr%s" % self.site.doctor.last.lower()

        def host(self):
            return "%s.livejournal.com" % self.user()

        def post_url(self, p):
            return "https://%s/%d.html" % (self.host(), 10000 + p.pid * 3)

        def fmt_date(self, d):
            day = d.day
            suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
            return "%s. %d%s, %d" % (MONTHS[d.month - 1][:3], day, suffix, d.year)

        def clock(self, p):
            return "%d:%02d %s" % ((p.time.hour - 1) % 12 + 1, p.time.minute, "am" if p.time.hour < 12 else "pm")

        def tag_links(self, p):
            return ", ".join('<a rel="tag" href="https://%s/tag/%s">%s</a>'
                             % (self.host(), t.lower().replace(" ", "+"), esc(t.lower())) for t in p.tags)

        def entry(self, p, single):
            url = self.post_url(p)
            text = self.body(p)  # a journal's recent entries show each entry whole
            tags = ('<div class="ljtags"><strong>Tags:</strong> %s</div>' % self.tag_links(p)) if p.tags else ""
            n = len(p.comments)
            talk = ('<a href="%s?mode=reply">Leave a comment</a>' % url) if n == 0 else (
                '<a href="%s?mode=reply">Leave a comment</a> | <a href="%s#comments">%d comment%s</a>'
                % (url, url, n, "" if n == 1 else "s"))
            return (
                '<table class="entrybox" width="100%%" cellpadding="2" cellspacing="0">\n'
                '<tr><td class="caption"><span class="subject">%s</span></td>'
                '<td class="index" align="right">[<a href="%s">%s|<em>%s</em></a>]</td></tr>\n'
                '<tr><td colspan="2"><div class="entry_text">%s</div>%s</td></tr>\n'
                '<tr><td class="comments" colspan="2">( %s )</td></tr>\n</table>\n'
                % (esc(p.title), url, self.fmt_date(p.date), self.clock(p), text, tags, talk))

        def page(self, title, main):
            s = self.site
            return (head("%s: %s" % (self.user(), title), None,
                         '<link rel="alternate" type="application/rss+xml" title="RSS" href="https://%s/data/rss" />\n'
                         '<meta name="description" content="Ask %s - LiveJournal" />\n' % (self.host(), esc(s.doctor.short))) +
                    '<body class="page-entry">\n<div id="lj_controlstrip"><a href="https://www.livejournal.com/">'
                    'LiveJournal</a> <a href="https://www.livejournal.com/login.bml">Log in</a> '
                    '<a href="https://www.livejournal.com/create">Create a journal</a></div>\n'
                    '<table width="100%%" class="main"><tr><td class="sidebar" valign="top" width="180">'
                    '<div class="userpic"><img src="https://l-userpic.livejournal.com/1/2" alt="%s" /></div>'
                    '<div class="journal-name"><a href="https://%s/profile">%s</a></div>'
                    '<ul class="navlinks"><li><a href="https://%s/">Recent Entries</a></li>'
                    '<li><a href="https://%s/calendar">Archive</a></li><li><a href="https://%s/friends">Friends</a></li>'
                    '<li><a href="https://%s/profile">Profile</a></li></ul></td>\n'
                    '<td class="content" valign="top">\n%s\n</td></tr></table>\n'
                    '<div class="footer">Powered by <a href="https://www.livejournal.com/">LiveJournal.com</a></div>\n'
                    '</body>\n</html>\n'
                    % (self.user(), self.host(), self.user(), self.host(), self.host(), self.host(), self.host(), main))

        def render_post(self, p):
            comments = ""
            if p.comments:
                comments = ('<div id="comments"><a name="comments"></a>%s</div>' % "".join(
                    '<div class="comment" id="t%d"><table class="talk-comment"><tr><td><img src="/img/userinfo.gif" '
                    'alt="[info]" /><b><a href="https://www.livejournal.com/users/%s/">%s</a></b><br /><span '
                    'class="talk-date">%s %s (UTC)</span></td></tr><tr><td class="talk-text">%s<br /><br />'
                    '(<a href="%s?replyto=%d">Reply</a>) (<a href="%s?thread=%d#t%d">Thread</a>)</td></tr></table></div>'
                    % (i, esc(w.lower().replace(" ", "_")), esc(w), p.date.isoformat(), self.clock(p), esc(t),
                       self.post_url(p), i, self.post_url(p), i, i) for i, (w, t) in enumerate(p.comments)))
            form = ('<form method="post" action="https://www.livejournal.com/talkpost_do.bml" id="postform">'
                    '<table><tr><td>From:</td><td><input type="radio" name="usertype" /> Anonymous</td></tr>'
                    '<tr><td>Subject:</td><td><input name="subject" /></td></tr><tr><td>Message:</td>'
                    '<td><textarea name="body"></textarea></td></tr></table><input type="submit" value="Post Comment" />'
                    '</form>')
            nav = ('<div class="entry-nav"><a href="https://www.livejournal.com/go.bml?journal=%s&amp;dir=prev">'
                   '&lt;&lt; previous entry</a> | <a href="https://www.livejournal.com/go.bml?journal=%s&amp;dir=next">'
                   'next entry &gt;&gt;</a></div>' % (self.user(), self.user()))
            return self.page(p.title, nav + self.entry(p, True) + comments + form)

        def render_listing(self, posts, url, title):
            main = "".join(self.entry(p, False) for p in posts)
            main += ('<div class="pager">[ <a href="https://%s/?skip=20">previous 20 entries</a> ]</div>' % self.host())
            return self.page(title, main)

        def listings(self):
            ps = list(reversed(self.site.posts))
            tagged = [p for p in self.site.posts if p.tags]
            t = tagged[0].tags[0] if tagged else None
            out = [("https://%s/" % self.host(), ps[:5], "Ask " + self.site.doctor.short)]
            if t:
                out.append(("https://%s/tag/%s" % (self.host(), t.lower().replace(" ", "+")),
                            [p for p in self.site.posts if t in p.tags][:5], t.lower()))
            return out

        def about_url(self):
            return "https://%s/profile" % self.host()

        def render_about(self, p):
            main = ('<div class="profile"><h2>%s</h2><div class="bio">%s</div></div>' % (esc(p.title), self.body(p)))
            return self.page(p.title, main)

        def terms_shown(self, p):
            return [], [t.lower() for t in p.tags]

    return [Jekyll, LiveJournal]
