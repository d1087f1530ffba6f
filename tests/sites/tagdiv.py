"""A mock school site (Tân Phước), written to be kept out of the tuning loop and measured once by
benchmarks/crawl_accuracy.py (its first figures are noted there).

WordPress with tagDiv's "Newspaper" theme, the magazine theme most Vietnamese WordPress news sites
wear: a top bar printing today's date in WordPress's Vietnamese (`Thứ Hai, Tháng Mười Hai 7, 2026`)
and a "Tin nóng" ticker of other posts' headlines, a mobile menu that repeats the menu, posts at
`/<category>/<slug>/`, the post's header (its category, the headline, `Bởi admin - 10/01/2022` with
the hour only in the `<time datetime>`, a view and a comment counter), share buttons above and below
the text, a featured image, captions in WordPress's classic `wp-caption` boxes, the writer typed by
the editor at the top or at the end of the text, the post's tags under a `TAGS` label, the
previous and next posts, an author box of the account, "BÀI VIẾT LIÊN QUAN" (related posts with
their thumbnails and categories), the comment form, a sidebar of social counters and the newest
posts; category, tag and author archives paged at `/page/N/` (modules of a headline, the account,
the day, an excerpt and "Đọc thêm").
"""
from __future__ import annotations

from html import escape

from tct.demo.content import DemoArticle, build_articles
from tct.demo.server import Route, RouteTable
from tests.sites.paging import page_numbers, pages_of, wp_page

SCHOOL = "Trường Chính trị tỉnh Tân Phước"
PER_PAGE = 5
CATS = {"tin-tuc": "Tin tức", "nghien-cuu": "Nghiên cứu - Trao đổi"}
TODAY = "Thứ Hai, Tháng Mười Hai 7, 2026"  # the top bar's date: the day the page is served


def _cat(a: DemoArticle) -> str:
    return "tin-tuc" if a.id % 3 else "nghien-cuu"


def article_path(a: DemoArticle) -> str:
    return f"/{_cat(a)}/{a.slug}/"


def _tag(a: DemoArticle) -> str:
    return a.slug.split("-")[0]


def _time(a: DemoArticle, cls: str = "entry-date updated td-module-date") -> str:
    return f'<time class="{cls}" datetime="{a.published.isoformat()}">{a.published:%d/%m/%Y}</time>'


def _meta(a: DemoArticle) -> str:
    return ('<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">Bởi</div> '
            '<a href="/author/admin/">admin</a><div class="td-author-line"> - </div></div><span class="td-post-date">'
            f'{_time(a)}</span><div class="td-post-views"><i class="td-icon-views"></i><span class="td-nr-views-'
            f'{a.id}">{(a.id * 37) % 2000 + 120}</span></div><div class="td-post-comments"><a href="#respond"><i '
            'class="td-icon-comments"></i>0</a></div></div>')


def _share(where: str) -> str:
    nets = "".join(f'<a class="td-social-sharing-button td-social-sharing-button-js td-social-network td-social-'
                   f'{n.lower()}" href="https://{n.lower()}.com/share"><div class="td-social-but-icon"><i class="td-'
                   f'icon-{n.lower()}"></i></div><div class="td-social-but-text">{n}</div></a>'
                   for n in ("Facebook", "Twitter", "Pinterest", "WhatsApp"))
    return (f'<div class="td-post-sharing td-post-sharing-{where} "><div class="td-post-sharing-visible"><a class="'
            'td-social-sharing-button td-social-sharing-button-js td-social-handler td-social-share-text" href="#">'
            f'<div class="td-social-but-icon"><i class="td-icon-share"></i></div><div class="td-social-but-text">Chia '
            f'sẻ</div></a>{nets}</div></div>')


