"""Fifth held-back platforms for make-platform-archive (--extra-platforms src/scripts/heldback-platforms-5.py).

TEST-DATA GENERATOR (not product code).  Written on 2026-12-06 after the fourth pair had been used up,
by someone who did not read the importer's code, from the platforms' own templates (HubSpot's
cms-theme-boilerplate: src/templates/blog-post.html, blog-index.html, layouts/base.html,
partials/header.html and footer.html, with what the @hubspot/blog_comments, blog_subscribe,
blog_posts, pagination, rich_text and social sharing modules output; Movable Type's
default_templates: entry.mtml, entry_summary.mtml, main_index.mtml, monthly_entry_listing.mtml,
page.mtml, banner_header, banner_footer, sidebar, search, category_archive_list,
monthly_archive_list, recent_entries, about_this_page, and the Classic Blog comments.mtml and
comment_detail.mtml), and run against the importer once, when the rules were done.

  hubspot      A HubSpot CMS blog with a theme built on HubSpot's boilerplate: div.body-wrapper,
               header.header and footer.footer holding drag-and-drop areas (div.row-fluid-wrapper >
               div.row-fluid > div.span12.widget-span.widget-type-cell, dnd-section rows), then
               main#main-content.body-container-wrapper > div.body-container--blog-post >
               article.blog-post: h1 with HubSpot's name wrapper (span#hs_cos_wrapper_name),
               div.blog-post__meta (the author's avatar, a link to /blog/author/x and
               time.blog-post__timestamp "Mar 14, 2014 10:30:00 AM" in the portal's time zone,
               whose datetime attribute is the UTC time "2014-03-14 14:30:00", so for evening
               posts the next day), the text in div.blog-post__body >
               span#hs_cos_wrapper_post_body.hs_cos_wrapper_type_rich_text (with the editor's
               <!--more--> separator after the first paragraph), the topic tags
               (div.blog-post__tags, rel=tag links to /blog/tag/x: HubSpot blogs have tags only, so
               the post's category is one of its tags here), the social sharing module
               (ul.hs-blog-social-share-list), the blog subscribe module (an hs-form), the comments
               module (div#comments-listing of div.comment items with name, date and body, and the
               comment form) and the "Read On" related posts (three other posts: title and
               100-character summary).  Head: canonical, OpenGraph, twitter tags, HubSpot's
               scripts (no article:published_time, no JSON-LD).  Posts at /blog/slug.
               Listings: the blog home /blog (the hero rich text, subscribe form, the blog_posts
               module's article.blog-index__post teasers: featured image, title, summary, author,
               date, "Read More"; nav.hs-pagination Prev/Next), /blog/page/2, a tag page
               /blog/tag/x and an author page /blog/author/x.
  movabletype  A Movable Type blog with the Classic Blog template set (MT 5/6 default templates):
               div#container > div#container-inner > div#header, div#content > div#content-inner >
               div#alpha > div.entry-asset.asset.hentry: div.asset-header (h1#page-title.asset-name
               .entry-title, div.asset-meta "By <span class="vcard author"><a class="fn url">..</a>
               </span> on <abbr class="published" title="2014-03-14T10:30:00-05:00">March 14, 2014
               10:30 AM</abbr> | 2 Comments"), div.asset-content.entry-content > div.asset-body and,
               for longer posts, the extended entry div#more.asset-more holding the rest of the
               answer; div.asset-footer with div.entry-categories ("Categories:" h4, rel=tag links)
               and div.entry-tags ("Tags:" h4, javascript tag-search links); then div#comments
               (h2.comments-header "2 Comments", div.comment items with the commenter, the date
               abbr and a Reply link, div.comment-content) and the "Leave a comment" form; the
               sidebar div#beta (search, "About this Entry" widget naming the author, date and the
               neighbouring entries' titles, categories, monthly archives, recent entries) and
               div#footer "Powered by Movable Type".  The blog's fixed time zone offset (-05:00)
               is used all year, as MT does.  Entries at /2014/03/entry-basename.html (basename
               cut at 30 characters).  Listings: the main index (entry summaries: the body only,
               "Continue reading <title>." for extended entries), the monthly archive /2014/03/
               ("March 2014 Archives") and a category archive /skin-care/.
"""

import datetime as _dt
import html as _html
import re as _re


