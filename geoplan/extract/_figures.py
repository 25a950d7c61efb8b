"""Figures (value, unit, year, kind) and 专栏 tables transcribed from plan text."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = (
    "亿美元|万美元|亿元|万元|元|万人次|万人|人|平方公里|万平方米|平方米|公里|万吨|吨|万千瓦|千瓦|万亩|亩|"
    "万户|户|个|家|所|%"
)
FIGURE_RE = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNITS})(?![\u4e00-\u9fff]{{0,0}}级)")
_YEAR_RE = re.compile(r"(20[0-4]\d)\s*年")
_GROWTH = re.compile(r"年均增长|增长|增速|提高|下降")
_TARGET_WORDS = re.compile(r"力争|到\s*20[2-4]\d|达到|以上|以内|控制在|突破")
_VERB_TAIL = re.compile(
    r"(?:年均增长|增长|达到|达|突破|超过|提高到|提高|提升到|控制在|为|占|约|分别达|分别|由|从|至|到|新增|累计|完成|实现|建成|保持在|稳定在|力争)+$"
)
_INDICATOR_HEAD = re.compile(
    r"^(?:全市|全区|全县|全省|其中|力争|到|使|实现|推动|确保|“十三五”|十三五|期间|时期)+"
)


@dataclass
class RawFigure:
    indicator: str
    value: float
    unit: str
    year: int | None
    kind: str
    span: tuple[int, int]
    sentence: tuple[int, int]
    confidence: float = 0.9


def find_figures(text: str, *, review_spans: list[tuple[int, int]] = ()) -> list[RawFigure]:
    """Return figures in ``text``; ``review_spans`` are spans describing the past (actual)."""
    out: list[RawFigure] = []
    last: tuple[int, str] = (-1, "")  # (sentence start, indicator) of the previous figure
    for m in FIGURE_RE.finditer(text):
        start, end = m.span()
        if start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".-—~"):
            continue
        if m.group(2) == "个" and text.startswith(("一级", "二级", "三级"), end):
            continue
        sent_start = max(
            max(0, start - 300),
            *(text.rfind(ch, 0 if start < 300 else start - 300, start) + 1 for ch in "。;；\n|"),
        )
        sent_end_candidates = [
            p for p in (text.find(ch, end, end + 300) for ch in "。;；\n") if p != -1
        ]
        sent_end = min(sent_end_candidates, default=min(len(text), end + 300))
        clause_start = max(
            sent_start, max(text.rfind(ch, max(0, start - 300), start) for ch in ",，、:：") + 1
        )
        before = text[clause_start:start].strip()
        indicator = _VERB_TAIL.sub("", before)
        years = [int(y) for y in _YEAR_RE.findall(indicator)]
        indicator = _YEAR_RE.sub("", indicator)
        indicator = _INDICATOR_HEAD.sub("", indicator).strip(' “”"')
        conf = 0.9
        if not indicator and last[0] == sent_start:
            indicator = last[1]
            conf -= 0.1  # the indicator of the figure before it (增长8%、10%)
        if not indicator or len(indicator) > 30 or not re.search(r"[\u4e00-\u9fff]", indicator):
            continue
        last = (sent_start, indicator)
        value = float(m.group(1))
        unit = m.group(2)
        sentence_head = text[sent_start:start]
        if not years:
            years = [int(y) for y in _YEAR_RE.findall(sentence_head)]
            if years:
                conf -= 0.1  # the year is in the sentence, not in the figure's clause
        year = years[-1] if years else None
        growth = unit == "%" and bool(_GROWTH.search(before))
        in_review = any(s <= start < e for s, e in review_spans)
        if growth:
            kind = "growth_rate"
        elif year is not None:
            kind = "target" if year > 2020 else "actual"
        elif in_review:
            kind = "actual"
        elif _TARGET_WORDS.search(sentence_head):
            kind = "target"
        else:
            kind = "actual"
            conf -= 0.2  # nothing says whether it is a fact or a target
        if year is None and kind == "actual" and in_review:
            year = 2020
            conf -= 0.15  # a review section without a year: taken as the base year 2020
        out.append(
            RawFigure(
                indicator,
                value,
                unit,
                year,
                kind,
                (start, end),
                (sent_start, sent_end),
                round(conf, 2),
            )
        )
    return out


# Indicator tables (主要指标表): rows of cells split by | or tabs, a header naming years.
_CELL = re.compile(r"[^|\t\n]+")
_YEAR_CELL = re.compile(r"^\s*(20[0-4]\d)\s*年?\s*(?:目标|预期|规划)?(?:值)?\s*$")
_UNIT_CELL = re.compile(r"^(?P<name>.+?)\s*[(（](?P<unit>[^()（）]{1,8})[)）]\s*$")
_NUMBER_CELL = re.compile(r"^\s*[>＞≥<＜≤约]?\s*(\d+(?:\.\d+)?)\s*(%)?\s*(?:以上|以下|左右)?\s*$")


def _cells(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The cells of a table row (``|`` or tab separated) with their spans."""
    return [
        (m.group().strip(), m.start(), m.end())
        for m in _CELL.finditer(text, start, end)
        if m.group().strip()
    ]


