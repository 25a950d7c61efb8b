"""Read plan texts: decoding, normalisation with an offset map, sections and sentences.

A :class:`Plan` keeps the text exactly as decoded (``original``) and a normalised copy
(``text``): traditional characters mapped to simplified one character at a time, compatibility
and radical forms folded, full-width ASCII folded to half-width, and the stray spaces that PDF
extraction leaves inside CJK runs (``"洣 水"``) removed. Normalisation only replaces characters
one for one or deletes them, so every position of ``text`` maps back to ``original``.

:func:`read_plan` reads text files, PDF text layers, Word documents and web pages, chosen by
content (``geoplan._readers``); ``original`` is then the extracted text, and
:meth:`Plan.locate` says on which page or in which paragraph an offset of it lies.
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from geoplan._readers import read_document
from geoplan.errors import PlanReadError

__all__ = [
    "PLAN_SUFFIXES",
    "Plan",
    "Section",
    "normalise",
    "plan_paths",
    "read_plan",
    "read_text",
]
# A folder of plans at once lives in geoplan._corpus_run (it needs geoplan.extract, which
# imports this module); its public functions (extract_folder, record_frames, corpus_layers ...)
# are served from here too, imported when first used.
_CORPUS_RUN = ("CorpusRun", "corpus_layers", "extract_folder", "extract_one", "record_frames")


def __getattr__(name: str) -> object:
    if name in _CORPUS_RUN:
        from geoplan import _corpus_run

        return getattr(_corpus_run, name)
    msg = f"module 'geoplan.corpus' has no attribute {name!r}"
    raise AttributeError(msg)


Span = tuple[int, int]

# A plan larger than this is refused: the largest seed is 0.2 MB, a provincial plan rarely
# passes 2 MB; 64 MB leaves room for concatenated corpora while bounding memory.
MAX_BYTES = 64 * 1024 * 1024
# Share of typical plan-text characters a BOM-less non-UTF-8 decoding must reach.
_MIN_TEXT_SCORE = 0.6
# Share of control characters above which decoded text is taken for binary data.
_MAX_CONTROL_SHARE = 0.01
# Share of CJK characters that change under traditional -> simplified mapping above which a
# text is called traditional (simplified plans score ~0.000, traditional ones ~0.2).
_TRADITIONAL_SHARE = 0.03

# CJK radicals (Kangxi radicals fold through NFKC; the supplement block does not) that PDF
# extraction emits in place of ordinary characters.
_RADICAL_SUPPLEMENT = {
    "⻓": "长", "⻔": "门", "⻢": "马", "⻜": "飞", "⻋": "车", "⻛": "风", "⻘": "青",
    "⻝": "食", "⻅": "见", "⻆": "角", "⻉": "贝", "⻮": "齿", "⻥": "鱼", "⻦": "鸟",
    "⻩": "黄", "⻨": "麦", "⻬": "齐", "⻰": "龙", "⻳": "龟", "⻤": "鬼",
}  # fmt: skip
# Variant forms folded to the form the gazetteer and patterns use.
# Quotation marks a plan may put round a label, folded to the curly double quotes the
# extractor reads (single quotes, 『』 nested in “”, 【】 for emphasis, 〝〞 of Word, and the
# ASCII apostrophe a plain-text plan types for either). Book-title marks 《》 stay: they name
# documents, not labels.
_QUOTES = {
    "‘": "“", "’": "”", "『": "“", "』": "”", "【": "“", "】": "”", "〝": "“", "〞": "”",
    "〟": "”", "'": '"',
}  # fmt: skip
_VARIANTS = {"濛": "蒙", "綫": "线", "麪": "面", "裏": "里", "衆": "众", "峯": "峰", "羣": "群"}

_CJK = r"\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
# Horizontal whitespace between two CJK characters, or between a CJK character and a digit.
_STRAY_SPACE = re.compile(
    rf"(?<=[{_CJK}])[ \u00a0\u3000]+(?=[{_CJK}0-9])|(?<=[0-9])[ \u00a0\u3000]+(?=[{_CJK}])"
)  # not tabs: they part the cells of Word and web tables
# Zero-width characters, CR before LF, Markdown's emphasis marks (**一核**: the label 一核), and
# footnote marks inside a name (“一港①双城②”: a circled number right after a word, before the
# next count or the closing quote; not an item's number, which follows a mark or a line's start).
_DELETE = re.compile(
    r"[\u200b-\u200f\ufeff\u00ad]|\r(?=\n)|\*{2,3}(?=\S)|(?<=\S)\*{2,3}"
    r"|(?<=[\u4e00-\u9fff])[①-⑳](?=[一二三四五六七八九十两多双”」』\"])"
)
# A line that is only a page number (— 12 —, - 3 -, 第 4 页, 12), as PDF pages carry them.
_PAGE_NUMBER_LINE = re.compile(
    r"^[ \t]*(?:[-—–－][ \t]*\d{1,4}[ \t]*[-—–－]"
    r"|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*共[ \t]*\d{1,4}[ \t]*页)?|\d{1,4})[ \t]*$"
)
# The forms of a page number no line of plan prose or table takes (not a bare number).
_PAGE_MARK_LINE = re.compile(
    r"^[ \t]*(?:[-—–－][ \t]*\d{1,4}[ \t]*[-—–－]"
    r"|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*共[ \t]*\d{1,4}[ \t]*页)?)[ \t]*$"
)
# A line shorter than the page's width that still breaks inside a sentence: clause punctuation
# in it and no full stop at its end (…的双线电气化铁路，现已建 | 成通车), as a PDF line is cut short
# by half-width digits or an author's line break; not a heading, list item or table row. So
# also a line that opens a definition, a quoted label and its verb (“两核”分别为甲核和乙 | 丙核):
# a heading names, it defines nothing.
_BROKEN_SENTENCE = re.compile(
    r"^(?!\s*(?:第[一二三四五六七八九十百零〇0-9]+[篇章节条]|专栏|\|))"
    r"(?:.{4,}[,，、]|\s*[“\"「『][^”\"」』\n]{2,12}[”\"」』](?:分别为|分别是|分别指|是指|即为|指|即|为|是).{2,})"
)
# A line of a table of contents: a title, a leader of dots (…… ...... ·····) and a page number.
# It names the plan's parts without saying them (一圈:甲都市圈……8): dropped, as page furniture.
_CONTENTS_LINE = re.compile(
    r"(?m)^[^\n]*\S[ \t]*(?:[.…·．。･⋯_-][ \t]*){3,}[ \t]*\d{1,4}[ \t]*(?:\n|$)"
)
# The start of a table row (4 | 甲高速 | …).
_ROW_START = re.compile(r"\s*[^|\n]{0,6}\|")
# Punctuation no paragraph begins with: the line before it goes on (长株潭\n,两副是…).
_CLAUSE_GOES_ON = re.compile(r"[ \t]*[,，、。;；:：)）”」』]")
# A line repeated this often beside page numbers is a running header or footer.
RUNNING_HEAD_MIN = 3
# ... or twice beside page marks, when it is this long (a title, not a table cell such as 既有).
RUNNING_HEAD_CHARS = 6
# The characters that open an item of a bulleted list (Word, slides, WeChat): read here, where a
# wrapped line ends, and by the extractor, where a list of parts is.
BULLETS = "•●■□◆◇▲△▶►▷➤➢★☆○◎▪·→➜⇒✔✓☑"
# What a hard-wrapped line may go on with: any character but a table rule or a bullet (NFKC
# has made full-width brackets and commas ASCII; a wrap may fall inside “1+4+2”).
_WRAP_GOES_ON = re.compile(rf"\s*(?!-[ \t])[^\s|*{BULLETS}]")  # (nor a Markdown item's - )
# Characters that end a paragraph, and starts of lines that begin one (headings, list items,
# table rows): a line break next to them is no wrap.
_PARAGRAPH_END = "。;；:：!！?？|"
_LINE_HEAD = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇0-9]+[篇章节条]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十0-9]+[)）]"
    r"|[0-9]{1,2}[.、．](?![0-9])|[①-⑩]|专栏|\||附件|表\s*\d"
    # a counted label and its value (两区: 甲区、乙区), a line of a box of key and value lines
    r"|[一二三四五六七八九十两双多](?![个大条座][:：])[个大条座]?[\u4e00-\u9fff]{1,3}[:：]"
    # a line that is one bracketed title (【西岸二期】, made “西岸二期” above): a heading
    r"|“[^“”\n]{1,24}”\s*$)"
)
# A row of a spreadsheet copied as comma-separated text: its number and a comma (1,甲园,…).
_CSV_ROW_START = re.compile(r"\s*[0-9]{1,3},(?![0-9])")
# A line that opens with a short key and a colon (两区: 甲区、乙区; 主导方向: …).
_KEY_LINE = re.compile(r"\s*[^\s,，。:：;；]{1,6}[:：]")
# A text is hard-wrapped (PDF extraction) when at least this share of its full-width lines end
# inside a sentence; a full-width line is one at least WRAP_WIDTH of the 75th-percentile length.
WRAP_SHARE = 0.3
WRAP_WIDTH = 0.85

_SECTION_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"^第[一二三四五六七八九十百零〇]+篇\s*\S.*$", re.M)),
    (2, re.compile(r"^第[一二三四五六七八九十百零〇]+章\s*\S.*$", re.M)),
    (3, re.compile(r"^第[一二三四五六七八九十百零〇]+节\s*\S.*$", re.M)),
    (4, re.compile(r"^[一二三四五六七八九十]+、\s*\S.{0,40}$", re.M)),
    (5, re.compile(r"^\([一二三四五六七八九十]+\)\s*\S.{0,40}$", re.M)),
    (6, re.compile(r"^专栏\s*[0-9一二三四五六七八九十]+.{0,40}$", re.M)),
)
_SENTENCE_END = re.compile(r"[^。!?;\n]*(?:[。!?;]|\n|$)")
_TITLE_WORDS = ("规划", "计划", "纲要", "方案", "意见")
PLAN_SUFFIXES = (".txt", ".text", ".pdf", ".docx", ".html", ".htm", ".xhtml")
"""File name endings :func:`plan_paths` takes for plans in a folder (the reader still goes by
content: a ``.txt`` holding a PDF is read as a PDF)."""
_PART_LABEL = {"page": "p. {}", "paragraph": "para. {}"}
# Lines at the head of a plan searched for its title (a cover page rarely holds more).
TITLE_LINES = 12


@dataclass(frozen=True)
class Section:
    """A heading of a plan and the span of ``Plan.text`` it governs."""

    level: int
    title: str
    span: Span


@dataclass(frozen=True, eq=False)
class Plan:
    """A decoded plan: original text, normalised text and the map between them.

    Examples
    --------
    >>> plan = read_text("加快建設常益長高鐵,洣 水")
    >>> plan.text
    '加快建设常益长高铁,洣水'
    >>> plan.script
    'traditional'
    >>> start = plan.text.index("洣水")
    >>> plan.to_original((start, start + 2))
    (10, 13)
    """

    name: str
    original: str
    text: str
    encoding: str
    script: str
    _index: NDArray[np.int64] = field(repr=False)
    path: Path | None = None
    format: str = "text"
    part_unit: str | None = None
    part_starts: tuple[int, ...] = field(default=(), repr=False)
    """Offsets of :attr:`original` where each page (PDF) or paragraph (DOCX, HTML) starts."""

    def locate(self, offset: int) -> str | None:
        r"""Say where an offset of :attr:`original` lies: ``"p. 3"``, ``"para. 12"`` or None.

        Pages and paragraphs count from 1; plain text files have neither (None).

        Examples
        --------
        >>> plan = read_text("第一页\n第二页\n", parts=("page", (0, 4)))
        >>> plan.locate(0), plan.locate(5), read_text("长沙").locate(0)
        ('p. 1', 'p. 2', None)
        """
        if self.part_unit is None or not self.part_starts:
            return None
        if not 0 <= offset <= len(self.original):
            msg = f"offset {offset} lies outside the text of {self.name}"
            raise IndexError(msg)
        number = bisect.bisect_right(self.part_starts, offset)
        return _PART_LABEL[self.part_unit].format(max(number, 1))

    def to_original(self, span: Span) -> Span:
        """Map a span ``(start, end)`` of :attr:`text` to the span of :attr:`original`."""
        start, end = int(span[0]), int(span[1])
        n = len(self.text)
        if not 0 <= start <= end <= n:
            msg = f"span {span} lies outside the text of {self.name} (length {n})"
            raise IndexError(msg)
        if start == end:
            pos = int(self._index[start])
            return pos, pos
        return int(self._index[start]), int(self._index[end - 1]) + 1

    def quote(self, span: Span) -> str:
        """Return the original text under a span of :attr:`text`."""
        start, end = self.to_original(span)
        return self.original[start:end]

    @cached_property
    def title(self) -> str:
        """The plan's title: the first short line naming a plan, else the first line."""
        return _title(self.text)

    @cached_property
    def sections(self) -> list[Section]:
        """Headings (篇 1, 章 2, 节 3, 一、 4, (一) 5, 专栏 6) with the span each governs."""
        return _sections(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        """Spans of :attr:`text` of each sentence (split at 。!?; and line ends)."""
        return [
            (m.start(), m.end())
            for m in _SENTENCE_END.finditer(self.text)
            if m.end() > m.start() and not m.group().isspace()
        ]


@cache
def _t2s() -> object:
    import opencc

    return opencc.OpenCC("t2s")


def _char_map(chars: Iterable[str]) -> dict[int, str]:
    """Return a ``str.translate`` table folding each character to one character."""
    converter = _t2s()
    table: dict[int, str] = {}
    for ch in chars:
        code = ord(ch)
        if ch in _QUOTES:
            table[code] = _QUOTES[ch]
            continue
        if code < 0x80:
            continue
        out = _RADICAL_SUPPLEMENT.get(ch) or _VARIANTS.get(ch)
        if out is None and "\u2460" <= ch <= "\u2473":
            continue  # ①-⑳ number list items; NFKC would make them bare digits glued to words
        if out is None:
            nfkc = unicodedata.normalize("NFKC", ch)
            out = nfkc if len(nfkc) == 1 else ch
        if 0x3400 <= ord(out) <= 0x9FFF or 0xF900 <= code <= 0xFAFF:
            simp = converter.convert(out)  # type: ignore[attr-defined]
            if len(simp) == 1:
                out = simp
        if out != ch:
            table[code] = out
    return table


def _page_furniture(text: str) -> list[tuple[int, int]]:
    r"""Spans of the lines PDF pages carry around the text, each with its line break: page
    numbers in a form prose does not take (— 12 —, 第 3 页), and running headers or footers, a
    line written at least :data:`RUNNING_HEAD_MIN` times, each time next to a page number (twice
    is enough next to page numbers of the first kind, for a line of
    :data:`RUNNING_HEAD_CHARS` or more).

    >>> t = "甲市规划\n第一章 总则\n正文。\n— 1 —\n甲市规划\n正文:\n— 2 —\n甲市规划\n"
    >>> t += "①乙片区。\n— 3 —\n甲市规划\n"
    >>> [t[s:e] for s, e in _page_furniture(t)]
    ['— 1 —\n', '甲市规划\n', '— 2 —\n', '甲市规划\n', '— 3 —\n', '甲市规划\n']
    """
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    body = [text[s:e].strip() for s, e in lines]
    number = [bool(_PAGE_NUMBER_LINE.match(b)) for b in body]
    mark = {i for i, b in enumerate(body) if _PAGE_MARK_LINE.match(b)}
    filled = [i for i, b in enumerate(body) if b]  # lines with text: blank lines are no gap
    beside: dict[str, list[tuple[int, list[int]]]] = {}
    for k, i in enumerate(filled):
        if number[i]:
            continue
        near = [j for j in filled[max(0, k - 1) : k + 2] if j != i and number[j]]
        if near:
            beside.setdefault(body[i], []).append((i, near))
    for b, where in beside.items():
        marked = sum(1 for _i, near in where if mark.intersection(near))
        often = len(where) >= RUNNING_HEAD_MIN or (marked >= 2 and len(b) >= RUNNING_HEAD_CHARS)
        if often and len(b) <= 60:
            for i, near in where:
                mark.add(i)
                mark.update(near)
    return [(lines[i][0], min(lines[i][1] + 1, len(text))) for i in sorted(mark)]


# The shortest line cut by a page break that is taken to go on after it (a heading is short).
PAGE_BREAK_LINE_MIN = 12


def _page_breaks(text: str, furniture: list[tuple[int, int]]) -> list[tuple[int, int]]:
    r"""The line breaks before page furniture that cut a sentence: the line before ends inside
    it (no stop, at least :data:`PAGE_BREAK_LINE_MIN` characters or a comma; no heading, list
    item or table row) and the line after the furniture goes on with it. Deleted with the
    furniture, the sentence is whole again, in a text that is not hard-wrapped as well
    (:func:`_wraps` joins those).

    >>> t = "甲市规划\n“两翼”即北部的彭州市和南部的邛\n甲市规划\n— 4 —\n崃市。北翼以乙为引领。\n"
    >>> t += "— 5 —\n甲市规划\n第二章 交通\n— 6 —\n甲市规划\n一、铁路\n"
    >>> [t[s:e] for s, e in _page_breaks(t, _page_furniture(t))]
    ['\n']
    """
    spans = dict(furniture)
    ends = set(spans.values())
    out = []
    for s in spans:
        if s in ends or s == 0 or text[s - 1] != "\n":
            continue  # (a later line of a run of furniture lines)
        line_start = text.rfind("\n", 0, s - 1) + 1
        line = text[line_start : s - 1].rstrip()
        if (
            not line.strip()
            or line.rstrip("”」』’)）】\"'")[-1:] in _PARAGRAPH_END
            or _LINE_HEAD.match(line)
            or "|" in line
            or (len(line.strip()) < PAGE_BREAK_LINE_MIN and not re.search(r"[,，、]", line))
        ):
            continue
        after = s
        while after in spans:  # past the run of furniture lines
            after = spans[after]
        stop = text.find("\n", after)
        nxt = text[after : stop if stop != -1 else len(text)]
        if _ROW_START.match(nxt) or _CSV_ROW_START.match(nxt) or _CSV_ROW_START.match(line):
            continue  # (rows of a table end at a page's end)
        if nxt.strip() and not _LINE_HEAD.match(nxt) and _WRAP_GOES_ON.match(nxt):
            out.append((s - 1, s))
    return out


_CUE_HEAD = re.compile(
    r"^[ \t]*\d{1,5}[ \t]*\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*"
    r"\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[^\n]*\n",
    re.M,
)
_CUE_BREAK = re.compile(r"(?<![。!?！？;；])[ \t]*\n\s*")


def _subtitle_cues(text: str) -> list[tuple[int, int]]:
    r"""Spans to delete to read a subtitle file (SubRip, .srt) as the text it speaks: each
    cue's number and timing line, and the line breaks between and inside cues, which break
    sentences and names where the screen ran out (永零 / 高速), unless a sentence ends there.
    A text with fewer than three cues is left as it is.

    >>> t = "1\n00:00:01,000 --> 00:00:02,000\n另一条是永零\n\n2\n00:00:02,000 --> 00:00:03,500\n"
    >>> t += "高速。\n\n3\n00:00:03,500 --> 00:00:05,000\n全长约59公里\n"
    >>> keep = [True] * len(t)
    >>> for s, e in _subtitle_cues(t):
    ...     keep[s:e] = [False] * (e - s)
    >>> "".join(ch for ch, k in zip(t, keep) if k)
    '另一条是永零高速。\n全长约59公里'
    """
    heads = list(_CUE_HEAD.finditer(text))
    if len(heads) < 3:
        return []
    spans = [(m.start(), m.end()) for m in heads]
    inside = [False] * len(text)
    for s, e in spans:
        inside[s:e] = [True] * (e - s)
    for m in _CUE_BREAK.finditer(text, heads[0].start()):
        s, e = m.start(), m.end()
        while s < e and inside[s]:
            s += 1
        while e > s and inside[e - 1]:
            e -= 1
        if s < e and not any(inside[s:e]):
            spans.append((s, e))
    return spans


def _wraps(text: str) -> list[tuple[int, int]]:
    r"""Spans to delete to undo the hard wrap of PDF extraction: the line break after a
    full-width line that ends inside a sentence (or a shorter one broken after a comma), when
    the next line goes on with it, and page number lines between such lines. A text whose
    full-width lines mostly end sentences (one paragraph per line) is left as it is.

    >>> t = "构建“一核两翼”空间格局,其中一\n核为甲市中心城区,两翼为乙县和丙\n— 3 —\n县。\n"
    >>> t = "甲市规划纲要正文第一段落\n" * 3 + t + "第二章 交通\n"
    >>> [t[s:e] for s, e in _wraps(t)]
    ['\n', '\n— 3 —\n']
    """
    raw = text.split("\n")
    sizes = [len(line.strip()) for line in raw]
    lengths = [n for n in sizes if n >= 10]
    if len(lengths) < 5:
        return []
    width = WRAP_WIDTH * float(np.percentile(lengths, 75))
    ends = [line.rstrip()[-1:] for line, n in zip(raw, sizes, strict=True) if n >= width]
    if sum(ch not in _PARAGRAPH_END for ch in ends) < WRAP_SHARE * len(ends):
        return []
    lines: list[tuple[int, int]] = []  # (start, end) of each line, without its newline
    pos = 0
    for line in raw:
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    out: list[tuple[int, int]] = []
    furniture = {s for s, _ in _page_furniture(text)}
    page_number = [s in furniture or bool(_PAGE_NUMBER_LINE.match(text[s:e])) for s, e in lines]
    for i, (s, e) in enumerate(lines[:-1]):
        body = text[s:e].rstrip()
        # a stop may stand inside a closing quote or bracket (…确定。”, …为准。】)
        if page_number[i] or body.rstrip("”」』’)）】\"'")[-1:] in _PARAGRAPH_END:
            continue
        if (
            len(body.strip()) < width
            and not _BROKEN_SENTENCE.search(body)
            and not _CLAUSE_GOES_ON.match(text, lines[i + 1][0])
        ):
            continue  # a short line: a paragraph's end, a heading or a table cell
        short = len(body.strip()) < width
        j = i + 1
        while (
            j < len(lines) - 1
            and (
                (s_j := lines[j][0]) in furniture
                or (page_number[j] and not short)  # a bare number below a short line: a cell
                or not text[s_j : lines[j][1]].strip()
            )
        ):
            j += 1
        nxt = text[lines[j][0] : lines[j][1]]
        if short and (page_number[j] or _ROW_START.match(nxt)):
            continue  # a number or a row below a short line: the next cell or row of a table
        if short and len(nxt.strip()) < width and nxt.rstrip()[-1:] not in _PARAGRAPH_END:
            # a short line goes on into the full width or the end of its sentence; a short
            # line below it that ends no sentence is the next cell of a table flattened one
            # cell a line (“康养圣地”,夏季避暑胜地 / 茨岩塘景区)
            continue
        if not nxt.strip() or _LINE_HEAD.match(nxt) or not _WRAP_GOES_ON.match(nxt):
            continue
        if "|" in body and _ROW_START.match(nxt):
            continue  # a table row wrapped over lines ends where the next row begins
        if (body.count("|") >= 2 and nxt.count("|") >= 2) or ("\t" in body and "\t" in nxt):
            continue  # two lines of cells (甲高速 | 乙段 | 在建, or apart by tabs): rows
        if _CSV_ROW_START.match(nxt):
            continue  # a spreadsheet's comma-separated lines (序号,名称,… / 2,甲园,…): rows
        if _KEY_LINE.match(body) and _KEY_LINE.match(nxt):
            continue  # a box of key and value lines (两区: …\n主导方向: …)
        if any(
            not page_number[k] and text[lines[k][0] : lines[k][1]].strip() for k in range(i + 1, j)
        ):
            continue
        if (
            j > i + 1
            and not _WRAP_GOES_ON.match(body)
            and not any(lines[k][0] in furniture or page_number[k] for k in range(i + 1, j))
        ):
            continue  # a bulleted item ends at a blank line, unless a page break lies there
        out.append((s + len(body), lines[j][0] + (len(nxt) - len(nxt.lstrip()))))
    return out


def normalise(text: str) -> tuple[str, NDArray[np.int64], float]:
    """Normalise ``text``; return it, the original index of each character, the t2s share.

    Examples
    --------
    >>> normalise("二 〇 三五年 長株潭")[0]
    '二〇三五年长株潭'
    """
    table = _char_map(set(text))
    mapped = text.translate(table)
    cjk = sum(1 for ch in set(text) if 0x4E00 <= ord(ch) <= 0x9FFF)
    changed = sum(1 for code, ch in table.items() if 0x4E00 <= code <= 0x9FFF and ch != chr(code))
    share = changed / cjk if cjk else 0.0
    keep = np.ones(len(mapped), dtype=bool)
    for pattern in (_DELETE, _STRAY_SPACE, _CONTENTS_LINE):
        for m in pattern.finditer(mapped):
            keep[m.start() : m.end()] = False
    furniture = _page_furniture(mapped)
    wraps = _wraps(mapped)  # (a hard-wrapped text's page breaks are among its wraps)
    for s, e in [*furniture, *wraps, *([] if wraps else _page_breaks(mapped, furniture))]:
        keep[s:e] = False
    for s, e in _subtitle_cues(mapped):
        keep[s:e] = False
    index = np.flatnonzero(keep).astype(np.int64)
    if keep.all():
        out = mapped
    else:
        chars = np.array(list(mapped), dtype=object) if mapped else np.array([], dtype=object)
        out = "".join(chars[keep])
    index = np.append(index, len(text))  # sentinel: end of text maps to end of original
    return out, index, share


def read_text(
    text: str,
    *,
    name: str = "<text>",
    encoding: str = "str",
    format: str = "text",
    parts: tuple[str, tuple[int, ...]] | None = None,
) -> Plan:
    """Make a :class:`Plan` from a string.

    ``parts`` is ``(unit, starts)``: ``"page"`` or ``"paragraph"`` and the offset of ``text``
    where each starts (see :meth:`Plan.locate`).

    Examples
    --------
    >>> read_text("構築“一核一圈一廊”").text
    '构筑“一核一圈一廊”'
    """
    norm, index, share = normalise(text)
    script = "traditional" if share > _TRADITIONAL_SHARE else "simplified"
    unit, starts = parts if parts is not None else (None, ())
    return Plan(
        name=name,
        original=text,
        text=norm,
        encoding=encoding,
        script=script,
        _index=index,
        format=format,
        part_unit=unit,
        part_starts=tuple(starts),
    )


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode non-empty text bytes (``read_plan`` refuses empty files before any reader)."""
    boms = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
    for bom, enc in boms:
        if data.startswith(bom):
            try:
                return _checked(data, enc, name), enc
            except UnicodeDecodeError as exc:
                msg = f"{name}: cannot decode the text as {enc} (its byte-order mark): {exc.reason}"
                raise PlanReadError(msg) from exc
    try:
        return _checked(data, "utf-8", name), "utf-8"
    except UnicodeDecodeError:
        pass
    # Without a BOM, GB18030, Big5 and UTF-16 may all decode; keep the one that reads as text.
    readable: dict[str, tuple[float, str]] = {}
    for enc in ("gb18030", "big5", "utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _text_score(text)
        if score >= _MIN_TEXT_SCORE:
            readable[enc] = (score, text)
    if "gb18030" in readable and "big5" in readable:
        # Both read as CJK text: character frequencies tell mainland from Taiwan/HK bytes.
        del readable[_gb_or_big5(data)]
    if readable:
        enc = max(readable, key=lambda e: readable[e][0])
        return _checked(data, enc, name, text=readable[enc][1]), enc
    if _binary_bytes(data):
        msg = f"{name}: the content is binary, not text"
        raise PlanReadError(msg)
    msg = f"{name}: cannot decode the text (tried utf-8, gb18030, utf-16); save it as UTF-8"
    raise PlanReadError(msg)


def _gb_or_big5(data: bytes) -> str:
    """Of GB18030 and Big5, the encoding ``data`` is NOT in (charset-normalizer's judgement)."""
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:200_000], cp_isolation=["gb18030", "big5"]).best()
    return "gb18030" if best is not None and best.encoding == "big5" else "big5"


