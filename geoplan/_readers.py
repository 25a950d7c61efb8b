"""Readers of plan files by content: PDF text layers, Word (DOCX), web pages (HTML) and text.

Each reader returns the extracted text and a table of where its parts start (PDF pages, DOCX
paragraphs), so that any offset of the text can be traced to a page or paragraph. The format is
chosen by the file's content (its magic bytes), not by its name:

- ``%PDF`` -> PDF via ``pypdf`` (BSD-3-Clause, pure Python, reads CJK text through the fonts'
  ToUnicode maps and the predefined CID maps such as UniGB-UCS2-H; about 1 MB of text a minute
  per core, enough for plans of a few hundred pages);
- a ZIP holding ``word/document.xml`` -> DOCX via ``python-docx`` (MIT, reads the XML, so CJK is
  plain Unicode);
- a document whose first tag is ``<html``/``<!DOCTYPE html`` -> the article body via ``lxml.html``
  (BSD, libxml2's HTML parser, fast and lenient with the malformed pages of government sites);
- anything else -> text in UTF-8, GB18030 or UTF-16 (``geoplan.corpus``'s decoder).
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from geoplan.errors import PlanReadError

__all__ = ["Extracted", "read_document", "sniff"]

# A PDF's header may follow a few bytes of junk; the specification allows it within 1024 bytes.
_PDF_HEAD_BYTES = 1024
# HTML is recognised by a tag near the start of the decoded text.
_HTML_HEAD_CHARS = 2048
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
# Text copied or scraped with its markup left in (a fragment without <html>): block tags and
# line breaks often enough to be a page's markup, not a plan quoting a tag.
_MARKUP_TAG = re.compile(
    r"</?(?:p|div|br|span|strong|table|tr|td|li|ul|h[1-6])\b[^<>]{0,300}>", re.I
)
MARKUP_MIN_TAGS = 6
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)
# Elements that are never a plan's body: code, navigation, page furniture.
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe")
# Class or id words of page furniture on government sites (menus, footers, share bars, paths).
_FURNITURE = re.compile(
    r"nav|menu|footer|foot\b|header|head\b|breadcrumb|crumb|sidebar|share|copyright|banner"
    r"|position|location|toolbar|related|links",
    re.I,
)
# Source line breaks and runs of white space inside HTML text are one space, as a browser shows.
_SPACES = re.compile(r"\s+")
# Block elements whose text starts a new line in the extracted body.
_BLOCKS = frozenset(
    {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dd", "dt"}
    | {"section", "article", "blockquote", "pre"}
)


@dataclass(frozen=True)
class Extracted:
    """Text taken out of a document, its format and where its pages or paragraphs start."""

    text: str
    format: str  # text | pdf | docx | html
    encoding: str
    part_unit: str | None = None  # page | paragraph
    part_starts: tuple[int, ...] = ()


def sniff(data: bytes) -> str:
    """Return the format of ``data`` by content: ``pdf``, ``docx``, ``zip``, ``ole``, ``text``.

    HTML is told from text after decoding (see :func:`read_document`).

    Examples
    --------
    >>> sniff(b"%PDF-1.7 ..."), sniff(b"plain"), sniff(bytes.fromhex("d0cf11e0a1b11ae1"))
    ('pdf', 'text', 'ole')
    """
    if b"%PDF-" in data[:_PDF_HEAD_BYTES]:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile:
            return "zip"
        return "docx" if "word/document.xml" in names else "zip"
    if data.startswith(bytes.fromhex("d0cf11e0a1b11ae1")):
        return "ole"
    return "text"


def read_document(
    data: bytes, name: str, decode: Callable[[bytes, str], tuple[str, str]]
) -> Extracted:
    """Extract the text of a plan file's bytes; ``decode`` turns text bytes into ``(str, enc)``.

    Raises
    ------
    PlanReadError
        One line naming the file and why: a scanned PDF without text layer, an encrypted or
        broken PDF, a ZIP that is not a Word file, an old binary ``.doc``, an HTML page without
        text, or whatever ``decode`` refuses.
    """
    kind = sniff(data)
    if kind == "pdf":
        return _read_pdf(data, name)
    if kind == "docx":
        return _read_docx(data, name)
    if kind == "zip":
        msg = f"{name}: a ZIP archive that is not a Word document (no word/document.xml)"
        raise PlanReadError(msg)
    if kind == "ole":
        msg = f"{name}: an old binary Word/Office file (.doc); save it as .docx or PDF"
        raise PlanReadError(msg)
    charset = _declared_charset(data)
    if charset is not None:
        try:
            text, enc = data.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            text, enc = decode(data, name)
    else:
        text, enc = decode(data, name)
    if _HTML_START.match(text[:_HTML_HEAD_CHARS]) or _is_markup(text):
        return _read_html(text, name, enc)
    return Extracted(text=text, format="text", encoding=enc)


def _is_markup(text: str) -> bool:
    """Whether text is a web page's markup without its ``<html>`` (a scraped fragment): six
    or more block tags, one per 400 characters at least.

    Examples
    --------
    >>> _is_markup("<p>甲</p><p>乙</p><p>丙</p>"), _is_markup("规划<p>一词")
    (True, False)
    """
    tags = sum(1 for _ in itertools.islice(_MARKUP_TAG.finditer(text), 10_000))
    return tags >= MARKUP_MIN_TAGS and tags * 400 >= len(text)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` near its start (GBK -> GB18030)."""
    head = data[:_HTML_HEAD_CHARS]
    if not re.search(rb"<(?:!doctype\s+html|html)\b", head, re.I):
        return None
    m = _META_CHARSET.search(head)
    if m is None:
        return None
    charset = m.group(1).decode("ascii").lower()
    return "gb18030" if charset in ("gb2312", "gbk", "gb18030") else charset


