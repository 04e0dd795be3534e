"""Evidence extraction from untrusted pages: tags in any shape, folded cookies, charsets."""

from __future__ import annotations

from signalwatch.techstack.page import MAX_VALUES, cookie_names, decode_body, extract_page


def test_script_link_and_meta_in_any_attribute_order_and_quoting() -> None:
    html = """<HTML><head>
    <meta content="Webflow" name="generator"/>
    <META NAME='Generator' CONTENT='Ignored second'>
    <meta property="og:title" content="Acme &amp; Co">
    <script async src=//js.hs-scripts.com/1.js></script>
    <script type="text/javascript">var x = "<script src='inline-string.js'>";</script>
    <link rel=stylesheet href="https://cdn.example/a.css?x=1&amp;y=2">
    <script src="">broken</script>
    </head></HTML>"""
    page = extract_page("https://acme.example/", html, {"server": "nginx"})
    assert page.scripts == ("//js.hs-scripts.com/1.js", "inline-string.js")
    assert page.links == ("https://cdn.example/a.css?x=1&y=2",)
    assert page.meta["generator"] == ("Webflow", "Ignored second")
    assert page.meta["og:title"] == ("Acme & Co",)
    assert page.headers == {"server": "nginx"}


def test_folded_set_cookie_header_keeps_every_name() -> None:
    folded = (
        "_shopify_y=abc; Path=/; Expires=Tue, 23 Nov 2027 15:00:00 GMT; SameSite=Lax, "
        "__cf_bm=Qx1.abc-1732377600; path=/; expires=Mon, 23-Nov-26 16:30:00 GMT; HttpOnly, "
        "flag; Secure, dwac_x=a|b|c"
    )
    assert cookie_names(folded) == ("_shopify_y", "__cf_bm", "dwac_x")
    assert cookie_names(None) == ()


def test_hostile_page_is_bounded() -> None:
    html = "<script src='/a.js'></script>" * (MAX_VALUES + 50)
    assert len(extract_page("https://x.example/", html, {}).scripts) == MAX_VALUES


def test_decode_body_uses_declared_charset_and_never_raises() -> None:
    assert decode_body("café".encode("latin-1"), {"content-type": "text/html; charset=ISO-8859-1"}) == "café"
    meta_declared = '<meta charset="windows-1252"><p>\x93quoted\x94</p>'.encode("latin-1")
    assert "\u201cquoted\u201d" in decode_body(meta_declared, {})
    assert decode_body(b"\xff\xfe<p>", {"content-type": "text/html; charset=no-such-codec"}).endswith("<p>")
