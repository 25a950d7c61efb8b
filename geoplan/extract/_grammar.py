"""The grammar of structure definitions: the ways plans say what a structure's parts are.

A structure name is a sequence of numeral + role tokens (一核两翼 = 一核 + 两翼). A plan defines
its parts by *labels*: a token, or a run of tokens, written in any quotes or none. The grammar
reads these forms (the examples are made up):

1. **Label + marker**: the label followed by 指, 是指, 是, 为, 即, 即为, 主要是, 分别指, 包括
   (any of them after 就, 也, 则 or 具体),
   由…组成, a colon, a dash or ", 即"; labels in “”, "", 「」 or none::

       “一核”指甲市中心城区。  “两翼”即乙县、丙县两县。  一核: 甲区。  “一心”——城市中心区
       一是做强一核, 即甲经开区。

2. **A run of tokens with 分别**: the parts are assigned in order::

       “一城一区”分别指甲市主城区和东部新区。   ->  一城 = 甲市主城区, 一区 = 东部新区

3. **The list before the label** (以…为, 将…作为)::

       以甲开发区为“一园”, 以乙片区、丙片区为“两区”。  将丁镇作为“一核”。

4. **A chain before the name**, whose own role words may differ from the name's, or right
   after it, one clause per token naming its role (以甲城区为核心; 以乙路、丙路为两条发展轴)::

       以主城区为核心, 以甲路、乙路为两轴的“一点两线”格局   ->  一点 = 主城区, 两线 = 甲路, 乙路

5. **Enumerations inside a definition**, when the head only describes, or right after the
   name, in token order (形成“两区一带”格局。第一, 甲区; 第二, 乙区; 第三, 丙带)::

       “三带”指三条生态廊道: 其一为甲河景观带; 其二为乙山绿化带。   (also 一是…二是…, (1)…, 1、…)

6. **Place lists**: a part defined as administrative units keeps its label as its name::

       “两翼”即甲县、乙县两个县级市   ->  one part, 两翼, with both counties as places

7. **A description** that names no place and no kind of space keeps the label as name::

       “一体”指市域核心板块, 由甲区、乙区组成   ->  一体, with 甲区 and 乙区 as places

8. **Nested definitions**: a part's own definition later in the body is its text::

       “两岸”: 东岸、西岸。东岸: 范围包括甲镇、乙镇。

9. **Anywhere in the plan**: a label belongs to the structure holding its tokens whose mention
   comes nearest before it (a structure named in 第一章 and defined in 第三章), else the nearest
   after. Parts a plan does not define are left out; the structure keeps what is there.

10. **A quoted label in prose**, with no marker: its parts are the names that hold the label's
    role word in the rest of its sentence, else in the next sentence: the objects of the verbs
    that follow (将/把 X 建设成为…, 推动 X、Y 联动), never what comes after a verb of aim
    (建设成为, 打造, 共建 …), which names a goal. A count of one takes the first such name; a
    larger count takes a sentence naming exactly that many::

        高标准建设“两园”, 将甲园科技城建设成为…, 把乙园基地打造成为“某某园”。
            ->  两园 = 甲园科技城, 乙园基地
        (二)守护“一湖”。协同推进丙湖流域治理…  ->  一湖 = 丙湖

    A label heading a numbered paragraph (2.修复“两岸”。…) whose text names none keeps its
    label as name, as a part defined by a description does. Labels of this form are read last:
    a token defined by any other form keeps that definition.

11. **A table**: a label in a cell, its parts in the next cell (``| 一核 | 甲中心城区 |``), the
    row being its text; or, in a table right after the name, parts named in the first cells,
    a row each, as many rows ending with a token's role as it counts (``| 甲·乙板块 | 丙县 |``);
    so also the titles of a numbered list right after the name (``2.乙片区。以…为范围``).

12. **Places sharing the last item's noun**: 甲、乙、丙产业板块 -> 甲产业板块, 乙产业板块,
    丙产业板块 (each item a unit's name, the last followed by a word of space).

13. **Parts in brackets inside the name**: “一核(甲县城)两翼(乙镇、丙镇)” is the structure 一核两翼.

Names are trimmed of the verbs and modifiers around them (做强, 串联…的) by
:func:`geoplan.extract._structures.clean_name`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise, takewhile

from geoplan import gazetteer
from geoplan.corpus import BULLETS
from geoplan.errors import GeoplanError
from geoplan.extract._common import admin_refs, region_short_name
from geoplan.extract._structures import (
    FEATURE_ROLES,
    NUMERALS,
    PLAIN_TOKEN,
    ROLE_SUFFIX,
    ROLES,
    TOKEN,
    RawComponent,
    clean_name,
    count_of,
    head_vote,
    is_role,
    strip_long_parens,
    tokens_of,
)

__all__ = ["define_components", "defined_tokens"]

# How far a definition's body reaches when no other label or heading ends it first.
BODY_CHARS = 1500
# Labels read in one plan, and mentions of one name searched for chains and counted nouns
# (bounds the time on hostile input: a name repeated 20,000 times).
MAX_LABELS = 2000
MAX_MENTIONS = 20
# Longest list held by one label before it (以…为“三区”).
BEFORE_CHARS = 80
# Longest line, up to the end of a name, that is read as a heading naming it (第二节 一心一带三区).
HEADING_CHARS = 24

_OPEN = "“\"「『‘'"
_CLOSE = "”\"」』’'"
# A full stop between a label and the word that defines it, where the label closes a short
# line of its own (一是“一核”。即甲城区; “三极”。指乙、丙、丁三市), not before a new sentence's
# verb (即将, 指导).
_STOP_THEN_DEFINED = r"。\s*(?=是指|即为|指的是|指|即)(?!即将|即使|指导|指出|指引)"
_MARK = (
    rf"(?:呢)?(?:[,，]\s*|{_STOP_THEN_DEFINED})?(?:就|也|则|具体|同样|仍然|仍)?"
    r"(?:分别(?:是|指|为)|依次(?:是|为)|主要(?:是|指|为|包括)|是指|即为|指的是|指|即|是|分为|为|包括"
    r"|按[^,，。;；:：]{1,10}?(?:划分为|分为)"  # 五组团按主导功能分为…
    # 三圈由内向外分为三个层次: the order the parts are listed in, then the verb
    r"|(?:由|自|从)[东南西北内外近远中]{1,2}(?:向|到|至|而|及|往)[东南西北内外近远中]{1,2}(?:依次|分别)?(?:划分为|分为|为|是)"
    # 五区按产业分工布置, 各区相对独立, 依次为: the label's sentence closes on its list
    r"|[^。;；:：\n“”\"]{2,30}?[,，]\s*(?:依次为|依次是|分别为|分别是)(?=\s*[:：]))"
    r"|(?:[,，]\s*)?由(?=[^。;；]{2,80}?(?:组成|构成))|[:：]|——|—|--|[(（]|\|"
    # “两区”的安排: 一是…: what the label holds, said as its arrangement or make-up, then a colon
    r"|的(?:具体)?(?:安排|构成|组成)(?:如下)?\s*[:：]"
    # “四区”按区位条件划分如下:\n甲地区:…: a clause closing on 如下, the parts on the lines below
    r"|[^。;；:：\n“”\"]{0,30}?如下\s*[:：](?=[ \t]*\n)"
    # 三园一是甲园;二是乙园;三是丙园: the label, then its parts counted as they are said
    # (三廊一是甲廊, 改善…;二是乙廊: each with what it does)
    r"|(?:呢)?[,，。]?\s*(?=一是[^,，。;；]{2,40}(?:[,，][^。;；]{0,120}?)?[;；,，。]\s*二是)"
    # 二大组群, 一个是甲组群, 另一个是乙组群: two parts, the one and the other, each in a clause
    # (一条是甲廊道, 沿南北方向…; 另一条是乙廊道: what each does after its name)
    r"|[,，]\s*(?=一(?:个|条|座|处|片)(?:是|为)[^。;；,，]{2,40}(?:[,，][^。;；]{0,60})?[,，;；]\s*"
    r"另一(?:个|条|座|处|片)(?:是|为))"
    # 由“二区二带”组成: and the list lines below it
    r"|(?:共同)?(?:组成|构成)(?=\s*[:：][ \t]*\n)"
    # “两轴”。第一条为甲轴; 第二条为乙轴: the label closing its line, its parts by ordinal
    r"|。\s*(?=第一(?:条|个|座|处|片)(?:为|是))"
    # the label, then what it centres on (一核, 以甲城为中心)
    r"|[,，]?\s*(?=以[^。;；,，]{2,30}?为(?:重要)?(?:中心|核心|主体|龙头|依托|枢纽|节点))"
    # the label, then some of its parts (四区中, 甲片区以…为特色, 乙片区以…; 两翼之中, 左翼为…;
    # 四组团中与本县相关的, 一是…: those that bear on the plan)
    r"|(?:之)?中(?:[^。;；,，:：“”\"\n]{1,12}的)?(?=[,，])"
)
_BOUNDARY = set("\n。;；:：,，、!！?？()（）|")
_ENUM = re.compile(
    r"(?:^|(?<=[\n。;；:：,，]))\s*"
    r"(?:其[一二三四五六七八九十]+(?:为|是)?|[一二三四五六七八九十]是|第[一二三四五六七八九十]+(?:[,，、]|(?![\u4e00-\u9fff]))"
    r"|第[一二三四五六七八九十]+(?:条|个|座|处|片)(?:为|是)"  # 第二条为甲轴
    r"|另?一(?:条|个|座|处|片)(?:是|为)"
    r"|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[0-9]{1,2}[、.](?![0-9])|[①②③④⑤⑥⑦⑧⑨⑩]"
    rf"|(?<![^\n])\s*[{BULLETS}]"  # a bullet only at a line's start (slides, Word lists)
    r"|(?<![^\n])[ \t]*[-*](?=[ \t])"  # or a Markdown list's - or * and a space
    # or a code naming the item, then a colon (1号中心:甲中心; A片区:乙片区), at a line's start
    r"|(?<![^\n])[ \t]*(?:[0-9]{1,2}号|[A-Z](?![A-Za-z]))[\u4e00-\u9fff]{0,4}[:：])\s*"
    r"(?P<item>[^,，;；。\n:：]{2,40})"
)
# 和/及/与 join two names, not the halves of one (太和, 柏林), quoted or not (“甲环”和“乙环”)
_LIST_SPLIT = re.compile(
    r"以及|、|\+|＋|(?<=[\u4e00-\u9fff\w)）”]{2})[和及与](?=[\u4e00-\u9fff\w(（“]{2})"
)
# The same, 及 left inside an item (甲物流及高科技产业组团 is one part's name).
_LIST_SPLIT_NOT_JI = re.compile(
    r"以及|、|\+|＋|(?<=[\u4e00-\u9fff\w)）”]{2})[和与](?=[\u4e00-\u9fff\w(（“]{2})"
)
# A list's marks alone, no conjunction (和/与/及 may join the halves of one name).
_MARK_SPLIT = re.compile(r"以及|、|\+|＋")
# A counted noun closing a list of places (两个县级市, 等内六区, 两市).
# A count: Chinese numerals, or digits that are no route number's (S209四条: 四).
_COUNT = rf"(?:[{NUMERALS}]+|(?<![A-Za-z0-9])[0-9]+)"
_COUNTED_TAIL = re.compile(
    rf"(?:等)?(?:共计|合计|共|这)?(?:{_COUNT}(?:个|座|条|大|处)?[\u4e00-\u9fff]{{0,8}}?"
    r"|县级市|县市区|县市|城市|市|县|区)?(?:[(（][^()（）]{1,4}[)）])?(?:共同组成|组成|构成)?$"
)
# A count and a noun closing a list, shared by its items (甲、乙两条经济带 -> 甲经济带, 乙经济带).
_SHARED_NOUN = re.compile(
    # (片 of an area before a noun of two: 甲、乙两片城区; not 两片区)
    rf"(?:等)?(?:共计|合计|共|这)?{_COUNT}(?:个|座|条|大|处|片(?=[\u4e00-\u9fff]{{2}}))"
    rf"(?P<noun>[\u4e00-\u9fff]{{1,8}}(?:和[\u4e00-\u9fff]{{2,8}})?)$"
)
# Words that end the name of a kind of space (a part's definition that ends with one is its
# name; one that does not only describes, and the label stays the name).
_SPACE_WORD = re.compile(
    r"(?:城区|城镇|新区|新城|园区|开发区|经开区|高新区|片区|组团|中心|走廊|廊道|通道|公园|街道|大道|城市群"
    r"|区域|地域"
    # a named line: the part is the road or railway (“一环”即甲乙高速)
    r"|高速|高速公路|铁路|高铁|城际|公路|快速路|国道|省道"
    # a named waterway, airport or station (“一干”就是甲水道; “一主”就是甲机场)
    r"|水道|航道|运河|机场|车站|站|绿道|碧道"
    # a courtyard (“一点”即方厅水院)
    r"|[江河湖山港湾镇区城带轴廊圈线路园谷岸院])$"
)


@dataclass
class _Label:
    start: int
    end: int  # end of the marker (or of the label, for a list before it)
    tokens: list[tuple[str, str]]
    text: str  # the label as written, without quotes
    form: str  # def | before | sides | chain | whole (a chain of a whole's parts, 由…组成)
    items: list[str] | None = None  # for "before", "sides" and "chain": the listed names


# Role words that are longer forms of another (五条发展轴线 counts the parts of 五轴).
_SAME_ROLE = {"轴线": "轴"}


def _norm_token(numeral: str, role: str) -> str:
    return ("两" if numeral == "二" else numeral) + role


def _norm_count(token: tuple[str, str]) -> tuple[int | None, str]:
    """A token by its count's value and its role (双轴, 两轴 and 二轴 alike)."""
    numeral, role = token
    return count_of(numeral), _SAME_ROLE.get(role, role)