def _joined(parts: list[str]) -> tuple[str, tuple[int, ...]]:
    """Join parts, each ending with a newline; return the text and each part's start."""
    starts = []
    pos = 0
    out = []
    for part in parts:
        piece = part if part.endswith("\n") else part + "\n"
        starts.append(pos)
        out.append(piece)
        pos += len(piece)
    return "".join(out), tuple(starts)


def _read_pdf(data: bytes, name: str) -> Extracted:
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == 0:
            msg = f"{name}: the PDF is encrypted with a password"
            raise PlanReadError(msg)
        pages = [page.extract_text() or "" for page in reader.pages]
    except PlanReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        msg = f"{name}: the PDF cannot be read ({type(exc).__name__}: {str(exc)[:80]})"
        raise PlanReadError(msg) from exc
    if not pages:
        msg = f"{name}: the PDF has no pages"
        raise PlanReadError(msg)
    if not any(p.strip() for p in pages):
        msg = (
            f"{name}: the PDF has no text layer ({len(pages)} pages of images, a scan?); "
            "run OCR on it first"
        )
        raise PlanReadError(msg)
    text, starts = _joined(pages)
    return Extracted(text, "pdf", "pdf", "page", starts)


def _read_docx(data: bytes, name: str) -> Extracted:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (ValueError, KeyError, zipfile.BadZipFile) as exc:
        msg = f"{name}: the Word document cannot be read ({type(exc).__name__}: {str(exc)[:80]})"
        raise PlanReadError(msg) from exc
    paragraphs: list[str] = []
    # Body order: paragraphs and tables as they come (a table's rows are lines, cells tab-joined).
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                paragraphs.append("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
    if not any(p.strip() for p in paragraphs):
        msg = f"{name}: the Word document holds no text"
        raise PlanReadError(msg)
    text, starts = _joined(paragraphs)
    return Extracted(text, "docx", "docx", "paragraph", starts)


def _read_html(text: str, name: str, enc: str) -> Extracted:
    import lxml.html
    from lxml import etree

    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        msg = f"{name}: the HTML page cannot be parsed ({exc})"
        raise PlanReadError(msg) from exc
    for el in list(root.iter(*_DROP_TAGS)):
        _drop(el)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
        if marks.strip() and _FURNITURE.search(marks) and el.tag not in ("html", "body"):
            _drop(el)
    body = _article(root)
    lines = [ln.strip() for ln in _block_text(body).splitlines()]
    title = root.findtext(".//title") or ""
    h1 = next((h for h in root.iter("h1")), None)
    if h1 is not None and body not in h1.iterancestors() and h1 not in body.iter():
        lines.insert(0, h1.text_content().strip())
    elif not any(ln for ln in lines[:1]) and title.strip():
        lines.insert(0, title.strip())
    lines = [ln for ln in lines if ln]
    if not lines:
        msg = f"{name}: the HTML page holds no article text"
        raise PlanReadError(msg)
    out, starts = _joined(lines)
    return Extracted(out, "html", enc, "paragraph", starts)


def _drop(el) -> None:
    """Remove an element but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _article(root):
    """The element holding the page's main text: ``<article>``/``<main>``, else the element
    whose paragraphs hold the most characters (a readability-style score over ``<p>`` parents)."""
    for tag in ("article", "main"):
        found = [el for el in root.iter(tag) if len(el.text_content().strip()) > 0]
        if found:
            return max(found, key=lambda el: len(el.text_content()))
    scores: dict = {}
    for p in root.iter("p", "br"):
        parent = p.getparent()
        if parent is None:
            continue
        n = len((p.text_content() if p.tag == "p" else (p.tail or "")).strip())
        scores[parent] = scores.get(parent, 0) + n
    if scores:
        return max(scores, key=scores.get)
    body = root.find("body")
    return body if body is not None else root


def _block_text(el) -> str:
    """Text of ``el`` with a line break around each block element."""
    parts: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str):
            if node.tail:
                parts.append(_SPACES.sub(" ", node.tail))
            return
        block = node.tag in _BLOCKS
        if block or node.tag == "br":
            parts.append("\n")
        if node.text:
            parts.append(_SPACES.sub(" ", node.text))
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        elif node.tag in ("td", "th"):
            parts.append("\t")  # table cells of a row stay on one line, tab-separated
        if node.tail:
            parts.append(_SPACES.sub(" ", node.tail))

    tail = el.tail
    el.tail = None
    walk(el)
    el.tail = tail
    return "".join(parts)
