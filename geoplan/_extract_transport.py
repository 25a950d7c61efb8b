"""Transport projects named in plan text: rail lines, expressways, roads, airports, ports."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geoplan._extract_common import abbreviations, admin_refs, decode_code, is_code, unit_ref

# (suffix regex, mode), tried in this order at each position.
_SUFFIXES = (
    (r"高速铁路|高铁|客运专线|客专", "hsr"),
    (r"城际铁路|城际", "intercity_rail"),
    (r"磁浮(?:线|快线)?", "maglev"),
    (r"铁路", "conventional_rail"),
    (r"高速公路|高速", "expressway"),
    (r"机场", "airport"),
    (r"港区|港", "port"),
    (r"航道", "waterway"),
)
SUFFIX_RE = re.compile("|".join(f"(?:{s})" for s, _ in _SUFFIXES))
_MODE_OF = [(re.compile(f"^(?:{s})$"), mode) for s, mode in _SUFFIXES]
# What may not follow a line name (高铁站, 高速发展, 港澳, 机场联络线 is a road, 铁路北站,
# 铁路货站, 铁路职业技术学校, 空铁港联运, 高铁组合枢纽). Used with ``match(text, pos)``, so
# no "^" anchor: "^" only matches at the real start of the string, never at ``pos``.
_BAD_NEXT = re.compile(
    r"(?:[东南西北]?站|货站|新城|经济|沿线|网|路网|发展|增长|公路网|时代|枢纽|联络线|口|澳|城|群"
    r"|集团|片区|运输|物流|直达|线路|线网|职业|学校|联运|组合|综合|列车|班列)"
)
# Codes that are kinds of line, not names (普速铁路, 干线铁路, 国家高铁, "米"字型高铁).
_GENERIC_CODES = re.compile(r"^(?:普速|干线|支线|国家|区域|区域性|重载|货运|客运)$|型$")
# Line names sharing one suffix (浏醴和炎韶铁路 = 浏醴铁路 + 炎韶铁路).
_COORD = "和、及与"
_STOP_CHARS = set('，,。;；:：、（()）“”"《》|·/ \n\t和及与或至经等的')
_VERBS = (
    "规划新建",
    "规划建设",
    "加快建设",
    "加快推进",
    "推进建设",
    "电气化改造",
    "扩能提速改造",
    "提质改造",
    "扩能改造",
    "改扩建",
    "建设完善",
    "谋划",
    "研究",
    "争取",
    "启动",
    "推进",
    "建设",
    "新建",
    "改造",
    "加快",
    "推动",
    "建成",
    "开工",
    "完成",
    "实施",
    "连通",
    "引入",
    "依托",
    "打造",
    "融入",
    "对接",
    "利用",
    "开通",
    "运营",
    "续建",
    "扩容",
    "畅通",
    "构建",
    "统筹",
    "优化",
    "发展",
    "拓展",
    "设立",
    "沿",
    "以",
    "把",
    "将",
    "在",
    "对",
    "为",
)
_DIRECTIONS = re.compile(r"^(?:南延|北延|东延|西延|南延伸|东移线?)")
_ROAD_RE = re.compile(
    r"(?<![A-Za-z0-9])([GS])(\d{1,4})([\u4e00-\u9fff()（）一二期\-—]{0,24}?(?:公路|线|高速|大道))?"
)
_NATIONAL_RE = re.compile(r"(\d{3})\s*国道")

_STATUS = (
    ("studied", re.compile(r"前期|研究|谋划|预留|争取纳入|纳入.{0,8}规划")),
    ("upgrade", re.compile(r"提质改造|扩能|电气化改造|改造|扩容|提质|改扩建|升级|复线")),
    ("planned", re.compile(r"规划新建|规划建设|新建|启动建设|开工|引入|规划|布局")),
    (
        "under_construction",
        re.compile(r"加快建设|加快推进|续建|在建|推进建设|加快实施|建设|推进|加快"),
    ),
    ("existing", re.compile(r"建成|通车|开通|运营|投入使用|依托|已")),
)


@dataclass
class RawProject:
    name: str
    mode: str
    span: tuple[int, int]
    cities: list[str]
    adcodes: list[str]
    undecoded: list[str]
    status: str | None
    confidence: float = 0.9
    note: str = ""


def _left_boundary(text: str, end: int, *, max_len: int = 10) -> int:
    """Walk left from ``end`` over the code part of a name; stop at punctuation or a verb."""
    i = end
    lo = max(0, end - max_len)
    while i > lo:
        ch = text[i - 1]
        if ch in _STOP_CHARS or not ("\u4e00" <= ch <= "\u9fff" or ch.isalnum()):
            break
        hit = False
        for v in _VERBS:
            if text.startswith(v, i - len(v)) and i - len(v) >= lo - 4:
                hit = True
                break
        if hit:
            break
        i -= 1
    return i


_LEAD_VERB = re.compile(
    r"^(?:加强|整合|积极|承接|发展壮大|发展|壮大|内陆|一步|疏浚|提升|依托|建设|推进|加快|打造|支持|完善"
    r"|增强|培育|优化|认真|做好)+"
)
_BAD_PORT_END = ("临", "空", "粤", "地", "般", "运", "型", "的", "等", "各", "新建", "直升")
# A count before a port or airport word (建设3-5个直升机场) is not a name.
_COUNT = re.compile(r"[0-9０-９个座处]")
# Two numerals in a code make a slogan, not a port: 株洲"一江八港" is the river and eight creeks.
_SLOGAN = re.compile(r"[一二两三四五六七八九十百].*[一二两三四五六七八九十百]")
# Joins the two ends of a line named by its termini (上栗至醴陵高速, 茶陵—常宁高速).
_LINK = "至—–－~"


# Characters that do not occur in line-name codes but do in running text (迈进了高速, 加强铁路).
_FUNCTION_CHARS = re.compile(r"[了的由进善强用域好抓完加专个我其在全各新二要]|[0-9]")


def _trim_code(code: str) -> str | None:
    """The longest tail of ``code`` made only of abbreviations and place names."""
    table = abbreviations()
    covered = [ch in table for ch in code]
    for s, e, _surface, _how, _codes in admin_refs(code):
        for i in range(s, e):
            covered[i] = True
    i = len(code)
    while i > 0 and covered[i - 1]:
        i -= 1
    tail = code[i:]
    return tail if len(tail) >= 2 else None


def _place(token: str) -> tuple[str, str] | None:
    """``(name, adcode)`` of a Hunan unit a terminus names (醴陵, 醴陵东 站 -> 醴陵市), or None."""
    from geoplan import gazetteer

    for key in (token, token[:-1] if token[-1:] in "东南西北" else ""):
        units = gazetteer.lookup(key) if len(key) >= 2 else []
        if len(units) == 1:
            return units[0].name, units[0].adcode
    return None


def _termini(text: str, start: int, code: str) -> tuple[int, list[str]] | None:
    """Start and terminus names of a line named "A至B", "A—B" or "A经C至B" ending at ``code``.

    ``code`` (B) must name a Hunan unit; A and C may lie outside Hunan (上栗) but must be
    two to six characters of a name, not a direction (南延至).
    """
    if start < 3 or text[start - 1] not in _LINK or _place(code) is None:
        return None
    parts = [code]
    end = start - 1
    while True:
        s0 = _left_boundary(text, end, max_len=6)
        token = text[s0:end]
        if not 2 <= len(token) <= 6 or _DIRECTIONS.match(token) or _FUNCTION_CHARS.search(token):
            return None
        parts.insert(0, token)
        if s0 > 0 and text[s0 - 1] == "经":
            end = s0 - 1
            continue
        return s0, parts


def _decode_termini(parts: list[str]) -> tuple[list[str], list[str], list[str]]:
    names: list[str] = []
    adcodes: list[str] = []
    undecoded: list[str] = []
    for token in parts:
        hit = _place(token)
        if hit is not None:
            found = [hit]
        else:  # a unit and a town (浏阳沙市): the unit, when it heads the token
            refs = [r for r in admin_refs(token) if r[0] == 0 and len(r[4]) == 1]
            found = [(unit_ref(r[4][0]).name, r[4][0]) for r in refs[:1]]
            if not found or refs[0][1] < len(token):
                undecoded.append(token[refs[0][1] :] if found else token)
        for name, adcode in found:
            if name not in names:
                names.append(name)
                adcodes.append(adcode)
    return names, adcodes, undecoded


def _airport(code: str) -> tuple[list[str], list[str]] | None:
    """The county of the one curated airport whose name holds ``code`` (南岳 -> 衡阳南岳机场)."""
    from geoplan._network_data import airport_named
    from geoplan.errors import GeoplanError

    try:
        row = airport_named(code)
    except GeoplanError:
        return None
    if row is None:
        return None
    adcode = str(row["adcode"])
    return [unit_ref(adcode).name], [adcode]


def _status(text: str, start: int, end: int) -> str | None:
    sent_start = max(
        max(0, start - 300),
        *(text.rfind(ch, 0 if start < 300 else start - 300, start) + 1 for ch in "。;；\n|"),
    )
    clause_start = max(
        sent_start, max(text.rfind(ch, max(0, start - 300), start) for ch in ",，") + 1
    )
    after = text[end : end + 12]
    after = re.split(r"[,，。;；、]", after, maxsplit=1)[0]
    if re.search(r"前期|研究", after):
        return "studied"
    for window in (text[clause_start:start], text[sent_start:start]):
        # in a list (A扩容、B、C) the verbs heading it speak for every item: take the first
        first = "、" in window
        window = window.split("、", 1)[0] if first else window
        best: tuple[int, str] | None = None
        for status, rx in _STATUS:
            for m in rx.finditer(window):
                key = -m.start() if first else m.end()
                if best is None or key > best[0]:
                    best = (key, status)
        if best:
            return best[1]
    return None


def _coordinated(text: str, start: int) -> tuple[int, int] | None:
    """Span of a code joined to the line name at ``start`` by 和/、/及/与 that shares its
    suffix (the 浏醴 of 规划新建浏醴和炎韶铁路); only a code made wholly of abbreviations."""
    if start < 3 or text[start - 1] not in _COORD:
        return None
    end = start - 1
    s0 = _left_boundary(text, end, max_len=4)
    code = text[s0:end]
    table = abbreviations()
    if 2 <= len(code) <= 4 and all(ch in table for ch in code) and is_code(code):
        return s0, end
    return None


def _confidence(names: list[str], undecoded: list[str]) -> float:
    """0.9 when the whole name decodes to places (or a road code), 0.75 when part of it
    does (呼南: 南 left open), 0.6 when none does (a proper name: 城陵矶港, 铜塘湾港区)."""
    if not undecoded:
        return 0.9 if names else 0.6
    return 0.75 if names else 0.6


# "A、B、C等高速公路": names sharing a suffix across a list closed by 等, with a kind word
# between them allowed (京广、沪昆、石长等普速铁路). Items may carry a qualifier of the work.
_LIST_KIND = re.compile(r"等(?:普速|干线)?$")
_QUALIFIER = re.compile(r"(扩容|扩能|改扩建|提质|[东南西北]延线?|延伸线)$")
_UPGRADE_WORDS = ("扩容", "扩能", "改扩建", "提质")
# A ring road of a place: 长沙北外环, 长沙绕城, 株潭南环线.
_RING = re.compile(r"[东南西北]?(?:外环|内环|绕城|环线|环)$")
_CLAUSE_END = '，,。;；:：\n|（(）)“”"《》'


def _after_verbs(clause: str) -> int:
    """Where a list begins in its clause: after the first run of verbs of two or more
    characters (充分利用 | 京广, 规划建设 | 沪昆高速金鱼石至醴陵扩容), or after a one-character
    one at the head (以 | 京广)."""
    long_verbs = [v for v in _VERBS if len(v) > 1]
    hits = [(clause.find(v), v) for v in long_verbs if v in clause]
    if not hits:
        return 1 if clause[:1] in _VERBS else 0
    cut = min(hits)[0]
    moved = True
    while moved:
        moved = False
        for v in long_verbs:
            if clause.startswith(v, cut):
                cut, moved = cut + len(v), True
                break
    return cut


def _listed(text: str, end: int, suffix: str, mode: str) -> list[RawProject]:
    """Projects of a list "A、B、C等" ending at ``end`` (where 等 and any kind word begin),
    each named by its code and the shared ``suffix`` (宁韶、江干、醴娄扩容等高速公路 ->
    宁韶高速公路, 江干高速公路, 醴娄高速公路 (扩容: an upgrade))."""
    start = max(text.rfind(ch, max(0, end - 120), end) for ch in _CLAUSE_END) + 1
    items = text[start:end].split("、")
    head = _after_verbs(items[0])
    start += head
    items[0] = items[0][head:]
    # one status for the list, from the verbs that open it (加快建设 | 规划建设)
    listed = _status(text, start, start + len(items[0]))
    out: list[RawProject] = []
    pos = start
    for item in items:
        s0, pos = pos, pos + len(item) + 1
        raw = item.strip()
        if not 2 <= len(raw) <= 12 or SUFFIX_RE.search(raw) or _FUNCTION_CHARS.search(raw):
            continue  # named with a suffix of its own (长沙北外环高速) or not a name
        qual = _QUALIFIER.search(raw)
        code = raw[: qual.start()] if qual else raw
        if len(code) < 2 or _GENERIC_CODES.search(code):
            continue
        parts = [p for p in re.split(f"[{_LINK}经]", code) if p]
        if len(parts) > 1:
            names, adcodes, undecoded = _decode_termini(parts)
        else:
            names, adcodes, undecoded = decode_code(code)
        if len(items) == 1 and not names and not is_code(code):
            continue  # a list of one must name places (长潭西等高速公路)
        name, status = code + suffix, listed
        note = f"named in a list sharing the suffix {suffix}"
        if qual and qual.group() in _UPGRADE_WORDS:
            status = "upgrade"
            note += f"; the work named is {qual.group()} (written {raw})"
        elif qual:  # an extension is a project of its own: 宁韶南延线高速公路
            name = raw + suffix
        conf = min(_confidence(names, undecoded), 0.75)
        span = (s0, s0 + len(item))
        out.append(RawProject(name, mode, span, names, adcodes, undecoded, status, conf, note))
    return out


def find_projects(text: str) -> list[RawProject]:
    """Return transport projects named in ``text`` (normalised), in text order."""
    out: list[RawProject] = []
    seen: set[tuple[int, int]] = set()
    for m in SUFFIX_RE.finditer(text):
        suffix = m.group()
        if _BAD_NEXT.match(text, m.end()) and not text.startswith("港区", m.start()):
            continue
        if suffix == "高速" and text.startswith("铁路", m.end()):
            continue
        kind = _LIST_KIND.search(text, max(0, m.start() - 3), m.start())
        if kind is not None:
            mode = next(md for rx, md in _MODE_OF if rx.match(suffix))
            if mode not in ("port", "airport", "waterway"):
                out.extend(_listed(text, kind.start(), suffix, mode))
            continue
        start = _left_boundary(text, m.start())
        code = text[start : m.start()]
        dm = _DIRECTIONS.match(code)
        if dm:
            start += len(dm.group())
            code = code[len(dm.group()) :]
        short = len(code) < 2 and suffix not in ("港", "港区")
        if (not code or short) and not (code and is_code(code)):
            continue
        mode = next(md for rx, md in _MODE_OF if rx.match(suffix))
        if mode not in ("port", "airport", "waterway") and len(code) > 3:
            trimmed = _trim_code(code)
            ring = _RING.search(code) if trimmed is None else None
            head = _trim_code(code[: ring.start()]) if ring else None
            if head is not None and ring is not None:
                trimmed = head + ring.group()  # 长沙北外环高速: a place and its ring
            if trimmed is None:
                continue
            start += len(code) - len(trimmed)
            code = trimmed
        elif mode in ("port", "airport", "waterway"):
            code2 = _LEAD_VERB.sub("", code)
            start += len(code) - len(code2)
            code = code2
            if (
                len(code) > 5
                or len(code) < 2
                or code.endswith(_BAD_PORT_END)
                or _COUNT.search(code)
                or _SLOGAN.search(code)
            ):
                continue
        if _GENERIC_CODES.search(code):
            continue
        names, adcodes, undecoded = decode_code(code)
        termini = None if mode in ("port", "airport", "waterway") else _termini(text, start, code)
        if termini is not None:
            start = termini[0]
            names, adcodes, undecoded = _decode_termini(termini[1])
        if mode in ("port", "airport", "waterway"):
            # need a place or a proper name (黄花机场, 铜塘湾港区): at least two characters
            if len(code) < 2 or code.endswith(("国际", "通用", "支线", "干线", "民用")):
                continue
            undecoded = []
            hit = _airport(code) if mode == "airport" else None
            if hit is not None:
                names, adcodes = hit
        elif not names and (len(code) > 3 or (not is_code(code) and _FUNCTION_CHARS.search(code))):
            continue
        span = (start, m.end())
        if span in seen:
            continue
        seen.add(span)
        status = _status(text, start, m.end())
        conf = _confidence(names, undecoded)
        out.append(
            RawProject(text[start : m.end()], mode, span, names, adcodes, undecoded, status, conf)
        )
        if mode not in ("port", "airport", "waterway"):
            first = _coordinated(text, start)
            if first is not None:
                s0, e0 = first
                n0, a0, u0 = decode_code(text[s0:e0])
                name0 = text[s0:e0] + suffix
                conf0 = _confidence(n0, u0)
                out.append(RawProject(name0, mode, (s0, m.end()), n0, a0, u0, status, conf0))
    for m in _ROAD_RE.finditer(text):
        letter, digits, rest = m.group(1), m.group(2), m.group(3) or ""
        n = len(digits)
        if letter == "G":
            mode = "national_road" if n == 3 else "expressway"
        else:
            mode = "provincial_road" if n == 3 else "expressway"
        end = m.end()
        if re.search(r"和|及|与|、|经济|产业", rest):  # a list or a theme, not the road's name
            rest, end = "", m.end(2)
        names, adcodes, _u = decode_code(rest) if rest else ([], [], [])
        span = (m.start(), end)
        name = text[m.start() : end]
        out.append(RawProject(name, mode, span, names, adcodes, [], _status(text, *span)))
    for m in _NATIONAL_RE.finditer(text):
        span = (m.start(), m.end())
        out.append(RawProject(m.group(), "national_road", span, [], [], [], _status(text, *span)))
    out.sort(key=lambda p: p.span)
    return out