def _text(a: DemoArticle) -> str:
    paras = [f"<p>{escape(p)}</p>" for p in a.paragraphs]
    rows = a.table_rows_html()
    if rows:
        paras.insert(2, f"<table>{rows}</table>")
    if a.id % 2 == 0:  # a photo of the event in the middle, with its caption
        paras.insert(1, f'<div id="attachment_{a.id}" style="width: 810px" class="wp-caption aligncenter"><img '
                        f'aria-describedby="caption-attachment-{a.id}" class="size-full wp-image-{a.id}" src="/wp-'
                        f'content/uploads/{a.published:%Y/%m}/anh-{a.id}.jpg" alt="" width="800" height="533"><p '
                        f'id="caption-attachment-{a.id}" class="wp-caption-text">Quang cảnh buổi lễ tại hội trường '
                        f'Trường Chính trị tỉnh (Ảnh: Phòng Tổ chức - Hành chính).</p></div>')
    text = "".join(paras)
    if a.person:
        deg, name, role = a.person
        who = escape(f"{deg} {name}" if deg else name)
        if a.id % 2:
            text += (f'<p style="text-align: right;"><strong>{who}</strong>'
                     + (f'<br><em>{escape(role)}</em>' if role else "") + "</p>")
        else:
            text = (f"<p><em>{who}" + (f" – {escape(role)}" if role else "") + "</em></p>") + text
    image = (f'<div class="td-post-featured-image"><a href="/wp-content/uploads/{a.published:%Y/%m}/bia-{a.id}.jpg" '
             f'data-caption=""><img class="entry-thumb" src="/wp-content/uploads/{a.published:%Y/%m}/bia-{a.id}-'
             f'696x464.jpg" alt="" title="bia-{a.id}"></a></div>')
    return f'<div class="td-post-content tagdiv-type">{image}{text}</div>'


def _module(a: DemoArticle, excerpt: bool) -> str:
    return (f'<div class="td_module_10 td_module_wrap td-animation-stack"><div class="td-module-thumb"><a href="'
            f'{article_path(a)}" rel="bookmark" class="td-image-wrap" title="{escape(a.title)}"><img class="entry-'
            f'thumb" src="/wp-content/uploads/{a.published:%Y/%m}/bia-{a.id}-218x150.jpg" alt="" title="'
            f'{escape(a.title)}"></a></div><div class="item-details"><h3 class="entry-title td-module-title"><a href="'
            f'{article_path(a)}" rel="bookmark" title="{escape(a.title)}">{escape(a.title)}</a></h3><div class="td-'
            'module-meta-info"><span class="td-post-author-name"><a href="/author/admin/">admin</a> <span>-</span> '
            f'</span><span class="td-post-date">{_time(a)}</span><span class="td-module-comments"><a href="'
            f'{article_path(a)}#respond">0</a></span></div>'
            + (f'<div class="td-excerpt">{escape(a.paragraphs[0][:150])}...</div><div class="td-read-more"><a href="'
               f'{article_path(a)}">Đọc thêm</a></div>' if excerpt else "") + "</div></div>")


def _sidebar(newest: list[DemoArticle]) -> str:
    social = "".join(f'<div class="td_social_type td-pb-margin-side td_social_{n.lower()}"><div class="td-social-box">'
                     f'<div class="td-sp td-sp-{n.lower()}"></div><span class="td_social_info td_social_info_counter">'
                     f'{c}</span><span class="td_social_info td_social_info_name">{label}</span><span class="td_social_'
                     f'button"><a href="https://{n.lower()}.com/tctp">{verb}</a></span></div></div>'
                     for n, c, label, verb in (("Facebook", "1,254", "Fans", "Thích"),
                                               ("Youtube", "312", "Người đăng ký", "Đăng ký")))
    posts = "".join(f'<div class="td_module_6 td_module_wrap"><div class="item-details"><h3 class="entry-title td-'
                    f'module-title"><a href="{article_path(a)}" rel="bookmark">{escape(a.title)}</a></h3><div class="'
                    f'td-module-meta-info"><span class="td-post-date">{_time(a)}</span></div></div></div>'
                    for a in newest[:4])
    return (f'<div class="td-pb-span4 td-main-sidebar" role="complementary"><div class="td-ss-main-sidebar"><div '
            f'class="td_block_wrap td_block_social_counter"><h4 class="block-title"><span>Theo dõi chúng tôi</span>'
            f'</h4><div class="td-social-list">{social}</div></div><div class="td_block_wrap td_block_7"><h4 class="'
            f'block-title"><span class="td-pulldown-size">Tin mới nhất</span></h4><div class="td_block_inner">{posts}'
            f'</div></div></div></div>')