def _checked(data: bytes, enc: str, name: str, *, text: str | None = None) -> str:
    """Decode ``data`` (UnicodeDecodeError propagates) and refuse text that is binary."""
    if text is None:
        text = data.decode(enc)
    if _looks_binary(text):
        msg = f"{name}: the content is binary, not text (decoded as {enc})"
        raise PlanReadError(msg)
    return text


def _text_score(text: str) -> float:
    """Share of characters typical of plan text: CJK, CJK punctuation, digits, whitespace."""
    sample = text[:20_000]
    if not sample:
        return 0.0
    good = sum(
        1
        for ch in sample
        if "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch.isdigit()
        or ch.isspace()
        or ch in ",.;:()%-|[]<>“”"
    )
    return good / len(sample)


def _binary_bytes(data: bytes) -> bool:
    sample = data[:200_000]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:200_000]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f")
    if controls > _MAX_CONTROL_SHARE * len(sample):
        return True
    # Bytes that decode as GB18030 but are not text land mostly in rare or private-use ranges.
    private = sum(1 for ch in sample if 0xE000 <= ord(ch) <= 0xF8FF or 0x80 <= ord(ch) < 0xA0)
    return private > 0.05 * len(sample)


def read_plan(path: str | os.PathLike[str]) -> Plan:
    """Read a plan: text (UTF-8 with or without BOM, GB18030, Big5, UTF-16), PDF, DOCX or HTML.

    The format is chosen by content, not by the file's name: ``%PDF`` is a PDF (its text
    layer, page by page), a ZIP with ``word/document.xml`` a Word document (paragraph by
    paragraph, tables row by row), text starting with ``<html`` a web page (its article body,
    without menus and footers), anything else text.

    Raises
    ------
    PlanReadError
        If the file is missing, a folder, too large, empty, binary, undecodable, a PDF without
        text layer (a scan), an encrypted PDF or an old ``.doc``.

    Examples
    --------
    >>> from pathlib import Path
    >>> plan = read_plan(next(Path("seeds").glob("000_*.txt")))
    >>> plan.script, plan.text[:7]
    ('simplified', '(湖南省)株洲')
    """
    p = Path(path)
    if not p.exists():
        msg = f"{p}: no such file"
        raise PlanReadError(msg)
    if not p.is_file():
        msg = f"{p}: not a regular file"
        raise PlanReadError(msg)
    size = p.stat().st_size
    if size > MAX_BYTES:
        msg = f"{p}: {size / 1e6:.0f} MB is larger than the {MAX_BYTES / 1e6:.0f} MB limit"
        raise PlanReadError(msg)
    try:
        data = p.read_bytes()
    except OSError as exc:
        msg = f"{p}: cannot be read ({exc.strerror})"
        raise PlanReadError(msg) from exc
    if not data.strip():
        msg = f"{p}: the file is empty"
        raise PlanReadError(msg)
    doc = read_document(data, str(p), _decode)
    parts = (doc.part_unit, doc.part_starts) if doc.part_unit else None
    plan = read_text(doc.text, name=p.name, encoding=doc.encoding, format=doc.format, parts=parts)
    object.__setattr__(plan, "path", p)
    return plan