def register(api):
    _plain, _slug, _us_eastern_offset = api.plain_text, api.slug_of, api.us_eastern_offset
    esc, head, MONTHS = api.esc, api.head, api.MONTHS
    Platform = api.Platform

    # ------------------------------------------------------------------ HubSpot CMS

    class HubSpot(Platform):
        """HubSpot CMS blog (boilerplate theme): article.blog-post, span#hs_cos_wrapper_post_body rich text,
        blog-post__meta author link and "Mar 14, 2014 10:30:00 AM", topic tags, social sharing, subscribe
        hs-form, #comments-listing, Read On related posts, dnd wrappers; posts at /blog/slug."""
        name = "hubspot"
        forms = ["from", "qa", "title", "roundup", "plain", "dear", "table", "fr"]

        PORTAL = 2418736

        def host(self):
            return "www.%saesthetics.com" % self.site.doctor.last.lower()

        def home(self):
            return "https://%s/" % self.host()

        def blog(self):
            return "https://%s/blog" % self.host()

        def post_url(self, p):
            return "%s/%s" % (self.blog(), p.slug[:70].strip("-"))

        def fmt_date(self, d):
            return "%s %d, %d" % (MONTHS[d.month - 1][:3], d.day, d.year)

        def fmt_datetime(self, d, hour, minute, second=0):
            return "%s %d:%02d:%02d %s" % (self.fmt_date(d), (hour - 1) % 12 + 1, minute, second,
                                            "AM" if hour < 12 else "PM")

        def utc(self, d, hour, minute):
            t = _dt.datetime(d.year, d.month, d.day, hour, minute) + _dt.timedelta(hours=_us_eastern_offset(d))
            return t

        def author_slug(self, name):
            return _slug(name)

        def tags_of(self, p):
            # HubSpot blogs have tags ("topics") only; the post's category is tagged like the rest
            out = []
            for t in list(p.categories) + list(p.tags):
                if t not in out:
                    out.append(t)
            return out

        def content(self, p):
            """The post body as HubSpot's rich text editor saves it: <strong>, and the read-more separator."""
            b = self.body(p).replace("<b>", "<strong>").replace("</b>", "</strong>")
            lines = b.split("\n")
            if p.kind != "roundup" and len(lines) > 2 and all(x.startswith("<p>") for x in lines):
                # the writer put the read-more separator after the question (or, with no question in the
                # text, after the answer's first paragraph)
                q = esc(p.qas[0].item.question)
                cut = next((i + 1 for i, x in enumerate(lines) if q in x), 1)
                if cut < len(lines):
                    lines.insert(cut, "<!--more-->")
                    b = "\n".join(lines)
            return b

        def summary(self, p):
            b = self.content(p)
            if "<!--more-->" in b:
                return _plain(b.split("<!--more-->")[0])
            # no separator: HubSpot takes the start of the post
            words = _plain(b).split(" ")
            return " ".join(words[:40]) + ("..." if len(words) > 40 else "")

        def image(self, p):
            return "https://%s/hubfs/Blog/%s.jpg" % (self.host(), _slug(p.categories[0]))

        def wrapper(self, kind, mid, inner, general="widget"):
            return ('<div id="hs_cos_wrapper_%s" class="hs_cos_wrapper hs_cos_wrapper_%s hs_cos_wrapper_type_module" '
                    'style="" data-hs-cos-general-type="%s" data-hs-cos-type="module">%s</div>'
                    % (mid, general, general, inner))

        def dnd_row(self, n, depth, inner, cls=""):
            return ('<div class="row-fluid-wrapper row-depth-%d row-number-%d %s">\n<div class="row-fluid ">\n'
                    '<div class="span12 widget-span widget-type-cell %s" style="" data-widget-type="cell" '
                    'data-x="0" data-w="12">\n%s\n</div><!--end widget-span -->\n</div><!--end row-->\n'
                    '</div><!--end row-wrapper -->' % (depth, n, cls, "dnd-column" if depth > 1 else "", inner))

        def module(self, name, mtype, inner):
            return ('<div class="hs_cos_wrapper hs_cos_wrapper_widget hs_cos_wrapper_type_module widget-type-%s" '
                    'style="" data-hs-cos-general-type="widget" data-hs-cos-type="module" id="hs_cos_wrapper_%s">'
                    '%s</div>' % (mtype, name, inner))

        def subscribe(self, mid):
            return self.module(
                mid, "blog_subscribe",
                '<div class="hs_cos_wrapper hs_cos_wrapper_widget hs_cos_wrapper_type_blog_subscribe" '
                'data-hs-cos-general-type="widget" data-hs-cos-type="blog_subscribe">'
                '<h3 id="hs_cos_wrapper_%s_title" class="hs_cos_wrapper form-title" data-hs-cos-general-type="widget_field" '
                'data-hs-cos-type="text">Subscribe to our blog</h3>\n'
                '<div id="hs_form_target_%s_%d"><form novalidate accept-charset="UTF-8" '
                'action="https://forms.hsforms.com/submissions/v3/public/submit/formsnext/multipart/%d/%s" '
                'enctype="multipart/form-data" id="hsForm_%s" method="POST" class="hs-form stacked hs-custom-form '
                'hs-form-private">'
                '<div class="hs_email hs-email hs-fieldtype-text field hs-form-field"><label id="label-email" for="email">'
                '<span>Email</span><span class="hs-form-required">*</span></label><div class="input">'
                '<input id="email" name="email" required placeholder="" type="email" class="hs-input" '
                'inputmode="email" autocomplete="email" value=""></div></div>'
                '<div class="hs_blog_default_hubspot_blog_subscription hs-blog_default_hubspot_blog_subscription '
                'hs-fieldtype-radio field hs-form-field" style="display:none;"><input name="blog_default_hubspot_blog_'
                'subscription" class="hs-input" type="hidden" value="weekly"></div>'
                '<div class="hs_submit hs-submit"><div class="actions"><input type="submit" class="hs-button primary '
                'large" value="Subscribe"></div></div></form></div></div>'
                % (mid, mid, self.PORTAL % 1000, self.PORTAL, "b1f7c2a4-3e1d-4f7e-9a55-%012d" % self.PORTAL,
                   "b1f7c2a4"))

        def social(self, p, url):
            q = _html.escape(url)
            items = [("twitter", "Tweet", "https://twitter.com/intent/tweet?original_referer=%s&amp;url=%s&amp;"
                      "source=tweetbutton&amp;text=%s" % (q, q, esc(p.title))),
                     ("linkedin", "Share", "https://www.linkedin.com/shareArticle?mini=true&amp;url=%s" % q),
                     ("facebook", "Share", "https://www.facebook.com/sharer/sharer.php?u=%s" % q),
                     ("email", "Email", "mailto:?subject=Check%%20out%%20%s%%20&amp;body=Check%%20out%%20%s" % (q, q))]
            return ('<div class="hs-blog-social-share">\n<ul class="hs-blog-social-share-list">\n%s</ul>\n</div>'
                    % "".join('<li class="hs-blog-social-share-item hs-blog-social-share-item-%s">'
                              '<a class="hs-blog-social-share-item-link" href="%s" target="_blank" rel="noopener">%s</a>'
                              '</li>\n' % (n, href, label) for n, label, href in items))

        def comments(self, p, url):
            rows = []
            for i, (who, text) in enumerate(p.comments):
                d = p.date + _dt.timedelta(days=1 + i)
                rows.append(
                    '<div class="comment depth-0" id="comment-%d">\n<div class="comment-from"><h4>%s</h4></div>\n'
                    '<p class="comment-date">%s</p>\n<div class="comment-body"><p>%s</p></div>\n'
                    '<div class="comment-reply-to" data-comment-id="%d"><a href="#">Reply to %s</a></div>\n</div>'
                    % (p.pid * 100 + i, esc(who), self.fmt_datetime(d, 9 + i, 2), esc(text), p.pid * 100 + i,
                       esc(who)))
            listing = ('<div id="comments-listing" class="new-comments">\n%s\n</div>' % "\n".join(rows)
                       if rows else '<div id="comments-listing" class="no-comments"></div>')
            form = ('<div id="comment-form"><h3 class="comment-form-title">Leave a Comment</h3>'
                    '<div id="hs_form_target_comment_form"><form novalidate accept-charset="UTF-8" '
                    'action="https://forms.hsforms.com/submissions/v3/public/submit/formsnext/multipart/%d/blog-comments" '
                    'enctype="multipart/form-data" class="hs-form stacked hs-form-private comment-form" method="POST">'
                    '<div class="hs_firstname hs-firstname field hs-form-field"><label for="firstname"><span>First Name'
                    '</span><span class="hs-form-required">*</span></label><div class="input"><input name="firstname" '
                    'required type="text" class="hs-input" value=""></div></div>'
                    '<div class="hs_lastname hs-lastname field hs-form-field"><label for="lastname"><span>Last Name'
                    '</span></label><div class="input"><input name="lastname" type="text" class="hs-input" value="">'
                    '</div></div><div class="hs_email hs-email field hs-form-field"><label for="email"><span>Email'
                    '</span><span class="hs-form-required">*</span></label><div class="input"><input name="email" '
                    'required type="email" class="hs-input" value=""></div></div>'
                    '<div class="hs_website hs-website field hs-form-field"><label for="website"><span>Website</span>'
                    '</label><div class="input"><input name="website" type="text" class="hs-input" value=""></div></div>'
                    '<div class="hs_comment hs-comment field hs-form-field"><label for="comment"><span>Comment</span>'
                    '<span class="hs-form-required">*</span></label><div class="input"><textarea name="comment" '
                    'required class="hs-input hs-fieldtype-textarea"></textarea></div></div>'
                    '<div class="legal-consent-container"><div class="hs-richtext"><p>%s needs the contact '
                    'information you provide to us to contact you about our services. You may unsubscribe at any '
                    'time.</p></div></div><div class="hs_submit hs-submit"><div class="actions"><input type="submit" '
                    'class="hs-button primary large" value="Submit Comment"></div></div></form></div></div>'
                    % (self.PORTAL, esc(self.site.practice)))
            return self.module("blog_comments", "blog_comments",
                               '<div class="section post-footer">\n%s\n%s\n</div>' % (form, listing))

        def related(self, p):
            ps = self.site.posts
            i = ps.index(p)
            others = [o for o in reversed(ps) if o is not p][:3] if i > len(ps) - 4 else ps[i + 1:i + 4]
            arts = []
            for o in others:
                s = self.summary(o)
                s = s[:100].rsplit(" ", 1)[0] + "..." if len(s) > 100 else s
                arts.append(
                    '<article class="blog-related-posts__post" aria-label="Blog post summary: %s">\n'
                    '<a class="blog-related-posts__post-image-wrapper" href="%s" aria-label="Read full post: %s">\n'
                    '<img class="blog-related-posts__image" src="%s" loading="lazy" width="352" alt="">\n</a>\n'
                    '<div class="blog-related-posts__content">\n<h3 class="blog-related-posts__title">\n'
                    '<a class="blog-related-posts__title-link" href="%s">%s</a></h3>\n%s\n</div>\n</article>'
                    % (esc(o.title), self.post_url(o), esc(o.title), self.image(o), self.post_url(o), esc(o.title),
                       esc(s)))
            return ('<section class="blog-related-posts">\n<div class="content-wrapper">\n<h2>Read On</h2>\n'
                    '<div class="blog-related-posts__list">\n%s\n</div>\n</div>\n</section>' % "\n".join(arts))

        def page(self, title, url, main, desc, og_type, body_classes, extra=""):
            s = self.site
            h = self.home()
            menu = [("Home", h), ("Treatments", h + "treatments"), ("About", h + "about"),
                    ("Blog", self.blog()), ("Contact", h + "contact")]
            nav = ('<nav class="menu menu--desktop" aria-label="Main menu">\n<ul class="menu__wrapper no-list">\n%s</ul>\n'
                   '</nav>' % "".join('<li class="menu__item menu__item--depth-1 hs-skip-lang-url-rewrite">'
                                      '<a class="menu__link%s" href="%s">%s</a></li>\n'
                                      % (" menu__link--active-link" if t == "Blog" else "", u, esc(t))
                                      for t, u in menu))
            header = (
                '<header class="header">\n<a href="#main-content" class="header__skip">Skip to content</a>\n'
                '<div class="container-fluid content-wrapper">\n</div>\n'
                '<div class="header__container content-wrapper">\n<div class="header__logo header__logo--main">\n'
                '<div id="hs_cos_wrapper_site_logo" class="hs_cos_wrapper hs_cos_wrapper_widget '
                'hs_cos_wrapper_type_module widget-type-logo" style="" data-hs-cos-general-type="widget" '
                'data-hs-cos-type="module">\n<span id="hs_cos_wrapper_site_logo_hs_logo_widget" class="hs_cos_wrapper '
                'hs_cos_wrapper_widget hs_cos_wrapper_type_logo" style="" data-hs-cos-general-type="widget" '
                'data-hs-cos-type="logo"><a href="%s" id="hs-link-site_logo_hs_logo_widget" style="border-width:0px;'
                'border:0px;"><img src="%shubfs/logo.png" class="hs-image-widget " height="48" style="height: auto;'
                'width:200px;border-width:0px;border:0px;" width="200" alt="%s" title="%s" loading="eager"></a></span>'
                '</div>\n</div>\n<div class="header__column">\n<div class="header__row-1">\n'
                '<div class="header__search header--element">\n<div id="hs_cos_wrapper_site_search" '
                'class="hs_cos_wrapper hs_cos_wrapper_widget hs_cos_wrapper_type_module" style="" '
                'data-hs-cos-general-type="widget" data-hs-cos-type="module"><div class="hs-search-field">\n'
                '<div class="hs-search-field__bar">\n<form data-hs-do-not-collect="true" action="/hs-search-results">\n'
                '<label class="hs-search-field__label" for="site_search-input">Search</label>\n'
                '<input type="text" class="hs-search-field__input" name="term" autocomplete="off" '
                'aria-label="Search" placeholder="" id="site_search-input">\n<button aria-label="Search">'
                '<span id="hs_cos_wrapper_site_search_" class="hs_cos_wrapper hs_cos_wrapper_widget '
                'hs_cos_wrapper_type_icon" style="" data-hs-cos-general-type="widget" data-hs-cos-type="icon">'
                '<svg version="1.0" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" aria-hidden="true">'
                '<g id="search1_layer"><path d="M505 442.7L405.3 343c-4.5-4.5-10.6-7-17-7H372z"></path></g></svg>'
                '</span></button>\n</form>\n</div>\n<ul class="hs-search-field__suggestions"></ul>\n</div></div>\n'
                '</div>\n</div>\n<div class="header__row-2">\n<div class="header--toggle header__navigation--toggle">'
                '</div>\n<div class="header--toggle header__search--toggle"></div>\n<div class="header__close--toggle">'
                '</div>\n<div class="header__navigation header--element">\n<div id="hs_cos_wrapper_navigation-primary" '
                'class="hs_cos_wrapper hs_cos_wrapper_widget hs_cos_wrapper_type_module" style="" '
                'data-hs-cos-general-type="widget" data-hs-cos-type="module">\n%s\n</div>\n</div>\n</div>\n</div>\n'
                '</div>\n<div class="container-fluid content-wrapper">\n</div>\n</header>'
                % (h, h, esc(s.practice), esc(s.practice), nav))
            social_follow = (
                '<div class="social-links">\n%s</div>' % "".join(
                    '<a href="https://www.%s.com/%saesthetics" class="social-links__link" target="_blank" '
                    'rel="noopener"><span id="hs_cos_wrapper_footer_social_%s" class="hs_cos_wrapper '
                    'hs_cos_wrapper_widget hs_cos_wrapper_type_icon social-links__icon" style="" '
                    'data-hs-cos-general-type="widget" data-hs-cos-type="icon"><svg version="1.0" '
                    'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 512" aria-labelledby="%s1" role="img">'
                    '<title id="%s1">Follow us on %s</title><g><path d="M279.14 288l14.22-92.66h-88.91z"></path></g>'
                    '</svg></span></a>\n' % (n, s.doctor.last.lower(), n, n, n, n.capitalize())
                    for n in ["facebook", "linkedin", "twitter", "instagram"]))
            footer = (
                '<footer class="footer">\n<div class="container-fluid footer__container content-wrapper">\n'
                + self.dnd_row(0, 0, self.dnd_row(0, 1, self.module("footer-module-2", "module", social_follow),
                                                  "dnd_area-row-0-force-full-width-section dnd-section") + "\n" +
                               self.dnd_row(1, 1, self.module(
                                   "footer-module-3", "rich_text",
                                   '<span id="hs_cos_wrapper_footer-module-3_" class="hs_cos_wrapper '
                                   'hs_cos_wrapper_widget hs_cos_wrapper_type_rich_text" style="" '
                                   'data-hs-cos-general-type="widget" data-hs-cos-type="rich_text"><div '
                                   'style="text-align: center; font-size: 0.7rem;"><span>© 2015 %s. All rights '
                                   'reserved.</span></div></span>' % esc(s.practice)),
                                   "dnd_area-row-1-margin dnd-section"))
                + '\n</div>\n</footer>')
            scripts = (
                '<script src="/hs/hsstatic/jquery-libs/static-1.4/jquery/jquery-1.11.2.js"></script>\n'
                '<script>hsjQuery = window[\'jQuery\'];</script>\n'
                '<script src="/hs/hsstatic/content-cwv-embed/static-1.1293/embed.js"></script>\n'
                '<script src="https://%shs-fs/hub/%d/hub_generated/template_assets/1/87412893/1686167409/'
                'template_main.min.js"></script>\n'
                '<script>\nvar hsVars = hsVars || {}; hsVars[\'language\'] = \'en\';\n</script>\n'
                '<script src="/hs/hsstatic/HubspotToolsMenu/static-1.256/js/index.js"></script>\n'
                '<!-- Start of HubSpot Analytics Code -->\n<script type="text/javascript">\n'
                'var _hsq = _hsq || [];\n_hsq.push(["setContentType", "%s"]);\n'
                '_hsq.push(["setCanonicalUrl", "%s"]);\n_hsq.push(["setPageId", "%d"]);\n'
                '_hsq.push(["setContentMetadata", {\n    "contentPageId": %d,\n    "legacyPageId": "%d",\n'
                '    "contentFolderId": null,\n    "contentGroupId": 4281750127,\n    "abTestId": null,\n'
                '    "languageVariantId": %d,\n    "languageCode": "en",\n    \n    \n}]);\n</script>\n\n'
                '<script type="text/javascript" id="hs-script-loader" async defer src="/hs/scriptloader/%d.js">'
                '</script>\n<!-- End of HubSpot Analytics Code -->\n\n<script type="text/javascript">\n'
                'var hsVars = {\n    render_id: "7f3c9a1e-2d4b-4e8f-a1c3-%012d",\n    ticks: 1733450000000,\n'
                '    page_id: %d,\n    \n    content_group_id: 4281750127,\n    portal_id: %d,\n'
                '    app_hs_base_url: "https://app.hubspot.com",\n    cp_hs_base_url: "https://cp.hubspot.com",\n'
                '    language: "en",\n    analytics_page_type: "%s",\n    scp_content_type: "",\n'
                '    analytics_page_id: "%d",\n    category_id: 3,\n    folder_id: 0,\n    is_hubspot_user: false\n}\n'
                '</script>\n<script defer src="/hs/hsstatic/HubspotToolsMenu/static-1.256/js/index.js"></script>\n'
                % (h, self.PORTAL, "blog-post" if og_type == "article" else "listing-page", url,
                   4281750127 + len(url), 4281750127 + len(url), 4281750127 + len(url), 4281750127 + len(url),
                   self.PORTAL, self.PORTAL, 4281750127 + len(url), self.PORTAL,
                   "blog-post" if og_type == "article" else "listing-page", 4281750127 + len(url)))
            meta = (
                '<link rel="shortcut icon" href="%shubfs/favicon.png" />\n'
                '<meta name="description" content="%s">\n'
                '<link rel="stylesheet" href="https://%shubfs/hub/%d/hub_generated/template_assets/1/87412890/'
                '1686167409/template_main.min.css">\n'
                '<link rel="stylesheet" href="https://%shubfs/hub/%d/hub_generated/template_assets/1/87412895/'
                '1686167409/template_blog.min.css">\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                '<meta property="og:description" content="%s">\n<meta property="og:title" content="%s">\n'
                '<meta name="twitter:description" content="%s">\n<meta name="twitter:title" content="%s">\n'
                '<style>\na#hs-link-site_logo_hs_logo_widget { border-width:0px;border:0px; }\n</style>\n'
                '<link rel="stylesheet" href="/hs/hsstatic/AsyncSupport/static-1.501/sass/comments_listing_asset.css">\n'
                '%s<meta property="og:url" content="%s">\n<meta name="twitter:card" content="summary_large_image">\n'
                '<meta name="twitter:creator" content="@%saesthetics">\n'
                '<meta property="og:type" content="%s">\n'
                '<link rel="alternate" type="application/rss+xml" href="%s/rss.xml">\n'
                '<meta name="twitter:domain" content="%s">\n'
                '<script src="//platform.linkedin.com/in.js" type="text/javascript">\n    lang: en_US\n</script>\n\n'
                '<meta http-equiv="content-language" content="en">\n'
                % (h, esc(desc), h[8:], self.PORTAL, h[8:], self.PORTAL, esc(desc), esc(title), esc(desc), esc(title),
                   extra, url, s.doctor.last.lower(), og_type, self.blog(), self.host()))
            return (head(title, url, meta) +
                    '<body>\n<div class="body-wrapper %s">\n'
                    '<div data-global-resource-path="%s_Theme/templates/partials/header.html">%s</div>\n\n'
                    '<main id="main-content" class="body-container-wrapper">\n%s\n</main>\n\n'
                    '<div data-global-resource-path="%s_Theme/templates/partials/footer.html">%s</div>\n'
                    '</div>\n%s</body>\n</html>\n'
                    % (body_classes, s.doctor.last, header, main, s.doctor.last, footer, scripts))

        def render_post(self, p):
            url = self.post_url(p)
            b = self.content(p)
            desc = self.summary(p)
            desc = desc[:155].rsplit(" ", 1)[0] if len(desc) > 155 else desc
            u = self.utc(p.date, p.time.hour, p.time.minute)
            aslug = self.author_slug(p.author)
            tags = self.tags_of(p)
            tag_html = ""
            if tags:
                tag_html = (
                    '\n<div class="blog-post__tags">\n<span id="hs_cos_wrapper_" class="hs_cos_wrapper '
                    'hs_cos_wrapper_widget hs_cos_wrapper_type_icon" style="" data-hs-cos-general-type="widget" '
                    'data-hs-cos-type="icon"><svg version="1.0" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" '
                    'aria-hidden="true"><g id="Tag1_layer"><path d="M0 252.118V48C0 21.49 21.49 0 48 0h204.118z"></path>'
                    '</g></svg></span>\n%s\n</div>'
                    % ",\n".join('<a class="blog-post__tag-link" href="%s/tag/%s" rel="tag">%s</a>'
                                 % (self.blog(), _slug(t), esc(t)) for t in tags))
            main = (
                '<div class="body-container body-container--blog-post">\n\n<div class="content-wrapper">\n'
                '<article class="blog-post">\n<h1><span id="hs_cos_wrapper_name" class="hs_cos_wrapper '
                'hs_cos_wrapper_meta_field hs_cos_wrapper_type_text" style="" data-hs-cos-general-type="meta_field" '
                'data-hs-cos-type="text">%s</span></h1>\n'
                '<div class="blog-post__meta">\n<img class="blog-post__author-image" src="%shubfs/authors/%s.jpg" '
                'width="40" height="40" loading="lazy" alt="Picture of %s">\n'
                '<a href="%s/author/%s" rel="author">\n%s\n</a>\n'
                '<time datetime="%s" class="blog-post__timestamp">\n%s\n</time>\n</div>\n'
                '<div class="blog-post__body">\n<span id="hs_cos_wrapper_post_body" class="hs_cos_wrapper '
                'hs_cos_wrapper_meta_field hs_cos_wrapper_type_rich_text" style="" data-hs-cos-general-type="meta_field" '
                'data-hs-cos-type="rich_text">%s</span>\n</div>%s\n%s\n</article>\n'
                '<div class="blog-post__subscribe">%s</div>\n'
                '<div class="blog-comments">\n%s\n</div>\n</div>\n\n%s\n\n</div>'
                % (esc(p.title), self.home(), aslug, esc(p.author), self.blog(), aslug, esc(p.author),
                   u.strftime("%Y-%m-%d %H:%M:%S"), self.fmt_datetime(p.date, p.time.hour, p.time.minute),
                   b, tag_html, self.social(p, url), self.subscribe("blog_subscribe_post"),
                   self.comments(p, url), self.related(p)))
            extra = ('<meta property="og:image" content="%s">\n<meta name="twitter:image" content="%s">\n'
                     '<link rel="amphtml" href="%s?hs_amp=true">\n' % (self.image(p), self.image(p), url))
            return self.page("%s" % p.title, url, main, desc, "article",
                             "hs-content-id-%d hs-blog-post hs-blog-id-4281750127" % (41000000000 + p.pid), extra)

        def teaser(self, p):
            s = self.summary(p)
            words = s.split(" ")
            if len(words) > 50:
                s = " ".join(words[:50]) + "..."
            aslug = self.author_slug(p.author)
            return (
                '<article class="blog-index__post blog-index__post--large" aria-label="Blog post summary: %s">\n'
                '<a class="blog-index__post-image-wrapper blog-index__post-image-wrapper--large" href="%s" '
                'aria-label="Read full post: %s">\n<img class="blog-index__post-image blog-index__post-image--large" '
                'src="%s" loading="lazy" alt="">\n</a>\n<div class="blog-index__post-content '
                'blog-index__post-content--large">\n<h2><a href="%s">%s</a></h2>\n<p>%s</p>\n'
                '<div class="blog-index__post-meta">\n<div class="blog-index__post-author">\n'
                '<img class="blog-index__post-author-image" src="%shubfs/authors/%s.jpg" loading="lazy" width="40" '
                'height="40" alt="Picture of %s">\n<a class="blog-index__post-author-name" href="%s/author/%s">%s</a>\n'
                '</div>\n<time class="blog-index__post-date" datetime="%s">%s</time>\n</div>\n'
                '<a class="blog-index__post-button button" href="%s" aria-label="Read full post: %s">Read More</a>\n'
                '</div>\n</article>'
                % (esc(p.title), self.post_url(p), esc(p.title), self.image(p), self.post_url(p), esc(p.title),
                   esc(s), self.home(), aslug, esc(p.author), self.blog(), aslug, esc(p.author),
                   self.utc(p.date, p.time.hour, p.time.minute).strftime("%Y-%m-%d %H:%M:%S"),
                   self.fmt_date(p.date), self.post_url(p), esc(p.title)))

        def render_listing(self, posts, url, title):
            s = self.site
            page2 = url.endswith("/page/2")
            if "/tag/" in url:
                hero = '<h1>%s</h1><p>Posts tagged "%s".</p>' % (esc(title), esc(title))
            elif "/author/" in url:
                hero = ('<img class="blog-header__author-avatar" src="%shubfs/authors/%s.jpg" width="100" '
                        'alt="Picture of %s"><h1>%s</h1><p>%s</p>' % (
                            self.home(), self.author_slug(title), esc(title), esc(title),
                            esc("%s, %s in %s." % (s.doctor.full, s.doctor.cred, s.doctor.city))
                            if title == s.doctor.full else "Posts by %s" % esc(title)))
            else:
                hero = ('<div style="text-align: center;"><h1>Ask %s</h1><p>Patients ask, %s answers: skin, '
                        'surgery and recovery questions from our inbox.</p></div>' % (esc(s.doctor.short),
                                                                                      esc(s.doctor.short)))
            base = url.rsplit("/page/", 1)[0]
            pag = ('<nav aria-label="Paging" class="hs-pagination">\n%s\n%s'
                   '<a class="hs-pagination__link hs-pagination__link--number%s" href="%s">1</a>\n'
                   '<a class="hs-pagination__link hs-pagination__link--number%s" href="%s/page/2">2</a>\n'
                   '<a class="hs-pagination__link hs-pagination__link--number" href="%s/page/3">3</a>\n'
                   '<a class="hs-pagination__link hs-pagination__link--next" href="%s/page/%d">\n'
                   '<span class="hs-pagination__link-text">Next</span><span class="hs-pagination__link-icon">'
                   '<svg viewBox="0 0 320 512" aria-hidden="true"><path d="M285.476 272.971z"></path></svg></span>'
                   '</a>\n</nav>'
                   % ("" if page2 else "",
                      ('<a class="hs-pagination__link hs-pagination__link--prev" href="%s">\n'
                       '<span class="hs-pagination__link-icon"><svg viewBox="0 0 320 512" aria-hidden="true"><path '
                       'd="M34.52 239.03z"></path></svg></span><span class="hs-pagination__link-text">Prev</span>'
                       '</a>\n' % base) if page2 else "",
                      "" if page2 else " hs-pagination__link--active", base,
                      " hs-pagination__link--active" if page2 else "", base, base, base, 3 if page2 else 2))
            listing = ('<div class="blog-index">\n%s\n</div>' % "\n".join(self.teaser(p) for p in posts))
            rich = ('<span id="hs_cos_wrapper_widget_hero_" class="hs_cos_wrapper hs_cos_wrapper_widget '
                    'hs_cos_wrapper_type_rich_text" style="" data-hs-cos-general-type="widget" '
                    'data-hs-cos-type="rich_text">%s</span>' % hero)
            main = (
                '<div class="container-fluid body-container body-container--blog-index">\n'
                + self.dnd_row(0, 0,
                               self.dnd_row(0, 1, self.dnd_row(0, 2, self.module("widget_hero", "rich_text", rich))
                                            + "\n" + self.dnd_row(1, 2, self.subscribe("widget_subscribe")),
                                            "dnd_area-row-0-background-color dnd_area-row-0-max-width-section-"
                                            "centering dnd_area-row-0-padding dnd-section") + "\n" +
                               self.dnd_row(1, 1, self.dnd_row(0, 2, self.module(
                                   "widget_blog_posts", "blog_posts", listing)) + "\n" +
                                   self.dnd_row(1, 2, self.module("widget_pagination", "pagination", pag)),
                                   "dnd_area-row-1-vertical-alignment dnd-section"))
                + '\n</div>')
            doc_title = "%s%s" % ("Ask %s" % s.doctor.short if title == "Blog" else title + " | Ask " + s.doctor.short,
                                   " | Page 2" if page2 else "")
            return self.page(doc_title, url, main, "Questions from patients, answered by %s." % s.doctor.full,
                             "website", "hs-content-id-4281750127 hs-blog-listing hs-blog-id-4281750127")

        def listings(self):
            ps = list(reversed(self.site.posts))
            b = self.blog()
            out = [(b, ps[:10], "Blog"), (b + "/page/2", ps[10:20], "Blog")]
            tagged = [t for p in ps for t in self.tags_of(p)]
            if tagged:
                t = tagged[0]
                out.append((b + "/tag/" + _slug(t), [p for p in ps if t in self.tags_of(p)][:10], t))
            dr = self.site.doctor.full
            out.append((b + "/author/" + self.author_slug(dr), [p for p in ps if p.author == dr][:10], dr))
            return out

        def about_url(self):
            return self.home() + "about"

        def render_about(self, p):
            main = (
                '<div class="container-fluid body-container body-container--about">\n'
                + self.dnd_row(0, 0, self.dnd_row(0, 1, self.module(
                    "widget_about", "rich_text",
                    '<span id="hs_cos_wrapper_widget_about_" class="hs_cos_wrapper hs_cos_wrapper_widget '
                    'hs_cos_wrapper_type_rich_text" style="" data-hs-cos-general-type="widget" '
                    'data-hs-cos-type="rich_text"><h1>%s</h1>\n%s</span>' % (esc(p.title), self.body(p))),
                    "dnd_area-row-0-padding dnd-section"))
                + '\n</div>')
            return self.page(p.title, self.about_url(), main, _plain(self.body(p))[:150], "website",
                             "hs-content-id-4281750999 hs-site-page page")

        def terms_shown(self, p):
            # topic tags under the post; HubSpot has no categories
            return [], self.tags_of(p)

    # ------------------------------------------------------------------ Movable Type

    class MovableType(Platform):
        """Movable Type Classic Blog: div.entry-asset.asset.hentry, h1.asset-name.entry-title, asset-meta "By ..
        on <abbr class=published>", asset-body and asset-more (extended entry), entry-categories and
        entry-tags, #comments with div.comment, sidebar #beta widgets, "Powered by Movable Type";
        entries at /2014/03/entry-basename.html."""
        name = "movabletype"
        forms = ["qa", "asked", "heading", "title", "roundup", "dl", "from", "de"]

        OFFSET = "-05:00"

        def __init__(self, site, r):
            super().__init__(site, r)
            # MT's entry basename: the title's words cut at 30 characters, "_1" added to a clash
            self.basenames = {}
            used = set()
            for p in site.posts:
                base = p.slug[:30].strip("-")
                name, k = base, 1
                while ("%d/%02d/%s" % (p.date.year, p.date.month, name)) in used:
                    name = "%s_%d" % (base, k)
                    k += 1
                used.add("%d/%02d/%s" % (p.date.year, p.date.month, name))
                self.basenames[p.pid] = name

        def host(self):
            return "blog.%saesthetics.com" % self.site.doctor.last.lower()

        def home(self):
            return "http://%s/" % self.host()

        def post_url(self, p):
            return "%s%04d/%02d/%s.html" % (self.home(), p.date.year, p.date.month, self.basenames[p.pid])

        def fmt_date(self, d):
            return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)

        def fmt_dt(self, d, hour, minute):
            # MT's "%x %X" in English: "March 14, 2014 10:30 AM"
            return "%s %d:%02d %s" % (self.fmt_date(d), (hour - 1) % 12 + 1, minute, "AM" if hour < 12 else "PM")

        def iso(self, d, hour, minute):
            return "%sT%02d:%02d:00%s" % (d.isoformat(), hour, minute, self.OFFSET)

        def cat_url(self, c):
            return "%s%s/" % (self.home(), _slug(c))

        def month_url(self, d):
            return "%s%04d/%02d/" % (self.home(), d.year, d.month)

        def author_link(self, p):
            if p.author.startswith("Dr."):
                return '<a class="fn url" href="%sabout.html">%s</a>' % (self.home(), esc(p.author))
            return '<span class="fn">%s</span>' % esc(p.author)

        def split(self, p):
            """Body and extended entry: longer single Q&As are split after the answer's first paragraphs."""
            b = self.body(p)
            lines = b.split("\n")
            if (p.kind != "roundup" and p.pid % 3 != 0 and len(lines) >= 4 and
                    all(x.startswith("<p>") and x.endswith("</p>") for x in lines)):
                cut = 2 if p.form != "title" else 1
                return "\n".join(lines[:cut]), "\n".join(lines[cut:])
            return b, ""

        def comment_count(self, n):
            return "%d Comment%s" % (n, "" if n == 1 else "s") if n else "No Comments"

        def meta(self, p):
            url = self.post_url(p)
            return (
                '<div class="asset-meta">\n<span class="byline">\nBy <span class="vcard author">%s</span> on '
                '<abbr class="published" title="%s">%s</abbr>\n</span>\n'
                '<span class="separator">|</span> <a href="%s#comments">%s</a>\n</div>'
                % (self.author_link(p), self.iso(p.date, p.time.hour, p.time.minute),
                   self.fmt_dt(p.date, p.time.hour, p.time.minute), url, self.comment_count(len(p.comments))))

        def comments(self, p):
            url = self.post_url(p)
            rows = []
            for i, (who, text) in enumerate(p.comments):
                d = p.date + _dt.timedelta(days=1 + i // 2)
                cid = p.pid * 10 + i
                rows.append(
                    '<div id="comment-%d" class="comment">\n<div class="inner">\n<div class="comment-header">\n'
                    '<div class="asset-meta">\n<span class="byline">\n<span class="vcard author">%s</span>\n| <a href="%s#comment-%d"><abbr class="published" '
                    'title="%s">%s</abbr></a>\n| <a title="Reply" href="javascript:void(0);" '
                    'onclick="mtReplyCommentOnClick(%d, \'%s\')">Reply</a>\n</span>\n</div>\n</div>\n'
                    '<div class="comment-content">\n<p>%s</p>\n</div>\n</div>\n</div>'
                    % (cid, esc(who), url, cid, self.iso(d, 9 + i, 2), self.fmt_dt(d, 9 + i, 2),
                       cid, esc(who).replace("'", "\\'"), esc(text)))
            listing = ""
            if rows:
                listing = ('<h2 class="comments-header">%s</h2>\n<div id="comments-content" class="comments-content">\n'
                           '%s\n</div>\n' % (self.comment_count(len(rows)), "\n".join(rows)))
            return (
                '<div id="comments" class="comments">\n%s'
                '<div class="comments-open" id="comments-open">\n<h2 class="comments-open-header">Leave a comment</h2>\n'
                '<div class="comments-open-content">\n<div id="comment-greeting"></div>\n'
                '<form method="post" action="%scgi-bin/mt/mt-comments.cgi" name="comments_form" id="comments-form" '
                'onsubmit="return mtCommentOnSubmit(this)">\n<input type="hidden" name="static" value="1" />\n'
                '<input type="hidden" name="entry_id" value="%d" />\n<input type="hidden" name="__lang" value="en" />\n'
                '<input type="hidden" name="parent_id" value="" id="comment-parent-id" />\n'
                '<input type="hidden" name="armor" value="1" />\n<input type="hidden" name="preview" value="" />\n'
                '<input type="hidden" name="sid" value="" />\n<div id="comments-open-data">\n'
                '<div id="comment-form-name">\n<label for="comment-author">Name</label>\n'
                '<input id="comment-author" name="author" size="30" value="" onfocus="mtCommentFormOnFocus()" />\n'
                '</div>\n<div id="comment-form-email">\n<label for="comment-email">Email Address</label>\n'
                '<input id="comment-email" name="email" size="30" value="" onfocus="mtCommentFormOnFocus()" />\n'
                '</div>\n<div id="comment-form-url">\n<label for="comment-url">URL</label>\n'
                '<input id="comment-url" name="url" size="30" value="" onfocus="mtCommentFormOnFocus()" />\n</div>\n'
                '<div id="comment-form-remember-me">\n<input type="checkbox" id="comment-bake-cookie" name="bakecookie" '
                'onclick="mtRememberMeOnClick(this)" value="1" accesskey="r" />\n<label for="comment-bake-cookie">'
                'Remember personal info?</label>\n</div>\n</div>\n<div id="comment-form-reply" style="display:none">\n'
                '<input type="checkbox" id="comment-reply" name="comment_reply" value="" '
                'onclick="mtSetCommentParentID()" />\n<label for="comment-reply" id="comment-reply-label"></label>\n'
                '</div>\n<div id="comments-open-text">\n<label for="comment-text">Comments</label>\n'
                '<textarea id="comment-text" name="text" rows="15" cols="50" onfocus="mtCommentFormOnFocus()">'
                '</textarea>\n</div>\n<div id="comments-open-footer">\n<input type="submit" accesskey="v" '
                'name="preview_button" id="comment-preview" value="Preview" onclick="this.form.preview.value=\'1\';" />\n'
                '<input type="submit" accesskey="s" name="post" id="comment-submit" value="Submit" />\n</div>\n'
                '</form>\n</div>\n</div>\n<script type="text/javascript">\n<!--\nmtAttachEvent("load", mtEntryOnLoad);\n'
                'mtAttachEvent("unload", mtEntryOnUnload);\n//-->\n</script>\n</div>'
                % (listing, self.home(), p.pid))

        def footer_terms(self, p):
            out = ""
            if p.categories:
                out += ('<div class="entry-categories">\n<h4>Categories<span class="delimiter">:</span></h4>\n<ul>\n'
                        '<li class="entry-category">%s</li>\n</ul>\n</div>\n'
                        % '<span class="delimiter">,</span></li> <li class="entry-category">'.join(
                            '<a href="%s" rel="tag">%s</a>' % (self.cat_url(c), esc(c)) for c in p.categories))
            if p.tags:
                out += ('<div class="entry-tags">\n<h4>Tags<span class="delimiter">:</span></h4>\n<ul>\n<li>%s</li>\n'
                        '</ul>\n</div>\n' % '<span class="delimiter">,</span></li> <li>'.join(
                            '<a href="javascript:void(0)" onclick="location.href=\'%scgi-bin/mt/mt-search.cgi?'
                            'blog_id=1&amp;tag=%s&amp;limit=20\';return false;" rel="tag">%s</a>'
                            % (self.home(), t.replace(" ", "%20"), esc(t)) for t in p.tags))
            return out

        def widget(self, cls, header, inner):
            return ('<div class="%s widget">\n%s<div class="widget-content">\n%s\n</div>\n</div>'
                    % (cls, ('<h3 class="widget-header">%s</h3>\n' % header) if header else "", inner))

        def sidebar(self, about):
            s = self.site
            ps = s.posts
            cats = {}
            months = {}
            for p in ps:
                for c in p.categories:
                    cats[c] = cats.get(c, 0) + 1
                months[(p.date.year, p.date.month)] = months.get((p.date.year, p.date.month), 0) + 1
            search = self.widget(
                "widget-search", "Search",
                '<form method="get" action="%scgi-bin/mt/mt-search.cgi">\n<input type="text" id="search" class="ti" '
                'name="search" value="" />\n<input type="hidden" name="IncludeBlogs" value="1" />\n'
                '<input type="hidden" name="limit" value="20" />\n<input type="submit" accesskey="4" value="Search" />\n'
                '</form>' % self.home())
            cat_w = ('<div class="widget-archive widget-archive-category widget">\n<h3 class="widget-header">Categories'
                     '</h3>\n<div class="widget-content">\n<ul>\n%s</ul>\n</div>\n</div>'
                     % "".join('<li><a href="%s">%s (%d)</a>\n</li>\n' % (self.cat_url(c), esc(c), n)
                               for c, n in sorted(cats.items())))
            mon_w = ('<div class="widget-archive-monthly widget-archive widget">\n<h3 class="widget-header">Monthly '
                     '<a href="%sarchives.html">Archives</a></h3>\n<div class="widget-content">\n<ul>\n%s</ul>\n</div>\n'
                     '</div>' % (self.home(), "".join(
                         '<li><a href="%s%04d/%02d/">%s %d (%d)</a></li>\n' % (self.home(), y, m, MONTHS[m - 1], y, n)
                         for (y, m), n in sorted(months.items(), reverse=True)[:12])))
            recent = self.widget("widget-recent-entries widget-archives", "Recent Entries",
                                 "<ul>\n%s</ul>" % "".join('<li><a href="%s">%s</a></li>\n' % (self.post_url(p),
                                                                                                 esc(p.title))
                                                          for p in list(reversed(ps))[:10]))
            feed = self.widget("widget-syndication", "",
                               '<ul>\n<li><img src="%smt-static/images/status_icons/feed.gif" alt="Subscribe to feed" '
                               'width="9" height="9" /> <a href="%satom.xml">Subscribe to this blog\'s feed</a></li>\n'
                               '</ul>' % (self.home(), self.home()))
            powered = self.widget("widget-powered", "",
                                  '<a href="http://www.movabletype.com/"><img src="%smt-static/images/bug-pbmt-white.png" '
                                  'alt="Powered by Movable Type 5.2.13" width="120" height="75" /></a>' % self.home())
            return ('<div id="beta">\n<div id="beta-inner">\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n</div>\n</div>'
                    % (search, about, cat_w, mon_w, recent, feed, powered))

        def page(self, title, canonical, body_id_class, main, about, main_index=False, extra_head=""):
            s = self.site
            h = self.home()
            if main_index:
                hdr = ('<h1 id="header-name"><a href="%s" accesskey="1">Ask %s</a></h1>\n'
                       '<h2 id="header-description">Questions from patients of %s, answered</h2>'
                       % (h, esc(s.doctor.short), esc(s.practice)))
            else:
                hdr = ('<div id="header-name"><a href="%s" accesskey="1">Ask %s</a></div>\n'
                       '<div id="header-description">Questions from patients of %s, answered</div>'
                       % (h, esc(s.doctor.short), esc(s.practice)))
            return (
                '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
                '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
                '<html xmlns="http://www.w3.org/1999/xhtml" id="sixapart-standard">\n<head>\n'
                '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />\n'
                '<meta name="generator" content="Movable Type Pro 5.2.13" />\n'
                '<link rel="stylesheet" href="%sstyles.css" type="text/css" />\n'
                '<link rel="start" href="%s" title="Home" />\n'
                '<link rel="alternate" type="application/atom+xml" title="Recent Entries" href="%satom.xml" />\n'
                '<script type="text/javascript" src="%smt.js"></script>\n'
                '<link rel="canonical" href="%s" />\n%s'
                '<title>%s</title>\n</head>\n'
                '<body class="%s">\n<div id="container">\n<div id="container-inner">\n\n'
                '<div id="header">\n<div id="header-inner">\n<div id="header-content">\n%s\n</div>\n</div>\n</div>\n\n'
                '<div id="content">\n<div id="content-inner">\n\n<div id="alpha">\n<div id="alpha-inner">\n%s\n'
                '</div>\n</div>\n\n%s\n\n</div>\n</div>\n\n'
                '<div id="footer">\n<div id="footer-inner">\n<div id="footer-content">\n'
                '<div class="widget-powered widget">\n<div class="widget-content">\n'
                'Powered by <a href="http://www.movabletype.com/">Movable Type Pro</a>\n</div>\n</div>\n'
                '</div>\n</div>\n</div>\n\n</div>\n</div>\n</body>\n</html>\n'
                % (h, h, h, h, esc(canonical), extra_head, esc(title), body_id_class, hdr, main,
                   self.sidebar(about)))

        def render_post(self, p):
            s = self.site
            url = self.post_url(p)
            body, more = self.split(p)
            ps = s.posts
            i = ps.index(p)
            prev_e = ps[i - 1] if i > 0 else None
            next_e = ps[i + 1] if i + 1 < len(ps) else None
            links = ""
            if prev_e:
                links += '<link rel="prev bookmark" href="%s" title="%s" />\n' % (self.post_url(prev_e), esc(prev_e.title))
            if next_e:
                links += '<link rel="next bookmark" href="%s" title="%s" />\n' % (self.post_url(next_e), esc(next_e.title))
            links += ('<!--\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
                      '         xmlns:trackback="http://madskills.com/public/xml/rss/module/trackback/"\n'
                      '         xmlns:dc="http://purl.org/dc/elements/1.1/">\n<rdf:Description\n'
                      '    rdf:about="%s"\n    trackback:ping="%scgi-bin/mt/mt-tb.cgi/%d"\n    dc:title="%s"\n'
                      '    dc:identifier="%s"\n    dc:subject="%s"\n    dc:description="%s"\n    dc:creator="%s"\n'
                      '    dc:date="%s" />\n</rdf:RDF>\n-->\n'
                      % (url, self.home(), p.pid, esc(p.title), url, esc(p.categories[0]),
                         esc(_plain(body)[:250]), esc(p.author), self.iso(p.date, p.time.hour, p.time.minute)))
            about = ('<div class="widget-about-this-page widget">\n<h3 class="widget-header">About this Entry</h3>\n'
                     '<div class="widget-content">\n<p class="first">This page contains a single entry by %s published '
                     'on <em>%s</em>.</p>\n%s%s<p>Find recent content on the <a href="%s">main index</a> or look in the '
                     '<a href="%sarchives.html">archives</a> to find all content.</p>\n</div>\n</div>'
                     % (self.author_link(p), self.fmt_dt(p.date, p.time.hour, p.time.minute),
                        ('<p><a href="%s">%s</a> was the previous entry in this blog.</p>\n'
                         % (self.post_url(prev_e), esc(prev_e.title))) if prev_e else "",
                        ('<p><a href="%s">%s</a> is the next entry in this blog.</p>\n'
                         % (self.post_url(next_e), esc(next_e.title))) if next_e else "",
                        self.home(), self.home()))
            entry = (
                '<div id="entry-%d" class="entry-asset asset hentry">\n<div class="asset-header">\n'
                '<h1 id="page-title" class="asset-name entry-title">%s</h1>\n%s\n</div>\n'
                '<div class="asset-content entry-content">\n<div class="asset-body">\n%s\n</div>\n%s</div>\n'
                '<div class="asset-footer">\n%s</div>\n</div>\n\n'
                '<div id="trackbacks" class="trackbacks">\n<h2 class="trackbacks-header">TrackBack</h2>\n'
                '<div class="trackbacks-info">\n<p>TrackBack URL: %scgi-bin/mt/mt-tb.cgi/%d</p>\n</div>\n</div>\n\n%s'
                % (p.pid, esc(p.title), self.meta(p), body,
                   ('<div id="more" class="asset-more">\n%s\n</div>\n' % more) if more else "",
                   self.footer_terms(p), self.home(), p.pid, self.comments(p)))
            return self.page("%s - Ask %s" % (p.title, s.doctor.short), url,
                             "mt-entry-archive layout-wt", entry, about, extra_head=links)

        def summary_entry(self, p):
            url = self.post_url(p)
            body, more = self.split(p)
            return (
                '<div id="entry-%d" class="entry-asset asset hentry">\n<div class="asset-header">\n'
                '<h2 class="asset-name entry-title"><a href="%s" rel="bookmark">%s</a></h2>\n%s\n</div>\n'
                '<div class="asset-content entry-content">\n<div class="asset-body">\n%s\n</div>\n%s</div>\n'
                '<div class="asset-footer"></div>\n</div>'
                % (p.pid, url, esc(p.title), self.meta(p), body,
                   ('<div class="asset-more-link">\nContinue reading <a href="%s#more" rel="bookmark">%s</a>.\n</div>\n'
                    % (url, esc(p.title))) if more else ""))

        def render_listing(self, posts, url, title):
            s = self.site
            h = self.home()
            entries = "\n\n".join(self.summary_entry(p) for p in posts)
            if url == h:
                main = entries + '\n\n<div class="content-nav">\n<a href="%sarchives.html">Archives</a>\n</div>' % h
                about = ""
                return self.page("Ask %s" % s.doctor.short, url, "mt-main-index layout-wt", main, about,
                                 main_index=True,
                                 extra_head='<link rel="EditURI" type="application/rsd+xml" title="RSD" href="%srsd.xml" />\n' % h)
            if _re.search(r"/\d{4}/\d{2}/$", url):
                d = posts[0].date
                heading = "%s %d Archives" % (MONTHS[d.month - 1], d.year)
                about = ('<div class="widget-about-this-page widget">\n<h3 class="widget-header">About this Archive</h3>\n'
                         '<div class="widget-content">\n<p class="first">This page is an archive of entries from '
                         '<strong>%s %d</strong> listed from newest to oldest.</p>\n<p>Find recent content on the '
                         '<a href="%s">main index</a> or look in the <a href="%sarchives.html">archives</a> to find '
                         'all content.</p>\n</div>\n</div>' % (MONTHS[d.month - 1], d.year, h, h))
                cls = "mt-archive-listing mt-datebased-monthly-archive layout-wt"
            else:
                heading = "%s Archives" % title
                about = ('<div class="widget-about-this-page widget">\n<h3 class="widget-header">About this Archive</h3>\n'
                         '<div class="widget-content">\n<p class="first">This page is an archive of recent entries in the '
                         '<strong>%s</strong> category.</p>\n<p>Find recent content on the <a href="%s">main index</a> or '
                         'look in the <a href="%sarchives.html">archives</a> to find all content.</p>\n</div>\n</div>'
                         % (esc(title), h, h))
                cls = "mt-archive-listing mt-category-archive layout-wt"
            main = ('<h1 id="page-title" class="archive-title">%s</h1>\n\n%s\n\n<div class="content-nav">\n'
                    '<a href="%s">Main Index</a> |\n<a href="%sarchives.html">Archives</a>\n</div>'
                    % (esc(heading), entries, h, h))
            return self.page("Ask %s: %s" % (s.doctor.short, heading), url, cls, main, about)

        def listings(self):
            ps = list(reversed(self.site.posts))
            h = self.home()
            out = [(h, ps[:10], "Main Index")]
            by_month = {}
            for p in ps:
                by_month.setdefault((p.date.year, p.date.month), []).append(p)
            (y, m), mp = max(by_month.items(), key=lambda kv: (len(kv[1]), kv[0]))
            out.append((self.month_url(mp[0].date), mp, "%s %d" % (MONTHS[m - 1], y)))
            c = ps[0].categories[0]
            out.append((self.cat_url(c), [p for p in ps if c in p.categories][:10], c))
            return out

        def about_url(self):
            return self.home() + "about.html"

        def render_about(self, p):
            main = ('<div id="page-%d" class="page-asset asset">\n<div class="asset-header">\n'
                    '<h1 id="page-title" class="asset-name">%s</h1>\n</div>\n<div class="asset-content">\n'
                    '<div class="asset-body">\n%s\n</div>\n</div>\n<div class="asset-footer"></div>\n</div>'
                    % (p.pid, esc(p.title), self.body(p)))
            return self.page("%s - Ask %s" % (p.title, self.site.doctor.short), self.about_url(),
                             "mt-page-archive layout-wt", main, "")

        def terms_shown(self, p):
            return list(p.categories), list(p.tags)

    return [HubSpot, MovableType]