def _frame(title: str, body_class: str, content: str, newest: list[DemoArticle]) -> bytes:
    menu = "".join(f'<li class="menu-item menu-item-type-taxonomy"><a href="{h}">{t}</a></li>' for h, t in
                   (("/", "Trang chủ"), ("/gioi-thieu/", "Giới thiệu"), *((f"/{c}/", n) for c, n in CATS.items()),
                    ("/lien-he/", "Liên hệ")))
    ticker = "".join(f'<div class="td-trending-now-post"><a class="td-trending-now-title" href="{article_path(a)}">'
                     f'{escape(a.title)}</a></div>' for a in newest[:3])
    return f"""<!doctype html><html lang="vi"><head><meta charset="UTF-8"><title>{escape(title)} | {SCHOOL}</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0"></head><body class="{body_class} td-standard-pack
global-block-template-1 td-full-layout" itemscope="itemscope" itemtype="https://schema.org/WebPage">
<div class="td-menu-background"></div><div id="td-mobile-nav"><div class="td-mobile-container"><div
class="td-mobile-content"><div class="menu-main-container"><ul id="menu-main" class="td-mobile-main-menu">{menu}</ul>
</div></div></div></div><div id="td-outer-wrap" class="td-theme-wrap"><div class="td-header-wrap td-header-style-1">
<div class="td-header-top-menu-full td-container-wrap"><div class="td-container td-header-row td-header-top-menu">
<div class="top-bar-style-1"><div class="td-header-sp-top-menu"><div class="td_data_time"><div>{TODAY}</div></div>
<div class="menu-top-container"><ul class="top-header-menu"><li><a href="/lien-he/">Liên hệ</a></li><li><a
href="/gioi-thieu/">Giới thiệu</a></li></ul></div></div></div></div></div><div class="td-banner-wrap-full
td-logo-wrap-full td-container-wrap"><div class="td-container td-header-row td-header-header"><div
class="td-header-sp-logo"><h1 class="td-logo"><a class="td-main-logo" href="/"><img class="td-retina-data"
src="/wp-content/uploads/logo.png" alt="{SCHOOL}"><span class="td-visual-hidden">{SCHOOL}</span></a></h1></div></div>
</div><div class="td-header-menu-wrap-full td-container-wrap"><div class="td-header-menu-wrap td-header-gradient">
<div class="td-container td-header-row td-header-main-menu"><div id="td-header-menu" role="navigation"><div
class="menu-main-container"><ul id="menu-main-1" class="sf-menu">{menu}</ul></div></div><div
class="td-search-wrapper"><div id="td-top-search"><div class="header-search-wrap"><div
class="td-header-search-wrap"><a id="td-header-search-button" href="#" role="button"
class="dropdown-toggle"><i class="td-icon-search"></i></a></div></div></div></div></div></div></div></div>
<div class="td-container td-container-wrap"><div class="td-trending-now-wrapper"><div
class="td-trending-now-display-area"><span class="td-trending-now-title">Tin nóng</span>{ticker}</div></div></div>
<div class="td-main-content-wrap td-container-wrap"><div class="td-container"><div class="td-pb-row">
<div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">{content}</div></div>
{_sidebar(newest)}</div></div></div><div class="td-footer-wrapper td-container-wrap"><div class="td-container"><div
class="td-pb-row"><div class="td-pb-span12"><div class="footer-text-wrap">{SCHOOL}. Địa chỉ: số 8 đường Hùng Vương,
thành phố Tân Phước. Điện thoại: 0274 3822 456.<div class="footer-email-wrap">Liên hệ với chúng tôi: <a
href="mailto:tct@tanphuoc.gov.vn">tct@tanphuoc.gov.vn</a></div></div></div></div></div></div><div
class="td-sub-footer-container td-container-wrap"><div class="td-container"><div class="td-pb-row"><div
class="td-pb-span-td-sub-footer-copy"><div class="td-sub-footer-copy">&copy; Bản quyền thuộc về {SCHOOL}</div></div>
</div></div></div></div></body></html>""".encode()


def _comments() -> str:
    return ('<div class="comments" id="comments"><div id="respond" class="comment-respond"><h3 id="reply-title" class="'
            'comment-reply-title">Để lại một bình luận <small><a rel="nofollow" id="cancel-comment-reply-link" '
            'href="#respond" style="display:none;">Hủy bỏ</a></small></h3><form action="/wp-comments-post.php" '
            'method="post" id="commentform" class="comment-form"><div class="clearfix"></div><div class="comment-'
            'form-input-wrap td-form-comment"><textarea placeholder="Bình luận:" id="comment" name="comment" cols="45" '
            'rows="8" aria-required="true"></textarea><div class="td-warning-comment">Vui lòng nhập bình luận của bạn!'
            '</div></div><div class="comment-form-input-wrap td-form-author"><input class="" id="author" name="author" '
            'placeholder="Tên:*" type="text" value="" size="30" aria-required="true"><div class="td-warning-author">'
            'Vui lòng nhập tên của bạn ở đây</div></div><p class="comment-form-cookies-consent"><input id="wp-comment-'
            'cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes"><label for="wp-comment-'
            'cookies-consent">Lưu tên của tôi, email và trang web trong trình duyệt này cho lần bình luận kế tiếp của '
            'tôi.</label></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" '
            'value="Gửi bình luận"></p></form></div></div>')