def find_table_figures(text: str) -> list[RawFigure]:
    r"""Figures of indicator tables: a header row naming years (2020年, 2025年目标) and rows of
    an indicator, with its unit in brackets, and a value under each year.

    >>> t = "| 指标 | 2020年 | 2025年 |\n| 地区生产总值(亿元) | 2200 | 3000 |\n"
    >>> [(f.value, f.unit, f.year, f.kind) for f in find_table_figures(t)]
    [(2200.0, '亿元', 2020, 'actual'), (3000.0, '亿元', 2025, 'target')]
    """
    out: list[RawFigure] = []
    years: dict[int, int] | None = None  # column -> year of the table being read
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if line.count("|") + line.count("\t") < 2:
            years = None  # a line outside a table ends it
            continue
        cells = _cells(text, start, end)
        header = {
            i: int(m.group(1)) for i, (c, _s, _e) in enumerate(cells) if (m := _YEAR_CELL.match(c))
        }
        if header:
            years = header
            continue
        if not years:
            continue
        named = [
            (i, c)
            for i, (c, _s, _e) in enumerate(cells)
            if i not in years and not _NUMBER_CELL.match(c)
        ]
        if not named:
            continue
        label = named[0][1]
        unit_m = _UNIT_CELL.match(label)
        indicator, unit = (unit_m.group("name"), unit_m.group("unit")) if unit_m else (label, "")
        indicator = indicator.strip(' “”"')
        if not re.search(r"[\u4e00-\u9fff]", indicator) or len(indicator) > 30:
            continue
        for i, year in years.items():
            if i >= len(cells):
                continue
            cell, cs, ce = cells[i]
            m = _NUMBER_CELL.match(cell)
            if not m:
                continue
            cell_unit = m.group(2) or unit
            growth = bool(_GROWTH.search(indicator)) and cell_unit == "%"
            kind = "growth_rate" if growth else ("target" if year > 2020 else "actual")
            out.append(
                RawFigure(
                    indicator,
                    float(m.group(1)),
                    cell_unit,
                    year,
                    kind,
                    (cs, ce),
                    (start, end),
                    0.85,
                )
            )
    return out


@dataclass
class RawTable:
    title: str
    span: tuple[int, int]
    rows: list[dict[str, str]]


_BOX_RE = re.compile(r"^专栏\s*\d+[^\n]*$", re.M)


def find_tables(text: str) -> list[RawTable]:
    """Transcribe 专栏 boxes whose cells come one per line ending in ``|``, rows split by ``|``."""
    out: list[RawTable] = []
    heads = list(_BOX_RE.finditer(text))
    for i, h in enumerate(heads):
        title = re.split(r"\d+\s*[.、]|[。|]", h.group()[2:].lstrip(), maxsplit=1)
        title = ("专栏" + h.group()[2:].lstrip()[:0]) if False else h.group().strip()
        m = re.match(r"专栏\s*\d+\s*[^|。]*?(?=\d+\s*\.|\||。|$)", title)
        title = (m.group() if m else title[:40]).strip()
        start = h.start()
        limit = heads[i + 1].start() if i + 1 < len(heads) else min(len(text), start + 20000)
        pos = h.end() + 1
        rows: list[list[str]] = []
        current: list[str] = []
        end = h.end()
        while pos < limit:
            nl = text.find("\n", pos)
            nl = limit if nl == -1 or nl > limit else nl
            line = text[pos:nl].strip()
            if not line.endswith("|"):
                break
            cell = line[:-1].strip()
            if cell.strip("|") == "":
                if current:
                    rows.append(current)
                    current = []
            else:
                current.append(cell.strip("|").strip())
            end = nl
            pos = nl + 1
        if current:
            rows.append(current)
        rows = [r for r in rows if r]
        if len(rows) < 2:
            out.append(RawTable(title, (start, end), []))
            continue
        header = rows[0]
        records = []
        for r in rows[1:]:
            if len(r) == len(header):
                records.append(dict(zip(header, r, strict=True)))
            elif len(r) == 1:
                records.append({"note": r[0]})
            else:
                keys = header + [f"col{k}" for k in range(len(header), len(r))]
                records.append(dict(zip(keys[: len(r)], r, strict=True)))
        out.append(RawTable(title, (start, end), records))
    return out