def _token_key(tokens: list[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(_norm_token(n, r) for n, r in tokens)


def _runs(tokens: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    key = _token_key(tokens)
    return [key[i:j] for i in range(len(key)) for j in range(i + 1, len(key) + 1)]


def _top_split(text: str, sep: re.Pattern) -> list[str]:
    """Split at ``sep`` outside brackets and quotes inside an item (实施“北跨、东扩”的战略: one
    item; a quote opening the text holds the list: “甲镇+乙镇”).

    >>> _top_split("实施“北跨、东扩”的战略、甲轴(乙、丙)", re.compile("、"))
    ['实施“北跨、东扩”的战略', '甲轴(乙、丙)']
    """
    out, depth, last = [], 0, 0
    i = 0
    lead = len(text) - len(text.lstrip())
    while i < len(text):
        ch = text[i]
        if ch in "(（" or (ch in "“「『" and i > lead):
            depth += 1
        elif ch in ")）”」』":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = sep.match(text, i)
            if m and m.end() > i:
                out.append(text[last:i])
                last = i = m.end()
                continue
        i += 1
    out.append(text[last:])
    return [p.strip() for p in out if p.strip()]


def _head(body: str, *, bracket: bool) -> str:
    """A definition's head: up to the first sentence stop (or the closing bracket)."""
    depth = 1 if bracket else 0
    for i, ch in enumerate(body):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            if bracket and depth == 0:
                return body[:i]
        elif ch in "。;；\n|" and depth == 0:  # | ends a table cell
            return body[:i]
    return body


# The built-up area of a unit, which stands for the unit in a list of places (甲县城区).
_URBAN_AREA = re.compile(r"(?:主城区|中心城区|老城区|城区中心|城区|县城|市区)")


# (also by its rank in a region: 都市圈的中心城市甲市, 中心城市乙市)
_SEAT_TITLE = re.compile(
    r"^(?:州府|省会|首府|市府|县府|地府|(?:[\u4e00-\u9fff]{2,4}的)?(?:副)?中心城市)"
)


def _is_place_item(item: str, *, urban: bool = False) -> bool:
    """Whether an item names an administrative unit, with at most a counted noun after it
    (乙县, 丙县两个县级市, 甲区等内六区); with ``urban``, also a unit's built-up area (丁县城区),
    which stands for its unit in a list of several (one alone is a part of its own name)."""
    asides = re.findall(r"[(（]([^()（）]+)[)）]", item)
    if urban and asides and all(_is_group(_top_split(a, _LIST_SPLIT)) for a in asides):
        return True  # a group named for its units: 甲乙新城(甲市、乙县)
    item = strip_long_parens(item).strip()
    item = _SEAT_TITLE.sub("", item)  # 州府甲市: the unit, called by what it is the seat of
    for cut in range(len(item), 1, -1):
        tail = _URBAN_AREA.match(item, cut) if urban else None
        rest = item[tail.end() :] if tail else item[cut:]
        if _COUNTED_TAIL.fullmatch(rest) and _unit_name(item[:cut]):
            return True
    return False


def unit_chain(item: str) -> bool:
    """Whether an item is a chain of units a corridor runs through (甲—乙—丙—丁), which
    defines one part as the units it holds; chains listed (甲—乙、丙—丁) are parts each.

    >>> unit_chain("岳阳—长沙—株洲—衡阳"), unit_chain("岳阳—长沙发展轴"), unit_chain("岳阳")
    (True, False, False)
    """
    chain = re.split("[—–]+", strip_long_parens(item).strip())
    return len(chain) > 1 and all(_unit_name(c) for c in chain)


def _unit_name(name: str) -> bool:
    """Whether a name is an administrative unit's, in Hunan or, in full or without its 市,
    elsewhere in China (荆州), or by its short name in the province a plan outside Hunan is
    read in (富民 in 昆明's plan)."""
    if gazetteer.lookup(name) or region_short_name(name):
        return True
    for full in dict.fromkeys((name, name + "市")):
        try:
            found = gazetteer.match(full, scope="china")
        except GeoplanError:
            return False
        if len(found) == 1 and (found[0].start, found[0].end) == (0, len(full)):
            return True
    return False


# A list closed by 等 and a kind of town or village (甲、乙等城郊镇): examples of a kind.
_TOWNS_ETC = re.compile(r"等[\u4e00-\u9fff]{0,4}?(?:乡镇|集镇|城镇|重点镇|中心镇|镇|乡|街道|村)$")


# What qualifies a whole list before its first item (紧邻中心城区的甲县、乙县).
_GROUP_QUALIFIER = re.compile(r"^[^、,，的]{2,16}的(?=[\u4e00-\u9fff]{2})")


def _is_group(parts: list[str]) -> bool:
    """Whether a list names one group of places rather than parts of their own: units
    (甲县、乙县两市), the built-up areas of several units (甲城区、乙城区两个副中心) or kinds
    of place (国家级新区、特色园区). Such a part is named by its label. A qualifier before the
    first (南部山区的甲县、乙县) qualifies them all. National corridors by their codes (沪昆、
    杭瑞两大横向通道) are parts, each a line."""
    urban = len(parts) > 1
    if urban:
        parts = [_GROUP_QUALIFIER.sub("", parts[0]), *parts[1:]]
    if len(parts) > 1 and _TOWNS_ETC.search(parts[-1]):
        return True  # 甲、乙、丙等城郊镇: towns named as examples of a kind
    if len(parts) >= 4:
        # 甲、乙、丙三市和丁新城五大中心城市: units with one other place among them
        cleaned = [clean_name(_COUNTED_TAIL.sub("", p)) or p for p in parts]
        others = [p for p in cleaned if not _is_place_item(p)]
        if len(others) == 1 and others[0].endswith(("新城", "新区", "城区")):
            return True
    if len(parts) == 1 and unit_chain(parts[0]):
        return True  # “一纵”: 甲—乙—丙—丁
    return bool(parts) and (
        all(_is_place_item(p, urban=urban) for p in parts) or _generic_list(parts)
    )


# A description of a part by what it is made of (…与甲县共同组成的都市核心区域) or takes in
# (包括甲城区、乙新区在内的主区域).
_MADE_OF = re.compile(r"(?:组成|构成|在内)的[\u4e00-\u9fff]{2,8}$")
# A token written with a measure word and a qualifier (两条生态景观带), and a predicate that
# says what such parts are for in the whole (是全区重要的生态屏障): a description, no names.
_QUALIFIED_MENTION = re.compile(rf"[{NUMERALS}](?:条|个|座|处|大)[\u4e00-\u9fff]{{3,}}")
_WHAT_FOR = re.compile(r"[^,，。;；]{0,6}?(?:重要|主要|关键)的")
# One part said to be made of several things (“一环”由甲路、乙线和丙线共同构成): one part, named by
# its label.
_MADE_OF_LISTED = re.compile(
    r"^由?[^,，。;；由]{2,40}?[、和及与][^,，。;；由]{2,40}?(?:共同)?(?:组成|构成)$"
)
# One item that lists several things and counts them (东、西两条廊道): several things under one
# label, named by it.
_LIST_COUNTED = re.compile(
    rf"[、和及与][^、,，。;；]{{1,12}}?[{NUMERALS}](?:个|条|座|处|大)[\u4e00-\u9fff]{{1,6}}$"
)
# One thing made of the items listed before it (由甲城区和乙区共同构成的城市副中心).
_MADE_OF_ONE = re.compile(r"由[^,，。;；由]{2,40}?(?:共同)?(?:组成|构成)的[\u4e00-\u9fff]{2,8}$")
_ACTION_LEAD = re.compile(
    r"(?:大力|全力|着力|积极|全面|持续|努力)?"
    r"(?:加快|推进|推动|打造|构建|建设|依托|形成|发挥|支持|做强|做大|提升|促进"
    r"|(?:环绕|围绕)[^,，。;；]{2,12}?布局)"  # 环绕甲湖布局乙业: what is laid out round it
)


# What a place is to do or be for the whole (充分发挥甲城市群的核心引擎和辐射带动作用): a role
# played, said of the part, not its name.
_PLAYS_ROLE = re.compile(
    r"(?:充分|更好|积极|全面)?发挥[^。;；]{2,40}?(?:作用|功能|效应|优势)(?:[,，]|$)"
)


# A road's or railway's name, or its section's (甲高速, 乙铁路湖南段), and the route number
# that may lead it (G4, S31).
_LINE_NAME = re.compile(r"(?:高速|高速公路|铁路|高铁|国道|省道|快速路)(?:[\u4e00-\u9fff]{1,4}段)?$")
_LINE_CODE = re.compile(r"^[GS]\d{1,4}")


# A route told by its ends before a 的 (甲至乙的…通道), or by the places it strings (甲—乙—丙一线):
# a description, no name.
_ENDS_TOLD = re.compile(r"[至到][\u4e00-\u9fff]{1,12}的|[—–－-][^—–－-]{1,24}一(?:线|带)$")


def _joined_spaces(item: str, numeral: str, role: str) -> bool:
    """Whether one counted part is defined as two or more areas joined (“一主”即甲区域和乙新城;
    “一核”——县城新、老城区与甲镇): a group, named by its label (not 沿甲江和乙江的城镇发展轴:
    one name of the role). An item sharing the next one's noun (新、老城区) is an area too."""
    if count_of(numeral) != 1 or "的" in item:
        return False
    if clean_name(item).endswith((*ROLE_SUFFIX.get(role, ()), role)):
        return False
    pieces = [clean_name(p) for p in _top_split(strip_long_parens(item), _LIST_SPLIT)]
    return len(pieces) > 1 and all(
        p.endswith(_AREA_ENDS)
        or (i + 1 < len(pieces) and (p + pieces[i + 1][1:]).endswith(_AREA_ENDS))
        for i, p in enumerate(pieces)
    )


# What names an area a part may be made of: a built-up area, a new town, a town.
_AREA_ENDS = ("区域", "城区", "新城", "新区", "古城", "县城", "片区", "镇", "乡", "街道")


def _name_like(item: str, role: str) -> bool:
    """Whether a one-part definition is the part's name (甲经开区, 城市中心区) rather than a
    description (市域核心板块)."""
    bare = strip_long_parens(item)
    if _ACTION_LEAD.match(bare):
        return False  # 加快推进甲乙一体化: what to do there, not a name
    if role in bare or bare.endswith(ROLE_SUFFIX.get(role, ())):
        return True
    if role == "心" and bare.endswith("核"):
        return True  # 一心为中央商务核: a core names a centre as well
    return bool(_SPACE_WORD.search(bare)) or bool(admin_refs(bare))


def _feature_of_role(name: str, role: str) -> bool:
    """Whether a name is a feature of a feature role's kind (沅江 for 江, 韶山 for 山), which a
    unit's name may share (沅江市, 韶山市).

    >>> _feature_of_role("沅江", "江"), _feature_of_role("沅江", "核")
    (True, False)
    """
    return role in FEATURE_ROLES and name.endswith(role)


# Where a part lies, said before its name (位于甲、乙两区之间的丙山, 地跨甲乙两县的丙湖).
_LIES_IN = re.compile(r"^(?:位于|地处|地跨|横跨|跨越|坐落于)[^的。;；]{2,30}的[\u4e00-\u9fff]{2}")


def _aside_names_places(item: str) -> bool:
    """Whether a bracketed aside in an item names units (甲市主城区(跨乙区、丙区两区)), or the
    words before its 的 that its name drops (湘乡市的水府庙蓝色休闲旅游农业板块: where it lies).

    >>> _aside_names_places("湘乡市的水府庙蓝色休闲旅游农业板块"), _aside_names_places("甲板块")
    (True, False)
    >>> _aside_names_places("位于万州、开州两区之间的铁峰山")
    True
    """
    if any(admin_refs(a) for a in re.findall(r"[(（]([^()（）]+)[)）]", item)):
        return True
    if _LIES_IN.match(item):
        return True  # 位于甲、乙两区之间的丙山: where it lies, by the plan's own names
    name = clean_name(item)
    lead = item.rsplit("的", 1)[0] if "的" in item and name != item else ""
    return bool(lead) and bool(admin_refs(lead))


def _bullet_run(body: str) -> int:
    """How many lines under one bullet open ``body`` before a line of another kind (■ 两山 /
    ● 甲山 / ● 乙山 / ■ 一心: two under ●)."""
    n = 0
    first = ""
    for line in body.lstrip(" :：\n").split("\n"):
        mark = line.strip()[:1]
        if mark in "-*" and line.strip()[1:2] not in (" ", "\t"):
            break  # (a Markdown item is its mark and a space)
        if (mark not in BULLETS and mark not in "-*") or (first and mark != first):
            break
        first = mark
        n += 1
    return n


def _enumerated(body: str) -> list[str]:
    r"""The items of a counted list, up to the first item counted another way (a list of 一条是…
    ends where the next section's (三) begins).

    >>> _enumerated("一条是甲轴;一条是乙轴。\n\n(三)丙区。")
    ['甲轴', '乙轴']
    """
    items = []
    kind = None
    last = 0
    first = ""
    for m in _ENUM.finditer(body):
        head = body[m.start() : m.start("item")].strip()
        this = re.sub(
            r"[一二三四五六七八九十0-9①-⑩]+|(?<![A-Za-z])[A-Z](?![A-Za-z])", "N", head.lstrip("另")
        )
        if kind is not None and this != kind:
            break
        if (
            items
            and head == first
            and re.search(r"[一二三四五六七八九十0-9①-⑩]", head)
            and not re.search(r"[条个座处片]", head)
        ):
            break  # counted again from its first (一是… again): another list begins
        if kind is None:
            first = head
        if kind is not None and this[:1] in f"-*{BULLETS}":
            # a list of bullets ends at a line that is none of its items (…\n**第5条…)
            between = body[last : m.start()].split("\n")[1:]
            if any(line.strip() for line in between):
                break
        kind = this
        last = m.end()
        items.append(m.group("item"))
    return items


def _modifier_lists_joined(
    parts: list[str], k: int, suffixes: tuple[str, ...], *, source: str = ""
) -> list[str]:
    """A list of more items than its count whose items of the role's kind are ``k``, when each
    other item runs on into a modifier of the next (甲镇、乙镇一带的丙板块: a list inside one
    item, before its 的) or is a short phrase of no place or space that the next name goes on
    from (山水生态、休闲度假旅游带: one name with a list mark of its own): the items joined back
    to ``k``, as ``source`` (the text the list was split from) writes them where it is given
    (甲与乙服务核心, not 甲、乙服务核心); else the list as it is.

    >>> _modifier_lists_joined(["甲板块", "乙镇", "丙镇一带的丁板块"], 2, ("板块",))
    ['甲板块', '乙镇、丙镇一带的丁板块']
    >>> _modifier_lists_joined(["甲板块", "乙镇", "丁板块"], 2, ("板块",))
    ['甲板块', '乙镇', '丁板块']
    >>> _modifier_lists_joined(["文化旅游带", "山水生态", "休闲度假旅游带构成"], 2, ("带",))
    ['文化旅游带', '山水生态、休闲度假旅游带']
    >>> _modifier_lists_joined(["甲贸易", "乙服务核心"], 1, ("核心",), source="甲贸易与乙服务核心")
    ['甲贸易与乙服务核心']
    """
    out: list[str] = []
    pending: list[str] = []
    at = 0  # where in ``source`` the next item is looked for
    for part in parts:
        pending.append(part)
        name = _MADE_OF_END.sub("", clean_name(part))
        if name.endswith(suffixes):
            phrases = all(
                len(p) <= 4 and not _SPACE_WORD.search(p) and not _PLACE_NAME_END.search(p)
                for p in pending[:-1]
            )
            if len(pending) > 1 and "的" not in part and not phrases:
                return parts  # no modifier holds the list: items of another kind
            last = _MADE_OF_END.sub("", part)
            start = source.find(pending[0], at) if source else -1
            end = source.find(last, start) if start != -1 else -1
            if end != -1:
                out.append(source[start : end + len(last)])
                at = end + len(last)
            else:
                out.append("、".join([*pending[:-1], last]))
            pending = []
    return out if not pending and len(out) == k else parts


# The verb closing a list of parts (…甲带和乙带构成): not part of the last name.
_MADE_OF_END = re.compile(r"(?:共同)?(?:组成|构成)$")


def _places_joined(parts: list[str], suffixes: tuple[str, ...]) -> list[str]:
    """Names of the role's kind, each with the short items before it joined on (places that
    qualify it: 甲、乙山地旅游带); [] when an item of another kind is long or ends the list.

    >>> _places_joined(["北部青龙", "抚宁山地旅游带", "滨海度假带"], ("带",))
    ['北部青龙、抚宁山地旅游带', '滨海度假带']
    """
    out: list[str] = []
    pending: list[str] = []
    for part in parts:
        pending.append(part)
        if clean_name(part).endswith(suffixes):
            out.append("、".join(pending))
            pending = []
        elif len(clean_name(part)) > 4 or "的" in part:
            return []  # (a place is short: a longer item describes, 借甲的乙特色)
    return [] if pending else out


# A name in quotes, whole.
_QUOTED_ITEM = re.compile(r"\s*[“「『][^“”「」『』]{2,16}[”」』]\s*")


def _shared_noun(parts: list[str]) -> list[str]:
    """Give every item of a list the noun its last item carries after a count (甲、乙、丙
    三条经济带 -> 甲经济带, 乙经济带, 丙经济带); items of a group of places keep their names
    (:func:`_is_group`)."""
    if parts and _QUOTED_ITEM.match(parts[0]):
        # “甲”、“乙”、“丙”三个特色区段: quoted names are names of their own
        last = _SHARED_NOUN.search(_MADE_OF_END.sub("", parts[-1]))
        items = [*parts[:-1], parts[-1][: last.start()] if last else parts[-1]]
        names = [p.strip()[1:-1] for p in items]
        if all(_QUOTED_ITEM.fullmatch(p) for p in items) and not any(
            _TOKEN_SPAN.search(n) for n in names
        ):  # (not labels: “四心”和“多廊道”)
            return names
    m = _SHARED_NOUN.search(parts[-1]) if parts else None
    if not m:
        return _shared_tail(parts)
    if len(parts) == 1:
        return [parts[0][: m.start()]] if m.start() else parts  # 甲城区一个主中心 -> 甲城区
    items = [*parts[:-1], parts[-1][: m.start()]]
    if _is_group(items):
        return items
    if len(items[-1]) > 4 and _ALONG.search(items[-1]):
        # 沿甲、乙、丙通道的三大经济带: the items are the corridors the parts run along
        items = [re.sub(r"^沿", "", p) for p in items[:-1]] + [_ALONG.sub("", items[-1])]
    noun = m.group("noun")
    if _ORIENTED.match(noun) and not any(_DIRECTION.fullmatch(p.strip()) for p in items):
        # 甲、乙两条南北向线路: the noun tells which way named lines run (北部、南部两条横向
        # 通道 are named by it)
        return items
    # the noun names the items that carry none of their own (甲、乙两条发展轴); an item that
    # carries a word of space keeps its name (甲经济区, 乙居住区三个居住区 -> 乙居住区)
    own = [len(p) >= 3 and bool(_SPACE_WORD.search(p)) for p in items]
    if own[-1] and not items[-1].endswith(noun):
        # 甲、乙、丙经济带四大发展轴: the bare items share the last item's own noun (经济带)
        kind = re.search(r"(?:经济|发展|产业|生态|文化|旅游|城镇)?[\u4e00-\u9fff]$", items[-1])
        noun = kind.group() if kind else noun
        # 环洞庭湖 -> 环洞庭湖经济带; an item with a word of space of its own keeps its name
        own = [o or p.endswith(noun[-1]) for p, o in zip(items, own, strict=True)]
    return [
        p if p.endswith(noun) or o or _full_unit(p) else p + noun  # a unit named in full: itself
        for p, o in zip(items, own, strict=True)
    ]


# A shared noun that tells which way the items run (两条南北向线路, 两大横向通道).
_ORIENTED = re.compile(r"(?:纵向|横向|南北向|东西向|南北走向|东西走向|放射状?)")

# What closes the last of a list of corridors the parts run along (…丙通道的, …丁沿线的).
_ALONG = re.compile(r"(?:通道|走廊|沿线|铁路|高铁|高速)的$")


def _full_unit(item: str) -> bool:
    """Whether an item is a unit written in full (甲区, 乙市), not a short name (洞口 of
    洞口工业园)."""
    bare = clean_name(item)
    return bare.endswith(("市", "县", "区", "州")) and _is_place_item(bare)


_DIRECTION = re.compile(r"(?:东北|东南|西北|西南|东|西|南|北|中)部?")


def _shared_tail(parts: list[str]) -> list[str]:
    """Give bare place names the noun the last item carries after its own place (甲、乙、丙县
    产业板块 written 甲、乙、丙产业板块 -> 甲产业板块, 乙产业板块, 丙产业板块), and so bare
    directions (北部、中部、南部片区 -> 北部片区, 中部片区, 南部片区)."""
    if len(parts) >= 2 and all(_DIRECTION.fullmatch(p.strip()) for p in parts[:-1]):
        head = _DIRECTION.match(parts[-1].strip())
        noun = parts[-1].strip()[head.end() :] if head else ""
        noun = re.sub(rf"^[{NUMERALS}]+(?:个|条|大|座|处)?", "", noun)  # 东、西两翼 -> 翼
        if noun and head:
            return [p.strip() + noun for p in [*parts[:-1], head.group()]]
    if len(parts) < 2 or not all(0 < len(p) <= 4 and gazetteer.lookup(p) for p in parts[:-1]):
        return parts
    last = parts[-1]
    for cut in range(min(4, len(last) - 2), 1, -1):
        noun = last[cut:]
        spatial = _SPACE_WORD.search(noun) or noun.endswith("板块")
        if gazetteer.lookup(last[:cut]) and spatial and len(noun) >= 2:
            return [p + noun for p in parts[:-1]] + [last]
    return parts


def _named_after_wei(body: str) -> list[str]:
    """The names that the clauses of a sentence give after 为 (北部中心为甲景区, …; 南部中心为乙
    景区), each a name of a place, or none. A line closed by a semicolon goes on into the next,
    as in :func:`_named_clauses`."""
    out = []
    for clause in re.split(r"[;；]", re.split(r"。|(?<![;；])\n", body, maxsplit=1)[0]):
        m = re.match(r"\s*[^,，;；为]{0,14}?为([^,，;；(（]{2,24})", clause)
        name = clean_name(m.group(1)) if m else ""
        if not name or not _SPACE_WORD.search(name) or len(name) > 16:
            return []
        out.append(name)
    return out


def _named_clauses(
    body: str, suffixes: tuple[str, ...] | None, *, lead: str = r"[:：]"
) -> list[str]:
    """Names that head the clauses of a definition, each before a colon (甲发展轴: 沿…;
    乙发展轴: 沿…), or before ``lead`` (a comma, after a list opened by a colon), each ending
    with one of ``suffixes`` (``None``: with a word of space). A line closed by a semicolon
    goes on into the next (the list wrapped, or set a clause a line)."""
    sent = re.split(r"。|(?<![;；])\n", body, maxsplit=1)[0]
    out = []
    for clause in re.split(r"[;；]", sent):
        m = re.match(rf"\s*([^:：,，]{{2,20}})(?:{lead})", clause)
        name = clean_name(m.group(1)) if m else ""
        if not name or not (name.endswith(suffixes) if suffixes else _SPACE_WORD.search(name)):
            return []
        out.append(m.group(1))
    return out


# A definition that asks what the label is (“一主”指哪里? 什么是…): a question, answered later.
_QUESTION = re.compile(r"\s*(?:哪里|哪儿|哪些|哪个|什么|何处|是什么|怎样)[?？呢]?\s*$|.*[?？]\s*$")

# What a clause led by a part's name goes on with: where its work lies (甲组团重在…).
_FOCUS_VERB = r"重在|重点|主要|着力|侧重|突出|承担|定位为|以"


def _verb_led_clauses(body: str, suffixes: tuple[str, ...]) -> list[str]:
    """Names of the role's kind that open the clauses of a definition's first sentence, each
    before a verb of its focus (甲组团重在城市更新和…, 乙组团重在…); clauses that open
    otherwise are passed over.

    >>> _verb_led_clauses("甲组团重在更新和补短板,乙组团重在提升。其余", ("组团",))
    ['甲组团', '乙组团']
    """
    ends = "|".join(map(re.escape, sorted(suffixes, key=len, reverse=True)))
    sent = re.split(r"[。\n|]", body.lstrip(" :："), maxsplit=1)[0]
    out = []
    for clause in re.split(r"[,，;；]", sent):
        m = re.match(rf"\s*([^\s、,，:：]{{1,16}}?(?:{ends}))(?:{_FOCUS_VERB})", clause)
        if m:
            out.append(m.group(1))
    return out


# A kind of place, not a named one: 国家级新区, 特色园区, 各县城, 重点镇.
_GENERIC = re.compile(
    r"(?:国家级|省级|市级|县级|重点|特色|各类|各|一批|若干|其他|其余|高新技术|经济技术|现代|新型"
    r"|产业|工业|物流|旅游|农业)*"
    r"(?:新区|开发区|园区|产业园|城镇|小城镇|县城|县市城区|城区|中心镇|乡镇|集镇|小镇|重点镇|建制镇"
    r"|镇|村|集中区|基地)"
)


def _generic_list(parts: list[str]) -> bool:
    """Whether a list of two or more items names kinds of places only (国家级新区、特色园区),
    or one item a kind of place or a counted group of units (市域内的各类农业基地,
    其他四个乡镇)."""
    if len(parts) == 1:
        bare = clean_name(parts[0]).rsplit("的", 1)[-1]
        plural = re.match(r"各类|各|一批|若干|其他|其余|多个", bare)  # 县城 alone is one place
        return bool((plural and _GENERIC.fullmatch(bare)) or _COUNTED_GROUP.search(bare))
    return len(parts) >= 2 and all(_GENERIC.fullmatch(clean_name(p)) for p in parts)


# A group of units described by their count (其他四个乡镇, 两个县级市).
_COUNTED_GROUP = re.compile(
    rf"[{NUMERALS}0-9]+个?(?:乡镇|镇|乡|街道|县市区|县市|县级市|县|区|城镇|片区)$"
)


_COUNTED_COLON = re.compile(
    rf"\s*[^:：;；。\n]{{0,6}}?[{NUMERALS}](?:个|条|大|座|片|处)?[\u4e00-\u9fff]{{1,8}}[:：]"
)


def _counted_colon_items(body: str, k: int | None, suffixes: tuple[str, ...]) -> list[str]:
    """The names opening the clauses after a counted kind and a colon, one clause each (三个
    副中心: 甲副中心位于乙区, 由…组成; 丙副中心…; 丁副中心…).

    >>> body = "三个副中心:甲副中心位于乙区;丙副中心由丁组成;戊副中心。"
    >>> _counted_colon_items(body, 3, ("副中心",))
    ['甲副中心', '丙副中心', '戊副中心']
    """
    m = _COUNTED_COLON.match(body)
    if m is None or not k or k < 2:
        return []
    sent = re.split(r"[。\n]", body[m.end() :], maxsplit=1)[0]
    lead = re.compile(rf"\s*([\u4e00-\u9fff]{{1,16}}?(?:{'|'.join(map(re.escape, suffixes))}))")
    out = []
    for clause in re.split(r"[;；]", sent):
        n = lead.match(clause)
        if n is None:
            return []
        out.append(n.group(1))
    return out if len(out) == k else []


def _semicolon_heads(body: str, k: int | None, suffixes: tuple[str, ...]) -> list[str]:
    """The names of the role that open the ``k`` clauses, apart by semicolons, of the sentence
    ``body`` opens (“三组团”中，甲组团重点…；乙组团（今丙城区）着力…；丁组团依托…), or [] unless
    every clause opens with one.

    >>> _semicolon_heads("，甲组团重点提升枢纽功能；乙组团（今丙城区）着力发展商贸。", 2, ("组团",))
    ['甲组团', '乙组团']
    """
    if not k or k < 2:
        return []
    alt = "|".join(map(re.escape, sorted(suffixes, key=len, reverse=True)))
    lead = re.compile(rf"\s*([\u4e00-\u9fff]{{1,10}}?(?:{alt}))(?:[(（][^()（）]{{1,12}}[)）])?")
    sentence = re.split(r"。", body.lstrip(",， "), maxsplit=1)[0]
    heads = [m.group(1) for c in re.split(r"[;；]", sentence) if (m := lead.match(c))]
    if len(heads) != k or len(re.split(r"[;；]", sentence)) != k:
        return []
    return [] if any(_TOKEN_SPAN.match(h) for h in heads) else heads


def _clause_leads(head: str, k: int | None, suffixes: tuple[str, ...]) -> list[str]:
    """The names of the role that open the clauses of ``head``, up to the first clause that
    opens with none, at most ``k`` (甲片区以…为特色, 乙片区以…为特色, 其余片区… -> 甲片区, 乙片区).

    >>> _clause_leads(",甲片区以养生为特色,乙片区以创新为特色,其余片区另行规划", 4, ("片区",))
    ['甲片区', '乙片区']
    """
    lead = re.compile(rf"\s*([\u4e00-\u9fff]{{1,12}}?(?:{'|'.join(map(re.escape, suffixes))}))")
    out = []
    for clause in re.split(r"[,，]", head.lstrip(",，")):
        n = lead.match(clause)
        if n is None or n.group(1).startswith(("其余", "其他", "其它", "各")):
            break
        if _TOKEN_SPAN.match(n.group(1)):
            break  # 两翼与核心相互支撑: the label again, no part
        named = re.match(r"(?:为|是)([\u4e00-\u9fff]{2,20})$", clause[n.end() :])
        # 左翼为甲产业带: the part is what the side is
        out.append(clean_name(named.group(1)) if len(n.group(1)) <= 2 and named else n.group(1))
    return out if out and (k is None or len(out) <= k) else []


# A list closed by a count of things that in turn qualify the parts (…三大通道建设的经济发展带).
# The count closes the last item (丙三大通道), unlike a part counted on its own (两条东西向的乙轴).
# A list closed by its count and kind (东西向和东南向的两条发展轴线): how they all run.
_COUNTED_ALL = re.compile(rf"的([{NUMERALS}])(?:个|条|大|座|片|处)[\u4e00-\u9fff]{{1,8}}$")
_QUALIFYING_COUNT = re.compile(
    rf"^[\u4e00-\u9fff]{{2,8}}?[{NUMERALS}](?:个|条|大|座|片|处)[\u4e00-\u9fff]{{1,10}}?的[\u4e00-\u9fff]"
)


# A list introduced inside a definition's sentence, its items apart by semicolons or commas
# (…, 五条主要轴线分别为甲轴; 乙轴; 丙轴。).
_INNER_LIST = re.compile(r"(?:分别为|分别是|依次为|依次是)[:：]?")


def _joined_names(piece: str, suffixes: tuple[str, ...]) -> list[str]:
    """A list item split at 和/与/及 when each half is a name of the role (甲圈层和乙圈层), else
    whole: the conjunction is inside one name (甲度假与乙文化体验轴).

    >>> _joined_names("甲圈层和乙圈层", ("圈层",)), _joined_names("滨水度假与文化体验轴", ("轴",))
    (['甲圈层', '乙圈层'], ['滨水度假与文化体验轴'])
    """
    parts = _top_split(piece, _LIST_SPLIT)
    if len(parts) > 1 and not all(clean_name(p).endswith(suffixes) for p in parts):
        return [piece]
    return parts


def _inner_list(body: str, k: int | None, suffixes: tuple[str, ...]) -> list[str]:
    """The items after 分别为 in the first sentence of ``body``, when they fill the count.

    >>> _inner_list("以一核为中心,三条轴线分别为甲轴;乙发展轴;丙轴。其余", 3, ("轴",))
    ['甲轴', '乙发展轴', '丙轴']
    """
    sent = re.split(r"[。\n]", body, maxsplit=1)[0]
    m = _INNER_LIST.search(sent)
    if m is None:
        return []
    items = [
        re.sub(r"^(?:[①②③④⑤⑥⑦⑧⑨⑩]|[0-9]{1,2}[.、．]|[(（][0-9]{1,2}[)）])", "", i.strip())
        for piece in re.split(r"[;；、,，]", sent[m.end() :])
        for i in _joined_names(piece, suffixes)  # (…、乙圈层和丙圈层: the last two by 和)
        if i.strip()
    ]
    filled = (k is None and len(items) >= 2) or len(items) == k
    if filled and all(
        clean_name(i).endswith(suffixes) and _name_len(clean_name(i)) <= 20 for i in items
    ):
        return items
    # the token's count of names of a kind of space after 分别为 and a colon (“四片”是四大区域,
    # 分别为:甲主产区,乙发展区,…): the colon opens the list, whatever the role word
    if (
        k
        and len(items) == k
        and m.group().endswith((":", "："))
        and all(_SPACE_WORD.search(clean_name(i)) and _name_len(clean_name(i)) <= 20 for i in items)
    ):
        return items
    return []


def _counted_names(parts: list[str], k: int | None) -> list[str]:
    """The names of a list whose items count how many of each there are, the counts adding up
    to the token's (“五片”包括三个甲居住片区、一个乙酒店区,以及丙保护片区: 3 + 1 + 1): each name
    once, as the plan gives it.

    >>> _counted_names(["三个甲居住片区", "一个乙酒店区", "以及东侧的丙保护片区"], 5)
    ['甲居住片区', '乙酒店区', '丙保护片区']
    """
    if not k or len(parts) < 2 or len(parts) >= k:
        return []
    names, total, counted = [], 0, False
    for part in parts:
        name = clean_name(part)
        m = re.match(rf"^([{NUMERALS}]{{1,2}})(?:个|条|处|座|片)(?=[\u4e00-\u9fff]{{2}})", name)
        if m and count_of(m.group(1)):
            total, counted, name = total + count_of(m.group(1)), True, name[m.end() :]
        else:
            total += 1
        names.append(name)
    if counted and total == k and all(_SPACE_WORD.search(n) and len(n) <= 16 for n in names):
        return names
    return []


def _semicolon_names(body: str, k: int | None, suffixes: tuple[str, ...]) -> list[str]:
    """The names of a definition's first sentence when it is its count of names of space apart
    by semicolons and nothing else (“三线”分别为:甲线路;乙观光线;丙精品线。).

    >>> _semicolon_names(":甲乡村旅游线路;乙生态观光线;丙精品线。其余", 3, ("线",))
    ['甲乡村旅游线路', '乙生态观光线', '丙精品线']
    >>> _semicolon_names(":甲线,串联乙镇;丙线;丁线。", 3, ("线",))
    []
    >>> _semicolon_names("为两条经济带,包括:甲经济带;乙经济带,后者串联丙、丁。", 2, ("带",))
    ['甲经济带', '乙经济带']
    """
    sent = re.split(r"[。\n]", body.lstrip(" :："), maxsplit=1)[0]
    # (为四条经济带,包括: 甲带;乙带;丙带;丁带,后者串联…: a description of them all before a
    # colon, a clause on the last after a comma)
    led = re.match(r"[^:：;；]{2,20}[:：]", sent)
    items = _top_split(sent[led.end() :] if led else sent, re.compile(r"[;；]"))
    if led and items:
        items[-1] = re.split(r"[,，]", items[-1], maxsplit=1)[0]
    names = [clean_name(c) for c in items]
    if k is None or k < 2 or len(names) != k or any(re.search(r"[,，、]", c) for c in items):
        return []
    if all(
        (n.endswith(suffixes) or _SPACE_WORD.search(n)) and 2 < _name_len(n) <= 20 for n in names
    ):
        return names
    return []


# A verb of making a place, before the name of what it makes (依托甲路打造乙发展轴).
_MAKING = re.compile(r"(?:打造|建设|构建|形成|培育|建成|做强|壮大)")
# A verb after the name opening a clause, saying what the place does (甲片区突出…, 乙片区推动…).
_CLAUSE_VERB = re.compile(
    r"(?:突出|推动|推进|加快|重点|依托|着力|主要|围绕|承担|集聚|聚焦|强化|提升|发挥|定位|位于|以"
    r"|建设|打造|发展|布局)"
)


def _clause_names(body: str, k: int | None, suffixes: tuple[str, ...]) -> list[str]:
    """The names of a definition's first sentence when it is its count of clauses apart by
    semicolons, each naming one part of the role's kind: the name opening the clause (甲片区
    突出…; 乙片区推动…), else the one a verb of making governs (东西方向上, 依托甲路打造乙发展轴,
    …; 南北方向上, 建设丙发展轴).

    >>> _clause_names("甲功能片区突出国际化;乙功能片区推动创新;丙功能片区加快转型。", 3, ("片区",))
    ['甲功能片区', '乙功能片区', '丙功能片区']
    >>> _clause_names("东西向上,依托甲路打造乙发展轴,集聚要素;南北向上,建设丙发展轴。", 2, ("轴",))
    ['乙发展轴', '丙发展轴']
    >>> _clause_names("甲片区位于北部;乙片区和丙片区位于南部。", 3, ("片区",))
    []
    """
    sent = re.split(r"[。\n]", body.lstrip(" :："), maxsplit=1)[0]
    if re.search(r"[:：]", sent):
        return []  # (即三个新城副中心: 甲副中心…; …: what they are, then the list: read elsewhere)
    parts = _top_split(sent, re.compile(r"[;；]"))
    if k is None or k < 2 or len(parts) != k:
        return []
    ends = "|".join(map(re.escape, suffixes))
    names = []
    for part in parts:
        clauses = _top_split(part, re.compile(r"[,，]"))
        found = None
        head = re.match(
            rf"([^、,，:：为是和与及]{{2,18}}?(?:{ends}))(?=$|{_CLAUSE_VERB.pattern})",
            clauses[0].strip(),
        )
        if head is not None and not _MAKING.search(head.group(1)):
            found = head.group(1)
        for clause in clauses if found is None else ():
            made = re.search(
                rf"{_MAKING.pattern}([^、,，:：为是和与及]{{2,18}}?(?:{ends}))$", clause.strip()
            )
            if made is not None:
                found = made.group(1)
                break
        if found is None or _name_len(found) <= 2:
            return []
        names.append(found)
    return names


def _name_len(name: str) -> int:
    """A name's length without its brackets (an alias: 甲—乙通道(京沪通道); a place's other
    name: 靖西(那坡)) and the dashes joining the places it runs between.

    >>> _name_len("承德—北京—保定—石家庄—邢台—邯郸通道(京港澳通道)")
    15
    >>> _name_len("百色—靖西(那坡)—茶岭(朔江)沿边经济合作带")
    13
    """
    return len(re.sub(r"[(（][^()（）]*[)）]|[—–-]", "", name))


# Parts described by the ways they run along (沿甲路、乙路展开的两条轴线): one description.
_RUN_ALONG = re.compile(
    rf"\s*沿[^,，。;；]{{2,60}}?(?:展开|延伸|布局|分布|伸展|串联)的[{NUMERALS}](?:条|个|大)"
    # ... or by the works that made them (经甲管控、乙整合而形成的六个组团)
    rf"|\s*(?:则是|是)?[^,，。;；]{{0,10}}?经[^,，。;；]{{2,60}}?而形成的[{NUMERALS}](?:条|个|大)"
    # ... or by what they rest on (以甲山、乙山两大山脉为依托形成的两条生态走廊)
    rf"|\s*以[^,，。;；以]{{2,60}}?为(?:依托|基础|骨架|支撑)(?:而)?(?:形成|构成|构建|打造)?的"
    rf"[{NUMERALS}](?:条|个|大)"
)


# Parts counted by their directions, then named by them (一条南北向轴线和两条东西向轴线构成。
# 南北向为甲轴, …; 东西向为两条乙轴).
_DIRECTION_NAMED = re.compile(
    rf"(?:^|[。;；,，])\s*[东西南北]{{1,2}}(?:—|-|至)?[东西南北]{{0,2}}方?向(?:为|是)"
    rf"(?:[{NUMERALS}]条)?([\u4e00-\u9fff、]{{2,30}}?)(?=[,，;；。]|$)"
)


def _direction_parts(head: str, body: str, k: int | None, suffixes: tuple[str, ...]) -> list[str]:
    """The names given to parts first counted by their directions.

    >>> head = "一条南北向轴线和两条东西向轴线"
    >>> _direction_parts(head, "。南北向为甲轴;东西向为两条乙轴。", 3, ("轴",))
    ['甲轴', '乙轴']
    """
    if not re.search(rf"[{NUMERALS}]条", head):
        return []
    sents = "。".join(re.split(r"[。\n]", body)[:3])[:400]
    # 东西方向为甲轴和乙轴, 南北方向为丙轴: each direction's names, one or a list
    found = [
        clean_name(x)
        for m in _DIRECTION_NAMED.finditer(sents)
        for x in _top_split(m.group(1), _LIST_SPLIT)
    ]
    names = list(dict.fromkeys(x for x in found if x))
    if (
        len(names) >= 2
        and (k is None or len(names) <= k)
        and all(n.endswith(suffixes) for n in names)
    ):
        return names
    return []


def _sides_named(head: str, role: str, k: int | None) -> list[str]:
    """The parts of a counted label named by their sides and its role, each before what it
    holds (两翼包括位于主轴西北翼的甲、乙两县, 以及东南翼的丙、丁两县 -> 西北翼, 东南翼).

    >>> _sides_named("包括西北翼的甲县、乙县,以及东南翼的丙县", "翼", 2)
    ['西北翼', '东南翼']
    """
    if not k or k < 2:
        return []
    side = rf"((?:东北|东南|西北|西南|[东西南北])部?{re.escape(role)})的"
    names = list(dict.fromkeys(m.group(1) for m in re.finditer(side, head)))
    return names if len(names) == k else []


# A definition opened by what the part rests on (依托甲、乙, 形成…), and a description of many
# (一批, 多个, 若干) that names no part.
_BASIS = re.compile(
    r"\s*(?:依托|依靠|借助|凭借|利用|以[^,，。;；以]{1,20}?为依托(?![的\u4e00-\u9fff]))"
)
# What the parts are drawn by (根据区域位置、资源禀赋和交通条件划定): criteria, no parts.
_CRITERIA = re.compile(r"\s*(?:根据|依据|基于|综合考虑)[^,，。;；的]{1,30}[、和]")
# What the parts are steered along, no names of them (两带: 引导商务空间沿甲江和乙河发展).
_STEERED = re.compile(
    r"\s*(?:引导|推动|促进|鼓励|带动|推进)[^,，。;；]{0,12}?沿[^,，。;；]{2,40}?"
    r"(?:发展|集聚|延伸|展开|布局|分布)$"
)
_PLURAL = re.compile(r"(?:一批|多个|若干|各类|一系列|一些)")


# Where one part runs, from one end to the other, then its name (北起团山、南至北大沙河的甲轴).
_SPANNED_NAME = re.compile(
    r"^(?:是|为|即)?[东西南北]?(?:起|起于|自)[^的。;；,，]{1,12}[、,，]?"
    r"[东西南北]?(?:至|到|止于)[^的。;；,，]{1,12}的([^的、,，。;；]{2,16})$"
)


# One counted group of a list (甲路、乙路两条东西向发展轴), after the word that opens the list
# or the one joining it to the group before (, 以及 | 和 | 及 | 与).
_LISTED_GROUP = re.compile(
    r"(?:[,，]\s*)?(?:以及|及|和|与)?\s*(?P<names>[^,，。;；:：]{2,60}?)"
    rf"(?P<n>[{NUMERALS}])(?:条|个|座|处|片)[\u4e00-\u9fff]{{1,10}}?(?=[,，。;；]|以及|和|及|与|$)"
)


def _counted_groups(line: str) -> list[str]:
    """The names of a list given in two or more counted groups after 包括 or 分为, each group
    naming as many as it counts (包括甲路、乙路两条东西向轴, 以及丙路、丁路两条南北向轴).

    >>> _counted_groups("是四条发展轴,包括甲路、乙路两条东西向轴,以及丙路、丁路两条南北向轴")
    ['甲路', '乙路', '丙路', '丁路']
    """
    opened = re.search(r"(?:包括|分为|分别为)", line)
    if opened is None:
        return []
    rest, pos, names, groups = line[opened.end() :], 0, [], 0
    while pos < len(rest):
        m = _LISTED_GROUP.match(rest, pos)
        if m is None or m.end() == pos:
            break
        listed = [clean_name(x) for x in _top_split(m.group("names"), _LIST_SPLIT)]
        if len(listed) != count_of(m.group("n")) or not all(listed):
            return []
        names += listed
        groups += 1
        pos = m.end()
    return names if groups >= 2 and not rest[pos:].strip(" ,，。;；") else []


# A kind, then the part's name restated after 即 (主中心, 即甲枢纽中心): a kind is a rank and a
# role word, no name.
_RANK_KIND = re.compile(
    r"(?:是|为)?(?:一个|一条)?(?:城市|县城|市域|县域)?(?:主|副|次|总)?(?:中心|核心|增长极|发展轴|发展带)"
)
_NAMELY = re.compile(r"^([^,，。;；:：]{2,12})[,，]\s*即(?:为|是)?([^,，。;；:：(（]{2,20})")


# What a part is built on, then its name, up to the clause's end (依托甲站建设的新城服务核心).
_BUILT_ON = re.compile(
    r"^(?:依托|围绕|依靠)[^以为。;；,，]{2,30}?(?:建设|打造|形成|布局)的([^的、,，。;；]{2,16})(?=[,，]|$)"
)


def _described_part(head: str, suffixes: tuple[str, ...]) -> str | None:
    """The name a one-part definition ends its description with: a head that opens on what the
    part rests on (以, 依托, 围绕) and runs over clauses to the first 的 and name that close a
    clause (使甲融为一体的乙风貌轴, 辐射丙的丁经济圈), a name of a place or corridor or of the
    part's role (``suffixes``); not what it is to become (…的区治核心，要建成…的宜居新城: 区治核心;
    以甲都市圈为引领，把它打造成为…的核心地区: none), nor a group of places (由甲村、乙村连片形成
    的核心区: named by its label).

    Examples
    --------
    >>> _described_part("以黄河为生态脊梁,依托沿线水系,保护黄河景观的黄河生态风貌带,是纽带", ())
    '黄河生态风貌带'
    >>> _described_part("以甲为中心,辐射周边", ()) is None
    True
    """
    if not re.match(r"(?:以|依托|围绕)(?!为)", head) or _MADE_UP_OF_PLACES.search(head):
        return None
    m = re.search(r"的([^的、,，。;；:：\s“”为]{2,16})(?=[,，;；。]|$)", head)
    if m is None or not (_SPACE_WORD.search(m.group(1)) or m.group(1).endswith(suffixes)):
        return None
    if re.search(r"打造|建成|建设成|成为|形成", head[: m.start()]):
        return None  # 以甲都市圈为引领，把它打造成为…的核心地区: what it is to become
    return clean_name(m.group(1))


# Places said to make a part up (由甲村、乙村连片形成的…, 由甲、乙组成的…).
_MADE_UP_OF_PLACES = re.compile(r"由[^由的。;；]{2,60}?(?:组成|构成|形成|连片)")


# What a head says its one part rests on, before the part's name (以甲为主的…, 依托乙建设的…).
_RESTS_ON = re.compile(r"^(?:以|依托|围绕|依靠)[^。;；]{2,30}?(?:为|建设|打造|形成|布局)")


# A label quoted in a list (“四心”和“多廊道”的具体布局): the list is of labels, not of parts.
_QUOTED_TOKEN = re.compile(rf"[{_OPEN}]{PLAIN_TOKEN}[{_CLOSE}]")


# One part made up of what is listed before it (甲、乙两市组成的丙都市区); after 由 the
# reading of :data:`_MADE_OF_ONE` holds.
_MADE_UP_OF = re.compile(
    r"^(?!由)([^的,，。;；]{2,40}?)(?:共同)?(?:组成|构成)的([^的、,，。;；]{2,16})(?=$|[,，;；])"
)
_QUOTES_IN_A_ROW = re.compile(r"(?<=[”」』])(?=[“「『])")


# What opens a list of names after a token (七横分别为:, 十纵包括).
_LIST_LEAD = re.compile(r"^\s*(?:分别为|分别是|依次为|主要包括|包括|为|是|即)?\s*[:：]?")


def _comma_names(sent: str, k: int, suffixes: tuple[str, ...]) -> list[str]:
    """Names listed by commas after a token, as many as it counts, each a name of space
    (七横分别为: 甲路—乙路, 丙路, 丁大道; plans list so where the items hold dashes or 、), the
    last maybe after 以及 or 和; else none.

    >>> _comma_names("分别为:甲路—乙路,丙大道,以及丁线。", 3, ("横",))
    ['甲路—乙路', '丙大道', '丁线']
    >>> _comma_names("分别为:甲路,依托乙区发展。", 2, ("横",))
    []
    """
    lead = _LIST_LEAD.match(sent)
    pieces = [p.strip() for p in re.split(r"[,，]", sent[lead.end() :].rstrip("。"))]
    if pieces:
        pieces[-1] = re.sub(r"^(?:以及|和|及)", "", pieces[-1])
    ok = len(pieces) == k and all(_bare_name(p, suffixes) for p in pieces)
    return pieces if ok else []


# Words that make a clause more than a name: a list inside it, a verb, a predicate.
_NOT_BARE = re.compile(r"[和与及、的]|构成|组成|形成|涉及|共同|包括|作为|位于|依托|一带$")


def _bare_name(item: str, suffixes: tuple[str, ...]) -> bool:
    """Whether an item of a list is a name of space and nothing more (甲路—乙路, 丙大道), not
    a list of names (甲新城和乙新城) or a clause about them (二者共同构成新中心)."""
    return (
        2 <= len(item) <= 24
        and _NOT_BARE.search(item) is None
        and clean_name(item) == item
        and (_SPACE_WORD.search(item) is not None or item.endswith(suffixes))
    )


# A mark opening a line of a list (——甲路; 1. 甲路; (1) 甲路; ①甲路; · 甲路).
_LINE_MARK = re.compile(
    r"^\s*(?:——|—|-|·|•|[0-9]{1,2}[.、．](?![0-9])|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[①-⑳])\s*"
)


def _lines_below(body: str, k: int, suffixes: tuple[str, ...]) -> list[str]:
    r"""Names on the lines below a colon that ends the definition's line (“三纵”为三条南北向干线,
    即:\n——甲路;\n——乙线;\n——丙线。), each line a mark and a name of space, as many as the token
    counts and no more; else none.

    >>> _lines_below("为三条干线,即:\n——甲路;\n——乙线—丙线;\n——丁线。\n其余…", 3, ("纵",))
    ['甲路', '乙线—丙线', '丁线']
    """
    first, _, rest = body.partition("\n")
    if not first.rstrip().endswith((":", "：")) or not rest:
        return []
    lines = rest.split("\n")
    names = []
    for line in lines[: k + 1]:
        mark = _LINE_MARK.match(line)
        if mark is None:
            break
        name = line[mark.end() :].strip().rstrip(";；。,，")
        if not _bare_name(name, suffixes):
            break
        names.append(name)
    return names if len(names) == k else []


# A line opened by a quoted name and the word defining it (“甲、乙产业集聚区”即…).
_QUOTED_LINE = re.compile(
    rf"\s*(?:[0-9]{{1,2}}[.、．]|[(（][一二三四五六七八九十0-9]{{1,2}}[)）])?\s*[{_OPEN}]"
    rf"([^{_OPEN}{_CLOSE}\n]{{2,24}})[{_CLOSE}]\s*(?:即|是指|是|指|为|[:：]|——)"
)


def _quoted_lines_below(body: str, k: int, suffixes: tuple[str, ...]) -> list[str]:
    r"""The quoted names opening the lines below a definition's sentence (“三区”指三个产业集聚区,
    分工如下。\n“甲、乙产业集聚区”即…\n…), each defined in its turn and of the role's kind, as
    many as the token counts; else none.

    >>> _quoted_lines_below("三个集聚区,分工如下。\n“甲、乙产业集聚区”即…。\n“丙产业集聚区”即…。",
    ...     2, ("区",))
    ['甲、乙产业集聚区', '丙产业集聚区']
    """
    _first, _, rest = body.partition("\n")
    if not rest:
        return []
    names = []
    for line in rest.split("\n")[:k]:
        m = _QUOTED_LINE.match(line)
        if m is None or not m.group(1).endswith(suffixes):
            return []
        names.append(m.group(1))
    return names


# A line led by a name and a colon, after a list mark or none (——甲保护区：以…; 甲核心：依托…).
_NAME_COLON_LINE = re.compile(
    r"[ \t\u3000]*(?:——|—|[0-9]{1,2}[.、．]|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[①-⑳])?"
    r"[ \t\u3000]*([^\s:：,，。;；、“”\"「」]{2,16})[:：]"
)


def _name_colon_lines(body: str, k: int | None, suffixes: tuple[str, ...]) -> list[str]:
    r"""The names leading the lines that open a label's body, each a name of the role's kind
    and a colon, as many as the token counts: the lines below a heading that is the label
    (1. 两区\n——甲保护区：以…\n——乙发展区：以…; 2. 三带\n甲景观带：沿…).

    >>> _name_colon_lines("——甲保护区：以山地为主体。\n——乙发展区：以川塬为主体。\n", 2, ("区",))
    ['甲保护区', '乙发展区']
    >>> _name_colon_lines("甲核心：依托县城。\n其余：…\n", 2, ("核心",))
    []
    >>> _name_colon_lines("包括以下两条功能带：\n——甲带：沿甲河。\n——乙带：沿乙河。", 2, ("带",))
    []
    """
    if not k or k < 2:
        return []
    lines = body.lstrip(" \t:：\n").split("\n")
    names = []
    for line in lines[:k]:
        m = _NAME_COLON_LINE.match(line)
        if m is None or not m.group(1).endswith(suffixes) or len(line[m.end() :].strip()) < 2:
            return []  # (a line the colon closes opens a list: 包括以下三条功能带：)
        names.append(m.group(1))
    return names if len(names) == k else []


# A line led by an area's name and what it covers (甲旅游区，包括乙、丙三个镇; 丁区，即戊镇).
_NAME_COVERS_LINE = re.compile(
    r"[ \t\u3000]*(?:——|—|[0-9]{1,2}[.、．]|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[①-⑳])?"
    r"[ \t\u3000]*([^\s:：,，。;；、“”\"「」]{2,16}?(?:区|片区|板块|组团|园区|园|片))"
    r"(?:[:：]|[,，]\s*(?:包括|即|范围包括|范围为|涵盖|含))"
)
# Roles of areas, whose parts may be named by any word for an area (五大板块: 甲旅游区 …).
_AREA_ROLES = ("区", "片", "片区", "板块", "版块", "组团", "块")


def _counted_then_lines(body: str, k: int | None, role: str) -> list[str]:
    r"""The areas a label's body counts in its first line and then names one a line, each by
    its name and what it covers, as many as counted (五大板块：…划分为五个功能板块…。\n甲区，包括
    乙、丙两个镇…\n丁区，即戊镇…).

    >>> body = "将全县划分为两个功能板块。\n甲工业区，包括乙、丙两镇。\n丁旅游区，即戊镇。\n"
    >>> _counted_then_lines(body, 2, "板块")
    ['甲工业区', '丁旅游区']
    >>> _counted_then_lines(body.rsplit("丁", 1)[0], 2, "板块")
    []
    """
    if not k or k < 2 or role not in _AREA_ROLES:
        return []
    lines = [ln for ln in body.lstrip(" \t:：").split("\n") if ln.strip()]
    if len(lines) <= k or not re.search(rf"[{NUMERALS}](?:个|大|类)", lines[0]):
        return []
    names = []
    for line in lines[1 : k + 1]:
        m = _NAME_COVERS_LINE.match(line)
        if m is None:
            return []
        names.append(m.group(1))
    return names


# A line of a box or table that wraps: what is left of a cell, indented below it.
_WRAPPED_LINE = re.compile(r"[ \t\u3000]{2,}([^\s,，;；。:：、]{2,20})[;；。]?[ \t\u3000]*$")


def _wrapped_cell(body: str, k: int | None, suffixes: tuple[str, ...]) -> list[str]:
    r"""The names of a box's cell whose list wraps onto indented lines below it (两区：甲园区,
    then 乙园区 indented on the next line), one a line, as many as the token counts, each of the
    role's kind.

    >>> _wrapped_cell("甲食品园区\n   乙科技园区\n\n其中…", 2, ("园区", "区"))
    ['甲食品园区', '乙科技园区']
    >>> _wrapped_cell("甲食品园区\n乙科技园区\n", 2, ("园区", "区"))
    []
    """
    if not k or k < 2:
        return []
    lines = body.split("\n")
    first = lines[0].strip(" \t\u3000;；。")
    if len(lines) < k or not re.fullmatch(r"[^\s,，;；。:：、]{2,20}", first):
        return []
    names = [first]
    for line in lines[1:k]:
        m = _WRAPPED_LINE.fullmatch(line)
        if m is None:
            return []
        names.append(m.group(1))
    names = [clean_name(n) for n in names]
    return names if all(n.endswith(suffixes) for n in names) else []


# A word of a kind of part between a label and its colon (一纵轴：, 三横线：, 两片区：).
_KIND_AFTER_LABEL = re.compile(r"^(?:轴线?|线|带|廊道?|片区?|组团)\s*(?=[:：])")


# Lines of records, each opening on the field of its name (名称：甲产业园；范围：…).
_NAME_RECORD = re.compile(r"(?:[ \t]*名称\s*[:：][^\n]*(?:\n|$))+")
# A sentence closing on the parts' count and kind (…伸展的两条拓展带): the count, the kind.
_CLOSING_COUNT = re.compile(
    rf"的([{NUMERALS}])(?:条|个|大|座|片|处)([\u4e00-\u9fff]{{1,6}}?(?:带|轴|廊|区|组团|中心|走廊|廊道))$"
)
# A part placed in a zone of the area, a clause each (在甲区布置乙节点): what is placed.
_PLACED_IN = re.compile(
    r"^在[^,，;；。:：]{2,30}?(?:布置|布局|设置|设立|规划建设|建设|打造|培育)([^,，;；。:：]{2,40})$"
)


def _items(head: str, body: str, numeral: str, role: str) -> tuple[list[str], bool]:
    """Names defined for one token, and whether they came from an enumeration."""
    k = count_of(numeral)
    # quoted names one after another (由“甲”“乙”“丙”三个区段组成) are a list; a word of the
    # token's kind written after it before the colon is the label's (一纵轴：甲走廊, 两横轴：即…)
    head, body = (_KIND_AFTER_LABEL.sub("", _QUOTES_IN_A_ROW.sub("、", x)) for x in (head, body))
    head = re.sub(r"[,，]\s*(?=以及)", "", head).rstrip(" :：")  # 甲区、乙区, 以及丙区: one list
    head = re.sub(r"^\s*(?:分为|划分为|包括|主要包括)(?=[\u4e00-\u9fff]{2})", "", head)
    suffixes = (*ROLE_SUFFIX.get(role, ()), role)
    records = _NAME_RECORD.match(body.lstrip(" :：\n"))
    if records and k:
        # 第一节 “四园”\n名称：甲产业园；主攻方向：…\n名称：乙产业园；…: a record a line, each
        # naming its part in a field of its name, as many as counted
        names = re.findall(r"(?m)^[ \t]*名称\s*[:：]\s*([^;；|,，。\n]{2,30})", records.group())
        if len(names) == k:
            return [n.strip() for n in names], False
    wrapped = (
        _wrapped_cell(body, k, suffixes)
        or _name_colon_lines(body, k, suffixes)
        or _counted_then_lines(body, k, role)
    )
    if wrapped:
        return wrapped, False
    # 以甲区、乙区为代表的六个保护区: the parts it gives as examples (some of its count)
    examples = re.match(r"^(?:是指|指)?以([^以为。;；]{2,60}?)为代表的", head)
    if examples and k and k > 1:
        named = [clean_name(x) for x in _top_split(examples.group(1), _LIST_SPLIT)]
        if 2 <= len(named) <= k and all(_SPACE_WORD.search(x) for x in named):
            return named, False
    # 以甲路和乙路为主体、纵贯南北的城市发展轴, 以甲城区为主的旅游中心: the part is what is
    # said to rest on them
    rests = re.match(
        r"^以[^以为。;；]{2,30}?为(?:中心|核心|核|主体|主|龙头|依托|骨架|轴线)"
        r"(?:建设|打造|形成|布局)?"  # 以甲寺及其周边公园为依托建设的文化休闲核
        # (以甲城为核, 打造以乙为引领的丙中心: what is made on it, told by what leads it)
        r"(?:[、,，](?:(?:打造|建设|形成|培育)以[^以为的。;；]{2,16}?为[^的。;；]{1,6}"
        r"|[^的。;；]{1,12}))?"
        r"的([^的、,，。;；]{2,16})$",
        head,
    )
    # 甲、乙两市组成的丙都市区: one part, made up of what is listed; of places, it is their
    # group (named by its label, as 由甲城区和乙区共同构成的城市副中心), else the name
    made_up = _MADE_UP_OF.match(head) if k == 1 else None
    if made_up and made_up.group(2).endswith(suffixes):
        listed = _top_split(re.sub(rf"[{NUMERALS}]个?[市县区]$", "", made_up.group(1)), _LIST_SPLIT)
        whole = re.split(r"[,，;；]", head, maxsplit=1)[0]
        return [whole if _is_group(listed) else made_up.group(2)], False
    # 依托甲站建设的新城服务核心, 要…: what the one part is built on, then its name
    built = _BUILT_ON.match(head) if k == 1 else None
    rests = rests or built
    if k == 1 and not rests:
        # 以甲为北段节点，向南连接乙，使丙融为一体的丁风貌轴，是…: a description of several
        # clauses, then the part's name after its 的 (以甲为中心、以乙为重点、辐射丙的丁经济圈)
        named = _described_part(head, suffixes)
        if named is not None:
            return [named], False
    if rests and rests.group(1).endswith(suffixes):
        head = rests.group(1)
    head = re.sub(r"^以(.{2,30}?)为(?:中心|核心|主体|龙头)(?=[,，。;；]|$)", r"\1", head)
    # 以甲、乙、丙为全省三个新增长极: the places are the parts, what they are follows
    head = re.sub(r"^以([^以为]{2,30}?)为[^,，。;；以]{1,12}?[极核心点]$", r"\1", head)
    # 以甲县城、乙县城为核心的两个产业新城: the places the counted parts are centred on
    head = re.sub(
        rf"^以([^以为]{{2,40}}?)为(?:核心|中心|主体)的[{NUMERALS}]个[^,，。;；以]{{1,12}}$",
        r"\1",
        head,
    )
    namely = _NAMELY.match(head) if k == 1 else None
    if namely and _RANK_KIND.fullmatch(namely.group(1)) and _name_like(namely.group(2), role):
        # 是主中心, 即甲枢纽中心: a kind, then the name 即 restates it by (not 甲县城, 即老城区:
        # a name, then what it is)
        return [namely.group(2)], False
    spanned = _SPANNED_NAME.match(head) if k == 1 else None
    if spanned and spanned.group(1).endswith(suffixes):
        # 北起甲、南至乙的城市发展轴: where the one part runs, its 、 no list, then its name
        return [spanned.group(1)], False
    opened = re.search(r"[:：]\s*(?=一是|其一|第一|①|[(（]1[)）]|1[.、])", body)
    if (
        opened
        and (
            "\n" in body[: opened.start()].lstrip(" \n")  # (on the definition's first line)
            or (
                opened.start() >= len(head)
                and "、" in re.split(r"[,，;；。]", body[: opened.start()])[-1]
            )
        )
    ):
        # (依次为甲区、乙区和丙区:\n①甲区以…: the names in the clause the colon closes; not
        # 由甲景区、乙景区构成, 各景区的发展重点如下:\n1．甲景区:…, the parts numbered below)
        opened = None
    if opened and k and k > 1:
        # …由三条通道组成:一是甲;二是乙;三是丙: the list the head's colon opens (or the lines
        # below it: 按距离分为内外两层:\n一是甲圈层…\n二是乙圈层…)
        enum = _enumerated(body[opened.end() :])
        if len(enum) == k:
            return enum, True
        if (
            re.search(r"包括\s*$", body[: opened.start()])
            and 2 <= len(enum) < k
            and all(clean_name(e).endswith(suffixes) for e in enum)
        ):
            # 三带为…生态廊道, 主要包括: 一是甲景观带, …; 二是乙隔离带, …: some of them, as
            # 包括甲、乙等 gives them, each a name of the role's kind
            return enum, True
    line = re.split(r"[。\n]", body.lstrip(" :：\n"), maxsplit=1)[0]
    semi = _top_split(line, re.compile(r"[;；]"))
    colon = re.match(r"[^。;；\n:：]{0,30}[:：]\s*\n", body.lstrip(" \n"))
    if colon and len(semi) < 2:
        # 由三条生态带组成:\n甲生态带, 沿…;\n乙生态带, …: the same, a line each after a colon
        listed = body.lstrip(" \n")[colon.end() :].split("。", 1)[0]
        semi = [p.strip() for p in _top_split(listed, re.compile(r"[;；]"))]
        if any(re.match(r"[①-⑳(（]|[0-9]+[.、．]|[一二三四五六七八九十]是", p) for p in semi):
            semi = []  # (lines numbered are an enumeration, read as such below)
    names = [clean_name(p) for p in semi]
    placed = [_PLACED_IN.match(p.strip()) for p in semi]
    if k and k > 1 and len(semi) >= 2 and all(placed):
        # 在甲区布置乙节点; 在丙区布置丁节点和戊节点: the parts placed in the zones, as many
        # as counted
        put = [clean_name(x) for m in placed for x in _top_split(m.group(1), _LIST_SPLIT)]
        if len(put) == k and all(x.endswith(suffixes) and len(x) <= 16 for x in put):
            return put, False
    kind = _CLOSING_COUNT.search(line) if k and k > 1 else None
    if kind and count_of(kind.group(1)) == k:
        # “两带”, 即以甲为起点向北、向南伸展的两条拓展带。北向拓展带自甲…; 南向拓展带自甲…: all
        # described, then each named at the head of a clause of the next sentence
        after = body.lstrip(" :：\n")[len(line) + 1 :]
        nxt = re.split(r"[。\n]", after, maxsplit=1)[0]
        heads = [
            re.match(rf"\s*([^\W\d{NUMERALS}]{{1,10}}?{kind.group(2)})", c)
            for c in _top_split(nxt, re.compile(r"[;；]"))
        ]
        if len(heads) == k and all(heads):
            return [h.group(1) for h in heads], False
    counted = re.search(rf"([{NUMERALS}])(?:条|个|座|片|处)", line) if k and k > 1 else None
    if counted and count_of(counted.group(1)) == k:
        # 两环：在中心城外围布设两条…防护林带。内环为甲；外环为乙: the parts counted in a
        # description, then each named by its role at the head of a clause of the next sentence
        after = body.lstrip(" :：\n")[len(line) + 1 :]
        nxt = re.split(r"[。\n]", after, maxsplit=1)[0]
        kinds = "|".join(map(re.escape, suffixes))
        role_heads = [
            re.match(rf"\s*([^\W\d{NUMERALS}]{{0,4}}(?:{kinds}))(?:为|是|即|指)", c)
            for c in _top_split(nxt, re.compile(r"[;；]"))
        ]
        if len(role_heads) == k and all(role_heads):
            return [h.group(1) for h in role_heads], False
    if (
        k
        and len(semi) == k > 1
        and all(
            n.endswith(suffixes) and len(n) <= 24 and not re.search(r"[为是:：、]|形成|沿(?!线)", n)
            for n in names
        )
        and not re.search(r"[,，]", line)
    ):
        # “三轴”包括: 甲发展轴; 乙发展轴; 丙发展轴: names of the role apart by semicolons, as
        # counted
        return names, False
    if k and k > 1 and len(semi) == k and all(re.search(r"[,，]", p) for p in semi):
        # 甲片区, 面积约…; 乙片区, 内含…; 丙片区, 位于…: the parts apart by semicolons, each
        # named first, then described
        firsts = [clean_name(re.split(r"[,，]", p, maxsplit=1)[0]) for p in semi]
        if all(
            f
            and (f.endswith(suffixes) or _LINE_NAME.search(f))
            and len(f) <= 16
            and not re.search("[为是]", f)
            for f in firsts
        ):
            # (甲高速郴州段, 自北向南途经…; 乙高速郴州段, 在丙县设有互通: a line's name, or
            # its section's, for a token of a network)
            return [_LINE_CODE.sub("", f) for f in firsts], False
    # 按照不同功能划分若干功能组团, 一是甲组团, 二是乙组团…: a description of them all, then
    # the parts counted as they are said (两条…发展轴, 其一为甲轴, 其二为乙轴)
    counted = re.search(r"[,，]\s*(?=一是|其一[是为])", line) if k is None or k > 1 else None
    if counted:
        enum = _enumerated(line[counted.end() :])
        # (…, 一是甲中心, 依托…; 二是乙中心…: after what they are for, as many as counted, each
        # a name of the role's kind)
        named = k is not None and all(clean_name(e).endswith(suffixes) for e in enum)
        described = _PLURAL.search(line[: counted.start()]) or _DESCRIBED_ALL.search(head)
        if len(enum) >= 2 and (k is None or len(enum) == k) and (described or named):
            return enum, True
    colon = re.search(r"[:：]", line)
    made = _MADE_OF_COUNTED.search(line[: colon.start()]) if colon and k and k > 1 else None
    if made is not None and count_of(made.group(2)) == k:
        # 由甲、乙、丙和丁四个区块组成, 各片区功能如下: …: the parts named in the sentence, as
        # many as counted (the items below say what each is)
        named = _top_split(made.group(1), _LIST_SPLIT)
        if len(named) == k and not all(_is_place_item(x) for x in named):
            return named, False
    closing = re.match(r"[ \t]*[:：][ \t]*\n", body)  # (the colon closes the line: below it)
    # (… or closed it before the body: a dash line each below, 四大产业片区:\n——甲片区:…)
    closing = closing or re.match(r"[ \t]*\n(?=\s*—)", body)
    if (k is None or k > 1) and (closing or (colon and not line[colon.end() :].strip())):
        # …三条经济合作带, 分别为:\n甲带, 由…;\n乙带, 串联…: a line each below the colon,
        # its name before the comma that opens what it is
        rest = body[closing.end() :] if closing else body.lstrip(" :：\n")
        if not closing:
            rest = rest[rest.find("\n") + 1 :] if "\n" in rest else ""
        below = rest.split("\n")[: k or 30]
        # (a line may open on a dash, a list mark: ——甲组团, 依托…)
        heads = [re.split(r"[,，;；。:：]|——", x.strip().lstrip("—–"))[0] for x in below]
        if k is None:  # 多组团, 包括:\n——甲组团;\n——乙组团: as many lines as end on the role
            heads = list(takewhile(lambda h: clean_name(h).endswith(suffixes), heads))
            k = len(heads) if len(heads) >= 2 else None
        first = re.split(r"[。;；]", below[0])[0] if below and k else ""
        listed = [clean_name(x) for x in _top_split(first, _LIST_SPLIT)] if "、" in first else []
        if len(listed) == k and all(x.endswith(suffixes) and len(x) <= 16 for x in listed):
            # …九个功能组团, 包括:\n甲组团、乙组团、…。: the list on the one line below
            return listed, False
        some = bool(colon) and line[: colon.start()].rstrip(" ,，").endswith("其中")
        if some:  # …四个功能组团, 其中:\n甲组团——…;\n乙组团——…: some of them, a line each
            named = list(takewhile(lambda h: clean_name(h).endswith(suffixes), heads))
            heads = named if len(named) >= 2 else heads
        if (
            (len(heads) == k or (some and 2 <= len(heads) < k))
            and (
                all(clean_name(h).endswith(suffixes) for h in heads)
                # (or names all of one kind, the role no word of theirs: 甲中心区, 乙中心区)
                or (len(heads) == k and _one_kind([clean_name(h) for h in heads]))
            )
            and not any(_NUMBERED_HEAD.match(h) for h in heads)
        ):  # (numbered lines are read as such; not 六灶功能区域, a place's name)
            return heads, False
    if colon and k and k > 1 and _DESCRIBED_ALL.search(line[: colon.start()]):
        # 指三条发展轴线: 沿甲路形成甲轴; 沿乙路形成乙轴; …: a description of them all, then
        # the parts apart by semicolons, each ending on the role
        semi = [clean_name(c) for c in _top_split(line[colon.end() :], re.compile(r"[;；]"))]
        if len(semi) == k and all(c.endswith(suffixes) for c in semi):
            return semi, False
        # (…六处功能中心, 按编号布置:\n1号中心:甲中心;…; 两侧的两条河流:\n(一)东侧为甲河。…:
        # the list below the line)
        enum = _enumerated(body.lstrip(" :：\n")[colon.end() :])
        if len(enum) == k:
            return enum, True
    if _ENUM.match(body.lstrip(" :：,，")) or _ENUM.match(body) or not head:
        enum = _enumerated(body)  # 分别为:①甲岛;②乙岛 -- the list starts the definition
        if k is not None and len(enum) > k and body.lstrip(" :：\n")[:1] in BULLETS:
            enum = enum[:k] if _bullet_run(body) == k else enum  # the run of bullets below
        if len(enum) >= 2 and (k is None or len(enum) <= k):
            return enum, True
    semi = _semicolon_names(body, k, suffixes)
    if semi:
        return semi, False
    listed = (
        _counted_colon_items(body, k, suffixes)
        or _inner_list(body, k, suffixes)
        or _direction_parts(head, body, k, suffixes)
        or _clause_names(body, k, suffixes)
    )
    if listed:
        return listed, False
    sides = _sides_named(head, role, k)
    if sides:
        return sides, False
    if k and k > 1:
        # names over the clauses of the sentence, places qualifying each before it (北部甲、乙
        # 山地旅游带, 中部丙生态旅游带, 以及南部滨海旅游带): as many as the token counts
        sent = re.split(r"[。;；\n]", body.lstrip(" :：\n"), maxsplit=1)[0]
        pieces = [
            x
            for c in _top_split(sent, re.compile(r"[,，]"))
            for y in _top_split(c, _MARK_SPLIT)
            for x in _joined_names(y, suffixes)
        ]
        joined = _places_joined(pieces, suffixes)
        if len(joined) == k < len(pieces):
            return joined, False
        by_commas = (
            _comma_names(sent, k, suffixes)
            or _lines_below(body, k, suffixes)
            or _quoted_lines_below(body, k, suffixes)
        )
        if by_commas:
            return by_commas, False
    if body[:1] in ",，":  # 四区中, 甲片区以…, 乙片区以…, 其余片区…: the parts it names
        return _semicolon_heads(body, k, suffixes) or _clause_leads(head, k, suffixes), False
    # a colon inside the head opens what the parts are (甲廊和乙廊: 前者…, 后者…)
    clauses = _top_split(head, re.compile(r"[,，:：]"))
    if not clauses:  # (分别为:\n甲组团, 由…构成;\n乙组团…: the list below the colon)
        return _colon_clauses(body, k, suffixes), False
    joined = (
        re.match(r"(?:与|和|同)(.{2,80}?)(?:共同|一起|一道)(?:形成|构成|组成)", clauses[1])
        if len(clauses) > 1
        else None
    )
    if joined and k:
        # 甲桥, 与乙桥、丙桥共同形成…: the first clause's part and those it is joined with
        both = [*_top_split(clauses[0], _LIST_SPLIT), *_top_split(joined.group(1), _LIST_SPLIT)]
        if len(both) == k:
            return both, False
    group = _COUNTED_GROUP.search(clauses[0])  # 其他三个乡镇, 即…: a group, named by its label
    # a colon after a description of them all, not after the parts' names (甲廊和乙廊: 前者…)
    colon = re.search(r"[:：]", head)
    if colon and len(_top_split(clauses[0], _LIST_SPLIT)) > 1:
        colon = None
    for clause in clauses[1:] if k and k > 1 and not group else []:
        # 依托三条河流形成的发展廊道, 即甲廊道、乙廊道和丙廊道 (三个旅游功能区, 分别为甲区、乙区
        # 和丙区; 县域副中心: 甲镇、乙镇): a description, then the parts by name, as many as the
        # token counts
        lead = _NAMES_LEAD.match(clause)
        if lead is None and _MEASURED_IN.search(clauses[0]):
            # 五个特色组团 (四大功能区), 包括甲、乙…: counted, then named
            lead = _INCLUDES.match(clause)
            if lead and _MEASURED_IN.search(clause):
                lead = None  # (包括甲、乙两条东西向发展轴, 以及…: counted again, in groups)
        after_colon = lead is None and colon and head[colon.end() :].startswith(clause)
        if after_colon and _BASIS.match(clause):
            # 即两条城镇发展带: 依托甲高速、乙高速…: what they rest on, no names of them
            after_colon = False
        if after_colon:
            lead = re.match("", clause)
        if lead:
            for split in (_LIST_SPLIT, _LIST_SPLIT_NOT_JI):  # 甲物流及高科技组团: one part
                cands = _shared_noun(_top_split(clause[lead.end() :], split))
                described = _DESCRIBED_ALL.search(clauses[0]) and all(
                    _SPACE_WORD.search(c) or len(c) >= 4 for c in cands
                )  # (由五条生态带组成: 甲生态廊道、乙绿环…: all counted, then their names)
                if after_colon and not (all(_PLACE_NAME_END.search(c) for c in cands) or described):
                    continue  # 甲发展轴: 沿甲高铁串联乙、丙: what it does, no names
                if _INCLUDES.match(clause) and all(
                    _is_place_item(c) or re.search("[镇乡村]$|街道$", c) for c in cands
                ):
                    continue  # (由五个重点镇构成, 包括甲镇、乙镇…: places, a group as ever)
                if len(cands) == k and not _is_group(cands):
                    return cands, False
    if _RUN_ALONG.match(clauses[0]) or _STEERED.match(clauses[0]):
        # 沿甲路、乙路和丙路展开的三条发展轴线: where the parts run, not their names
        return [clauses[0]], False
    if _BASIS.match(clauses[0]) or _CRITERIA.match(clauses[0]):
        # (根据甲、乙和丙划定的三个协作区: what they are drawn by, no names either)
        # 依托甲、乙, 形成丙: what the part rests on is no name of it; a later clause may name
        # it (…, 建设丁物流园), or list them (…形成的城镇发展轴, 包括甲轴、乙轴和丙轴), else it is
        # named by its label
        listed = _later_listed(clauses[1:], k, suffixes) if k and k > 1 else []
        if listed:
            return listed, False
        # 依托甲线形成的乙发展轴、丙发展轴和丁发展轴: what they all rest on, then their names
        based = re.match(r"[^的]{2,30}?的(?=[\u4e00-\u9fff]{2})", clauses[0])
        cands = _shared_noun(_top_split(clauses[0][based.end() :], _LIST_SPLIT)) if based else []
        if k and len(cands) == k > 1 and all(clean_name(c).endswith(suffixes) for c in cands):
            return cands, False
        for clause in clauses[1:]:
            named = clean_name(strip_long_parens(clause))
            if named.endswith(suffixes) and not _PLURAL.match(named) and len(named) <= 20:
                return [named], False
        return [clauses[0]], False
    whole = _top_split(clauses[0], _MARK_SPLIT)
    if (
        k
        and len(whole) == k > 1
        and any(
            re.search(r"(?<=[\u4e00-\u9fff]{2})[和与及](?=[\u4e00-\u9fff]{2})", w) for w in whole
        )
        and all(clean_name(w).endswith(suffixes) for w in whole)
        and [p for w in whole for p in _joined_names(w, suffixes)] == whole
    ):
        # 甲度假与乙体验轴、丙休闲与丁度假体验轴: names each holding a 与, as many as counted
        return whole, False
    parts = _shared_noun(_top_split(clauses[0], _LIST_SPLIT))
    two_kinds = _SHARED_NOUN.search(clauses[0])
    listed = _top_split(clauses[0][: two_kinds.start()], _LIST_SPLIT) if two_kinds else []
    if "和" in (two_kinds.group("noun") if two_kinds else "") and len(listed) >= 2:
        # 甲、乙、丙三条产业发展带和城镇聚集轴: a kind of two names (its 和 no list), the
        # items as written (not 多个城镇和产业发展节点: no list before the count)
        parts = listed
    if len(parts) > 1 and any(_QUOTED_TOKEN.search(p) for p in parts):
        parts = _shared_noun([clauses[0]])  # “四心”和“多廊道”的具体布局: labels, no parts
    if _is_group(parts):
        return [clauses[0]], False  # a group of places: one part, its label
    if len(parts) > 2 and all(_COUNTED_KIND.match(p.strip()) for p in parts):
        # 由1个中心城区、4个县城和9个重点镇组成: an inventory of kinds counted, no names: one
        # part, its label (not 一条甲轴和两条乙轴, parts of the role counted apart)
        return [clauses[0]], False
    if (
        _COUNTED_GROUP.search(clauses[0])
        and count_of(_COUNTED_GROUP.search(clauses[0]).group()[0]) == k
        # (甲、乙、丙三个片区: names sharing the noun, the parts; 老城区、新城区和工业园区三个
        # 片区: names of the role's kind, not all of places: the parts; not a group)
        and not (
            len(parts) == k
            and (
                all(p.endswith("片区") for p in parts)
                or (
                    all(clean_name(p).endswith(suffixes) for p in parts)
                    and not all(_is_place_item(p) for p in parts)
                )
            )
        )
        # (四个片区, 包括甲片、乙片…: names of the role's kind listed after it, the parts)
        and not all(
            clean_name(c).endswith(suffixes) and not _is_place_item(c)
            for c in _later_listed(clauses[1:], k, suffixes) or [""]
        )
    ):
        return [clauses[0]], False  # 其他四个乡镇, 即甲、乙、丙、丁: a group, its label
    named = _named_clauses(body, suffixes)
    if len(named) >= 2 and (k is None or len(named) == k):
        return named, False
    led = _verb_led_clauses(body, suffixes)
    if k and k > 1 and len(led) == k:
        return led, False
    # 两心: 北部中心景区为甲景区, …; 南部次中心景区为乙景区, …: each clause names its part after
    # 为, a name of a place
    named = _named_after_wei(body.lstrip(" :："))
    if k and k > 1 and len(named) == k:
        return named, False
    named = _colon_clauses(body, k, suffixes)
    if named:
        return named, False

    if k != 1:
        listed = _later_listed(clauses, k, suffixes)
        if listed:
            return _as_written(listed, head, body[len(head) :], k, suffixes), False
    if len(parts) > 1 and _QUALIFYING_COUNT.search(parts[-1]):
        # 沿甲、乙、丙三大通道建设的经济发展带: the list qualifies the parts: one, its label
        return [clauses[0]], False
    raw = _top_split(clauses[0], _LIST_SPLIT) if k and k > 1 and len(parts) > 1 else []
    counted = _COUNTED_ALL.search(raw[-1]) if raw else None
    if counted and count_of(counted.group(1)) == k:
        # 东西向和东南向的两条重要发展轴线。\n一是甲发展轴…: the list says which ways they run,
        # the count closes it: the parts are counted out after it
        enum = _enumerated(body[len(head) :])
        if len(enum) == k:
            return enum, True
    if k and len(parts) > k:
        # 甲高速、乙通道及西延线和丙高速 for 三横: 及 joins within a part, as the count says
        not_ji = _shared_noun(_top_split(clauses[0], _LIST_SPLIT_NOT_JI))
        if len(not_ji) == k:
            parts = not_ji
        else:
            parts = _modifier_lists_joined(parts, k, suffixes, source=clauses[0])
    if k and len(parts) == k:
        return _as_written(parts, head, body[len(head) :], k, suffixes), False
    counted_names = _counted_names(parts, k)
    if counted_names:
        return counted_names, False
    if k is None and len(parts) >= 2:
        return parts, False
    # (甲合作带, 乙合作带, 以及丙合作带: the last name after 以及, joined to its clause above)
    spread = [x for c in clauses for x in _top_split(c, _AND_THEN)]
    if k and k > 1 and len(spread) >= k and all(c.endswith(suffixes) for c in spread[:k]):
        return spread[:k], False
    if k and k > 1 and len(spread) == k and _one_kind(spread):
        # “三纵”包括: 甲—乙—丙生态廊道, 丁—戊生态廊道, 己生态廊道: names too long for 、 are
        # parted by commas, all of one kind (the same last word, a word of space), as counted
        return spread, False
    lines = _list_lines(body, len(head))  # the numbered lines right below the head
    if len(lines) >= 2 and (k is None or len(lines) == k):
        return lines, True
    enum = _enumerated(body[len(head) :])
    if len(enum) >= 2 and (k is None or len(enum) <= k):
        return enum, True
    bare = [re.sub(r"(?:共同)?(?:组成|构成)$", "", clean_name(p)) for p in parts]
    if (
        len(parts) > 1
        and all(b.endswith(suffixes) for b in bare)
        and not _MADE_OF_ONE.match(clauses[0])
    ):
        # parts of its role, counted apart (一条甲轴和两条乙轴); not what one is made of
        # (由甲城区和乙区共同构成的城市副中心: one part, of the places listed)
        return parts, False
    # names of the kind a description of them all says (“四横”指四条东西向的景观长廊, 包括甲
    # 景观长廊、乙景观长廊等; 四条横向景观长廊。其中, 甲景观长廊依托…)
    described = _DESCRIBED_KIND.search(clauses[0].strip())
    kinds = (*suffixes, described.group(1)) if described else suffixes
    if k and k > 1 and _DESCRIBED_ALL.search(clauses[0]):
        # 为三个城镇发展片区。甲片区包括…。此外, 乙片区由…组成。另外, 丙片区…: the sentences
        # after a description of them all, each led by one part's name
        led = _sentence_leads(body[len(head) :], k, kinds)
        at = body.find(clauses[0])
        if not led and at != -1:  # (四条横向景观长廊, 其中: 甲景观长廊串联…; 乙…: in its sentence)
            led = _sentence_leads(body[at + len(clauses[0]) :], k, kinds)
        if led:
            return led, False
        some = _SOME_COUNTED.search(body.split("\n", 1)[0])
        if some and 2 <= count_of(some.group(1)) < k:
            # 为四条横向景观长廊, 其中与本县关系最密切的有两条:\n——甲景观长廊…\n——乙景观长廊…:
            # those of them the plan is about, counted, on the lines below, of the kind said
            lines = [clean_name(x) for x in _list_lines(body, 0)]
            if len(lines) == count_of(some.group(1)) and all(x.endswith(kinds) for x in lines):
                return lines, False
    if k and k > 1 and re.search(r"以[^以。;；]{1,20}为界", clauses[0]):
        # 以甲路为界划分。乙片为老城区, …; 丙片为新区, …: a line that parts them all, then
        # the parts leading clauses apart by semicolons
        led = _semicolon_leads(body[len(head) :], k, suffixes)
        if led:
            return led, False
    line = re.split(r"[。\n]", body.lstrip(" :：\n"), maxsplit=1)[0]
    grouped = _counted_groups(line) if k and k > 1 else []
    if len(grouped) == k:
        # 四条发展轴线, 包括甲路、乙路两条东西向发展轴, 以及丙路、丁路两条南北向发展轴: after a
        # description of them all, the parts listed in groups, each counted and said of which
        # kind, the counts adding up to the label's
        return grouped, False
    for c in clauses:
        built = _BUILT_EACH.search(c) if k and k > 1 else None
        named = [clean_name(x) for x in _top_split(built.group(1), _LIST_SPLIT)] if built else []
        if len(named) == k and all(2 <= len(x) <= 16 and _SPACE_WORD.search(x) for x in named):
            # 在东、南、西、北四个方向分别打造甲城、乙城、丙城和丁城: what is built at each,
            # as many as counted, names of their own kind (the wings are towns)
            return named, False
    for c in clauses:
        most = _most_named(c, k, kinds)
        if most:
            return most, False
    examples = any(_SOME_OF.match(c) for c in clauses[1:])
    # (“两轴”就是实施“北跨、东扩”的拓展战略: one clause naming no part of the role, what they
    # are as a whole)
    whole = len(parts) == 1 and "“" in parts[0] and not clean_name(parts[0]).endswith(suffixes)
    # (“两带”为滨海滨江T型区域发展走廊: one name of another kind for the parts, the whole)
    whole = whole or (
        k is not None
        and k > 1
        and len(clauses) == 1
        and len(parts) == 1
        and _WHOLE_KIND.search(clean_name(parts[0])) is not None
        and not clean_name(parts[0]).endswith(suffixes)
        and not re.search(r"[“”\"和与及;；]", parts[0] + line.rstrip(";；"))
    )
    if (
        k == 1
        or k is None
        or len(parts) > 1
        or _DESCRIBED_ALL.search(clauses[0])
        or examples
        or whole
    ):
        # a list of another count than the token's (甲路、乙路、丙路和丁路形成三个交通环), a
        # description of them all (两侧沿江展开的城区, 江中的三座沙洲), or one followed by things
        # of another kind (…的支流港区, 包括甲镇、乙镇等) describes the parts as a whole: one
        # part, named by its label
        return [clauses[0]], False
    # the parts apart by semicolons on the definition's line (东西向的甲轴;南北向的乙轴), which
    # the head stops at; or names all of one kind, the role no word of theirs (“三纵”: 甲—乙
    # 生态廊道; 丙生态廊道; 丁生态廊道), as counted
    line = re.split(r"[。\n]", body.lstrip(" :：\n"), maxsplit=1)[0]
    semi = _top_split(line, re.compile(r"[;；]"))
    if k and len(semi) == k > 0:
        names = [clean_name(c) for c in semi]
        if all(n.endswith(suffixes) for n in names) or (k > 1 and _one_kind(names)):
            return semi, False
    return [], False


# What a name for several parts as a whole ends with (甲乙T型区域发展走廊).
_WHOLE_KIND = re.compile(r"(?:走廊|廊道)$")


_AND_THEN = re.compile(r"(?<=[\u4e00-\u9fff]{2})以及(?=[\u4e00-\u9fff]{2})")


# A line opened by its number (1. / ① / (一) / 第一 / 一是 / 一、), not a name with a numeral in
# it.
_NUMBERED_HEAD = re.compile(
    r"[\dA-Za-z①-⑳(（]|第[一二三四五六七八九十]|[一二三四五六七八九十]+(?:是|、|[.．])"
)


# A list of what is built, one at each of the places the clause names (分别打造甲城、乙城).
_BUILT_EACH = re.compile(r"分别(?:打造|建设|形成|布局|培育|设置|布置)([^,，。;；]{4,120})$")


# A line counted out, a part's own label of its role's kind, then what it is (一是“主核”,即甲城区).
_LABELLED_LINE = re.compile(
    rf"[ \t]*[一二三四五六七八九十]是[{_OPEN}]([^{_CLOSE}\n]{{1,10}})[{_CLOSE}]"
    rf"(?:[,，]|{_STOP_THEN_DEFINED})?\s*(?:即|指|为|是)([^,，。;；\n]{{2,24}})"
)


def _labelled_lines(body: str, tokens: list[tuple[str, str]]) -> list[str]:
    r"""The parts on the lines counted out below a colon, each led by a label of its own that
    ends in the role of the token it fills, in the name's order (“一核三极”区域,其组成为:\n一是
    “主核”,即甲城区;\n二是“…极”,指乙新区…): what each label is said to be.

    >>> body = ":\n一是“主核”,即甲城区。\n二是“北极”,指乙新区。"
    >>> _labelled_lines(body, [("一", "核"), ("一", "极")])
    ['甲城区', '乙新区']
    """
    roles = [r for n, r in tokens for _ in range(count_of(n) or 0)]
    out = []
    for line in body.lstrip(" :：\n").split("\n")[: len(roles)]:
        m = _LABELLED_LINE.match(line)
        if m is None or not m.group(1).endswith(roles[len(out)]):
            return []
        out.append(m.group(2))
    return out if len(out) == len(roles) else []


def _one_kind(names: list[str]) -> bool:
    """Whether names share their last word, a word of space, each naming more than it.

    >>> _one_kind(["甲河—乙河生态廊道", "丙山生态廊道"]), _one_kind(["甲河生态廊道", "加快建设"])
    (True, False)
    """
    size = 0
    while size < min(map(len, names)) and len({n[-1 - size] for n in names}) == 1:
        size += 1
    tail = names[0][len(names[0]) - size :]
    return (
        len(tail) >= 2
        and _SPACE_WORD.search(tail) is not None
        and all(2 <= len(n) - len(tail) <= 24 for n in names)
    )


def _colon_clauses(body: str, k: int | None, suffixes: tuple[str, ...]) -> list[str]:
    r"""After a colon, the names leading its clauses (三泉依次为: 甲温泉, 位于…; 乙温泉, 水温…), a
    clause a line or not; a count's worth of names of places (两心分别为: 甲景区, 作为…; 乙景区…).

    >>> _colon_clauses(":\n甲组团,由甲县构成;\n乙组团,由乙县构成。", 2, ("组团",))
    ['甲组团', '乙组团']
    """
    if body.lstrip(" ")[:1] not in ":：":
        return []
    for ends in (suffixes, None):
        named = _named_clauses(body.lstrip(" :：\n"), ends, lead=r"[,，]")
        if len(named) >= 2 and (k is None or len(named) == k):
            return named
    return []


def _later_listed(clauses: list[str], k: int | None, suffixes: tuple[str, ...]) -> list[str]:
    """A clause listing names of the role's kind, as many as counted (…, 主要包括甲组团、乙组团);
    after 即, a count's worth of any names; a list the clause lays out in order (…, 依次打造甲湾、
    乙湾、丙湾三个功能湾).

    >>> _later_listed(["两个片区", "包括东片、西片"], 2, ("片",))
    ['东片', '西片']
    """
    for clause in clauses:
        namely = clause.startswith("即")
        # (包括 a count's worth of names of space: 即全区五大功能板块, 包括甲街区、…和戊新区; not
        # of groups each counted: 包括甲路、乙路两条东西向发展轴, 以及…; places are a group, as
        # ever: 由五个重点镇构成, 包括甲镇、…)
        included = clause.startswith(("包括", "主要包括")) and not _DESCRIBED_ALL.search(clause)
        clause = re.sub(
            r"^(?:主要包括|包括|分别是|分别为|主要有|即|(?:依次|分别)(?:打造|建设|形成|布局|设置|培育))",
            "",
            clause,
        )
        # 由甲、乙、丙三地组成的丁组群: what an item is made of says no part's name
        clause = re.sub(r"由[^由的,，]{2,40}?(?:组成|构成)的", "", clause)
        cands = _shared_noun(_top_split(clause, _LIST_SPLIT))
        if (
            (len(cands) == k or (k is None and len(cands) >= 2))
            and all(
                clean_name(c).endswith(suffixes)
                or (namely and k)
                or (included and k and _SPACE_WORD.search(clean_name(c)))
                for c in cands
            )
            and not (
                included
                and all(_is_place_item(c) or re.search("[镇乡村]$|街道$", c) for c in cands)
            )
        ):
            return cands
    return []


# A sentence's opening connective (此外, 另外, 其中): what follows leads the sentence.
_CONNECTIVE = re.compile(r"\s*(?:此外|另外|其中|同时|还有|再者|其次|最后)?[,，]?\s*")


def _as_written(
    names: list[str], head: str, after: str, k: int, suffixes: tuple[str, ...]
) -> list[str]:
    """``names`` read from a definition, unless some were made by sharing a noun (南北向和东西
    向两条发展轴 -> 南北向发展轴) and the sentence after names all ``k`` as the plan does,
    each leading a clause (其中, 城市南北发展轴依托…; 城市东西发展轴沿…): then those."""
    named = _kinds_named(names, after, suffixes)
    if named:
        return named
    if all(_MADE_OF_END.sub("", strip_long_parens(n)) in head for n in names):
        return names
    return _semicolon_leads(after, k, suffixes) or names


def _kinds_named(names: list[str], after: str, suffixes: tuple[str, ...]) -> list[str]:
    """The names the text gives, after the definition, to parts listed by their kind alone
    (由一条主轴和一条次轴构成。主轴为甲发展主轴; 次轴为乙发展次轴), or [] unless each kind is
    named so.

    >>> _kinds_named(["一条主轴", "一条次轴构成"], "。主轴为甲发展主轴;次轴为乙发展次轴。", ("轴",))
    ['甲发展主轴', '乙发展次轴']
    """
    kinds = [
        re.sub(r"^[一二两三四五六七八九十]?(?:条|个|座|处)?", "", _MADE_OF_END.sub("", n.strip()))
        for n in names
    ]
    if len(set(kinds)) != len(kinds) or not all(
        2 <= len(k) <= 3 and k.endswith(suffixes) for k in kinds
    ):
        return []
    out = []
    for kind in kinds:
        m = re.search(
            rf"(?:^|[。;；,，\n]){re.escape(kind)}(?:为|是|即)([^,，。;；\n]{{2,24}})", after
        )
        name = clean_name(m.group(1)) if m else ""
        if not name.endswith(suffixes) or name == kind:
            return []
        out.append(name)
    return out


def _semicolon_leads(after: str, k: int, suffixes: tuple[str, ...]) -> list[str]:
    """The names leading the ``k`` clauses of the sentence after a definition, apart by
    semicolons, each ending with the role's suffix before what it rests on, runs along or
    does (其中, 甲轴依托…形成; 乙轴沿…展开), or [] unless all ``k`` lead so.

    >>> _semicolon_leads("。其中,城市甲轴依托铁路形成;城市乙轴沿边境展开。", 2, ("轴",))
    ['城市甲轴', '城市乙轴']
    """
    ends = "|".join(map(re.escape, sorted(suffixes, key=len, reverse=True)))
    lead = re.compile(
        rf"([\u4e00-\u9fff]{{1,12}}?(?:{ends}))"
        r"(?=依托|沿|以|位于|包括|由|是|为|作为|串联|连接|联系|贯穿|[,，])"
    )
    sentence = re.split(r"。", after.lstrip("。 \n"), maxsplit=1)[0].replace("\n", "")
    clauses = re.split(r"[;；]", sentence[_CONNECTIVE.match(sentence).end() :])
    out = [m.group(1) for c in clauses if (m := lead.match(c.strip()))]
    return out if len(out) == k == len(clauses) else []


def _sentence_leads(after: str, k: int, suffixes: tuple[str, ...]) -> list[str]:
    """The names leading the ``k`` sentences after a definition, one a sentence, each ending
    with the role's suffix and followed by what it holds or does (甲片区包括…; 此外, 乙片区由
    …组成), or [] unless all ``k`` lead so; after 其中 (among them), two or more of them
    apart by semicolons.

    >>> _sentence_leads("。甲片区包括甲镇。此外,乙片区由乙镇组成。", 2, ("片区",))
    ['甲片区', '乙片区']
    """
    ends = "|".join(map(re.escape, sorted(suffixes, key=len, reverse=True)))
    lead = re.compile(
        rf"([\u4e00-\u9fff]{{1,12}}?(?:{ends}))(?=包括|包含|涵盖|由|位于|以|是|为|作为|串联|依托|[,，])"
    )
    some = re.match(r"[。,，\s]*其中[,，:：]?", after)
    if some:
        # …四个功能组团。其中, 甲组团是…; 乙组团是…: some of them, apart by semicolons
        named = []
        for piece in re.split(r"[;；]", re.split(r"。", after[some.end() :], maxsplit=1)[0]):
            m = lead.match(piece.strip().replace("\n", ""))
            if m is None:
                break
            named.append(m.group(1))
        if 2 <= len(named) <= k:
            return named
    out: list[str] = []
    for sentence in re.split(r"。", after.lstrip("。 \n"))[:k]:
        sentence = sentence.replace("\n", "")  # (a hard-wrapped line goes on)
        m = lead.match(sentence, _CONNECTIVE.match(sentence).end())
        if m is None:
            return []
        out.append(m.group(1))
    return out if len(out) == k else []


# Some of the parts counted, closing the definition's line (其中与本县关系最密切的有两条:).
_SOME_COUNTED = re.compile(rf"(?:有|为)([{NUMERALS}])(?:条|个|处|座|片|大)\s*[:：。]?\s*$")

# Some of the parts given as examples, the list left open (包括甲港区、乙港区等).
_SOME_OF = re.compile(r"(?:主要|其中)?(?:包括|包含|有)[^。;；]{2,60}等$")

# A list left open, what includes it said or not (包括甲、乙等; 甲、乙等).
_OPEN_LIST = re.compile(r"(?:(?:主要|其中)?(?:包括|包含|有))?([^。;；]{2,60})等")


# The kind a description of all the parts names, at its end (四条东西向的景观长廊 -> 长廊).
_DESCRIBED_KIND = re.compile(
    rf"^[{NUMERALS}1-9](?:个|条|座|处|大|片)[^,，。;；]*?([\u4e00-\u9fff]{{2}})$"
)


def _most_named(clause: str, k: int | None, suffixes: tuple[str, ...]) -> list[str]:
    """The parts a list left open names, two or more of those counted, each a name of the
    role's kind or of the kind a description of them all says (“六组团”包括甲组团、乙组团…等;
    四条景观长廊, 包括甲景观长廊、乙景观长廊等): the parts the plan names, as keys take them; a
    list of other things (包括甲镇、乙镇等) leaves the parts to their label.

    >>> _most_named("包括甲组团、乙组团、丙组团、丁组团等", 5, ("组团",))
    ['甲组团', '乙组团', '丙组团', '丁组团']
    >>> _most_named("包括甲港区、乙港区等", 5, ("港区",))
    ['甲港区', '乙港区']
    >>> _most_named("包括甲镇、乙镇等", 5, ("港区",))
    []
    """
    m = _OPEN_LIST.fullmatch(clause)
    if m is None or not k or k < 3:
        return []
    items = [clean_name(i) for i in _top_split(m.group(1), _LIST_SPLIT)]
    if not 2 <= len(items) < k or not all(i and i.endswith(suffixes) for i in items):
        return []
    return items


# A kind counted, not a name (由1个中心城区, 4个县城, 九个重点镇).
_COUNTED_KIND = re.compile(rf"^(?:由)?[0-9{NUMERALS}]+(?:个|座|条|处)")
# How the name of a place or area ends (甲镇, 乙片区, 丙新城), as a list after a colon names them.
_PLACE_NAME_END = re.compile(r"(?:镇|乡|街道|县|市|区|城|园|组团|中心|基地)$")
# What opens the parts' names after a description of them (…廊道, 即甲、乙、丙).
_NAMES_LEAD = re.compile(r"即|分别为|分别是|依次为|依次是")
_INCLUDES = re.compile(r"(?:主要)?包括")
_MEASURED_IN = re.compile(rf"[{NUMERALS}](?:个|条|座|处|大)")
# A description of several parts at once: where they lie on both sides, or their count.
_DESCRIBED_ALL = re.compile(rf"两侧|两岸|两边|沿线|[{NUMERALS}1-9][座个条片处]")
# The parts listed and counted as what makes the whole up (由甲、乙和丙三个片区组成).
_MADE_OF_COUNTED = re.compile(
    rf"(?:^\s*|由)([^由。;；:：,，]{{4,100}}?)([{NUMERALS}])[个条片处座大][\u4e00-\u9fff]{{0,4}}"
    r"(?:共同)?(?:组成|构成)"
)


# A run of numeral + role tokens, the shape of every label; which runs are labels of the plan's
# structures is checked against their tokens.
_TOKEN_SPAN = re.compile(TOKEN)
_PLAIN_SPAN = re.compile(rf"(?:{PLAIN_TOKEN}[、,，]?)+")
# A quoted single token and the verb that defines it, right before a label's words.
_SAID_AS = re.compile(rf"[{_OPEN}]({TOKEN})[{_CLOSE}]\s*(?:是指|即为|即|指|为|是)\s*$")
# A verb laying out a part before a counted name (布置一条甲廊): the name is the part's own.
_LAID_OUT = re.compile(r"(?:布置|设置|建设|打造|形成|构建|规划|培育|建成)$")
_RUN = re.compile(rf"{TOKEN}(?:[、,，]?{TOKEN})*")
_MARK_RE = re.compile(rf"\s*[{_CLOSE}]?\s*(?:{_MARK})")
# Not after a verb that 为 completes (把甲与乙连为一体, 融为一体: joined into one, no label;
# 将市域划分为“四大功能区”: what is divided, no list of the parts).
# The label may follow the whole it is part of and 的 (以甲和乙为市域发展的“双核”: 市域, 县域,
# 全市, 城区 …), not words of how the items stand to it (以文旅为主导的“两带”: no list of them).
# A pair of opposite sides before a count of two (东西两区: 东区 and 西区).
_SIDE_PAIR = re.compile(r"东西|南北")
_BEFORE_RE = re.compile(
    rf"(?:以|将|把)([^以将把为。;；\n,，]{{1,{BEFORE_CHARS}}}?)(?:作为|(?<![连融合结汇聚分])为)"
    r"(?:[市县区域城全镇][^以将把为。;；\n,，的“”]{1,6}的)?"
    rf"[{_OPEN}]?$"
)


# ... or the list before a one-token label it makes up (甲、乙、丙和丁四处景点,共同构成“四中心”),
# from the start of its clause: what before a 的 only says where the items lie (景区内的甲).
_MADE_UP_BEFORE = re.compile(
    rf"(?:[^。;；:：\n,，]{{0,20}}的)?([^。;；:：\n,，的]{{2,{BEFORE_CHARS}}}?)[,，]?\s*"
    rf"(?:共同|一起)?(?:构成|组成)了?[{_OPEN}]$"
)


# A gloss in another script after a label or name (一核(One Core), 甲景区(Jia Scenic Area)).
_GLOSS = re.compile(r"\s*[(（][A-Za-z][A-Za-z0-9 ,.'’&–-]{0,60}[)）]")
# A label closing the list of its parts (…甲轴、乙轴和丙轴, 是为“三轴”).
_NAMED_BEFORE = re.compile(
    rf"(?:[,，]\s*(?:是为|即为|统称为|统称|合称为|合称|简称为|简称|称为|谓之)|即为)\s*[{_OPEN}]?$"
)  # …甲轴、乙轴, 是为“两轴”; 甲江即为“一江”


# Where and how a named part is laid out, before its name (园区中部布置一条甲廊).
_PLACED = re.compile(
    r"^[\u4e00-\u9fff]{0,8}?(?:布置|设置|建设|打造|形成|构建|规划)(?:[一两][条个座片处道])?"
    r"(?=[\u4e00-\u9fff]{2})"
)
# A clause naming a part by where it lies (中部是甲廊; 东部为乙带).
_PLACED_AT = re.compile(
    r"\s*[:：]?\s*(?:即|以及|及)?\s*(?:(?:[东西南北中]部|[东西南北]边|中间|中央)(?:是|为|布置|设置|的))?"
    r"([^,，;；。、]{2,24})$"
)
_CLAUSES = re.compile(r"[;；,，、]|以及")
_NAMED_BEFORE_JI = re.compile(rf"[,，]\s*即\s*[{_OPEN}]?$")


# An article's number and a quote, all a line holds before its label (第五条 “五副”).
_ARTICLE_TITLE = re.compile(rf"\s*第[一二三四五六七八九十百零0-9]+条\s*(?:关于)?\s*[{_OPEN}]")
# What may open a line before a label titling it: a number and quotes (1. “五核”。…).
_TITLE_LEAD = re.compile(
    r"\s*(?:[0-9]{1,2}\s*[.、．]|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩]"
    r"|[一二三四五六七八九十]+、|[一二三四五六七八九十]是)?\s*"
    rf"[{_OPEN}]?"
)


def _known_run(text: str, m: re.Match, runs: set[tuple[str, ...]]) -> tuple[int, int] | None:
    """The longest start of a token run that is a run of some structure's tokens."""
    s = m.start()
    tokens = list(_TOKEN_SPAN.finditer(text, s, m.end()))
    for n in range(len(tokens), 0, -1):
        e = tokens[n - 1].end()
        found = tokens_of(text[s:e])
        if not _PLAIN_SPAN.fullmatch(text, s, e):  # 五条发展轴线 counts the parts of 五轴
            found = [(k, _SAME_ROLE.get(r, r)) for k, r in found]
        if _token_key(found) in runs:
            return s, e
    return None


# What divides a whole into the parts a token counts (分为五个组团, 划分为以下五个组团).
_DIVIDED = re.compile(r"(?:分为|划分为|包括)(?:以下|如下|下列)?$")


# A part said in a whole name's definition by its count, a measure word and its kind (…形成一条
# 城市发展轴; 串联甲、乙和丙三个公共服务中心): the words after the measure word name it.
_MEASURED_PART = (
    r"(?<![{n}{ns}])(?:{num})(?:个|条|座|处|片|大)([^\W\d{ns}]{{0,10}}?(?:{ends}))"
    r"(?=[,，。;；、:：\s]|$|(?:共同)?(?:组成|构成))"
)
# What opens the list of a counted kind's members before it (串联甲、乙和丙三个…中心).
_MEMBERS_LEAD = re.compile(
    r"(?:串联|串起|连接|联动|包括|包含|涵盖|布局|布置|形成|打造|建设|即|有|为|由|[,，;；:：])"
)


def _measured_parts(body: str, tokens: list[tuple[str, str]]) -> list[list[str]] | None:
    r"""The parts of each token of a whole name said in its definition by count and kind: a
    token of one, the name after its measure word (一条城市发展轴 -> 城市发展轴); a token of
    more, the list right before its count (甲、乙和丙三个公共服务中心 -> 甲, 乙, 丙), as many
    names as it counts, or fewer before 等 (甲、乙等六个产业园区). Read in the definition's
    first sentence; None unless every token is found so.

    >>> _measured_parts("依托乙路形成一条城市发展轴,串联甲城、乙镇和丙镇三个服务中心。",
    ...                 [("一", "轴"), ("三", "核")])
    [['城市发展轴'], ['甲城', '乙镇', '丙镇']]
    >>> _measured_parts("即由包括北环、南环在内的两条旅游环线,和包括北射线在内的一条放射线组成。",
    ...                 [("两", "环"), ("一", "射")])
    [['北环', '南环'], ['放射线']]
    """
    stop = min(
        (i for i in (body.find("。"), body.find("；"), body.find(";"), body.find("\n")) if i != -1),
        default=len(body),
    )
    sentence = body[:stop]
    out: list[list[str]] = []
    for numeral, role in tokens:
        k = count_of(numeral)
        if k is None:
            return None
        same = "两二" if numeral in "两二" else numeral
        ends = "|".join(
            sorted({*ROLE_SUFFIX.get(role, ()), role, role + "区"}, key=len, reverse=True)
        )
        rx = _MEASURED_PART.format(n="第", ns=NUMERALS, num="|".join(same), ends=ends)
        m = re.search(rx, sentence)
        if m is None:
            return None
        if k == 1:
            out.append([m.group(1)])
            continue
        before = sentence[: m.start()]
        etc = before.endswith("等")
        # (包括甲、乙、丙在内的三条环线: the list closed by 在内的, whole)
        before = before.removesuffix("等").removesuffix("在内的")
        leads = list(_MEMBERS_LEAD.finditer(before))
        items = [
            clean_name(x)
            for x in _top_split(before[leads[-1].end() if leads else 0 :], _LIST_SPLIT)
        ]
        if any(not x or len(x) > 16 for x in items) or not (
            len(items) == k or (etc and 2 <= len(items) < k)
        ):
            return None
        out.append(items)
    return out


# The layout a quoted name governs, closing its clause before 即由 says what it is made of
# (“两环两射”的空间布局, 即由…组成).
_GOVERNED_THEN = re.compile(
    rf"[{_CLOSE}]?的[\u4e00-\u9fff]{{0,6}}?(?:格局|布局|结构|体系|网络|骨架|框架)[,，]\s*(?=即由)"
    # 按照“三区一体”组织, 由甲区、乙区和丙区组成: laid out by the name, then what makes it up
    rf"|[{_CLOSE}]?(?:组织|布局|展开)[,，]\s*(?=由[^。;；]{{2,80}}?(?:组成|构成))"
    # 其基础是“一纵三横”铁路网:\n一是…: the whole the name governs, its parts on the lines below
    rf"|[{_CLOSE}](?:(?!的)[\u4e00-\u9fff]){{0,4}}?"
    r"(?:网络|网|格局|布局|结构|体系|骨架|框架)(?=[:：][ \t]*\n)"
    # “一核三极”区域, 其组成为:\n一是…: what the name covers, then what makes it up, below
    rf"|[{_CLOSE}][\u4e00-\u9fff]{{0,4}}[,，]\s*其(?:组成|构成)(?:为|是|如下)(?=[:：][ \t]*\n)"
)
# The verb after a token in a phrase of a name, up to its closing quote (“三轴并进”).
_PHRASE_VERB = re.compile(rf"([^\W\d{NUMERALS}]{{2}})(?=[{_CLOSE}])")


def _find_labels(
    text: str, patterns: dict[str, list[tuple[int, int]]], heading_starts: list[int] = ()
) -> list[_Label]:
    runs: set[tuple[str, ...]] = set()
    for pattern in patterns:
        runs.update(_runs(tokens_of(pattern)))
    if not runs:
        return []
    mentions = sorted(span for spans in patterns.values() for span in spans)
    mention_starts = [s for s, _e in mentions]
    headings = []
    for h in heading_starts:
        end = text.find("\n", h)
        headings.append((h, end + 1 if end != -1 else len(text)))
    out: list[_Label] = []
    for m in _RUN.finditer(text):
        known = _known_run(text, m, runs)
        if known is None:
            continue
        s, e = known
        if s > 0 and text[s - 1] == "第":
            continue  # an ordinal (第三圈), not the label 三圈
        if (
            text[s] == "一"
            and _LAID_OUT.search(text, max(0, s - 4), s)
            and not _PLAIN_SPAN.fullmatch(text, s, e)
        ):
            continue  # 布置一条滨河生态廊: a part laid out and named, not the label 一廊
        label_text = text[s:e]
        i = bisect.bisect_right(mention_starts, s) - 1
        inside = mentions[i] if i >= 0 and e <= mentions[i][1] else None
        if inside is not None and inside != (s, e):
            continue  # a token of a longer name, not a label
        if len(out) >= MAX_LABELS:
            break
        quoted = s > 0 and text[s - 1] in _OPEN
        tokens = tokens_of(label_text)
        verb = _PHRASE_VERB.match(text, e) if quoted else None
        if verb and any(label_text + verb.group(1) in p for p in patterns):
            e = verb.end(1)  # “三轴并进”指…: a phrase of a name (主副双心、三轴并进), its token
        if not _PLAIN_SPAN.fullmatch(text, s, e):
            tokens = [(n, _SAME_ROLE.get(r, r)) for n, r in tokens]  # 五条发展轴线: of 五轴
        said = _SAID_AS.search(text, max(0, s - 12), s) if not quoted else None
        if said and [_norm_count(t) for t in tokens_of(said.group(1))] == [
            _norm_count(t) for t in tokens
        ]:
            continue  # “双轴”是指两条综合发展轴: the quoted label's words, no label of its own
        # two parts counted by the sides they lie on (东西两区, 南北两翼): each side's own part
        if (
            not quoted
            and len(tokens) == 1
            and count_of(tokens[0][0]) == 2
            and _SIDE_PAIR.fullmatch(text, max(0, s - 2), s)
            and (s < 3 or not re.match(r"[\u4e00-\u9fff]", text[s - 3]))
            and _MARK_RE.match(text, e)
        ):  # (a clause led by them, defining them: 。东西两区是…; not 湘江东西两岸, 服务东西两岸的)
            sides = [side + tokens[0][1] for side in text[s - 2 : s]]
            out.append(_Label(s - 2, e, tokens, label_text, "sides", sides))
            continue
        # the list before the label: 以甲、乙为“两区”
        lo = max(0, s - BEFORE_CHARS - 3)
        before = _BEFORE_RE.search(text[lo:s])
        closed = text[e : e + 1] in _CLOSE or text[e : e + 1] in ",，。;；、"
        if before and (quoted or closed):
            out.append(
                _Label(lo + before.start(), e, tokens, label_text, "before", [before.group(1)])
            )
            continue
        made = _MADE_UP_BEFORE.search(text[lo:s]) if quoted and len(tokens) == 1 else None
        if made is not None and made.group(1).endswith("、"):
            made = None  # 甲与乙并重、组成“双星”: verbs in a row, no list before the verb
        if made is not None:
            items = _top_split(made.group(1), _LIST_SPLIT)
            if len(items) > 1 and len(items) == count_of(tokens[0][0]):
                out.append(
                    _Label(lo + made.start(1), e, tokens, label_text, "before", [made.group(1)])
                )
                continue
        # the names before the label, closed by 是为, 统称, 简称 (…甲轴、乙轴, 是为“两轴”)
        named = _NAMED_BEFORE.search(text, lo, s) if (quoted or closed) else None
        after = e + (1 if text[e : e + 1] in _CLOSE else 0)
        if named is None and text[after : after + 1] in ",，。;；":
            # …布置一条甲廊, 即“一廊”, 作为…: the name before the label, the label closing it
            named = _NAMED_BEFORE_JI.search(text, lo, s)
        if named is not None and len(tokens) == 1:
            # after a comma the names are the sentence's; else the clause's (甲江即为“一江”)
            stops = "。；;\n" if named.group()[0] in ",，" else "。；;\n,，"
            stop = max(text.rfind(ch, max(0, s - BODY_CHARS), s) for ch in stops)
            out.append(_Label(max(stop + 1, s - BODY_CHARS), e, tokens, label_text, "named"))
            continue
        mk = _MARK_RE.match(text, e)
        gloss = _GLOSS.match(text, e + (1 if text[e : e + 1] in _CLOSE else 0))
        if gloss is not None:  # “两心”(Two Centres): a gloss of the label, then its mark
            mk = _MARK_RE.match(text, gloss.end())
        governed = _GOVERNED_THEN.match(text, e) if quoted and mk is None else None
        if governed is not None and len(tokens) > 1:
            # “一核两轴”的空间结构, 即…: the layout the name governs, then what it is
            mk = _MARK_RE.match(text, governed.end())
        if mk and mk.group().strip().startswith("为") and text[s - quoted - 1 : s - quoted] == "以":
            continue  # 以“一核”为支点: the label used, not defined
        head_line = next((h for h in headings if h[0] <= s < h[1]), None)
        line_start = text.rfind("\n", 0, s) + 1
        if (
            head_line is None
            and not mk
            and text[e : e + 1] in "。．"
            and _TITLE_LEAD.fullmatch(text, line_start, s)
        ):
            # a label titling its numbered line (1. 五核。培育…): the rest of the line defines it
            line_end = text.find("\n", e)
            head_line = (line_start, line_end + 1 if line_end != -1 else len(text))
        if head_line is None and not mk and text[e : e + 1] == "\n" and len(tokens) == 1:
            # a token closing its line is the title of what follows (第六条 甲形态与九片区)
            head_line = (text.rfind("\n", 0, s) + 1, e + 1)
        article = _ARTICLE_TITLE.fullmatch(text, line_start, s)
        after = re.match(rf"[{_CLOSE}][ \t]*\n", text[e : e + 4])
        if head_line is None and not mk and len(tokens) == 1 and article and after:
            # a quoted label alone on its article's line titles what follows (第五条 “五副”)
            head_line = (line_start, e + after.end())
        if not mk and head_line is not None:
            # a label in a numbered sub-heading ((一)做强一核): the section below defines it
            # its body is the rest of the heading's line ((一)一核。以甲城区为核心…) or,
            # when the line holds only the heading, the section below it
            rest = text[e : head_line[1]].lstrip('”"」』。.、:： ')
            body_start = head_line[1] if len(rest.strip()) < 4 else head_line[1] - len(rest)
            out.append(_Label(s, body_start, tokens, label_text, "heading"))
            continue
        if not mk:
            if quoted and len(tokens) == 1 and text[e : e + 1] in _CLOSE:
                out.append(_Label(s - 1, e + 1, tokens, label_text, "prose"))
            continue
        if not quoted:
            cut = max(text.rfind(ch, max(0, s - 8), s) for ch in _BOUNDARY)
            divided = _DIVIDED.search(text, max(0, s - 6), s)
            colon = mk.group().strip() in (":", "：") and (
                len(tokens) > 1
                or _ENUM.match(text, mk.end()) is not None
                or _DASH_LINE.match(text, mk.end()) is not None
            )  # a whole name, or one whose parts the colon opens counted (…两条发展轴:一条是…)
            # or a line each below it, led by a dash (…四大产业片区:\n——甲片区:…)
            # the head of its clause, then what it is (…在两心之外确定的三片, 指甲、乙和丙)
            headed = text[s - 1 : s] == "的" and mk.group().lstrip()[:1] in ",，"
            # a count of parts closing its clause, then their list (…布置五条发展轴线, 依次为…)
            listed = re.match(
                r"[,，]\s*(?:依次|分别)(?:为|是)", mk.group().strip()
            ) is not None and not _PLAIN_SPAN.fullmatch(text, s, e)
            # the token picked out of its quoted name (“一心六组团”中的六组团是…, 分别为:)
            picked = re.search(
                rf"[{_OPEN}]([^{_CLOSE}]{{2,30}})[{_CLOSE}]中的$", text[max(0, s - 34) : s]
            )
            picked = picked is not None and label_text in picked.group(1)
            if (
                s > 0
                and (cut == -1 or s - cut - 1 > 6)
                and s > 8
                and not (divided or colon or headed or listed or picked)
            ):
                # a token inside a longer clause, unless it is what is divided, or a whole
                # name a colon opens (…概括起来就是一廊三带: 中部是…)
                continue
        out.append(_Label(s - (1 if quoted else 0), mk.end(), tokens, label_text, "def"))
    return out


_CHAIN_AFTER = re.compile(
    r"以([^以。;；\n]{1,60}?)为(?:[^以。;；\n]{0,24}?的)?([\u4e00-\u9fff]{1,8}?)(?=[,，、;；。\n]|$)"
)  # 以甲江为串联上下游、贯通东西的纽带: the role is the word after the last 的
# What may stand between a name and a chain after it: the rest of the name's clause.
_CHAIN_LEAD = re.compile(rf"[{_CLOSE}]?[^。;；:：以\n]{{0,20}}[。:：,，;；]\s*(?:其中[,，]?|即)?")


# A clause of a chain that says its 以 no more (以甲为主中心城市, 乙、丙为副中心城市): short
# names apart by 、, and the role after 为.
_CHAIN_ELIDED = re.compile(
    r"([^以为,，。;；:：\n]{2,30}?)为(?:[^以,，。;；\n]{0,24}?的)?([\u4e00-\u9fff]{1,8}?)"
    r"(?=[,，、;；。\n]|$)"
)


# Words that make what stands before 为 a clause of its own, no names (全面建设…为目标).
_ELIDED_NOT_NAME = re.compile(r"建设|发展|打造|推进|加快|形成|构建|提升|作为|成为|全面|目标|的")


def _chain_elided(text: str, pos: int) -> re.Match | None:
    """A clause of a chain after its first that leaves out 以, when what it names is one to
    four short names apart by 、 (乙城、丙城为省域副中心城市), not a clause of its own.

    >>> _chain_elided("乙城、丙城为省域副中心城市。", 0).groups()
    ('乙城、丙城', '省域副中心城市')
    >>> _chain_elided("全面建设为目标。", 0) is None
    True
    """
    c = _CHAIN_ELIDED.match(text, pos)
    if c is None:
        return None
    items = c.group(1).split("、")
    if not 1 <= len(items) <= 4 or not all(2 <= len(it) <= 6 for it in items):
        return None
    if any(_ELIDED_NOT_NAME.search(it) for it in items):
        return None
    return c


def _agrees(role: str, word: str) -> bool:
    """Whether ``word`` (核心, 两条发展轴, 多点) names the role ``role`` (核, 轴, 点)."""
    return role in word or word.endswith(ROLE_SUFFIX.get(role, ()))


# Who builds, before a chain (全省以…, 本县以…).
# A clause between two of a chain that names a part by a verb of growing it (以甲都市圈为核心,
# 推动乙城市群联动发展, 以丙城市为节点): the part's name ends in its kind, the chain's role.
_CHAIN_VERB = re.compile(
    r"(?:推动|带动|促进|推进|引导|壮大|培育|做强|打造)"
    r"([^以,，。;；:：\n]{2,24}?(都市圈|城市群|经济圈|经济带|发展带|走廊|组团|片区|板块))"
    r"(?:联动|协同|一体化|融合|集聚|高质量)?(?:发展|建设)?(?=[,，;；。\n]|$)"
)
_CHAIN_SUBJECT = re.compile(r"(?:全省|全市|全州|全县|全区|本市|本县|本区|规划|市域|县域)(?=以)")
# What a heading may say its name is, after it: 生态空间格局, 发展布局, 空间结构.
_HEADING_KIND = r"[\u4e00-\u9fff]{0,8}?(?:格局|布局|结构|体系)"


def _chain_after(text: str, e: int, tokens: list[tuple[str, str]]) -> list[_Label]:
    r"""A chain of 以X为Y right after a mention, one clause per token in order, each naming its
    token's role: “一核两轴”格局。以甲城区为核心, 以乙路、丙路为两条发展轴. A name alone on its
    line (a heading) takes the chain that opens the paragraph below, or its second sentence; a
    chain of fewer clauses than tokens defines the tokens its clauses name by role
    (:func:`_assign`).

    >>> t = "第二节 一心一带三区\n全县统筹规划。以甲城为核心, 以乙江为串联上下游的纽带, 带动景区。"
    >>> [(lb.tokens, lb.items) for lb in _chain_after(t, 10, tokens_of("一心一带三区"))]
    [([('一', '心')], ['甲城']), ([('一', '带')], ['乙江'])]
    """
    starts = []
    lead = _CHAIN_LEAD.match(text, e, e + 40)
    if lead is not None:
        starts.append(lead.end())
    line_start = text.rfind("\n", 0, e) + 1
    # the name may close its heading with what it is (一江一湖三山四水生态空间格局)
    below = re.match(rf"[{_CLOSE}]?(?:{_HEADING_KIND})?[ \t]*\n", text[e : e + 16])
    if below is not None and e - line_start <= HEADING_CHARS:
        para = e + below.end()
        starts.append(para)
        first = re.search(r"[。;；]\s*", text[para : para + 80])
        if first is not None:
            starts.append(para + first.end())  # the second sentence, on its line or the next
    for pos in starts:
        subject = _CHAIN_SUBJECT.match(text, pos, pos + 8)  # 全省以甲江为纽带, …
        pos = subject.end() if subject else pos
        run: list[re.Match] = []
        while len(run) < len(tokens):
            c = _CHAIN_AFTER.match(text, pos)
            if c is None and run:
                c = _CHAIN_VERB.match(text, pos)  # a part grown between two of the chain
            if c is None and run:
                c = _chain_elided(text, pos)  # 以甲为主中心, 乙、丙为副中心: 以 said once
            if c is None:
                break
            run.append(c)
            sep = re.match(r"\s*[,，;；]\s*", text[c.end() : c.end() + 4])
            if sep is None:
                break
            pos = c.end() + sep.end()
        if not run:
            continue
        if len(run) == len(tokens) and all(
            _agrees(role, c.group(2))
            and (
                count_of(numeral) is None
                or len(_top_split(c.group(1), _LIST_SPLIT)) == count_of(numeral)
            )
            for (numeral, role), c in zip(tokens, run, strict=True)
        ):
            pairs = list(zip(tokens, run, strict=True))
        else:  # paired by role when not in order (以甲、乙经济带为支撑 -> 两带)
            pairs = _assign(tokens, run)
        if pairs:
            return [
                _Label(c.start(), c.end(), [tok], c.group(2), "chain", [c.group(1)])
                for tok, c in pairs
            ]
    return []


# What may stand between a chain and the name after it: a verb of making (…, 构建“一江一湖”).
_CHAIN_GAP = re.compile(
    r"[\s,，]*(?:共同|着力|加快|全面|整体|全省|全市|全县|进一步|努力|逐步)*"
    r"(?:构建|形成|打造|构筑|建设|塑造)?[\s的“”\"「」]*"
)


_BODY_BEFORE = re.compile(r"以([^以。;；\n]{2,200}?)为(?:主体|依托|基础|重点|支撑)")


def _assign(
    tokens: list[tuple[str, str]], clauses: list[re.Match]
) -> list[tuple[tuple[str, str], re.Match]] | None:
    """Pair the tokens of a name with the clauses of a chain before it: in order when every
    clause lists as many items as its token counts; else each clause with the token whose role
    word its items or its own word carry (以长江为纽带 -> 一江; 以乙山、丙山脉为屏障 -> 三山),
    a last clause with the last token left. A chain of fewer clauses than tokens pairs each
    clause by role, and leaves the other tokens to their own definitions."""
    counts = [count_of(n) for n, _r in tokens]
    sizes = [len(_top_split(c.group(1), _LIST_SPLIT)) for c in clauses]
    if len(clauses) == len(tokens) and all(
        k is None or k == n for k, n in zip(counts, sizes, strict=True)
    ):
        return list(zip(tokens, clauses, strict=True))
    left_t, left_c, pairs = list(range(len(tokens))), list(range(len(clauses))), {}
    changed = True
    while changed and left_c:
        changed = False
        for ci in list(left_c):
            c = clauses[ci]
            fits = [
                ti
                for ti in left_t
                if tokens[ti][1] in c.group(1) or _agrees(tokens[ti][1], c.group(2))
            ]
            if len(fits) == 1:
                pairs[fits[0]] = ci
                left_t.remove(fits[0])
                left_c.remove(ci)
                changed = True
    if len(left_t) == 1 and len(left_c) == 1:
        pairs[left_t[0]] = left_c[0]
    if len(pairs) != len(clauses) or len(pairs) < 2:
        return None  # every clause paired; a chain of fewer clauses defines only those tokens
    return [(tokens[ti], clauses[pairs[ti]]) for ti in sorted(pairs)]


def _chains(text: str, patterns: dict[str, list[tuple[int, int]]]) -> dict[str, list[_Label]]:
    """Chains of 以X为Y before a mention: 以主城区为核心, 以甲路、乙路为两轴的“一点两线”,
    paired with its tokens by :func:`_assign`; or after it (:func:`_chain_after`)."""
    out: dict[str, list[_Label]] = {}
    # 以X为Y, or 以X联动发展 / 协同发展 (the clause names X, its role word is in X)
    chain_re = re.compile(
        r"以([^以。;；\n]{1,60}?)(?:为|(?=联动|协同))([\u4e00-\u9fff]{1,4}?)(?=[,，、的])"
    )
    for pattern, spans in patterns.items():
        tokens = tokens_of(pattern)
        for s, e in spans[:MAX_MENTIONS]:
            after = _chain_after(text, e, tokens)
            if after:
                out[pattern] = after
                break
            lo = max(0, *(text.rfind(ch, 0, s) + 1 for ch in "。;；\n"))
            clauses = list(chain_re.finditer(text, lo, s))
            if not clauses or not _CHAIN_GAP.fullmatch(text, clauses[-1].end(), s):
                continue
            # the run of clauses that ends at the name, each joined to the next by a comma
            run = clauses[-1:]
            for c in reversed(clauses[:-1]):
                if text[c.end() : run[0].start()].strip(",，、 ") or len(run) == len(tokens):
                    break
                run.insert(0, c)
            if len(run) > len(tokens):
                continue
            pairs = _assign(tokens, run)
            if pairs is None:
                continue
            out[pattern] = [
                _Label(c.start(), c.end(), [tok], c.group(2), "chain", [c.group(1)])
                for tok, c in pairs
            ]
            break
    return out


_COUNTED = re.compile(
    rf"^(?P<items>.+?)(?P<num>[{NUMERALS}])(?:个|条|大|座|片|处)?(?P<word>[\u4e00-\u9fff]{{1,5}})$"
)


def _counted(text: str, patterns: dict[str, list[tuple[int, int]]]) -> dict[str, list[_Label]]:
    """Counted nouns after a name: “一主两副”, 即甲城区一个主中心, 乙城区、丙城区两个副中心;
    and definitions in a bracket after it: “一体两翼”(甲区、乙区为一体, 丙市为两翼)."""
    out: dict[str, list[_Label]] = {}
    for pattern, spans in patterns.items():
        tokens = tokens_of(pattern)
        keys = _token_key(tokens)
        for _s, e in spans[:MAX_MENTIONS]:
            rest = text[e : e + 400]
            stop = min((p for p in (rest.find(ch) for ch in "。\n") if p != -1), default=len(rest))
            rest = rest[:stop]
            # (or after the layout the name governs: “一轴三带”布局(即甲轴, 以及乙带、丙带))
            bracket = re.match(
                rf"[{_CLOSE}]?(?:[\u4e00-\u9fff]{{0,4}}?(?:格局|布局|结构|框架))?\s*"
                rf"[(（](?:即|是指|指)?([^()（）]{{4,200}})[)）]",
                rest,
            )
            intro = re.match(rf"[{_CLOSE}]?[^,，:：;；]{{0,16}}?(?:[,，]\s*即|即|[:：])", rest)
            # “三城一岛”由甲城、乙城、丙城和丁岛组成: the whole's parts, in its tokens' order
            made = re.match(rf"[{_CLOSE}]?\s*由([^由;；]{{4,200}}?)(?:共同)?(?:组成|构成)", rest)
            if bracket:
                body, base = bracket.group(1), e + bracket.start(1)
            elif made and not intro:
                body, base = made.group(1), e + made.start(1)
            elif intro:
                body, base = rest[intro.end() :], e + intro.end()
            else:
                body, base = "", e
            found: list[_Label] = []
            pos = 0
            for clause in re.split(r"[,，;；]", body):
                cs = base + pos
                pos += len(clause) + 1
                clause = clause.strip()
                m = re.match(
                    rf"^(?P<items>.+?)为[{_OPEN}]?(?P<label>[{NUMERALS}][^{_CLOSE}]{{1,4}})[{_CLOSE}]?$",
                    clause,
                )
                if m and tuple(_token_key(tokens_of(m.group("label")))) in {(k,) for k in keys}:
                    tok = tokens_of(m.group("label"))
                    found.append(
                        _Label(
                            cs, cs + len(clause), tok, m.group("label"), "chain", [m.group("items")]
                        )
                    )
                    continue
                m = _COUNTED.match(clause)
                if not m:
                    continue
                num = "两" if m.group("num") == "二" else m.group("num")
                for numeral, role in tokens:
                    if _norm_token(numeral, role)[0] != num:
                        continue
                    if role in m.group("word") or m.group("word").endswith(
                        ROLE_SUFFIX.get(role, ())
                    ):
                        found.append(
                            _Label(
                                cs,
                                cs + len(clause),
                                [(numeral, role)],
                                numeral + role,
                                "chain",
                                [clause],
                            )
                        )
                        break
            if not found:
                found = _flattened(body.lstrip(":： "), base, tokens)
                if made and not intro and not bracket:
                    for label in found:  # (the whole made up of them: over other readings)
                        label.form = "whole"
            if not found:
                # enumerated items in token order after the name: 第一, 甲区; 第二, 乙区; …
                stop = text.find("\n", e)
                para = text[e : stop if stop != -1 else e + BODY_CHARS]
                items = _enumerated(para)
                if len(items) >= 2:
                    found = _flattened("、".join(items), e, tokens)
            if not found:
                # …分为一圈三区, 依次为: and the items on numbered lines below, in token order;
                # below a heading naming it, the numbered lines after its first paragraphs
                line_start = text.rfind("\n", 0, _s) + 1
                heading = re.match(r"[ \t]*\n", text[e : e + 3]) and e - line_start <= HEADING_CHARS
                pos = e
                for _ in range(3 if heading else 1):
                    lines = _list_lines(text, pos)
                    if len(lines) >= 2:
                        found = _flattened("、".join(lines), e, tokens)
                        break
                    pos = text.find("\n", pos + 1)
                    if pos == -1:
                        break
            if not found:
                # a list right before the name: 以甲干线、乙支线“一干一支”为依托
                lo = max(0, *(text.rfind(ch, 0, _s) + 1 for ch in "。;；\n,，以"))
                found = _flattened(text[lo:_s].rstrip(_OPEN + " "), lo, tokens)
            if not found:
                # the parts as the body before it: 以甲圈、乙区、丙区为主体, 构建“一圈两区”
                lo = max(0, *(text.rfind(ch, 0, _s) + 1 for ch in "。;；\n"))
                body_m = _BODY_BEFORE.search(text, lo, _s)
                if body_m and _CHAIN_GAP.fullmatch(text, body_m.end(), _s):
                    found = _flattened(body_m.group(1), body_m.start(1), tokens)
            if found:
                out[pattern] = found
                break
    return out


_BRACKETED_PART = re.compile(rf"({TOKEN})[(（]([^()（）]{{1,60}})[)）]")


def _bracketed(text: str, patterns: dict[str, list[tuple[int, int]]]) -> dict[str, list[_Label]]:
    """Parts written in brackets inside the name: “一核(甲县城)两翼(乙镇、丙镇)”."""
    out: dict[str, list[_Label]] = {}
    for pattern, spans in patterns.items():
        for s, e in spans[:MAX_MENTIONS]:
            found = [
                _Label(m.start(), m.end(), tokens_of(m.group(1)), m.group(1), "chain", [m.group(2)])
                for m in _BRACKETED_PART.finditer(text, s, e)
            ]
            if len(found) >= 2:
                out[pattern] = found
                break
    return out


# How far after a structure's name a table or numbered list of its parts may begin.
TABLE_REACH = 400
# A table row; its name is the first cell, or the second after a cell of the row's number.
_ROW = re.compile(
    r"^\|(?:\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2}|序号)\s*\|)?\s*([^|\n]{2,30}?)\s*\|[^\n]*$",
    re.M,
)
# A row of a table exported as tab-separated text, its first cell a name.
_TSV_ROW = re.compile(r"^(?:[0-9]{1,2}\t)?([^\t\n]{2,30}?)[ ]*\t[^\n]*$", re.M)
# A spreadsheet's header as comma-separated text (序号,名称,类型,…), and its rows, the name
# the first cell after the number (quoted cells may hold commas).
_CSV_HEADER = re.compile(r"^(?:序号,)?(?:名称|项目名称|要素名称|区域名称),[^\n]*$", re.M)
_CSV_ROW = re.compile(r"^(?:[0-9]{1,2},)?([^,\n\"]{2,30}?),[^\n]*$", re.M)
# A numbered line titled by a name: "2.城东片区。以…为范围", "(3)乙组团:…".
_NUMBERED = re.compile(
    r"^\s*(?:[0-9]{1,2}[.．、]|[(（][0-9一二三四五六七八九十]{1,2}[)）])\s*([^。,，:：;；\n]{2,20})[。,，:：;；][^\n]*$",
    re.M,
)


def _row_block(text: str, first: int, row: re.Pattern) -> list[re.Match]:
    """The consecutive lines from ``first`` (a line start) that match ``row``."""
    rows: list[re.Match] = []
    pos = first
    while True:
        m = row.match(text, pos)
        if m is None:
            if rows or pos >= len(text) or text[pos] != "\n":
                break
            pos += 1  # blank lines before the block
            continue
        rows.append(m)
        pos = m.end() + 1
    return rows


# A row naming one of a token's parts by its place in the count (两纵之一: 甲景观长廊).
_ORDINAL_CELL = re.compile(rf"\s*({TOKEN})之[一二三四五六七八九十]+\s*[:：]\s*(\S.{{1,30}}?)\s*$")


# A table turned on its side: a row of labels (层次 | 两翼 | 两翼 …), a row of the parts' names
# below it (名称 | 甲带 | 乙带 …), a column a part and its other cells the part's text.
_SIDEWAYS_HEAD = re.compile(
    r"^[ \t|｜]*(?:层次|结构要素|空间要素|要素|构成|组成部分|类别|结构)[ \t]*[\t|｜][^\n]+$", re.M
)
_CELLS = re.compile(r"[ \t]*[\t|｜][ \t]*")
_NAME_CELL = re.compile(r"(?:要素|组成部分|部分)?名\s*称")


# A part named by its place in its token's count anywhere (【字幕】两带之一: 甲风光带).
# A register of a structure's parts, one a line of key-value fields (名称:甲轴;类型:城镇发展轴
# (“五轴”之一);所在区县:…): the name is a part of every label its type field names. Not
# anchored at a line's start: a hard-wrapped copy may run one record on into the next.
_RECORD = re.compile(
    r"(?<!项目)(?<!工程)(?:要素)?名称\s*[:：]\s*([^;；|\n]{2,30}?)\s*[;；|][^。]{0,80}?"
    r"(?:类型|类别|属性)\s*[:：]([^;；|]{1,60})"
)
# Its field of the units it lies in (所在区县:甲区、乙区).
_RECORD_UNITS = re.compile(
    r"所在(?:区县|县市区|县区|县市|区域|地区|行政区)\s*[:：]([^;；|\n]{2,40})"
)
# A wing named by its side, then what it is (“东翼”即甲县、乙县; 其中, “东翼”为甲区; 北翼:即乙
# 产业区): a part of the counted wings (两翼) the plan named before.
_SIDE_WING = re.compile(
    rf"(?:^|(?<=[\n。;；,，]))[ \t]*[{_OPEN}]?([东西南北左右]翼)[{_CLOSE}]?[ \t]*"
    r"(?:[:：][ \t]*(?:即为|即|为|是)?|即为|即|为|是|由(?=[^。;；\n]{2,80}?(?:组成|构成)))"
    r"[ \t]*([^。;；\n]{2,80})"
)
_ORDINAL_PART = re.compile(
    rf"(?<![{NUMERALS}])[{_OPEN}]?({TOKEN})[{_CLOSE}]?之[一二三四五六七八九十]+"
    # (or the name after a space, its colon after it: “两城”之一　甲新城：范围为…)
    r"(?:\s*[:：]|[ \t\u3000]*(?=[^\s,，。;；:：、]{2,30}[:：]))\s*"
    r"([^\s,，。;；:：、]{2,30})"
)


# A line that is a table cell of its own, a name alone (a table flattened one cell a line, as
# PDF and web copies give it: 里耶景区 / 古城遗址 / 惹巴拉景区 / …).
_CELL_LINE = re.compile(r"[ \t\u3000]*([^\s|。;；,，:：、]{2,20})[ \t\u3000]*$")
# A table's title line (表1　甲一览, 专栏2 乙): the table's cells follow it.
_TABLE_TITLE = re.compile(r"[ \t\u3000]*(?:表|专栏|附表)[ \t\u3000]*[0-9一二三四五六七八九十-]+")
# A line that opens a new part of the text: the flattened table has ended.
_SECTION_LINE = re.compile(
    r"[ \t\u3000]*(?:第[一二三四五六七八九十百0-9]+[章节条]|[(（][一二三四五六七八九十]+[)）])"
)


class _Row:
    """A table row: its span and its first cell (the name), as a match of ``_ROW`` gives."""

    def __init__(self, start: int, end: int, cell: str) -> None:
        self._span, self._cell = (start, end), cell

    def start(self) -> int:
        return self._span[0]

    def end(self) -> int:
        return self._span[1]

    def group(self, _i: int) -> str:
        return self._cell


def _cell_lines(text: str, first: int, limit: int) -> list[_Row]:
    r"""The lines from ``first`` of a table flattened one cell a line, when its first line
    after blank lines and a title (表1 …) is such a cell (a short line with no sentence mark):
    a row per line, its first cell the line when it is a name alone, else empty; the block
    ends at a blank line, a line opening a section (第二节, （二）) or ``limit``.

    >>> rows = _cell_lines("甲景区\n古城;溶洞\n乙景区\n\n第二节", 0, 100)
    >>> [(r.group(1), r.start(), r.end()) for r in rows]
    [('甲景区', 0, 3), ('', 4, 9), ('乙景区', 10, 13)]
    """
    rows: list[_Row] = []
    pos = first
    while pos < min(limit, len(text)):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end]
        if not rows and (not line.strip() or _TABLE_TITLE.match(line)):
            pos = end + 1  # blank lines and the table's title before its cells
            continue
        if not line.strip() or _SECTION_LINE.match(line):
            break
        cell = _CELL_LINE.fullmatch(line)
        if cell is None and not rows:
            break  # no table here: its first line is prose
        # a cell of a sentence or more (甲、乙;丙) is a row of the part above it
        rows.append(_Row(pos, end, "" if cell is None else cell.group(1)))
        pos = end + 1
    return rows


# Words a table's header cell gives its column: the kind of thing listed, no part's name.
_HEADER_CELLS = frozenset(
    {"名称", "景区", "园区", "功能区", "分区", "区域", "范围", "组团", "片区", "板块", "节点"}
)


def _kind_nouns(pattern: str) -> set[str]:
    """What a name's tokens count, as written after numeral and measure (六大景区: 景区), and
    the other words a table's header cell gives its column (名称, 片区): no part's name.

    >>> {"核", "景区", "名称"} <= _kind_nouns("一核六大景区")
    True
    """
    return _HEADER_CELLS | {
        clean_name(re.sub(rf"^[{NUMERALS}]+[个条大座处]?", "", m.group()))
        for m in _TOKEN_SPAN.finditer(pattern)
    }


def _table_rows(text: str, patterns: dict[str, list[tuple[int, int]]]) -> dict[str, list[_Label]]:
    """Parts named in the rows of a table after the name, or in the titles of a numbered list
    after it, a row each, the row's name ending with the part's role (| 甲·乙板块 | 丙县 … |;
    2.城东片区。以…为范围; a table flattened one cell a line, 甲景区 / 古城 / 乙景区):
    taken for a token when rows ending with its role are at least one and at most its count
    (a plan may define only some parts); the row is the part's text. A cell that is only what
    the token counts (the header 景区 of 六大景区) names no part."""
    out: dict[str, list[_Label]] = {}
    starts = sorted(s for spans in patterns.values() for s, _e in spans)
    for pattern, spans in patterns.items():
        tokens = tokens_of(pattern)
        header = _kind_nouns(pattern)
        for _s, e in spans[:MAX_MENTIONS]:
            line_end = text.find("\n", e, e + TABLE_REACH)
            if line_end == -1:
                continue
            rows: list = []
            table = text.find("\n|", line_end - 1, e + TABLE_REACH)
            if table != -1:
                rows = _row_block(text, table + 1, _ROW)
            if not rows:
                # a table exported as tab-separated lines (甲园\t范围\t功能)
                tsv = _TSV_ROW.search(text, line_end, e + TABLE_REACH)
                if tsv is not None:
                    rows = _row_block(text, tsv.start(), _TSV_ROW)
            if not rows:
                # a spreadsheet copied as comma-separated lines under its header (序号,名称,…)
                head = _CSV_HEADER.search(text, line_end, e + TABLE_REACH)
                if head is not None:
                    rows = _row_block(text, head.end() + 1, _CSV_ROW)
            if not rows:
                rows = _row_block(text, line_end + 1, _NUMBERED)
            if not rows:
                rows = _cell_lines(text, line_end + 1, line_end + 1 + 3 * TABLE_REACH)
            if rows and any(e < x < rows[0].start() for x in starts):
                continue  # another name stands between: the table is that one's
            found: list[_Label] = []
            for numeral, role in tokens:
                suffixes = (*ROLE_SUFFIX.get(role, ()), role)
                named = []
                for i, m in enumerate(rows):
                    cell = m.group(1)
                    ordinal = _ORDINAL_CELL.match(cell)  # | 两纵之一: 甲景观长廊 | …
                    if ordinal and tokens_of(ordinal.group(1)) == [(numeral, role)]:
                        named.append((i, ordinal.group(2)))
                    elif (
                        clean_name(cell).endswith(suffixes)
                        and clean_name(cell) not in header
                        and not re.search(TOKEN, cell)
                    ):
                        named.append((i, cell))  # (not a label's own row or heading)
                k = count_of(numeral)
                if named and (k is None or len(named) <= k):
                    for j, (i, name) in enumerate(named):
                        # a flattened table's part runs to the next part's line
                        last = named[j + 1][0] - 1 if j + 1 < len(named) else len(rows) - 1
                        if not isinstance(rows[i], _Row):
                            last = i
                        start, end = rows[i].start(), rows[last].end()
                        found.append(_Label(start, end, [(numeral, role)], name, "chain", [name]))
            found = found or _label_column_rows(text, line_end, e, tokens)
            if found:
                out[pattern] = found
                break
    return out


# A table whose first column holds the labels, merged over their rows (| 两心 | 甲中心 | … |,
# then | | 乙中心 | … |), as pipes or tab-separated: the label cell and the name cell.
_LABEL_ROW = re.compile(r"^\|\s*([^|\n]{0,12}?)\s*\|\s*([^|\n]{2,30}?)\s*\|[^\n]*$", re.M)
_LABEL_TSV_ROW = re.compile(r"^([^\t\n|]{0,12}?)[ ]*\t([^\t\n]{2,30}?)[ ]*\t[^\n]*$", re.M)
# … and as pipes with no outer border (两副|甲地区|…, then 〃|乙地区|…).
_LABEL_BARE_ROW = re.compile(r"^([^|\n]{0,12}?)[ ]*\|[ ]*([^|\n]{2,30}?)[ ]*\|[^\n]*$", re.M)
# A cell left empty or said to be the same as the one above (〃, 同上).
_DITTO = re.compile(r"|〃|″|々|同上|\"")


def _label_column_rows(
    text: str, line_end: int, e: int, tokens: list[tuple[str, str]]
) -> list[_Label]:
    r"""Parts named in the second column of a table whose first column holds the labels, each
    label on the first row of its group and the rows below it left empty (| 六组团 | 甲组团 |
    … |, | | 乙组团 | … |): each name is a part of the label above it.

    >>> t = "“两心三组团”\n类别\t名称\t范围\n两心\t甲中心\t甲区\n\t乙中心\t乙县\n"
    >>> t += "三组团\t丙组团\t丙县\n"
    >>> [(lab.tokens, lab.text) for lab in _label_column_rows(t, 7, 7, tokens_of("两心三组团"))]
    [([('两', '心')], '甲中心'), ([('两', '心')], '乙中心'), ([('三', '组团')], '丙组团')]
    """
    for row in (_LABEL_ROW, _LABEL_TSV_ROW, _LABEL_BARE_ROW):
        start = text.find("\n|", line_end - 1, e + TABLE_REACH) if row is _LABEL_ROW else -1
        if row is not _LABEL_ROW:
            tsv = row.search(text, line_end, e + TABLE_REACH)
            start = tsv.start() - 1 if tsv is not None else -1
        if start == -1:
            continue
        rows = _row_block(text, start + 1, row)
        if not any(_DITTO.fullmatch(m.group(1).strip()) for m in rows):
            continue  # no merged cell: a label and its definition a row (| 一核 | 甲市 |)
        found: list[_Label] = []
        label: list[tuple[str, str]] = []
        for m in rows:
            first, name = m.group(1).strip(), m.group(2).strip()
            first = "" if _DITTO.fullmatch(first) else first  # 〃 / 同上: the label above
            if first:
                label = tokens_of(first) if _PLAIN_SPAN.fullmatch(first) else []
            if len(label) == 1 and label[0] in tokens and not re.search(TOKEN, name):
                found.append(_Label(m.start(), m.end(), label, name, "chain", [name]))
        counts = Counter(tuple(lab.tokens) for lab in found)
        if found and all(
            count_of(n) is None or counts[((n, r),)] <= count_of(n) for ((n, r),) in counts
        ):
            return found
    return []


# A list that points elsewhere for its parts (下表所列, 以下, 如下).
_POINTER = re.compile(r"\s*(?:下表|下列|以下|如下|表[0-9一二三四五六七八九十]|附表)")


# A place given a quoted name as a part (以甲城区为“主核”).
_CALLED_AS = re.compile(r"以([^以为“”]{2,16})为[“「『]([^“”「」『』]{2,12})[”」』]")


def _listed(label: _Label, role: str) -> list[RawComponent]:
    """Components of a list given for one token (以甲、乙为“两区”): a list of administrative
    units is one part named by its label."""
    items = [i for i in _shared_noun(_top_split(label.items[0], _LIST_SPLIT)) if clean_name(i)]
    if any(_POINTER.match(i) for i in items):
        return []  # 以下表所列五个基地为“五基地”: the parts are where it points
    span = (label.start, label.end)
    called = [_CALLED_AS.fullmatch(i.strip()) for i in items]
    if items and all(called):
        # 以甲城区为“主核”, 以乙新区为“拓展极”: each part by the name it is given, on its place
        return [
            RawComponent(role, c.group(2), span, confidence=0.8, places_text=c.group(1))
            for c in called
            if c is not None
        ]
    if items and all(_is_place_item(i, urban=len(items) > 1) for i in items):
        text = "、".join(items)
        # one unit or group is the part's name (以长株潭为核心); several are named by the label
        # (a chain's role phrase is no name: 乙、丙为省域副中心城市 -> 两副, its token)
        group = "".join(label.tokens[0]) if label.form == "chain" and label.tokens else label.text
        name = clean_name(items[0]) if len(items) == 1 else group
        return [RawComponent(role, name or label.text, span, confidence=0.8, places_text=text)]
    if len(items) == 1 and label.tokens:
        numeral, tok_role = label.tokens[0]
        if numeral + tok_role in items[0] and count_of(numeral) not in (None, 1):
            # 以三极中心城市为主体: a description of the counted parts, named by the token
            return [RawComponent(role, numeral + tok_role, span, confidence=0.8)]
    return [RawComponent(role, clean_name(i), span, confidence=0.8) for i in items]


# A part counted one and described before its 的, in a list of parts (一条贯通南北、…的甲轴).
_COUNTED_DESCRIBED = re.compile(
    r"(?:(?<=[,，;；])|^)\s*一(?:条|个|座)[^,，;；。的]{2,24}的(?=[\u4e00-\u9fff])"
)


def _flattened(body: str, base: int, tokens: list[tuple[str, str]]) -> list[_Label]:
    """Items listed in token order after a name (“两轴两带”, 即: 甲发展轴、乙发展轴; 丙生态带、
    丁生态带): taken when every token's count is filled by names of its role's kind."""
    counts = [count_of(n) for n, _r in tokens]
    if None in counts:
        return []
    sent = re.split(r"[。\n]", body, maxsplit=1)[0]
    # (一条贯通南北、共享互融的复合发展轴: a part counted and described, named after its 的)
    sent = _COUNTED_DESCRIBED.sub("", sent)
    items = [
        re.sub(r"^(?:以及|及|和)", "", i)
        for part in _top_split(sent, re.compile(r"[,，;；]"))
        for i in _top_split(part, _LIST_SPLIT)
        if i
    ]
    closing = next((j for j, it in enumerate(items) if _SHARED_NOUN.search(it)), None)
    if closing is not None:
        # 甲区和乙、丙…等7个工业园, 点多面散: the list ends at its count, whose noun names the
        # bare items
        items = _shared_noun(items[: closing + 1])
    if len(items) != sum(counts):
        return []
    out, i = [], 0
    for (numeral, role), k in zip(tokens, counts, strict=True):
        group = items[i : i + k]
        i += k
        if not all(clean_name(g).endswith((*ROLE_SUFFIX.get(role, ()), role)) for g in group):
            return []
        text = "、".join(group)
        out.append(
            _Label(base, base + len(sent), [(numeral, role)], numeral + role, "chain", [text])
        )
    return out


# Verbs of aim: what follows them in a clause is a goal (建设成为全国一流的…), not a name.
_AIM = re.compile(
    r"建设成为|打造成为|建设成|打造成|建成|成为|作为|打造|创建|共建|共筑|构筑|构建|争创|争当|形成"
)
# Verbs, adverbs and ranks that lead a named object in prose (协同推进甲江流域, 国家级乙新区).
# A part taken as what it is to be (以甲片区为新城主中心): its name stands between 以 and 为.
_TAKEN_AS = re.compile(r"以([^以为]{2,16}?)(?:作)?为[^以为]{2,12}$")
_PROSE_LEAD = re.compile(
    r"^(?:(?:协同|共同|深度|深入|全面|加快|大力|积极|着力|重点|持续|进一步|高水平|高标准|高质量)?"
    r"(?:推进|推动|优化|强化|增强|提升|支持|依托|建设|保护|治理|整治|修复|发展|壮大|培育|完善|实施"
    r"|聚焦|围绕|发挥|加强|促进|带动|开展|严格|深化|将|把|以|对|在|使|让|沿)|国家级|省级)+"
)
_NUMBERED_LINE = re.compile(
    r"\s*(?:[0-9]{1,2}[.、．]|[(（][0-9一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
)


# A line that is an item of a numbered list (①甲组团; (1)乙片区; 2.丙轴).
_BULLET_MARKS = frozenset(BULLETS)
# A heading's name after its label's colon (（一）一核：甲文化景观): a short run of Chinese; not
# places counted (南北钦防四市).
_TITLE_NAME = re.compile(r"[\u4e00-\u9fff]{3,16}")
_COUNTED_UNITS = re.compile(rf"[{NUMERALS}]个?(?:县市区|县市|市县|市|县|区|地|镇|乡)$")


_LIST_ITEM_LINE = re.compile(
    r"\s*(?:[①②③④⑤⑥⑦⑧⑨⑩]|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[0-9]{1,2}[.、．](?![0-9])"
    rf"|[{BULLETS}]|[一二三四五六七八九十]是(?=[\u4e00-\u9fff{_OPEN}])|其[一二三四五六七八九十][,，、]"
    # or led by a dash (——甲片区:位于…), the way plans set out a list line by line
    r"|——?(?=[\u4e00-\u9fff])"
    # or by its name and a dash before what it is (甲长廊——以乙高速为轴…)
    r"|(?=[\u4e00-\u9fff]{2,20}——[\u4e00-\u9fff]))"
)


def _sentence_windows(text: str, pos: int) -> list[tuple[int, int]]:
    """The rest of the sentence at ``pos`` and the sentence after it."""
    out = []
    lo = pos
    for _ in range(2):
        stops = [p for p in (text.find(ch, lo, lo + BODY_CHARS) for ch in "。；;\n") if p != -1]
        hi = min(stops) if stops else min(len(text), lo + BODY_CHARS)
        out.append((lo, hi))
        lo = hi + 1
        while lo < len(text) and text[lo] in "\n ":
            lo += 1
    return out


def _prose_names(
    text: str, pos: int, role: str, k: int | None
) -> tuple[list[tuple[str, str]], int]:
    """Names holding ``role`` that a quoted label in prose refers to (form 10), each with the
    words it was read from, and the end of the sentence they were read from.

    A name is its clause's object whole when that ends in a word of space (将甲山科技城…), else
    the object up to the role word (推动甲市创新谷联动 -> 甲市创新谷).

    >>> text = "，推动甲市创新谷、乙市动力谷、丙市智造谷联动，打造“某谷”。"
    >>> names, _end = _prose_names(text, 0, "谷", 3)
    >>> [n for n, _words in names]
    ['甲市创新谷', '乙市动力谷', '丙市智造谷']
    """
    ends = (role, *ROLE_SUFFIX.get(role, ()))
    for lo, hi in _sentence_windows(text, pos):
        names: list[tuple[str, str]] = []
        for clause in re.split(r"[,，:：]", text[lo:hi]):
            aim = _AIM.search(clause)
            if aim:
                clause = clause[: aim.start()]
            for piece in _LIST_SPLIT.split(clause):
                if any(q in piece for q in _OPEN + _CLOSE):
                    continue
                piece = piece.strip()
                cut = max(piece.rfind(w) + len(w) if w in piece else -1 for w in ends)
                if cut <= 0:
                    continue
                if _SPACE_WORD.search(piece):
                    cut = len(piece)
                taken = _TAKEN_AS.match(piece)
                if taken and _SPACE_WORD.search(taken.group(1)):
                    cut = taken.end(1)  # 以甲片区为新城主中心: the part is what is taken as it
                name = _PROSE_LEAD.sub("", piece[:cut]).rsplit("的", 1)[-1]
                if 2 <= len(name) <= 20 and name != role and not _TOKEN_SPAN.match(name):
                    names.append((name, piece))
        if k == 1 and names:
            return names[:1], hi
        if k and len(names) == k:
            return names, hi
    return [], pos


def _prose_components(text: str, label: _Label) -> list[RawComponent]:
    """Components of a quoted label in prose (form 10)."""
    numeral, role = label.tokens[0]
    names, hi = _prose_names(text, label.end, role, count_of(numeral))
    span = (label.start, max(hi, label.end))
    if names:
        return [
            RawComponent(role, clean_name(n), span, confidence=0.75, places_text=words)
            for n, words in names
        ]
    line = text.rfind("\n", 0, label.start) + 1
    first_stop = min(
        (p for p in (text.find(ch, line, label.start) for ch in "。；;") if p != -1), default=-1
    )
    if _NUMBERED_LINE.match(text, line) and first_stop == -1:
        # the paragraph describes the part: its name is the label, its places those of the
        # sentence after the heading one
        end = text.find("\n", label.end)
        end = len(text) if end == -1 else min(end, label.end + BODY_CHARS)
        lo, hi = _sentence_windows(text, label.end)[1]
        return [
            RawComponent(
                role, label.text, (label.start, end), confidence=0.6, places_text=text[lo:hi]
            )
        ]
    return []


def _owner(label: _Label, starts: dict[str, list[int]]) -> str | None:
    """The structure a label belongs to: the nearest mention before it of a name holding its
    tokens, else the nearest after (``starts``: each name's sorted mention starts)."""
    key = _token_key(label.tokens)
    best_before: tuple[int, str] | None = None
    best_after: tuple[int, str] | None = None
    for pattern, where in starts.items():
        if key not in _runs(tokens_of(pattern)):
            continue
        i = bisect.bisect_right(where, label.start)
        if i > 0 and (best_before is None or where[i - 1] > best_before[0]):
            best_before = (where[i - 1], pattern)
        if i < len(where) and (best_after is None or where[i] < best_after[0]):
            best_after = (where[i], pattern)
    pick = best_before or best_after
    return pick[1] if pick else None


def _owners_in_order(labels: list[_Label], starts: dict[str, list[int]]) -> dict[int, str | None]:
    """Each label's structure (:func:`_owner`), except where names sharing a token are named
    together before all of its labels (按照“一核一轴三带六片”…, 按照“一核、两片、多点”…, 具体内容分
    别见第二章、第三章) and every label of it would go to the last named: the labels then go to
    the names one by one, in the order both are written."""
    owners = {id(lb): _owner(lb, starts) for lb in labels}
    by_key: dict[tuple[str, ...], list[_Label]] = {}
    for lb in labels:
        if lb.form != "heading":
            by_key.setdefault(_token_key(lb.tokens), []).append(lb)
    for key, same in by_key.items():
        if len(same) < 2 or len({owners[id(lb)] for lb in same}) != 1:
            continue
        first = min(lb.start for lb in same)
        holders = [
            p
            for p, where in starts.items()
            if key in _runs(tokens_of(p)) and where and where[0] < first
        ]
        if len(holders) != len(same) or owners[id(same[0])] not in holders:
            continue
        holders.sort(key=lambda p: starts[p][0])
        for lb, p in zip(sorted(same, key=lambda lb: lb.start), holders, strict=True):
            owners[id(lb)] = p
    # a plan defines one structure's parts in a run: a label between two of one structure's
    # labels is that structure's, where its name holds the label's token too (一轴, 一带, 两核
    # of 一轴一带两核, though 一带三廊 was named nearer before 一带)
    # (its neighbours: the nearest labels of other tokens, a heading and its definition one);
    # so the first label of a run (the parts defined in a table, the name written after it),
    # where no mention of that structure lies between it and its neighbour
    ordered = sorted(labels, key=lambda lb: lb.start)
    keys = [_token_key(lb.tokens) for lb in ordered]
    moved = {}
    for i, lb in enumerate(ordered):
        before = [j for j in range(i - 1, -1, -1) if keys[j] != keys[i]]
        after = [j for j in range(i + 1, len(ordered)) if keys[j] != keys[i]]
        if not after:
            continue
        nxt = ordered[after[0]]
        mine = owners[id(nxt)]
        if before:
            prev = owners[id(ordered[before[0]])]
            between = any(lb.start < x < nxt.start for x in starts.get(mine or "", []))
        else:  # the first label: no mention of the run's structure inside the run
            run = list(takewhile(lambda j, m=mine: owners[id(ordered[j])] == m, after))
            last = ordered[run[-1]].start
            prev, between = mine, any(lb.start < x < last for x in starts.get(mine or "", []))
        if (
            mine is not None
            and prev == mine
            and not between
            and owners[id(lb)] not in (None, mine)
            and keys[i] in _runs(tokens_of(mine))
        ):
            moved[id(lb)] = mine
    owners.update(moved)
    return owners


def _nested_text(text: str, name: str, lo: int, hi: int) -> str | None:
    """A part's own definition inside its structure's body (东岸: 范围包括…)."""
    key = strip_long_parens(name)
    if len(key) < 2:
        return None
    m = re.search(rf"{re.escape(key)}\s*(?:[:：]|是|为|指|即|范围包括|包括)", text[lo:hi])
    if not m:
        return None
    start = lo + m.start()
    stops = [p for p in (text.find(ch, start, hi) for ch in "。;；\n") if p != -1]
    return text[start : min(stops) if stops else hi]


# A token in quotes, or named as a term the plan defines (本规划所称三区, 包括…).
_QUOTED_TOKEN = re.compile(
    rf"[{_OPEN}]\s*({TOKEN})\s*[{_CLOSE}]|(?<=所称)({TOKEN})(?=[,，:：]|是|为|即|指|包括)"
)
# Verbs that keep to a regime of lines or zones (严守“三线”): what they govern is no layout.
_REGIME_VERB = re.compile(r"(?:严守|坚守|守住|守牢|划定|统筹划定)$")


def defined_tokens(
    text: str, patterns: dict[str, list[tuple[int, int]]]
) -> list[tuple[str, int, int]]:
    """Quoted single tokens defined as a list of their count, that belong to no structure
    name: structures of their own (“三点”即甲公园、乙公园、丙公园).

    >>> defined_tokens("围绕“三片”框架,“三片”即东片、西片和南片。", {})
    [('三片', 3, 5), ('三片', 10, 12)]
    """
    known = set()
    for pattern in patterns:
        known.update(_runs(tokens_of(pattern)))
    out = []
    # the nouns its mentions govern vote, as for names (find_patterns); a regime verb before
    # a mention votes against
    votes: dict[str, int] = {}
    for m in _QUOTED_TOKEN.finditer(text):
        regime_verb = _REGIME_VERB.search(text, max(0, m.start() - 4), m.start())
        clause = re.search(r"[,，。;；\n]", text[m.end() : m.end() + 40])
        end = m.end() + (clause.start() if clause else 40)
        vote = -1 if regime_verb else head_vote(text[m.end() : end], 0)  # within its clause
        votes[m.group(m.lastindex)] = votes.get(m.group(m.lastindex), 0) + vote
    regime = {token for token, vote in votes.items() if vote < 0}
    tried: dict[str, int] = {}
    defined: set[str] = set()
    for m in _QUOTED_TOKEN.finditer(text):
        token = m.group(m.lastindex)
        [(numeral, role)] = tokens_of(token)
        k = count_of(numeral)
        if not k or k < 2 or not is_role(numeral, role) or _token_key([(numeral, role)]) in known:
            continue
        if token in regime:
            continue  # 严守“三线”, “三线”管控: a regime, as a slogan is
        tried[token] = tried.get(token, 0) + 1
        if token in defined or tried[token] > MAX_MENTIONS:
            continue  # one definition is enough; a token repeated 100,000 times is no plan
        defined.add(token)  # taken back below when this mention defines nothing
        # the list before it, as many as its count (以甲城区和乙新城为市域发展的“双核”)
        before = _BEFORE_RE.search(text, max(0, m.start() - BEFORE_CHARS - 3), m.start(m.lastindex))
        if before and len(_top_split(before.group(1), _LIST_SPLIT)) == k:
            out.append((token, m.start(m.lastindex), m.end(m.lastindex)))
            continue
        mk = _MARK_RE.match(text, m.end())
        if not mk:
            # form 10: a quoted token whose sentence, or the next, names its count of parts;
            # or a table after it names two or more of them, a row each (表1 “六大景区”一览)
            span = (m.start(m.lastindex), m.end(m.lastindex))
            # (a table below another name is that one's)
            rows = _table_rows(text, {**patterns, token: [span]}).get(token, [])
            if len(_prose_names(text, m.end(), role, k)[0]) == k or len(rows) >= 2:
                out.append((token, *span))
            else:
                defined.discard(token)
            continue
        body = text[mk.end() : mk.end() + BODY_CHARS]
        head = _head(body, bracket=False)
        items, _enum = _items(head, body, numeral, role)
        if len(items) == k and all(clean_name(i) for i in items):
            out.append((token, m.start(m.lastindex), m.end(m.lastindex)))
        else:
            defined.discard(token)
    shaped = [
        (lb.text, lb.start, lb.start + len(lb.text))
        for lb in _shaped(text, known)
        if lb.text not in {t for t, _s, _e in out}
    ]
    tokens = {t for t, _s, _e in out}
    # every quoted mention of such a token is a mention of the structure
    quoted = [
        (m.group(m.lastindex), m.start(m.lastindex), m.end(m.lastindex))
        for m in _QUOTED_TOKEN.finditer(text)
        if m.group(m.lastindex) in tokens
    ]
    tokens |= {t for t, _s, _e in shaped}
    return quoted + shaped + _colon_tokens(text, known | {(t,) for t in tokens})


# A single counted token named as the shape of a place (中心城区呈双核结构), its parts given in
# that sentence or the two after by 由…构成 (由甲、乙两个组团构成).
_SHAPE = re.compile(r"(?:型|式)?(?:空间)?(?:结构|格局|布局)")
_MADE_OF_LIST = re.compile(
    rf"由([^。;；由]{{2,60}}?)(?:等)?([{NUMERALS}])(?:个|座|大|片)?[\u4e00-\u9fff]{{0,6}}?"
    r"(?:共同)?(?:构成|组成)"
)


def _shaped(text: str, known: set[tuple[str, ...]]) -> list[_Label]:
    """Single tokens that name the shape of a place, with the parts that make it up.

    >>> found = _shaped("城区呈双核结构。双核由甲城、乙城两个组团构成。", set())
    >>> [(lb.text, lb.items) for lb in found]
    [('双核', ['甲城', '乙城'])]
    """
    out: list[_Label] = []
    for m in _RUN.finditer(text):
        toks = tokens_of(m.group())
        if len(toks) != 1 or _token_key(toks) in known or not _SHAPE.match(text, m.end()):
            continue
        numeral, role = toks[0]
        k = count_of(numeral)
        if not k or k < 2 or not is_role(numeral, role):
            continue
        stop = m.end()
        for _ in range(3):  # this sentence and the two after
            ends = [i for i in (text.find(ch, stop + 1) for ch in "。;；") if i != -1]
            stop = min(ends, default=len(text))
        stop = min(stop, m.end() + 300)
        n = _MADE_OF_LIST.search(text, m.end(), stop)
        if n is None or count_of(n.group(2)) != k:
            continue
        items = [i for i in _top_split(n.group(1), _LIST_SPLIT) if clean_name(i)]
        if len(items) == k and all(len(clean_name(i)) <= 12 for i in items):
            out.append(_Label(m.start(), n.end(), toks, m.group(), "shaped", items))
        if len(out) >= MAX_LABELS:
            break
    return out


# A quoted label leading its line, then what it names (“一河”, 即甲河).
_LABEL_THEN_NAME = re.compile(
    rf"[{_OPEN}][^{_CLOSE}\n]{{1,10}}[{_CLOSE}](?:[,，]|{_STOP_THEN_DEFINED})?\s*"
    r"(?:即|指|为|是)([^,，。;；\n]{2,24})"
)


def _list_lines(text: str, pos: int) -> list[str]:
    """The items of the numbered lines that follow ``pos``'s line (①甲片区;\n②乙片区;)."""
    nl = text.find("\n", pos)
    out = []
    bullet = None
    while nl != -1 and len(out) < 30:
        m = _LIST_ITEM_LINE.match(text, nl + 1)
        if m is None:
            break
        mark = m.group().strip()
        if mark in _BULLET_MARKS:
            if bullet not in (None, mark):
                break  # lines under another bullet: another list (◆ parts, then ▶ facts)
            bullet = mark
        end = text.find("\n", m.end())
        line = text[m.end() : end if end != -1 else len(text)]
        item = re.split(r"——|[,，;；。:：]", line.strip(), maxsplit=1)[0]
        if not mark and _TOKEN_SPAN.search(item):
            # 产业一带——甲产业带: a label before the dash, the name after it
            item = re.split(r"[,，;；。:：]", line.strip().split("——", 1)[1], maxsplit=1)[0]
        labelled = _LABEL_THEN_NAME.match(line.strip())
        if labelled:  # 一是“一河”, 即甲河: the label's own line, what it names
            item = labelled.group(1)
        out.append(re.sub(r"[(（][^()（）]{1,12}[)）]$", "", item))  # 甲园(区块一): the aside goes
        nl = end
    return out


# A list line below a colon, led by a dash (:\n——甲片区:…).
_DASH_LINE = re.compile(r"[ \t]*\n\s*—")


# A counted token closing its clause before a colon (分为四大板块: …), or before a clause that
# introduces the numbered list below it (十大片区, 即…, 依次为: / 九片区 … 由以下…构成:).
_COLON_TOKEN = re.compile(
    rf"(?<![{NUMERALS}第])([{NUMERALS}](?:个|条|大|座)[\u4e00-\u9fff]{{1,5}}?)[:：]"
)
# ... or before 分别为 (培育三条开发次轴, 分别为甲次轴、乙次轴和丙次轴)
_LISTED_TOKEN = re.compile(
    rf"(?<![{NUMERALS}第])([{NUMERALS}](?:个|条|大|座)[\u4e00-\u9fff]{{1,5}}?)[,，]?"
    r"(?:分别为|分别是|依次为)[:：]?"
)


_LIST_TOKEN = re.compile(
    rf"(?<![{NUMERALS}第])({TOKEN})(?![、,，]?[{NUMERALS}])[^。:：]{{0,60}}?([:：])[ \t]*\n"
)


def _colon_tokens(text: str, known: set[tuple[str, ...]]) -> list[tuple[str, int, int]]:
    """Unquoted tokens with a measure word before a colon and a list of exactly their count of
    names of space, which belong to no structure name: structures of their own (按功能分为
    四大板块: 甲核心区、乙景观区、丙生态区和丁风光带).

    >>> _colon_tokens("按功能分为四大板块:甲核心区、乙景观区、丙生态区和丁风光带。", set())
    [('四大板块', 5, 9)]
    """
    out = []
    # the counts and roles of the plan's labels (“四区” … 四个功能片区: that label, said by kind)
    labelled = [(count_of(n), r) for run in known for key in run for n, r in tokens_of(key)]
    found = [(m, False) for m in _COLON_TOKEN.finditer(text)]
    found += [(m, False) for m in _LISTED_TOKEN.finditer(text)]
    found += [(m, True) for m in _LIST_TOKEN.finditer(text)]
    for m, below in found:
        if len(out) >= MAX_LABELS:
            break
        token = m.group(1)
        toks = tokens_of(token)
        if len(toks) != 1 or _TOKEN_SPAN.fullmatch(token) is None:
            continue
        [(numeral, role)] = toks
        k = count_of(numeral)
        if not k or k < 2 or not is_role(numeral, role) or _token_key(toks) in known:
            continue
        lead = text[max(text.rfind(c, 0, m.start()) + 1 for c in "。\n") : m.start()]
        if any(
            count_of(n) == k or (count_of(n) is None and (role.endswith(r) or r.endswith(role)))
            for n, r in tokens_of(lead)
        ):
            continue  # “四区”包括四个功能片区, 分别为…: the label's parts, said again by kind
            # (“多区”分别为以下三个功能片区: a label of no count, its parts counted)
        if any(c == k and (role.endswith(r) or r.endswith(role)) for c, r in labelled):
            continue  # (“四区” … 建设四个功能片区, 分别为…: a structure's label, said by kind)
        after = text[m.end() : m.end() + BODY_CHARS]
        if below:  # the numbered lines below the colon
            items = _list_lines(text, m.end(2) - 1)
        elif re.match(r"\s*(?:一是|其一)", after):
            # 打造两条发展主轴: 一是甲发展主轴, 东连…; 二是乙发展主轴…: the list counted out
            items = [
                re.split(r"[,，]", i, maxsplit=1)[0] for i in _enumerated(after.split("。")[0])
            ]
        elif _DASH_LINE.match(after):
            # 形成四大产业片区:\n——甲片区:…;\n——乙片区:…: a line each below, led by a dash
            lines = after.lstrip(" \t\n").split("\n")[:k]
            items = [re.split(r"[,，;；。:：]|——", x.strip().lstrip("—–"))[0] for x in lines]
        else:
            head = _head(after, bracket=False)
            items = _top_split(re.split(r"[,，]", head, maxsplit=1)[0], _LIST_SPLIT)
        suffixes = (*ROLE_SUFFIX.get(role, ()), role)
        names = [clean_name(i) for i in items]
        if len(names) == k and all(
            n and (n.endswith(suffixes) or _SPACE_WORD.search(n)) for n in names
        ):
            out.append((token, m.start(1), m.end(1)))
    return out


# A part named as one of a token's (甲地区是其中的一区; 乙片区为其中之一片): sentence-initial.
# A counted label, then one of its parts named in its sentence (四组团以干路划分, 其中甲组团是…).
# ... or named in the next sentence, opened by 其中 (三园, 即…三个产业园。其中, 甲园和乙园…): the
# parts it lists.
_AMONG = re.compile(
    rf"(?:^|(?<=[。;；\n]))(?:[一二三四五六七八九十]是)?({TOKEN})[^。;；\n]{{0,40}}?"
    r"(?:[,，](?:[^。;；\n,，]{0,10})?|。\s*)"
    r"其中[,，]?(?:的)?([\u4e00-\u9fff、]{2,40})"
)
_ONE_OF = re.compile(
    rf"(?:^|(?<=[。;；\n]))([\u4e00-\u9fff]{{2,12}}?)(?:是|为)其中(?:的)?(?:一个|一|之一)(?:个)?({'|'.join(ROLES)})"
)


# … or of a label it names (甲新城是市区“两核”联动格局中的重要一核): a part of that label.
# A part named as one of a label's, the label before it (位于“两轴”之一的甲轴上; 【两轴】之一的…).
_ONE_OF_THE = re.compile(rf"[{_OPEN}【]?({TOKEN})[{_CLOSE}】]?之一的([\u4e00-\u9fff]{{2,20}})")
_ONE_OF_LABEL = re.compile(
    rf"(?:^|(?<=[。;；\n]))([\u4e00-\u9fff]{{2,12}}?)(?:是|为)[^。;；,，“”\"]{{0,10}}?"
    rf"[“\"]({TOKEN})[”\"][^。;；,，]{{0,12}}?中的?(?:重要|主要)?(?:一个|一|之一)(?:个)?"
    rf"({'|'.join(ROLES)})"
)


# A quoted name said to be one of a token's parts (其中“甲-乙”是六片之一): a part of that token.
_QUOTED_ONE_OF = re.compile(
    rf"[{_OPEN}]([^{_OPEN}{_CLOSE}。;；,，]{{2,16}})[{_CLOSE}](?:是|为|属于|系)"
    rf"[{_OPEN}]?({PLAIN_TOKEN})[{_CLOSE}]?之一"
)


# A part said to belong to a whole it does not count (甲新城是“一核四城”的重要组成部分; 位于乙区
# 的丙新城同属“一核四城”), sentence- or clause-initial, a qualifier before 的 allowed: a part of
# the one token its name's ending is of. Bare 是/为 says what a thing's structure is, not that
# it is a part: it needs 的组成部分.
_PART_OF_WHOLE = re.compile(
    rf"(?:^|(?<=[。;；\n,，]))([^。;；\n,，{_OPEN}{_CLOSE}]{{2,24}}?)"
    rf"(?:(?:是|为)[{_OPEN}]({TOKEN}(?:[、,，]?{TOKEN})+)[{_CLOSE}]的(?:重要|主要)?(?:组成部分|一部分)"
    rf"|(?:同属|同为|也属于|属于)[{_OPEN}]({TOKEN}(?:[、,，]?{TOKEN})+)[{_CLOSE}](?=[,，。;；]))"
)


def _ordinal_owner(
    mention_starts: dict[str, list[int]], at: int, role: str, nth: int
) -> tuple[str, tuple[str, str]] | None:
    """The name mentioned nearest before ``at`` with a token of ``role`` counting ``nth`` or
    more (第三区 is of “四区联动”, not of a later or a smaller count), and that token."""
    owners = [
        (max(w for w in where if w < at), p, t)
        for p, where in mention_starts.items()
        if any(w < at for w in where)
        for t in tokens_of(p)
        if t[1] == role and (count_of(t[0]) or 0) >= nth
    ]
    if not owners:
        return None
    _at, pattern, token = max(owners)
    return pattern, token


# A part named by its place in the count, a sentence each (第一区为甲旅游区, …; 第二区为乙度假区):
# the ordinal, then its name.
_ORDINAL_IS = re.compile(
    rf"(?<![{NUMERALS}])第({PLAIN_TOKEN})(?:为|是|即)\s*([^,，。;；:：\n]{{2,40}})([^。\n]*)"
)
# Longest stretch of text between one ordinal part and the next.
_ORDINAL_GAP = 800


def _ordinal_named(
    text: str, mention_starts: dict[str, list[int]]
) -> dict[str, tuple[tuple[str, ...], list[RawComponent]]]:
    """Parts of a counted token named by ordinal, each after 为 (“四区”中的第一区为甲旅游区,
    范围包括…。…第二区为乙度假区, 位于…), by the name the ordinals follow nearest.

    Only a full run counts: the ordinals one to the token's count, in order, each a name of
    the role's kind (not 第一圈层为甲区、乙区: places, read as a group by the definitions).

    >>> t = "按照“两区”布局。“两区”中的第一区为北部山地旅游区,包括甲县。第二区为南部滨湖度假区。"
    >>> [(c.name, c.places_text) for c in _ordinal_named(t, {"两区": [5, 12]})["两区"][1]]
    [('北部山地旅游区', '北部山地旅游区,包括甲县'), ('南部滨湖度假区', '南部滨湖度假区')]
    """
    runs: dict[tuple[str, tuple[str, str]], list[re.Match]] = {}
    for m in _ORDINAL_IS.finditer(text):
        (numeral, role), *rest = tokens_of(m.group(1)) or [("", "")]
        nth = count_of(numeral)
        if rest or not nth:
            continue
        owner = _ordinal_owner(mention_starts, m.start(), role, nth)
        if owner is not None:
            runs.setdefault(owner, []).append(m)
    out: dict[str, tuple[tuple[str, ...], list[RawComponent]]] = {}
    for (pattern, (numeral, role)), found in runs.items():
        suffixes = (*ROLE_SUFFIX.get(role, ()), role)
        nths = [count_of(tokens_of(m.group(1))[0][0]) for m in found]
        names = [clean_name(m.group(2)) for m in found]
        gaps = [b.start() - a.end() for a, b in pairwise(found)]
        if (
            nths != list(range(1, (count_of(numeral) or 0) + 1))
            or len(nths) < 2
            or any(g > _ORDINAL_GAP for g in gaps)
            or not all(n.endswith(suffixes) and not _is_place_item(n) for n in names)
        ):
            continue
        comps = [
            RawComponent(
                role, n, (m.start(), m.end()), confidence=0.85, places_text=m.group(2) + m.group(3)
            )
            for n, m in zip(names, found, strict=True)
        ]
        out[pattern] = (_token_key([(numeral, role)]), comps)
    return out


# A member of a network named by its place in the count, then the road or railway it is
# (第一纵：甲高速，…; 一纵是乙至丙国家高速公路湖南段; 是第三横，即丁至戊高速公路).
_ORDINAL_LINE = re.compile(
    rf"(?<![{NUMERALS}])(第)?([一二三四五六七八九十]+)(纵|横|射|联|环)(?:线)?\s*"
    r"(?:[:：]|是|为|[,，]?即)\s*"
    # the name, a bracket inside it kept (甲（湘鄂界）至乙高速公路), ending with its kind
    r"((?:[^,，。;；:：\n(（]|[(（][^)）\n]{1,12}[)）]){1,40}?"
    r"(?:高速公路|高速|铁路|高铁|国道|省道|快速路)(?:[\u4e00-\u9fff]{1,4}段)?)"
    r"(?![\u4e00-\u9fff])"
)


def _ordinal_lines(
    text: str, mention_starts: dict[str, list[int]]
) -> dict[str, dict[tuple[str, ...], list[RawComponent]]]:
    """Members of a network named by ordinal, each the road or railway it is, by the name
    the ordinals follow nearest whose count holds them (“三纵两横”…第一纵：甲高速，纵贯…;
    第三纵：乙至丙高速（简称乙丙高速）). A member told by the places it runs through (第一纵：
    甲—乙—丙) keeps its label.

    >>> t = "形成“三纵两横”路网。第一纵：甲乙高速，纵贯南北。第三纵：丙至丁高速（简称丙丁高速）。"
    >>> [[c.name for c in cs] for cs in _ordinal_lines(t, {"三纵两横": [3]})["三纵两横"].values()]
    [['甲乙高速', '丙至丁高速']]
    """
    out: dict[str, dict[tuple[str, ...], list[RawComponent]]] = {}
    for m in _ORDINAL_LINE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not m.group(1) and text[line_start : m.start()].strip(" \t\u3000—-"):
            continue  # 一纵 without 第 only opening a line (一纵是甲高速)
        name = clean_name(m.group(4))
        nth = count_of(m.group(2))
        if not nth or not name or "—" in name:
            continue
        owner = _ordinal_owner(mention_starts, m.start(), m.group(3), nth)
        if owner is None:
            continue
        pattern, token = owner
        stops = (text.find(c, m.end()) for c in "。\n")
        end = min((i for i in stops if i != -1), default=len(text))
        have = out.setdefault(pattern, {}).setdefault(_token_key([token]), [])
        if name not in {c.name for c in have}:
            span = (m.start(), m.end())
            told = text[m.start(4) : end]
            have.append(RawComponent(token[1], name, span, confidence=0.85, places_text=told))
    return out


_ORDINAL_LABEL = re.compile(r"第?[一二三四五六七八九十]+[纵横射联环](?:线)?")


def _bracket_close(text: str, start: int, end: int) -> int:
    """Where a body from ``start`` meets a bracket it did not open (…格局(一核:甲; 两翼:乙、丙),
    主动…: the definitions end at the bracket), else ``end``."""
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            if depth < 0:
                return i
    return end


# Verbs of what a plan will do, opening a heading's goal (融入…, 打造…, 培育…).
_GOAL_VERB = re.compile(
    r"(?:融入|打造|培育|建设|推动|做强|做大|做优|提升|构建|构筑|优化|加快|促进|壮大|强化|完善"
    r"|激活|拓展|塑造|筑牢|增强|推进|引领|服务)"
)


def _heading_goal(text: str, comp: RawComponent, heads: set[int]) -> bool:
    """Whether a part was read from a heading that titles it by a goal: on a heading's line,
    after the label's dash or colon, a verb of what the plan will do (第三节 “一极”——培育旅游
    服务增长极; 第二节 “一区”——做强县域经济核心)."""
    start = text.rfind("\n", 0, comp.span[0]) + 1
    if start not in heads:
        return False
    end = text.find("\n", start)
    line = text[start : end if end != -1 else len(text)]
    parts = re.split(r"——|—|[:：]", line, maxsplit=1)
    return len(parts) == 2 and _GOAL_VERB.match(parts[1].strip()) is not None


def define_components(
    text: str,
    patterns: dict[str, list[tuple[int, int]]],
    heading_starts: list[int],
) -> dict[str, list[RawComponent]]:
    """Components of each structure, read by the grammar of definitions.

    Parameters
    ----------
    text
        The plan's normalised text.
    patterns
        Each structure name and the spans of its mentions.
    heading_starts
        Offsets where section headings begin (a definition's body ends at the next one).

    Returns
    -------
    dict
        Pattern -> components in token order; a pattern without definitions is absent.

    Examples
    --------
    >>> t = "构建“一核两翼”格局。“一核”指甲市主城区。“两翼”即东翼新城和西翼新城。"
    >>> [(c.role, c.name) for c in define_components(t, {"一核两翼": [(3, 7)]}, [])["一核两翼"]]
    [('核', '甲市主城区'), ('翼', '东翼新城'), ('翼', '西翼新城')]
    """
    labels = _find_labels(text, patterns, heading_starts)
    prose = [lb for lb in labels if lb.form == "prose"]
    labels = [lb for lb in labels if lb.form != "prose"]
    # a heading's label defines a token only where no marked definition does
    labels.sort(key=lambda lb: lb.form == "heading")
    starts = sorted({lb.start for lb in labels if lb.form != "heading"} | set(heading_starts))
    mention_starts = {p: sorted(s for s, _e in spans) for p, spans in patterns.items()}
    per: dict[str, dict[tuple[str, ...], list[RawComponent]]] = {}

    heads = set(heading_starts)

    def put(pattern: str, key: tuple[str, ...], comps: list[RawComponent]) -> None:
        comps = [c for c in comps if c.name]  # (a blank to fill in names nothing)
        have = per.setdefault(pattern, {})
        old = have.get(key, [])
        if comps and len(comps) > len(old):
            have[key] = comps
        elif (
            comps
            and len(comps) == len(old)
            and all(_heading_goal(text, c, heads) for c in old)
            and not any(_heading_goal(text, c, heads) for c in comps)
        ):
            # a heading titling the part by a goal (第一节 “一轴”——融入区域发展主轴), then the
            # section defining it (“一轴”是甲乙经济轴线): the definition names it
            have[key] = comps
        elif len(comps) == 1 and [c.name for c in comps] == [c.name for c in old]:
            # one part defined again by the same name (一核:甲发展核, then “一核”是甲发展核, 范围
            # 为乙区、丙区): its places from both definitions
            texts = [c.places_text or text[c.span[0] : c.span[1]] for c in (old[0], comps[0])]
            have[key] = [replace(old[0], places_text="\n".join(texts))]

    owners = _owners_in_order(labels, mention_starts)
    row_parts: dict[tuple[str, tuple[str, ...]], list[RawComponent]] = {}
    for label in labels:
        pattern = owners[id(label)]
        if pattern is None:
            continue
        if label.form == "named":
            numeral, role = label.tokens[0]
            words = re.sub(rf"即为?\s*[{_OPEN}]?[^{_OPEN}]*$", "", text[label.start : label.end])
            names, _hi = _prose_names(words, 0, role, count_of(numeral))
            put(
                pattern,
                _token_key(label.tokens),
                [
                    RawComponent(
                        role,
                        _PLACED.sub("", clean_name(n)),
                        (label.start, label.end),
                        confidence=0.8,
                        places_text=w,
                    )
                    for n, w in names
                ],
            )
            continue
        if label.form == "sides":
            span = (label.start, label.end)
            role = label.tokens[0][1]
            sides = [RawComponent(role, n, span) for n in label.items or []]
            put(pattern, _token_key(label.tokens), sides)
            continue
        if label.form == "before":
            if len(label.tokens) == 1:
                put(pattern, _token_key(label.tokens), _listed(label, label.tokens[0][1]))
            continue
        k = bisect.bisect_right(starts, max(label.start + 1, label.end - 1))
        nxt = starts[k] if k < len(starts) else len(text)
        line_end = text.find("\n", label.end, nxt)
        line = text[label.end : line_end] if line_end != -1 else ""
        if (nxt - label.end <= 8 and not text[label.end : nxt].strip(" :：\n")) or (
            len(label.tokens) == 1
            and line.rstrip().endswith((":", "："))
            and len(line) <= 40
            and not re.search(r"[“”\"]", line)  # (not a line naming another whole)
        ):
            # a marker closing its line (…依次为:), or a line a colon closes (四区是指以下四个
            # 片区:): the numbered items below are its body
            while k < len(starts) and _LIST_ITEM_LINE.match(text, starts[k]):
                k += 1
            nxt = starts[k] if k < len(starts) else len(text)
        body_end = min(nxt, label.start + BODY_CHARS, len(text))
        row_start = text.rfind("\n", 0, label.start) + 1
        if text[label.end - 1] == "|" or text[row_start : row_start + 1] == "|":
            # a label in a table cell (| 一环: 甲环线 | 乙—丙 |): its row is its body
            row_end = text.find("\n", label.end)
            body_end = min(body_end, row_end if row_end != -1 else len(text))
        body_end = _bracket_close(text, label.end, body_end)
        body = text[label.end : body_end]
        bracket = label.form == "def" and text[label.end - 1] in "(（"
        head = _head(body, bracket=bracket)
        span = (label.start, body_end)
        if _QUALIFIED_MENTION.fullmatch(label.text) and _WHAT_FOR.match(head):
            continue  # 两条生态景观带是全区重要的生态屏障: what the parts are for, said again
        if _QUESTION.match(head):
            continue  # (“一主”指哪里? a question heading, answered below)
        if len(label.tokens) > 1:
            measured = None if bracket else _measured_parts(body, label.tokens)
            if measured is not None:
                for (n, r), names in zip(label.tokens, measured, strict=True):
                    comps = [RawComponent(r, x, span, places_text=x) for x in names]
                    put(pattern, _token_key([(n, r)]), comps)
                continue
            if bracket or "为" in head:
                continue  # clauses of their own: read by _counted
            parts = _top_split(head, _LIST_SPLIT)
            if not head.strip(" :：\n"):  # a colon closing the line: the list lines below
                parts = _list_lines(text, label.end) or _labelled_lines(body, label.tokens)
            counts = [count_of(n) for n, _r in label.tokens]
            if None not in counts and sum(counts) != len(parts) and label.form != "def":
                continue
            if None not in counts and sum(counts) != len(parts):
                # 一廊三带…: 中部是甲廊; 东部是乙带, 西部是丙带…: parts placed by direction,
                # each taken by the token its name ends with, where all of a token's are given
                # (即北边的甲城, 南边的乙城、丙城, 以及丁基地: the same, the names listed)
                stop = body.find("。")
                got: dict[tuple[str, str], list[str]] = {}
                whole = body[: stop if stop != -1 else len(body)]
                made_of = re.search(r"(?:共同|一起)?(?:组成|构成)$", whole)
                if made_of is not None:  # 由甲区、乙区和丙区组成: the list ends at the verb
                    whole = re.sub(r"(?<=[\u4e00-\u9fff]{2})和(?=[\u4e00-\u9fff]{2})", "、", whole)
                    whole = whole[: made_of.start()]
                for clause in _top_split(whole, _CLAUSES):
                    m = _PLACED_AT.match(clause)
                    if m is None or clause.lstrip().startswith("以") or "\n" in clause:
                        continue  # (以甲江为纽带: a chain, read by _chains)
                    name = clean_name(m.group(1))
                    for n, r in label.tokens:
                        if name.endswith((*ROLE_SUFFIX.get(r, ()), r)):
                            got.setdefault((n, r), []).append(name)
                            break
                for (n, r), k in zip(label.tokens, counts, strict=True):
                    if len(got.get((n, r), [])) == k:
                        comps = [RawComponent(r, x, span, places_text=x) for x in got[(n, r)]]
                        put(pattern, _token_key([(n, r)]), comps)
                continue
            own = [n + r for n, r in label.tokens]
            if None in counts or any(t in strip_long_parens(p) for p in parts for t in own):
                continue  # (布局由一心、一带共同组成: the labels listed, not their parts)
            i = 0
            for (n, r), k in zip(label.tokens, counts, strict=True):
                comps = [
                    RawComponent(r, clean_name(strip_long_parens(p)), span, places_text=p)
                    for p in parts[i : i + k]
                ]
                i += k
                put(pattern, _token_key([(n, r)]), comps)
            continue
        numeral, role = label.tokens[0]
        items, enumerated = _items(head, body, numeral, role)
        k = count_of(numeral)
        cell = clean_name(head)
        if (
            text[row_start : row_start + 1] == "|"
            and not items
            and k is not None
            and k > 1
            and 2 < len(cell) <= 20
            and _name_like(cell, role)
            and not re.search(r"[、,，;；]", cell)
        ):
            # a table naming a counted token's parts a row each, the label on every row
            # (| 两核 | 甲新城 | …, then | 两核 | 乙新区 | …): together they are its parts
            key = _token_key(label.tokens)
            rows = row_parts.setdefault((pattern, key), [])
            if len(rows) < k and cell not in [c.name for c in rows]:
                rows.append(RawComponent(role, cell, span, places_text=body.split("\n")[0]))
                put(pattern, key, list(rows))
            continue
        # （一）一核：甲文化景观, alone on its heading's line: a heading names its part, whatever
        # the name ends with (not what is to be done there: 一主：做强中心城区)
        titled = (
            len(items) == 1
            and k == 1
            and _TITLE_LEAD.fullmatch(text, row_start, label.start) is not None
            and text[label.start : label.end].rstrip().endswith((":", "："))
            and line.strip() == items[0].strip()
            and _TITLE_NAME.fullmatch(items[0].strip()) is not None
            and not _ACTION_LEAD.match(items[0].strip())
            and not _COUNTED_UNITS.search(items[0].strip())  # 一群：甲乙丙丁四市 (a group)
        )
        if len(items) > 1 and any(len(clean_name(strip_long_parens(i))) == 1 for i in items):
            # “三纵”为在市域东、中、西部沿…形成的三条次轴: sides listed inside a description
            # (a name of one character is none): the parts are described, not named
            items = [head]
        comps = []
        for item in items:
            name = clean_name(strip_long_parens(item))
            if not name:
                continue
            # a unit's name, unless it names a feature of the role's kind (一江——沅江: the
            # river, though 沅江市 shares its name)
            feature = _feature_of_role(name, role)
            as_label = len(items) == 1 and (
                (count_of(numeral) or 1) > 1  # one description of several parts
                or bool(_MADE_OF.search(item))  # 甲区与乙县共同组成的核心区域: a group
                or bool(_MADE_OF_LISTED.match(item))  # 一环由甲路、乙线和丙线共同构成
                or bool(_LIST_COUNTED.search(name))  # 一带由东、西两条廊道构成: a group
                or (_is_place_item(item) and not feature)
                or not (_name_like(name, role) or titled)
                or (_is_group(_top_split(item, _LIST_SPLIT)) and not feature)
                or bool(_BASIS.match(item))  # 依托甲、乙: what it rests on
                or bool(_PLURAL.match(name))  # 多个新增长点: many, none named
                or bool(_ENDS_TOLD.search(item))  # 甲至乙的旅游通道: told by its ends
                or _joined_spaces(item, numeral, role)  # 一主即甲区域和乙新城: two areas
                or bool(_PLAYS_ROLE.match(item))  # 发挥甲城市群的核心引擎作用: what it does
            )
            if as_label:  # its places are those its sentence names, not the section's
                comps.append(RawComponent(role, label.text, span, confidence=0.8, places_text=head))
                continue
            nested = _nested_text(text, name, label.end + len(head), body_end)
            # 以甲城区为主的乙中心, 依托丙镇建设的丁中心: the places are those it rests on
            rested = len(items) == 1 and head != item and _RESTS_ON.match(head) is not None
            comps.append(
                RawComponent(
                    role,
                    name,
                    span,
                    confidence=0.85 if enumerated else 0.9,
                    places_text=nested
                    or (item if _aside_names_places(item) else None)
                    or (head if rested else None),
                )
            )
        put(pattern, _token_key(label.tokens), comps)
    for pattern, (key, comps) in _ordinal_named(text, mention_starts).items():
        per.setdefault(pattern, {})[key] = comps  # (named by ordinal: over any other reading)
    for pattern, by_key in _ordinal_lines(text, mention_starts).items():
        for key, comps in by_key.items():  # roads and railways named by ordinal, then the rest
            names = {c.name for c in comps}
            have = per.setdefault(pattern, {}).get(key, [])
            per[pattern][key] = comps + [
                c for c in have if c.name not in names and not _ORDINAL_LABEL.fullmatch(c.name)
            ]
    chains = _chains(text, patterns)
    for pattern, labels_ in _counted(text, patterns).items():
        chains.setdefault(pattern, labels_)
    for pattern, labels_ in _bracketed(text, patterns).items():
        chains.setdefault(pattern, labels_)
    for pattern, labels_ in _table_rows(text, patterns).items():
        for label in labels_:
            have = per.setdefault(pattern, {}).setdefault(_token_key(label.tokens), [])
            names = {c.name for c in have}
            have.extend(c for c in _listed(label, label.tokens[0][1]) if c.name not in names)
    for m in _ORDINAL_PART.finditer(text):  # 两带之一: 甲风光带 (a caption or a line of its own)
        key = _token_key(tokens_of(m.group(1)))
        owners = [
            (max(w for w in where if w < m.start()), p)
            for p, where in mention_starts.items()
            if any(w < m.start() for w in where) and key[0] in _token_key(tokens_of(p))
        ]
        if not owners or len(per) > MAX_LABELS:
            continue
        pattern = max(owners)[1]
        have = per.setdefault(pattern, {}).setdefault(key, [])
        name = clean_name(m.group(2))
        if name and name not in {c.name for c in have}:
            role = tokens_of(m.group(1))[0][1]
            have.append(RawComponent(role, name, (m.start(), m.end()), confidence=0.8))
    for m in _SIDE_WING.finditer(text):  # 两翼: “东翼”即甲县、乙县, each wing by its side
        owners = [
            (max(w for w in where if w < m.start()), p, key)
            for p, where in mention_starts.items()
            if any(w < m.start() for w in where)
            for key in [_token_key([t]) for t in tokens_of(p) if t[1] == "翼"]
            if (count_of(key[0][: -len("翼")] or "") or 0) >= 2
        ]
        if not owners or len(per) > MAX_LABELS:
            continue
        _at, pattern, key = max(owners)
        have = per.setdefault(pattern, {}).setdefault(key, [])
        k = count_of(key[0][: -len("翼")]) or 0
        if len(have) < k and m.group(1) not in {c.name for c in have}:
            have.append(
                RawComponent("翼", m.group(1), m.span(), confidence=0.8, places_text=m.group(2))
            )
    for m in _SIDEWAYS_HEAD.finditer(text):  # 层次 | 两翼 | 两翼, then 名称 | 甲带 | 乙带
        if len(per) > MAX_LABELS:
            break
        end = m.end()
        while True:  # the table's rows: the lines below that hold cells
            nxt = text.find("\n", end + 1)
            line = text[end + 1 : len(text) if nxt == -1 else nxt]
            if end >= len(text) or not re.search(r"[\t|｜]", line):
                break
            end = len(text) if nxt == -1 else nxt
        cells = [_CELLS.split(r.strip(" \t|｜")) for r in text[m.start() : end].split("\n")]
        names = next((c[1:] for c in cells[1:] if _NAME_CELL.fullmatch(c[0])), [])
        for i, label in enumerate(cells[0][1 : len(names) + 1]):
            toks = tokens_of(label)
            name = clean_name(names[i])
            if len(toks) != 1 or not name or tokens_of(name):
                continue
            key = _token_key(toks)
            owners = [
                (max(w for w in where if w < m.start()), p)
                for p, where in mention_starts.items()
                if any(w < m.start() for w in where) and key[0] in _token_key(tokens_of(p))
            ]
            if not owners:
                continue
            have = per.setdefault(max(owners)[1], {}).setdefault(key, [])
            if name not in {c.name for c in have}:
                column = "。".join(c[i + 1] for c in cells[1:] if i + 1 < len(c))
                have.append(
                    RawComponent(
                        toks[0][1], name, (m.start(), end), confidence=0.8, places_text=column
                    )
                )
    for m in _RECORD.finditer(text):  # 名称:甲轴;类型:发展轴(“五轴”之一,“两横”之一)
        if len(per) > MAX_LABELS:
            break
        name = clean_name(m.group(1))
        nxt = _RECORD.search(text, m.end())  # (a record ends where the next begins)
        line_end = text.find("\n", m.end())
        line_end = min(line_end if line_end != -1 else len(text), nxt.start() if nxt else len(text))
        where_in = _RECORD_UNITS.search(text, m.start(), line_end)
        units = where_in.group(1) if where_in else None
        for t in _TOKEN_SPAN.finditer(m.group(2)):
            key = _token_key(tokens_of(t.group()))
            role = tokens_of(t.group())[0][1]
            for pattern, where in mention_starts.items():
                if not any(w < m.start() for w in where) or key[0] not in _token_key(
                    tokens_of(pattern)
                ):
                    continue
                have = per.setdefault(pattern, {}).setdefault(key, [])
                if name and name not in {c.name for c in have}:
                    span = (m.start(), m.end())
                    have.append(RawComponent(role, name, span, confidence=0.8, places_text=units))
    for label in _shaped(text, set()):  # 呈双核结构, 由甲、乙两个组团构成: each item a part
        if label.text in per or label.text in mention_starts:
            role = label.tokens[0][1]
            span = (label.start, label.end)
            comps = [
                RawComponent(role, clean_name(i), span, confidence=0.8, places_text=i)
                for i in label.items
            ]
            per.setdefault(label.text, {})[_token_key(label.tokens)] = comps
    for pattern, chain in chains.items():
        for label in chain:
            comps = _listed(label, label.tokens[0][1])
            if label.form == "whole" and comps:
                per.setdefault(pattern, {})[_token_key(label.tokens)] = comps
            else:
                per.setdefault(pattern, {}).setdefault(_token_key(label.tokens), comps)
    for m in _ONE_OF.finditer(text):  # 甲地区是其中的一区, 范围包括…
        if len(per) > MAX_LABELS:
            break
        role = m.group(2)
        for pattern in sorted(
            (p for p, where in mention_starts.items() if where and where[0] < m.start()),
            key=lambda p: -max(w for w in mention_starts[p] if w < m.start()),
        ):
            toks = [t for t in tokens_of(pattern) if t[1] == role]
            if (
                not toks
                or m.start() - max(w for w in mention_starts[pattern] if w < m.start()) > 200
            ):
                continue
            have = per.setdefault(pattern, {}).setdefault(_token_key(toks[:1]), [])
            name = clean_name(m.group(1))
            if name not in {c.name for c in have}:
                sent_end = min(
                    [i for i in (text.find(ch, m.end()) for ch in "。\n") if i != -1] or [len(text)]
                )
                have.append(
                    RawComponent(
                        role, name, (m.start(), sent_end), 0.8, places_text=text[m.end() : sent_end]
                    )
                )
            break
    for m in _ONE_OF_LABEL.finditer(text):  # 甲新城是“两核”联动格局中的重要一核
        if len(per) > MAX_LABELS:
            break
        toks = tokens_of(m.group(2))
        if len(toks) != 1 or toks[0][1] != m.group(3):
            continue
        key = _token_key(toks)
        for pattern, where in mention_starts.items():
            if any(w < m.start() for w in where) and key[0] in _token_key(tokens_of(pattern)):
                have = per.setdefault(pattern, {}).setdefault(key, [])
                name = clean_name(m.group(1))
                if name and name not in {c.name for c in have}:
                    have.append(RawComponent(toks[0][1], name, (m.start(), m.end()), 0.8))
    for m in _QUOTED_ONE_OF.finditer(text):  # 其中“甲-乙”是六片之一
        if len(per) > MAX_LABELS:
            break
        [(numeral, role)] = tokens_of(m.group(2))
        pattern = _owner(
            _Label(m.start(2), m.end(2), [(numeral, role)], m.group(2), "def"), mention_starts
        )
        name = clean_name(m.group(1))
        if pattern is None or len(name) < 2 or _TOKEN_SPAN.fullmatch(name):
            continue  # (“两轴”是…之一: a label, no part's name)
        have = per.setdefault(pattern, {}).setdefault(_token_key([(numeral, role)]), [])
        if len(have) < (count_of(numeral) or 99) and name not in {c.name for c in have}:
            have.append(RawComponent(role, name, (m.start(), m.end()), confidence=0.75))
    for m in _PART_OF_WHOLE.finditer(text):  # 甲新城是“一核四城”的重要组成部分
        if len(per) > MAX_LABELS:
            break
        toks = tokens_of(m.group(2) or m.group(3))
        pattern = next((p for p in mention_starts if tokens_of(p) == toks), None)
        name = clean_name(m.group(1).split("的")[-1])
        ends = [t for t in toks if name.endswith((*ROLE_SUFFIX.get(t[1], ()), t[1]))]
        if pattern is None or len(ends) != 1 or _is_place_item(name):
            continue
        numeral, role = ends[0]
        suffix = next(x for x in (*ROLE_SUFFIX.get(role, ()), role) if name.endswith(x))
        have = per.setdefault(pattern, {}).setdefault(_token_key(ends), [])
        if len(name) - len(suffix) < 2 or len(have) >= (count_of(numeral) or 99):
            continue
        if not any(name in c.name or c.name in name for c in have):
            have.append(RawComponent(role, name, (m.start(), m.end()), confidence=0.75))
    for m in _ONE_OF_THE.finditer(text):  # 位于“两轴”之一的甲文化融合轴上
        if len(per) > MAX_LABELS:
            break
        [(numeral, role)] = tokens_of(m.group(1))
        ends = "|".join(map(re.escape, (*ROLE_SUFFIX.get(role, ()), role)))
        named = re.match(rf"[\u4e00-\u9fff]{{2,16}}?(?:{ends})", m.group(2))
        pattern = _owner(
            _Label(m.start(), m.end(), [(numeral, role)], m.group(1), "def"), mention_starts
        )
        if named is None or pattern is None:
            continue
        have = per.setdefault(pattern, {}).setdefault(_token_key([(numeral, role)]), [])
        if named.group() not in {c.name for c in have}:
            have.append(RawComponent(role, named.group(), (m.start(), m.end()), confidence=0.8))
    for m in _AMONG.finditer(text):  # 四组团以干路划分, 其中甲组团是…: one part named
        if len(per) > MAX_LABELS:
            break
        [(numeral, role)] = tokens_of(m.group(1))
        suffixes = (*ROLE_SUFFIX.get(role, ()), role)
        name_re = rf"[\u4e00-\u9fff]{{2,14}}?(?:{'|'.join(map(re.escape, suffixes))})"
        named = re.match(name_re, m.group(2))
        # 其中甲园和乙园: the parts the list names, up to the count (one, if it names one)
        listed = re.match(rf"({name_re})(?:(?:、|和|与|及)({name_re}))+", m.group(2))
        pieces = re.split(r"、|和|与|及", listed.group()) if listed else []
        names = [hit.group() for hit in (re.fullmatch(name_re, p) for p in pieces) if hit]
        pattern = _owner(
            _Label(m.start(), m.end(), [(numeral, role)], m.group(1), "def"), mention_starts
        )
        k = count_of(numeral) or 0
        if named is None or pattern is None or k < 2:
            continue
        have = per.setdefault(pattern, {}).setdefault(_token_key([(numeral, role)]), [])
        if have and all(re.fullmatch(TOKEN, c.name) for c in have) and 2 <= len(names) <= k:
            have.clear()  # a label described as its count (即…三个产业园): the parts named
        if not have:
            sent_end = min(
                [i for i in (text.find(ch, m.end()) for ch in "。\n") if i != -1] or [len(text)]
            )
            for name in names if 2 <= len(names) <= k else [named.group()]:
                have.append(RawComponent(role, name, (m.start(), sent_end), 0.75, places_text=name))
    tried: dict[tuple[str, tuple[str, ...]], int] = {}
    for label in prose:
        pattern = _owner(label, mention_starts)
        key = _token_key(label.tokens)
        if pattern is None or key in per.get(pattern, {}):
            continue
        tried[pattern, key] = tried.get((pattern, key), 0) + 1
        if tried[pattern, key] > MAX_MENTIONS:
            continue  # a label repeated without parts thousands of times: no more tries
        put(pattern, key, _prose_components(text, label))
    out: dict[str, list[RawComponent]] = {}
    for pattern, by_token in per.items():
        ordered: list[RawComponent] = []
        for key in _token_key(tokens_of(pattern)):
            ordered.extend(by_token.pop((key,), []))
        if ordered:
            out[pattern] = ordered
    return out