def _post(a: DemoArticle, k: int, newest: list[DemoArticle]) -> bytes:
    prev_a = newest[k + 1] if k + 1 < len(newest) else None
    next_a = newest[k - 1] if k else None
    nav = "".join(f'<div class="td-block-span6 td-post-{side}-post"><div class="td-post-next-prev-content"><span>'
                  f'{label}</span><a href="{article_path(x)}">{escape(x.title)}</a></div></div>'
                  for side, label, x in (("prev", "Bài trước", prev_a), ("next", "Bài tiếp theo", next_a)) if x)
    related = "".join(f'<div class="td-related-span4"><div class="td_module_related_posts td-animation-stack td_mod_'
                      f'related_posts"><div class="td-module-image"><div class="td-module-thumb"><a href="'
                      f'{article_path(x)}" rel="bookmark" class="td-image-wrap" title="{escape(x.title)}"><img '
                      f'class="entry-thumb" src="/wp-content/uploads/bia-{x.id}-218x150.jpg" alt=""></a></div><a '
                      f'href="/{_cat(x)}/" class="td-post-category">{CATS[_cat(x)]}</a></div><div class="item-details">'
                      f'<h3 class="entry-title td-module-title"><a href="{article_path(x)}" rel="bookmark" title="'
                      f'{escape(x.title)}">{escape(x.title)}</a></h3></div></div></div>'
                      for x in [y for y in newest if y is not a and _cat(y) == _cat(a)][:3])
    article = f"""<div class="td-crumb-container"><div class="entry-crumbs"><span><a title="" class="entry-crumb"
href="/">Trang chủ</a></span> <i class="td-icon-right td-bread-sep"></i> <span><a title="Xem tất cả bài viết trong
{CATS[_cat(a)]}" class="entry-crumb" href="/{_cat(a)}/">{CATS[_cat(a)]}</a></span> <i class="td-icon-right
td-bread-sep td-bred-no-url-last"></i> <span class="td-bred-no-url-last">{escape(a.title)}</span></div></div>
<article id="post-{a.id}" class="post-{a.id} post type-post status-publish format-standard has-post-thumbnail
category-{_cat(a)} tag-{_tag(a)}" itemscope itemtype="https://schema.org/Article"><div class="td-post-header"><ul
class="td-category"><li class="entry-category"><a href="/{_cat(a)}/">{CATS[_cat(a)]}</a></li></ul><header
class="td-post-title"><h1 class="entry-title">{escape(a.title)}</h1>{_meta(a)}</header></div>{_share("top")}
{_text(a)}<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>TAGS</span>
</li><li><a href="/tag/{_tag(a)}/">{_tag(a)}</a></li><li><a href="/tag/truong-chinh-tri/">trường chính trị</a></li>
</ul></div>{_share("bottom")}<div class="td-block-row td-post-next-prev">{nav}</div><div class="author-box-wrap"><a
href="/author/admin/"><img alt="" src="/avatar.png" class="avatar avatar-96 photo" height="96" width="96"></a><div
class="desc"><div class="td-author-name vcard author"><span class="fn"><a href="/author/admin/">admin</a></span></div>
<div class="td-author-description"></div></div></div><span class="td-page-meta" itemprop="author" itemscope
itemtype="https://schema.org/Person"><meta itemprop="name" content="admin"></span><meta itemprop="datePublished"
content="{a.published.isoformat()}"><meta itemprop="headline " content="{escape(a.title)}"></footer></article>
<div class="td_block_wrap td_block_related_posts tdi_3 td_with_ajax_pagination td-pb-border-top td_block_template_1">
<h4 class="td-related-title td-block-title"><a id="tdi_4" class="td-related-left td-cur-simple-item" data-td_filter_value=""
data-td_block_id="tdi_3" href="#">BÀI VIẾT LIÊN QUAN</a><a id="tdi_5" class="td-related-right" data-td_filter_value="td_related_more_from_author"
data-td_block_id="tdi_3" href="#">XEM THÊM TỪ TÁC GIẢ</a></h4><div id="tdi_3" class="td_block_inner"><div
class="td-related-row">{related}</div></div></div>{_comments()}"""
    return _frame(a.title, f"post-template-default single single-post postid-{a.id} single-format-standard", article,
                  newest)