def plan_paths(folder: str | os.PathLike[str]) -> list[Path]:
    """Return the plan files under ``folder``, recursively, sorted; hidden ones are skipped.

    Files are taken by name (:data:`PLAN_SUFFIXES`); :func:`read_plan` then reads each by its
    content.

    Raises
    ------
    PlanReadError
        If ``folder`` is not a folder or holds no plan file.

    Examples
    --------
    >>> [p.name for p in plan_paths("seeds")][:1]
    ['000_d6a808445c4787d7.txt']
    """
    root = Path(folder)
    if not root.is_dir():
        msg = f"{root}: not a folder"
        raise PlanReadError(msg)
    found = sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in PLAN_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )
    if not found:
        msg = f"{root}: no plan texts or documents ({', '.join(PLAN_SUFFIXES)}) found"
        raise PlanReadError(msg)
    return found


def _title(text: str) -> str:
    """The plan's title: among its first lines (table rows, page numbers and sentences left out),
    the first that holds a title word (规划, 纲要 ...), else the first such line."""
    lines = [ln.strip() for ln in text.splitlines()[:TITLE_LINES] if ln.strip()]
    heads = [
        ln
        for ln in lines
        if re.search(r"[\u4e00-\u9fff]", ln)
        and "|" not in ln
        and len(ln) <= 60
        and not ln.endswith(("。", ":", "：", ";", "；"))
    ]
    for ln in heads:
        if any(w in ln for w in _TITLE_WORDS):
            return ln
    return heads[0] if heads else (lines[0] if lines else "")


def _sections(text: str) -> list[Section]:
    heads: list[tuple[int, int, int, str]] = []  # start, end of line, level, title
    for level, pattern in _SECTION_PATTERNS:
        for m in pattern.finditer(text):
            if "......" in m.group() or re.search(r"\.{3,}\s*\d+\s*$", m.group()):
                continue  # a table-of-contents line
            heads.append((m.start(), m.end(), level, m.group().strip()))
    heads.sort()
    sections = []
    for i, (start, _end, level, title) in enumerate(heads):
        stop = len(text)
        for later in heads[i + 1 :]:
            if later[2] <= level:
                stop = later[0]
                break
        sections.append(Section(level=level, title=title, span=(start, stop)))
    return sections
