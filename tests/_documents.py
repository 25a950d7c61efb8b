"""Make PDF, DOCX and HTML files from a plan's text at test time (nothing committed).

The PDF uses reportlab's built-in CID font STSong-Light (Adobe's GB1 collection, no font file
embedded), whose text pypdf extracts back to the same characters; one text line is one PDF line.
"""

from __future__ import annotations

import html
from pathlib import Path

LINES_PER_PAGE = 45


def make_pdf(text: str, path: Path, *, lines_per_page: int = LINES_PER_PAGE) -> Path:
    """Write ``text`` as a PDF with a text layer, ``lines_per_page`` lines a page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    lines = text.splitlines()
    for start in range(0, len(lines), lines_per_page):
        c.setFont("STSong-Light", 9)
        y = 800
        for line in lines[start : start + lines_per_page]:
            c.drawString(30, y, line)
            y -= 17
        c.showPage()
    c.save()
    return path


def make_scanned_pdf(path: Path, *, pages: int = 2) -> Path:
    """Write a PDF whose pages hold only drawings (no text layer), as a scan has."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for _ in range(pages):
        c.rect(50, 50, 400, 600, fill=1)
        c.showPage()
    c.save()
    return path


def make_docx(text: str, path: Path) -> Path:
    """Write ``text`` as a Word document, one paragraph per line."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return path


def make_html(text: str, path: Path, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` as a government-style web page: menu, path, article, share bar, footer."""
    lines = text.splitlines()
    title, body = lines[0], lines[1:]
    paras = "\n".join(f"<p>{html.escape(line)}</p>" for line in body)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{encoding}"><title>{html.escape(title)}_政府门户网站</title>
<script>var menu = "首页";</script><style>p {{ text-indent: 2em }}</style></head>
<body>
<div class="header"><a href="/">湖南省人民政府门户网站</a> 长沙 株洲 湘潭 高铁</div>
<ul class="nav-menu"><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li>
<li><a href="/jt">交通 常益长高铁专题</a></li></ul>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 规划计划</div>
<div class="content">
<h1>{html.escape(title)}</h1>
<div class="info">发布时间：2022-01-01 来源：本网</div>
<div id="zoom">
{paras}
</div>
<div class="share">分享到：微信 微博</div>
</div>
<div class="related-links"><a href="/a">长株潭都市圈发展规划 2025年达到1000万人</a></div>
<div class="footer">主办：湖南省人民政府办公厅 版权所有 湘ICP备00000000号</div>
</body></html>
"""
    path.write_bytes(page.encode(encoding))
    return path