def _archive(routes: RouteTable, base: str, title: str, items: list[DemoArticle], newest: list[DemoArticle],
             excerpt: bool = True) -> None:
    for n, pages, listed in pages_of(items, PER_PAGE):
        nav = page_numbers(n, pages, '<a href="{href}" class="page" title="{m}">{m}</a>',
                           '<span class="current">{m}</span>', base=base)
        modules = "".join(_module(a, excerpt) for a in listed)
        content = (f'<div class="td-category-header"><h1 class="entry-title td-page-title">{escape(title)}</h1></div>'
                   f'{modules}<div class="page-nav td-pb-padding-side">{nav}<span class="pages">Trang {n} của {pages}'
                   f'</span></div>')
        routes[wp_page(base, n)] = Route(_frame(title, "archive category", content, newest))


def build(count: int = 17) -> tuple[RouteTable, list[DemoArticle]]:
    arts = build_articles(count, seed=5521)
    newest = sorted(arts, key=lambda a: a.published, reverse=True)
    routes: RouteTable = {}
    for k, a in enumerate(newest):
        routes[article_path(a)] = Route(_post(a, k, newest))
    big = "".join(f'<div class="td_module_mx td-big-grid-post-{i} td-big-grid-post"><div class="td-module-thumb"><a '
                  f'href="{article_path(a)}" rel="bookmark" class="td-image-wrap" title="{escape(a.title)}"><img '
                  f'class="entry-thumb" src="/wp-content/uploads/bia-{a.id}-534x462.jpg" alt=""></a></div><div class="'
                  f'td-meta-info-container"><div class="td-meta-align"><div class="td-big-grid-meta"><a href="/'
                  f'{_cat(a)}/" class="td-post-category">{CATS[_cat(a)]}</a><h3 class="entry-title td-module-title"><a '
                  f'href="{article_path(a)}" rel="bookmark">{escape(a.title)}</a></h3></div></div></div></div>'
                  for i, a in enumerate(newest[:3]))
    home = (f'<div class="td_block_wrap td_block_big_grid_1"><div class="td_block_inner"><div class="td-big-grid-wrapper">'
            f'{big}</div></div></div><div class="td_block_wrap td_block_4"><h4 class="block-title"><span>Tin mới</span>'
            f'</h4><div class="td_block_inner">{"".join(_module(a, True) for a in newest[3:8])}</div><div class="td-'
            f'next-prev-wrap"><a href="/tin-tuc/" class="td-ajax-next-page">Xem thêm</a></div></div>')
    routes["/"] = Route(_frame(SCHOOL, "home page-template-default page", home, newest))
    for c, n in CATS.items():
        _archive(routes, f"/{c}/", n, [a for a in newest if _cat(a) == c], newest)
    _archive(routes, "/author/admin/", "admin", newest, newest, excerpt=False)
    for tag in sorted({_tag(a) for a in newest}):
        _archive(routes, f"/tag/{tag}/", f"Tag: {tag}", [a for a in newest if _tag(a) == tag], newest)
    _archive(routes, "/tag/truong-chinh-tri/", "Tag: trường chính trị", newest, newest)
    for slug, title, words in (("gioi-thieu", "Giới thiệu", newest[-1].paragraphs[:3]),
                               ("lien-he", "Liên hệ", ["Địa chỉ: số 8 đường Hùng Vương, thành phố Tân Phước.",
                                                       "Điện thoại: 0274 3822 456. Thư điện tử: tct@tanphuoc.gov.vn"])):
        page = (f'<div class="td-page-header"><h1 class="entry-title td-page-title"><span>{title}</span></h1></div><div '
                f'class="td-page-content tagdiv-type">{"".join(f"<p>{escape(p)}</p>" for p in words)}</div>')
        routes[f"/{slug}/"] = Route(_frame(title, "page-template-default page", page, newest))
    return routes, arts


def truth(a: DemoArticle) -> dict:
    return {**a.truth(), "url": article_path(a)}
