"""Spatial structures (一核一圈一廊 ...) and travel-time circles found in plan text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from geoplan.corpus import BULLETS

# Numerals of a count: Chinese characters, or an Arabic digit as some plans write the name
# (“1心2轴3片”, 3个板块).
NUMERALS = "一二三四五六七八九十两多双"
# The role words of a structure name, by class. A name is a sequence of numeral + role
# ("一核一圈一廊", "三纵三横二连", "一江两水"); the class says what the name describes.
LAYOUT_ROLES = (
    "组团", "组群", "中心", "核心区", "景区", "核心", "圈层", "板块", "版块", "片区", "分区",
    "走廊", "廊道", "绿楔", "基地", "平台", "节点", "龙头", "集群", "门户", "轴线", "线路", "园区",
    "支撑", "新城", "新区", "区块", "重点镇", "重点", "岸线", "支点", "主轴", "副轴", "卫", "枝",
    "段", "核", "心", "主", "副", "次", "圈", "廊", "带", "轴", "翼", "极", "区", "片", "块", "环",
    "线", "岸", "群", "点", "镇", "村", "脉", "屏", "楔", "城", "体", "街", "地", "新", "星", "辅",
    "团", "商圈",
    "轴带",  # an axis and its belt as one word (两条轴带: 甲产业带、乙产业带)
    "链",  # a chain of lakes or places strung together (三链: 蓝色珠链)
    "道",  # a greenway or scenic route (三道: 蓝道、绿道和风景道); never qualified (4个街道)
    "城市圈", "城市群",  # (两大城市圈: 城市 is a role's word here, not a count of cities)
    "组",  # a group of towns, 组团 said short (三极五组八带, 一群两圈多组)
    "镇区",  # a town's built-up area (一镇区、两中心、三基地: the town area of a 特色小镇)
    "层",  # a ring of a city region, 圈层 said short (三层多心: 中心城区, then the outer rings)
)  # fmt: skip
# Roles that name a part only as the one of its kind between others (一核一地两轴); counted
# or closing a name they count places of a slogan (三区两地, 三地四区, 四地).
INNER_ROLES = frozenset({"地"})
FEATURE_ROLES = (
    "田",
    "景",
    "江",
    "河",
    "湖",
    "水",
    "山",
    "泉",
    "谷",
    "港",
    "湾",
    "洲",
    "岛",
    "园",
    "库",
    "渠",
    "桥",
    "垸",
    "岗",  # a ridge of low hills (一江两湖三河四岗)
    "堤",
    "矶",  # a rock by a river (燕子矶, 城陵矶)
    "滩",  # a river's flood shoals (一滩: 黄河滩区)
    "淀",  # a shallow lake of the north China plain (一淀: 白洋淀)
    "湾区",  # a bay and its coast as one area (二湾区: 甲湾和乙湾)
    "岛群",  # a group of islands (五岛群: 甲岛群、乙岛群…)
    "绿洲",  # a large green area between towns (一中心、一绿洲: 甲生态绿洲)
    "寨",  # a walled hill village, a scenic spot of its own (三山一寨: 甲山、乙山、丙山和丁寨)
)
# 城际: a count of intercity lines (三横一纵四城际); 向: of directions out of a hub (四联八向);
# 联线: of link lines (九联线), 联 and 线 as one word.
NETWORK_ROLES = (
    "纵横", "放射", "辐射", "射线", "城际", "通道", "联线", "纵", "横", "斜", "连", "射", "联",
    "支", "干", "轨", "向", "网",
)  # fmt: skip
# Words that begin like a role but are not one: a name holding one of them is a slogan or a
# count of things (四中心三城市, 两条城镇发展轴, 一镇一主业, 一镇一区域, 三高四新, 一带一部,
# 二中心一枢纽, 一化三基, 六个湘潭). Listed so that the longest word wins over its first
# character.
NOT_ROLES = (
    "城市", "城镇", "主业", "主体", "主导", "区域", "特色", "枢纽", "中心城市", "部", "高", "新兴",
    "化", "基", "型", "个", "全面", "品", "策", "线一单", "体化",
)  # fmt: skip
ROLES = tuple(sorted(set(LAYOUT_ROLES + FEATURE_ROLES + NETWORK_ROLES), key=lambda r: (-len(r), r)))
_WORDS = tuple(sorted(set(ROLES + NOT_ROLES), key=lambda r: (-len(r), r)))
# (两轴带动: an axis, then the verb 带动 it drives by, not 轴带, the axis and its belt)
_WORD_ALT = "|".join(f"{w}(?!动)" if w == "轴带" else w for w in _WORDS)
# One numeral + role word (or a word that only looks like a role).
# A measure word may stand between numeral and role (一个中心、两条轴线、三大板块).
_MEASURE = "(?:个|条|大|座)?"
# After a measure word, a qualifier may stand before the role (三个功能区、多个景观节点、
# 三条精品线): the token then ends where the name does (a list mark, a quote, a space, a
# defining word, a dash before what it is: 两条精品线路——即…), so that a qualifier never
# swallows the start of the next word.
_BOUND = r"[、,，。;；:：”\"」』\s和与及—]|分为|分别|依次|即|是|为|指|包括|由|$"
# Not a corridor: a qualified 通道 (三大纵向通道, 两条出省通道) describes lines, it names no token;
# nor a qualified 道 a street (4个街道).
_QUALIFIED = rf"[个条大座处][^\W\d{NUMERALS}、,，]{{1,4}}?(?=(?!通?道)(?:{_WORD_ALT})(?:{_BOUND}))"
# A numeral: one character, 十 and a unit (十七联, 十八总), or tens and a unit (二十四片区).
_NUMERAL = (
    rf"(?:[二三四五六七八九]?十[一二三四五六七八九]?(?=[^\W\d{NUMERALS}])"
    r"|[一二三四五六七八九十两多双]"
    r"|(?<![0-9A-Za-z.+＋%])[1-9](?![0-9]))"
)
PLAIN_TOKEN = rf"{_NUMERAL}{_MEASURE}(?:{_WORD_ALT})"
# (a measure word before a word that only looks like a role holds it as the token only where
# the name ends there: 三个特色, not 六个特色小镇, a qualifier before 镇)
_NOT_ROLE_ALT = "|".join(sorted(NOT_ROLES, key=lambda r: (-len(r), r)))
_ROLE_ALT = "|".join(f"{w}(?!动)" if w == "轴带" else w for w in ROLES)
_BEFORE_ROLE = (
    rf"(?:{_MEASURE[:-1]}(?=(?:{_ROLE_ALT})|(?:{_NOT_ROLE_ALT})(?:{_BOUND}))|{_QUALIFIED}|)"
)
TOKEN = rf"{_NUMERAL}{_BEFORE_ROLE}(?:{_WORD_ALT})"
# Tokens may be parted by a list mark, a plus sign (一带+七镇) or a verb that joins them: 串
# (一环三湾串七岛: the ring and bays string the isles), 带 (一心带二点: the centre leads the
# points), 联 (一核联四片: the core links the areas), 聚, 领, 连, 引 (一轴两翼聚三区: the axis
# and wings gather the zones), 倚 and 依 (两城两湾倚两山: the cities and bays lean on the
# hills), 接 (一核接一带: the core meets the belt), 夹 (两山夹一城: two ranges flank the city).
# After a list mark each token may be led by a
# one-character verb of what is done to it (强一核、优两轴、联三区; 协两环、汇三江), the first
# token too where a quote opens the name.
_JOIN_VERB = "串带联聚领连引倚依接夹"
# The marks that part a name's items: the list marks, and the middle dots some plans write
# between them instead (“一核引领·两带协同”, “一核·两轴·三片”).
_MARKS = "、,，·•・"
_MARK_RE = re.compile(f"[{_MARKS}]")
_LEAD_VERB = "强优联协汇融提促筑塑育拓兴聚护守连通串带治活壮扩"
STRUCTURE_RE = re.compile(
    rf"(?:(?<=[“\"「『])[{_LEAD_VERB}](?={_NUMERAL}))?(?<![第{NUMERALS}]){TOKEN}"
    rf"(?:(?:[{_MARKS}][{_LEAD_VERB}]?|[+＋]|[{_JOIN_VERB}])?{TOKEN})+"
)
# A numeral + any word right after a match: the match is part of a longer, non-spatial name;
# not a length in li after a list mark (一江四区、十里画廊: a second, descriptive name).
_CONTINUES = re.compile(rf"(?![、,，][十百千万]里)[、,，]?[{NUMERALS}][\u4e00-\u9fff]")
# A quoted name's last item after a list mark that is no token of space but a slogan of four
# characters (“两核两翼、三链融合”): the tokens before it are a name of their own.
_SLOGAN_ITEM_AFTER = re.compile(
    rf"[、,，](?!(?:{PLAIN_TOKEN}))[{NUMERALS}][\u4e00-\u9fff]{{3}}(?=[”\"」』])"
)
_PLAIN_RE = re.compile(PLAIN_TOKEN)
_TOKEN_SPAN = re.compile(TOKEN)
_TOKEN_RE = re.compile(rf"({_NUMERAL}){_BEFORE_ROLE}({_WORD_ALT})")
# The nouns a name governs, read in the rest of its clause (quotes and 的 skipped): a strategy,
# task, concept or regime makes a slogan; a layout, structure or network makes it spatial.
_SLOGAN_NOUN = re.compile(
    # (区位, not 甲区位于: a district's name, then where it lies)
    r"战略|理念|行动|目标|定位|要求|管控|区位(?!于)|方针|政策|机制|模式|精神|思想|任务|改革"
)
_SPATIAL_NOUN = re.compile(r"格局|布局|结构|空间|体系|骨架|框架|形态|网络|路网|网|区域|地区|片区")
# The rest of a quoted name after its tokens, up to the closing quote: when it counts more
# things (两桥隧多路), the tokens are the start of a longer list, no structure name.
_QUOTED_REST = re.compile(r"([\u4e00-\u9fff]{1,6})[”\"」』]")
# How far after a name its governing noun is looked for (a clause rarely holds it further).
HEAD_CHARS = 14
_CORE_ROLES = frozenset(
    {"核", "核心", "核心区", "心", "中心", "主", "副", "圈", "廊", "走廊", "带", "轴", "翼"}
)


def structure_class(pattern: str) -> str:
    """Class of a structure name by its roles: ``network``, ``feature`` or ``layout``.

    >>> structure_class("三纵三横二连"), structure_class("一江两水"), structure_class("一核两翼")
    ('network', 'feature', 'layout')
    """
    roles = [r for _n, r in tokens_of(pattern)]
    if any(r in NETWORK_ROLES for r in roles):
        return "network"
    if any(r in FEATURE_ROLES for r in roles) and not any(r in _CORE_ROLES for r in roles):
        return "feature"
    return "layout"


TRAVEL_RE = re.compile(
    r"(?:(至[\u4e00-\u9fff]{2,6}?)[“\"「]?)?([半一二两三四五六七八九十0-9.]{1,3})(个)?(小时|刻钟|分钟)"
    r"([\u4e00-\u9fff]{0,6}?)圈"
)
_TRAVEL_PREFIX = re.compile(r"(市域|城市|市内|市外|全域|县域|区域)$")
_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUM.update({str(n): n for n in range(1, 10)})

# Name suffixes each role's components end with, longest first.
ROLE_SUFFIX = {
    "核": ("主城区", "中心城区", "核心区", "城区", "核心", "中心"),
    "核心区": ("核心区", "区"),
    "景区": ("景区", "区"),
    "心": ("绿心", "中心", "公园", "心"),
    "中心": ("中心城区", "中心", "城区"),
    "主": ("主城区", "中心城区", "城区", "中心"),
    "圈": ("圈",),
    "廊": ("走廊", "廊道", "廊"),
    "带": ("带",),
    "轴": ("轴",),
    "翼": ("翼",),
    "副": ("副中心", "副城", "城区"),
    "次": ("次中心", "副中心", "城区"),
    "极": ("增长极", "极"),
    "区": ("组团", "片区", "区"),
    "片": ("片区", "片", "板块"),  # an area by another word for it (“一片”指老山板块)
    "环": ("环线", "林带", "环"),
    "线": ("线",),
    "线路": ("线路", "线"),
    "岸": ("岸",),
    "湖": ("湖", "池", "海", "淀", "荡"),  # lakes by other words (滇池, 洱海, 白洋淀)
    "江": ("江",),
    "河": ("江", "河", "水"),
    "群": ("城市群", "群"),
    "点": ("点",),
    "镇": ("镇",),
    "脉": ("脉",),
    "块": ("块",),
    "干": ("干线", "干"),
    "支": ("支线", "支"),
    "纵": ("纵线", "纵"),
    "横": ("横线", "横"),
    "连": ("连线", "联络线", "连"),
    "联线": ("联线", "联络线", "线"),
    "射": ("射线", "射"),
    "射线": ("射线", "线"),
    "轨": ("轨道", "线", "轨"),
    "城际": ("城际铁路", "城际轨道", "城际"),
    "组团": ("组团",),
    "组": ("组团", "组群", "组"),
    "平台": ("平台",),
    "龙头": ("龙头",),
    "集群": ("集群",),
    "门户": ("门户",),
    "轴线": ("轴线", "发展轴", "轴"),
    "主轴": ("主轴", "轴"),
    "副轴": ("副轴", "轴"),
    "卫": ("卫星城", "卫"),
    "新": ("新区", "新城", "新园", "区", "城", "园"),
    "新区": ("新区", "区"),
    "区块": ("区块", "区"),
    "重点": ("重点镇", "重点"),
    "重点镇": ("重点镇", "镇"),
    "园区": ("园区", "园", "区"),
    "节点": ("节点",),
    "支点": ("支点", "节点"),
    "体": ("综合体", "体"),
    "街": ("街区", "街"),
    "分区": ("分区", "区"),
    "垸": ("垸",),
    "商圈": ("商圈",),
    "滩": ("滩区", "滩"),
    "岛": ("岛", "洲"),  # an isle by its other word (“一岛”为八卦洲, 橘子洲)
}
_LEAD_WORDS = re.compile(
    r"^(?:(?:全域|全县|全市|全区|全园|园区|景区|规划区)?(?:划分为|分为|分成)|即|是指|指|是|为|主要包括|包括|立足|(?:主动)?对接|重点打造|着力打造|打造|做大做强|做强做优|做强|做优|做大|大做强|"
    r"(?:目前|现)?已建成|建设|构建|形成|尽快形成|加快建设|推进|共同建设|共建|依托|重点建设|培育|提升|新建|改建|扩建)+"
)


# A list item's number, written before it: 一是, 其一, 第一, (1).
_ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]是|其[一二三四五六七八九十][是为]?|之[一二三四五六七八九十](?=..)|第[一二三四五六七八九十]+(?:[,，、]|(?![\u4e00-\u9fff]))"
    r"|[(（][一二三四五六七八九十0-9]{1,2}[)）])"
)


@dataclass
class RawComponent:
    role: str
    name: str
    span: tuple[int, int]  # of the defining text (label + definition)
    label_lost: bool = False
    confidence: float | None = None  # None: set by the caller from label_lost
    places_text: str | None = None  # the part's own text, where a shared body holds several


@dataclass
class RawStructure:
    pattern: str
    span: tuple[int, int]
    tokens: list[tuple[str, str]]  # (numeral, role)
    kind: str = "layout"
    components: list[RawComponent] = field(default_factory=list)
    origin: str | None = None
    destination: str | None = None
    minutes: int | None = None
    occurrences: int = 1


def is_role(numeral: str, role: str) -> bool:
    """Whether a token names a part: not a word that only looks like a role (三高四新), and a
    role of :data:`INNER_ROLES` only as the one of its kind (一地, not 三地).

    >>> is_role("一", "地"), is_role("三", "地"), is_role("三", "高"), is_role("两", "轴")
    (True, False, False, True)
    """
    return role not in NOT_ROLES and (role not in INNER_ROLES or numeral == "一")


def tokens_of(pattern: str) -> list[tuple[str, str]]:
    """Split a pattern into ``(numeral, role)`` tokens."""
    return _TOKEN_RE.findall(pattern)


def count_of(numeral: str) -> int | None:
    """Return the count a numeral stands for (None for 多 / 若干).

    >>> count_of("两"), count_of("十七"), count_of("二十四"), count_of("多")
    (2, 17, 24, None)
    """
    if "十" in numeral and len(numeral) <= 3:  # 十, 十七, 二十, 二十四
        tens, _ten, units = numeral.partition("十")
        return 10 * (_NUM.get(tens, 0) if tens else 1) + _NUM.get(units, 0)
    if numeral == "双":
        return 2
    return _NUM.get(numeral)


_GOAL_AFTER = re.compile(
    r"[”\"」]?(?:建设|工程)?[,，]?\s*(?:即|就是|也就是)(?:要)?(?:努力)?(?:建设)?成为"
)


# A name delimited, the verb after it as a noun (“三区三线”划定成果, 划定工作): the regime of
# zones and lines that 划定“…” keeps (:data:`_REGIME_BEFORE`), said the other way round.
_REGIME_AFTER = re.compile(r"[”\"」』]?(?:的)?划定")

# A name used as the basis or rule of the work (以“三区三线”为基础, 为依据): a regime, not laid
# out here, whatever the next clause goes on to (…为基础, 统筹农业、生态、城镇三类空间).
_BASIS_AFTER = re.compile(r"[”\"」』]?(?:作)?为(?:基础|依据|前提|底线|准绳|遵循)")

# The work of building a named thing (…建设任务, 建设目标): what the name is stays open.
_BUILDING_TASK = re.compile(r"[”\"」]?(?:的)?建设(?:任务|工作)")


def head_vote(text: str, end: int) -> int:
    """+1 when the noun a name governs is spatial, -1 when it is a strategy or regime, else 0.

    >>> head_vote("“三大板块”的空间格局", 6), head_vote("“三大板块”中找准定位", 6)
    (1, 0)
    >>> head_vote("“两横三纵”城市化战略格局", 6), head_vote("“四个全面”战略布局", 6)
    (1, -1)
    """
    after = text[end : end + HEAD_CHARS]
    after = after[
        : min((i for i in (after.find("。"), after.find("\n")) if i != -1), default=len(after))
    ]
    if re.match(r"(?:之)?中(?!心)", after):
        return 0  # 在“三大板块”中找准定位: where something stands in it, no noun it governs
    if _GOAL_AFTER.match(after):
        return -1  # defined as what to become (“三区两城”建设, 即成为…): goals, not parts
    if _REGIME_AFTER.match(after):
        return -1  # “…”划定成果: zones and lines drawn, a regime
    if _BASIS_AFTER.match(after):
        return -1  # 以“…”为基础: the basis of the work, a regime
    if _BUILDING_TASK.match(after):
        return 0  # the tasks of building it (四城三基地建设任务): no vote either way
    # (城市化战略格局: a pattern of space the strategy qualifies, as the national plans name
    # theirs; not 战略布局, a strategy's arrangement: “四个全面”战略布局)
    slogan = _SLOGAN_NOUN.search(after.replace("战略格局", "格局"))
    spatial = _SPATIAL_NOUN.search(after.replace("战略格局", "格局"))
    if spatial and (slogan is None or spatial.start() < slogan.start()):
        return 1
    return -1 if slogan else 0


# A quoted name whose tokens each carry a two-character verb (“一核引领、两翼齐飞、三带联动”).
_VERB2 = rf"[^\W\d{NUMERALS}]{{2}}"
# A quoted name whose tokens each carry their parts in brackets (“一核(甲县城)两翼(乙镇、丙镇)”):
# the name is its tokens.
BRACKETED_RE = re.compile(
    rf"(?<=[“\"「『])({TOKEN}[(（][^()（）]{{1,60}}[)）](?:[、,，]?{TOKEN}[(（][^()（）]{{1,60}}[)）])+"
    # the last token may go without its parts (“一湖(甲湖)两片(东片区、西片区)五组团”)
    rf"(?:[、,，]?{TOKEN})?)(?=[”\"」』])"
)
# An item of such a name: a token and its verb, a token after two words (主副双心), two tokens
# a verb joins (一核领三区) or none (一核六心, in a name of three items or more: “一核六心、
# 圈层发散、多廊穿插”), or a phrase of four words without one (板块协同), or a count of no
# role in four words (四角青山, beside 三水穿城, 一轴三带), so long as two items hold tokens.
# An item that counts no role in four words (四角青山, 四象生长).
_NO_ROLE_COUNT = rf"[{NUMERALS}][^\W\d{NUMERALS}{_MARKS}]{{3}}"
_PHRASE = (
    rf"(?:{TOKEN}[领系连带串引夹]{TOKEN}|{TOKEN}{_VERB2}|[^\W\d{NUMERALS}]{{2}}{TOKEN}|{TOKEN}{TOKEN}"
    rf"|[^\W\d{NUMERALS}、,，]{{4}}|{_NO_ROLE_COUNT})"
)
_TWO_TOKENS = re.compile(rf"{TOKEN}{TOKEN}[{_MARKS}]")
# (and a layout named right before a quoted name: …结构为“…”)
_COUNT_NO_ROLE = re.compile(_NO_ROLE_COUNT)
_LAYOUT_BEFORE = re.compile(r"(?:结构|格局|布局|体系|骨架|框架)(?:为|是)?[“\"「『]$")
INTERLEAVED_RE = re.compile(
    rf"(?<=[“\"「『])({_PHRASE}(?:[{_MARKS}]{_PHRASE})+"
    # or tokens each with its verb, the last item a count of no role and its verb (一核引领、
    # 两带协同、三区联动、四象生长), kept as written
    rf"|{TOKEN}{_VERB2}(?:[{_MARKS}]{TOKEN}{_VERB2})+[{_MARKS}]{_NO_ROLE_COUNT}"
    # or two tokens, then tokens each with its verb (一湖两屏，两轴支撑，三心驱动，多片协同)
    rf"|{TOKEN}{TOKEN}(?:[{_MARKS}]{TOKEN}{_VERB2}){{2,}})"
    rf"(?=[”\"」』])"
    # unquoted, three tokens or more (按照一核引领、两翼支撑、四心鼎力的思路)
    # (its later items may be no role: 六产拉动; the name is kept whole, as written)
    rf"|(?<![“\"「『{NUMERALS}])({TOKEN}{_VERB2}(?:、[{NUMERALS}][^\W\d{NUMERALS}]{{3}}){{2,}})"
    rf"(?![、{NUMERALS}])"
)
# The layout a name governs at once, in its own clause (“…”的生态空间格局).
_LAYOUT_GOVERNED = re.compile(
    r"[”\"」』]?的?[\u4e00-\u9fff]{0,6}?(?:格局|布局|空间结构|结构|骨架|框架)"
)
# A verb that keeps a regime of lines or zones (划定“三区三线”, 严守三条控制线): no layout.
_REGIME_BEFORE = re.compile(r"(?:严守|坚守|守住|守牢|划定)[“\"「『]?$")


# The item a quoted list of names ends with, read up to the closing quote (…、一区四特”).
_LAST_ITEM = re.compile(r"[^、,，“”\"「」『』\s]{1,8}([”\"」』])")
# ... or items, up to four (“一核六极、十字主轴、网络辐辏”)
_LAST_ITEMS = re.compile(
    r"(?:[^、,，“”\"「」『』\s]{1,8}[、,，]){0,3}[^、,，“”\"「」『』\s]{1,8}([”\"」』])"
)


def _whole_items(text: str, m: re.Match[str]) -> tuple[str, int, int] | None:
    """The names before the list mark of a quoted list whose later items are no name of space.

    In “一主两副、两带两廊、一区四特” the tokens run into 四特, a word that is no role; the items
    before it are whole names and stay one (``(pattern, end, after the closing quote)``).

    >>> t = "构建“一主两副、两带两廊、一区四特”的结构"
    >>> _whole_items(t, STRUCTURE_RE.search(t))
    ('一主两副、两带两廊', 12, 18)
    """
    if not m.start() or text[m.start() - 1] not in _OPEN_QUOTES:
        return None
    cut = max(m.group().rfind(c) for c in _MARKS)
    if text[m.end() : m.end() + 1] in ("、", ",", "，"):
        # the tokens end at the mark, the last item after it (“一心两轴三区、双游线多节点”:
        # 游线 is no role): the tokens before it are a name of their own
        # (or items: “一核六极、十字主轴、网络辐辏”; “一区、六组群、两级三轴线”: 两级 counts
        # levels, no role)
        last = _LAST_ITEMS.match(text, m.end() + 1)
        if last is None or len(tokens_of(m.group())) < 2:
            return None
        return m.group(), m.end(), last.end()
    last = _LAST_ITEM.match(text, m.start() + cut + 1)
    if cut < 0 or last is None or len(tokens_of(m.group()[:cut])) < 2:
        return None
    return m.group()[:cut], m.start() + cut, last.end()


def find_patterns(text: str) -> list[tuple[str, int, int]]:
    """Return ``(pattern, start, end)`` of every spatial-structure name in ``text``.

    A name is two or more numeral + role tokens (一核一圈一廊, 一心、三带、四轴、六区), or, in
    quotes, tokens that each carry a verb (一核引领、两翼齐飞), kept as written. It is
    left out when a token is not a spatial role (三高四新, 一镇一主业, 四中心三城市), or when the
    nouns its mentions govern are more often a strategy, task or regime (“三区三线”管控要求,
    “一谷三区”总任务) than a layout (格局, 结构, 布局, 网).

    >>> [p for p, _s, _e in find_patterns("落实“三区三线”管控要求,构建“一核两翼”空间格局。")]
    ['一核两翼']
    """
    found = []
    votes: dict[str, int] = {}
    for m in INTERLEAVED_RE.finditer(text):
        pattern = m.group(1) or m.group(2)
        items = pattern.split("、")
        if m.group(2) and len(tokens_of(pattern)) < max(3, 0.6 * len(items)):
            continue  # unquoted: most items must be tokens of space (not 一网统管、一端通达…)
        if sum(bool(_TOKEN_SPAN.search(i)) for i in _MARK_RE.split(pattern)) < 2:
            continue  # (quoted: at least two of its phrases count parts of space)
        if len(_MARK_RE.split(pattern)) < 3 and _TWO_TOKENS.match(pattern):
            continue  # two tokens and one phrase (两核两翼、三链融合): read as a token name
        if not all(is_role(n, r) for n, r in tokens_of(pattern)) or _system(pattern):
            continue
        vote = head_vote(text, m.end() + 1)
        counts_no_role = any(
            _COUNT_NO_ROLE.fullmatch(i) and not _TOKEN_SPAN.search(i)
            for i in _MARK_RE.split(pattern)
        )
        if counts_no_role and vote <= 0 and not _LAYOUT_BEFORE.search(text, 0, m.start()):
            # an item counting what is no part of space (三泰同城, 十字交叉) makes a slogan, unless
            # a layout governs the name (绿地系统结构为“四角青山,三水穿城…”)
            continue
        compact = re.sub(r"[,，]", "、", pattern)
        votes[compact] = votes.get(compact, 0) + vote
        found.append((compact, m.start(), m.end()))
    for m in BRACKETED_RE.finditer(text):
        pattern = "".join(
            n + r for n, r in tokens_of(re.sub(r"[(（][^()（）]*[)）]", "", m.group(1)))
        )
        if not all(is_role(n, r) for n, r in tokens_of(pattern)):
            continue
        votes[pattern] = votes.get(pattern, 0) + head_vote(text, m.end() + 1)
        found.append((pattern, m.start(), m.end()))
    taken = [(s, e) for _p, s, e in found]
    same: dict[str, str] = {}
    for m in STRUCTURE_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        pattern, end, close = m.group(), m.end(), m.end()
        if _CONTINUES.match(text, m.end()) and not _SLOGAN_ITEM_AFTER.match(text, m.end()):
            whole = _whole_items(text, m)
            if whole is None:
                continue
            pattern, end, close = whole
        rest = _QUOTED_REST.match(text, m.end())
        if (
            end == m.end()
            and m.start()
            and text[m.start() - 1] in _OPEN_QUOTES
            and rest
            and re.search(rf"[{NUMERALS}]", rest.group(1))
        ):
            continue  # the start of a longer quoted list (“一心两环两桥隧多路”)
        if not all(is_role(n, r) for n, r in tokens_of(pattern)) or _system(pattern):
            continue
        if not any(_PLAIN_RE.fullmatch(t.group()) for t in _TOKEN_SPAN.finditer(pattern)):
            continue  # qualified tokens only (三个功能区、五个特色小镇): a count of things
        if tokens_of(pattern)[-1][1] in INNER_ROLES:
            continue  # 三区两地: a slogan's count of places
        if _restates(text, m.start(), pattern, found):
            continue  # “一主、一城、三区”…由一个主城区、一座甲新城、三个新城区组成: its parts
        if _echoes(text, m.start(), pattern, found):
            continue  # “一核两圈三板块”…, 形成一核集聚引领、…、三板块多点支撑: its tokens again
        if end == m.end() and rest and rest.group(1) == "融合" and _MARK_RE.search(pattern):
            # the last item counts things merged (两核两翼、三链融合: 物流链、贸易链与产业链融合),
            # a slogan's item: the name is the items before it
            cut = max(pattern.rfind(c) for c in _MARKS)
            pattern, end = pattern[:cut], m.start() + cut
        elif end == m.end() and rest and len(rest.group(1)) == 2 and _MARK_RE.search(pattern):
            # a list of phrases whose last is its token and a verb (一心三片、一城临江): whole
            pattern, end = pattern + rest.group(1), end + 2
        compact = re.sub(r"[,，]", "、", pattern)
        # one name, however its tokens are separated (一核两区 and 一核、两区): its first form
        compact = same.setdefault(_MARK_RE.sub("", compact), compact)
        regime = _REGIME_BEFORE.search(text, max(0, m.start() - 5), m.start())
        # a regime of lines or zones (划定“三区三线”), unless what is drawn is a layout
        # (划定“一脉一心两环”的生态空间格局)
        layout = regime and _LAYOUT_GOVERNED.match(text, close)
        vote = -2 if regime and not layout else head_vote(text, max(end, close))
        if _describes_one(text, max(end, close), pattern):
            vote = -2  # 『一桥连三寨』的凉亭桥: a byname of the one thing it governs
        votes[compact] = votes.get(compact, 0) + vote
        found.append((compact, m.start(), end))
    for pattern in {p for p, _s, _e in found if votes[p] < 0}:
        first = min(e for p, _s, e in found if p == pattern)
        after = text[first : first + DEFINED_WITHIN]
        votes[pattern] += _parts_defined(pattern, after) or _chain_defines(pattern, after)
    return [f for f in found if votes[f[0]] >= 0]


# A name, then 的 and the one thing it governs, closing its clause (『一桥连三寨』的土家凉亭桥).
_GOVERNS_ONE = re.compile(r"[”\"」』]?的([\u4e00-\u9fff]{1,8})(?=[,，。;；\s]|$)")


def _describes_one(text: str, close: int, pattern: str) -> bool:
    """Whether a name is the byname of the one thing it governs: what follows its 的 is of the
    kind the name counts one of (『一桥连三寨』的土家凉亭桥: the bridge is its 一桥), a thing that
    is described, not a layout.

    >>> _describes_one("『一桥连三寨』的土家凉亭桥；", 7, "一桥连三寨")
    True
    >>> _describes_one("“一江两岸”的景观格局。", 6, "一江两岸")
    False
    """
    m = _GOVERNS_ONE.match(text, close)
    if m is None:
        return False
    return any(count_of(n) == 1 and m.group(1).endswith(r) for n, r in tokens_of(pattern))


# Words that count the parts of an information system as well as of space (一库一网一平台: a
# database, a network, a platform).
_SYSTEM_ROLES = frozenset({"库", "网", "平台"})


def _system(pattern: str) -> bool:
    """Whether a name counts a system, not space: a token said twice in a row (一网统管、一网
    通办: one network twice is no layout, two would be 两网; not 一江两岸、一江三桥, phrases
    sharing a river), or all its tokens words of an information system (一库一网一平台).

    >>> _system("一体统领、一网统管、一网通办"), _system("一库一网一平台"), _system("两山、两网")
    (True, True, False)
    >>> _system("一江两岸、一江三桥、一城五区")
    False
    """
    tokens = [(count_of(n), r) for n, r in tokens_of(pattern)]
    again = any(a == b for a, b in pairwise(tokens))
    return again or all(r in _SYSTEM_ROLES for _c, r in tokens)


def _restates(text: str, start: int, pattern: str, found: list[tuple[str, int, int]]) -> bool:
    """Whether a list of counted kinds after 由 restates the counts of a name earlier in its
    sentence (“一主、一城、三区”是…骨架, 由一个主城区、一座甲新城、三个新城区组成): the name's
    parts by kind, no name of its own.

    >>> t = "“一主、两城”是骨架,由一个主城区、两座新城组成。"
    >>> _restates(t, t.index("由") + 1, "一个主城区、两座新城", [("一主、两城", 1, 6)])
    True
    >>> _restates(t, t.index("由") + 1, "一个主城区、两座新城", [])
    False
    """
    if not text[:start].rstrip().endswith("由"):
        return False
    sentence = max(text.rfind(c, 0, start) for c in "。;；\n")
    counts = [count_of(n) for n, _r in tokens_of(pattern)]
    for earlier, s, _e in found:
        if sentence < s < start:
            before = [count_of(n) for n, _r in tokens_of(earlier)]
            if len(counts) >= 2 and before[: len(counts)] == counts:
                return True
    return False


# Marks that open a quoted name.
_OPEN_QUOTES = '“"「『'
# How many names found last are looked at for a run going through one's tokens again.
ECHO_NAMES = 20


def _echoes(text: str, start: int, pattern: str, found: list[tuple[str, int, int]]) -> bool:
    """Whether a run opens with a token of a name earlier in its sentence that the sentence has
    been going through token by token, each with what it does (构建“一核两圈三板块”布局, 形成一核
    集聚引领、两圈协同联动、三板块多点支撑的格局): the run is that token and words saying what it
    does (多点支撑), no name of its own.

    >>> t = "构建“一核两圈三板块”布局,形成一核引领、两圈联动、三板块多点支撑的格局。"
    >>> _echoes(t, t.index("三板块多点"), "三板块多点", [("一核两圈三板块", 3, 10)])
    True
    >>> t = "构建“一核两圈”布局,形成一核三片的格局。"
    >>> _echoes(t, t.index("一核三片"), "一核三片", [("一核两圈", 3, 7)])
    False
    """
    if start and text[start - 1] in _OPEN_QUOTES:
        return False  # a quoted name is a name, said again or not
    sentence = max(text.rfind(c, 0, start) for c in "。;；\n")
    first = tokens_of(pattern)[0]
    for earlier, s, e in found[-ECHO_NAMES:]:  # the names just before, bounded on hostile input
        if not sentence < s < e <= start or earlier == pattern:
            continue
        own = tokens_of(earlier)
        between = text[e:start]
        if first in own and any(n + r in between for n, r in own if (n, r) != first):
            return True
    return False


# How far after a name's first mention its parts' definitions are looked for.
DEFINED_WITHIN = 600
_DEFINES = (  # (“一主”是甲主中心; “两带”分别为甲带和乙带; “两轴”一是甲轴, 二是乙轴; “一带”，即甲带)
    r"(?:[”\"」』]?[,，:：]?(?:即|是指|指的是|指|分别为|分别是|为)|[”\"」』]是"
    r"|[”\"」』][,，:：]?(?:一是|其一)"
    # or a quoted label alone at the end of its line, a heading over its definition
    r"|[”\"」』][ \t]*\n)"
)


def _parts_defined(pattern: str, after: str) -> int:
    """+1 when every token of a name of two or more is defined after it (一区即甲经开区,两园
    即乙园和丙园): whatever noun the name governs (…模式管理), its parts are places.

    >>> _parts_defined("一区两园", "模式管理。一区即甲经开区,两园即乙园和丙园。")
    1
    >>> _parts_defined("一区两园", "模式管理。一区即甲经开区。")
    0
    """
    toks = [n + r for n, r in tokens_of(pattern)]
    defined = all(re.search(rf"(?<![\u4e00-\u9fff]){t}{_DEFINES}", after) for t in toks)
    return int(len(toks) >= 2 and defined)


# A chain of 以X为Y right after a name's clause (…城市发展战略中, 即以甲为主中心城市, 乙、丙为
# 副中心城市), and the roles its clauses give.
_CHAIN_OPENS = re.compile(r"[”\"」』]?[^。;；:：以\n]{0,20}[,，:：]\s*(?:即|其中[,，]?)?(?=以)")
_CHAIN_ROLE = re.compile(
    r"为(?:[^以,，。;；\n]{0,24}?的)?([\u4e00-\u9fff]{1,8}?)(?=[,，、;；。\n]|$)"
)


def _chain_defines(pattern: str, after: str) -> int:
    """+1 when a chain of 以X为Y opening right after a name of two tokens or more gives each
    token's role in turn (“一主两副”城市发展战略中, 即以甲为主中心城市, 乙、丙为副中心城市):
    whatever noun the name governs (a strategy), its parts are places.

    >>> _chain_defines("一主两副", "”战略中，即以甲为全省主中心城市，乙、丙为省域副中心城市。")
    1
    >>> _chain_defines("一主两副", "”战略中，即以甲为全省主中心城市。")
    0
    """
    opens = _CHAIN_OPENS.match(after)
    if opens is None:
        return 0
    sentence = re.split(r"[。\n]", after[opens.end() :], maxsplit=1)[0]
    roles = [m.group(1) for m in _CHAIN_ROLE.finditer(sentence)]
    toks = tokens_of(pattern)
    return int(
        len(toks) >= 2
        and len(roles) >= len(toks)
        and all(r in w for (_n, r), w in zip(toks, roles, strict=False))
    )


def find_travel_circles(text: str) -> list[tuple[str, int, int, int, str | None, str | None]]:
    """Return ``(name, start, end, minutes, prefix_place, destination)`` of travel-time circles."""
    out = []
    for m in TRAVEL_RE.finditer(text):
        to, num, _ge, unit, _kind = m.groups()
        per = {"小时": 60, "刻钟": 15, "分钟": 1}[unit]
        if num == "半" and unit == "小时":
            minutes = 30
        elif re.fullmatch(r"[0-9.]+", num):
            try:
                minutes = int(float(num) * per)
            except ValueError:
                continue
        elif len(num) == 1 and num in _NUM:
            minutes = _NUM[num] * per
        elif num == "十" or (len(num) == 2 and num[0] == "十" and num[1] in _NUM):
            minutes = (10 + _NUM.get(num[1:], 0)) * per  # 十五分钟
        else:
            continue
        if minutes <= 0:
            continue
        start = m.start()
        prefix = None
        before = text[max(0, start - 6) : start]
        pm = _TRAVEL_PREFIX.search(before)
        if pm and not to:
            start -= len(pm.group())
        else:
            # a place name glued to the circle (长沙四小时航空经济圈) or to its 至 (吉首至长沙)
            from geoplan.extract._common import admin_refs

            refs = admin_refs(before)
            if refs and refs[-1][1] == len(before):
                prefix = refs[-1][2]
                start -= len(prefix)
        name = re.sub(r"[“\"「]", "", text[start : m.end()])
        destination = to[1:] if to else None
        out.append((name, start, m.end(), minutes, prefix, destination))
    return out


def _split_items(head: str, role: str, expected: int | None) -> list[str]:
    """Split a definition head into component names."""
    head = head.strip()
    # (a colon ends a clause too: 五个特色片区:甲片区、乙片区… -- a description, then the list)
    clauses = [c for c in re.split(r"[,，;；:：]", head) if c.strip()]
    suffixes = ROLE_SUFFIX.get(role, ())

    def parts(clause: str) -> list[str]:
        items = re.split(r"、|以及|和|及|与", clause)
        return [i for i in (clean_name(i) for i in items) if i]

    def good(items: list[str]) -> bool:
        return bool(items) and all(len(i) <= 30 for i in items)

    # 1. the clauses themselves are the items (三片:甲片区,乙片区,丙片区)
    if expected and len(clauses) >= expected:
        items = [clean_name(strip_long_parens(c)) for c in clauses[:expected]]
        if all(items) and all(i.endswith(suffixes) for i in items) and good(items):
            return items
    # 2. one clause holding exactly the expected number of items
    for clause in clauses:
        items = parts(strip_long_parens(clause))
        if expected and len(items) == expected and good(items):
            return items
        if expected is None and len(items) >= 2 and all(i.endswith(suffixes) for i in items):
            return items
    # 3. a single name
    if clauses:
        first = clean_name(strip_long_parens(clauses[0]))
        m = re.search(r"以(.{2,20}?)为(?:主体|核心|中心|重点)", clauses[0])
        if m:
            first = clean_name(m.group(1))
        if first and len(first) <= 30:
            return [first]
    return []


def strip_long_parens(text: str) -> str:
    """Drop bracketed asides longer than six characters or holding digits (keep (京广))."""
    return re.sub(r"[(（]([^()（）]{0,60})[)）]", _keep_short, text)


def _keep_short(m: re.Match) -> str:
    inner = m.group(1)
    if len(inner) <= 6 and not re.search(r"[0-9和、]", inner):
        return m.group()
    return ""


# Emoji and pictographs, with their joiners and variation selectors.
_PICTOGRAPHS = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d]+")


def clean_name(item: str) -> str:
    """Trim verbs, quotes, sizes and descriptions from a component name.

    Examples
    --------
    >>> clean_name("第一组团为浏阳—袁州—万载组团"), clean_name("分别为罗霄山生态涵养区")
    ('浏阳—袁州—万载组团', '罗霄山生态涵养区')
    >>> clean_name("全域划分为津澧新城"), clean_name("井冈山区域为核心")
    ('津澧新城', '井冈山区域')
    >>> clean_name("南岸主要是赫山区"), clean_name("另一条是焦柳铁路发展轴")
    ('赫山区', '焦柳铁路发展轴')
    >>> clean_name("要以甲乙经济带为纽带"), clean_name("由内向外依次为核心圈层")
    ('甲乙经济带', '核心圈层')
    >>> clean_name("以株洲中心城区为主城"), clean_name("以云龙新区为副城")
    ('株洲中心城区', '云龙新区')
    >>> clean_name("两轴分别为济青高铁创新发展轴")  # (the label said again, then the list)
    '济青高铁创新发展轴'
    >>> clean_name("以大南昌都市圈为引领"), clean_name("甲乙海洋经济发展长廊为引领")
    ('大南昌都市圈', '甲乙海洋经济发展长廊')
    >>> clean_name("400亩柔性机加专业生产区")  # the area it takes, before its name
    '柔性机加专业生产区'
    >>> clean_name("由长沙信息产业园区")  # (由甲园区、乙园区…组成: the list's opening)
    '长沙信息产业园区'
    >>> clean_name("——城投智造产业园")  # (a list line's dash: 包括: ——甲园; ——乙园)
    '城投智造产业园'
    >>> clean_name("将全区旅游整合为三大板块——零陵古城板块"), clean_name("核心为零陵古城城区")
    ('零陵古城板块', '零陵古城城区')
    >>> clean_name("以甲大道"), clean_name("丁线为四条城镇发展轴线")  # 以甲大道、…、丁线为四条…轴线
    ('甲大道', '丁线')
    """
    item = re.sub(r"\s+", "", item).strip("“”\"'。:：")
    item = re.sub(r"(?<=[^|])\|.*$", "", item).strip("|")  # 甲带|沿甲江展开: a table's next cell
    item = _PICTOGRAPHS.sub("", item)  # 甲增长极⚓: a post's emoji is no part of the name
    item = re.sub(r"[_＿]{2,}|[(（][\s\u3000]*[)）]", "", item)  # a blank to fill in is no name
    item = _ENUMERATOR.sub("", item).lstrip(BULLETS)  # a bullet of slides or Word lists
    item = item.lstrip("—–")  # ——甲组团: a dash leading a list line
    # 整合为三大板块——甲板块: the count said, then after a dash the list's first name
    before, dash, after = item.rpartition("——")
    if dash and len(after) >= 2 and _TOKEN_SPAN.search(before):
        item = after
    m = re.match(
        r"^(?:要|应|需)?以(.{2,20}?)为(?:市域|全市|县域|全县|区域)?"
        r"(?:主体|核心|中心|重点|依托|主|副城|副中心|纽带|支撑|引领|龙头)",
        item,
    )
    based = re.match(r"^以.{2,20}?为[\u4e00-\u9fff]{1,4}的(.{2,20})$", item)
    if based:  # 以甲区为依托的乙产业片, 以丙路为纽带的丁走廊: the part is what stands on it
        item = based.group(1)
    elif m:
        item = m.group(1)
    item = _LEAD_WORDS.sub("", item)
    # 分别为甲区, 组成,分别是:甲区: the list's opening words
    # (由内向外依次为甲圈层, 自北向南分别为甲片区: the order they are listed in, first)
    item = re.sub(
        r"^(?:(?:组成|构成)[,，]?)?(?:(?:由|从|自)[东西南北内外上下中]{1,2}(?:向|到|至)"
        r"[东西南北内外上下中]{1,2})?"
        r"(?:[一二两三四五六七八九十]{1,2}[个条大座]?[\u4e00-\u9fff]{1,2}?)?"  # 两轴分别为甲轴
        r"(?:分别|依次)(?:为|是)[:：]?",
        "",
        item,
    )
    # 由甲园区、乙园区…组成: the list's 由 before its first name (not 由内向外, the order)
    item = re.sub(r"^由(?![东西南北内外上下中]{1,2}(?:向|到|至))(?=[\u4e00-\u9fff]{4})", "", item)
    # 一条是甲轴, 另一条是乙轴: the parts counted as they are said
    item = re.sub(r"^另?[一两二三四五六七八九十]?(?:条|个|座|处|片)(?:是|为)(?=.{2})", "", item)
    # 北岸就是甲区, 南岸主要是乙区: where it lies, then what it is
    item = re.sub(r"^[\u4e00-\u9fff]{1,6}?(?:也就是|就是|主要是)(?=[\u4e00-\u9fff]{2})", "", item)
    # 沿甲路、乙路形成丙生长轴: where it runs, then the part it makes
    item = re.sub(r"^沿.{1,24}?(?:形成|打造|构建|培育)(?=[\u4e00-\u9fff]{3})", "", item)
    # 核心为甲古城城区, 主中心是乙新城: the role said as a word, then the part's name
    item = re.sub(
        r"^(?:核心|[主副次]?中心|主城|副城|龙头)(?:为|是)(?=[\u4e00-\u9fff]{2})", "", item
    )
    # 东侧为甲河, 北岸是乙区: where it lies, then its name
    item = re.sub(r"^[东西南北中]{1,2}(?:侧|部|岸|端|面)?(?:为|是)(?=[\u4e00-\u9fff]{2})", "", item)
    # 第一组团为甲组团: the ordinal the list numbers it by
    item = re.sub(r"^第[一二三四五六七八九十]{1,3}[\u4e00-\u9fff]{0,3}?(?:为|是)(?=.{2})", "", item)
    # 以甲路、乙路为两条发展轴线: the list's 以 before its first name
    item = re.sub(r"^(?:要|应)?以(?![东西南北内外上下])(?=[\u4e00-\u9fff]{2,}$)", "", item)
    # 甲区域为核心 (its 以 cut off before): the part is what the role rests on
    # (甲区为主城, 乙新区为副城: what the part is called, after its name; …丁路为两条发展轴线:
    # what the last of a list is made)
    item = re.sub(
        r"(?<=[\u4e00-\u9fff]{2})为(?:核心|中心|主体|重点|依托|支点|主城|副城|主中心|副中心|引领|龙头"
        r"|(?:[一二两三四五六七八九十]{1,2}[条个大座])?[\u4e00-\u9fff]{0,8}?"
        r"(?:轴线|发展轴|轴|发展带|走廊|廊道))$",
        "",
        item,
    )
    # 8片城市旅游片区, 16个特色小镇: how many of the kind, before its name
    item = re.sub(r"^[0-9]{1,3}(?:片|个|条|处|座)(?=[\u4e00-\u9fff]{3})", "", item)
    # 400亩甲生产区, 约5平方公里的乙片区, 长约160公里的丙旅游圈: the area or length it takes,
    # before its name
    item = re.sub(
        r"^(?:长|全长|总长|面积|占地|总面积)?约?[0-9０-９.]+"
        r"(?:平方公里|平方千米|公顷|亩|万平方米|公里|千米)(?:左右)?(?:的)?(?=[\u4e00-\u9fff]{3})",
        "",
        item,
    )
    item = re.split(r"[0-9０-９.]+(?:平方公里|万|个|亩|公里|%|年)", item, maxsplit=1)[0]
    item = item.replace("“", "").replace("”", "")
    if "的" in item and not item.endswith("的"):
        tail = item.rsplit("的", 1)[1]
        if (len(tail) >= 2 and len(item) > 12) or len(tail) >= 4:
            item = tail  # 服务湘北的商务商贸中心: the description goes
    # a short aside after the name goes (甲园(区块一))
    item = re.sub(r"(?<=[\u4e00-\u9fff])[(（][^()（）]{1,12}[)）]$", "", item.strip())
    # the verb closing a list of parts (由甲中心、乙中心构成) is no part of the last name
    item = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:共同)?(?:组成|构成)$", "", item.strip())
    return item.strip().strip("“”\"'")


def _label_anywhere_re(tokens: list[tuple[str, str]]) -> re.Pattern:
    alts = "|".join(re.escape(n + r) for n, r in tokens)
    return re.compile(
        rf"[“\"]?\s*({alts})\s*[”\"]?\s*(?:引领|带动|牵引|支撑)?\s*(?:[:：]\s*|[,，]\s*即|即)"
    )


def components_after(
    text: str, start: int, limit: int, tokens: list[tuple[str, str]]
) -> list[RawComponent]:
    """Components defined in ``text[start:limit]`` for the pattern's ``tokens``."""
    window = text[start:limit]
    labels = list(_label_anywhere_re(tokens).finditer(window))
    found: list[RawComponent] = []
    seen_tokens: set[str] = set()
    for i, m in enumerate(labels):
        token = m.group(1)
        if token in seen_tokens:
            continue
        seen_tokens.add(token)
        numeral, role = token[0], token[1:]
        body_end = labels[i + 1].start() if i + 1 < len(labels) else len(window)
        para_end = window.find("\n", m.end())
        if para_end != -1 and para_end < body_end and i + 1 >= len(labels):
            body_end = para_end
        body = strip_long_parens(window[m.end() : body_end])
        head = body[: _head_end(body)]
        head = re.sub(r"^[“”\"]", "", head.strip())
        names = _split_items(head, role, count_of(numeral))
        for name in names:
            found.append(RawComponent(role, name, (start + m.start(), start + body_end)))
    # Tokens without a label: recover by order (text before the first label) or by content.
    for numeral, role in tokens if labels else ():
        if numeral + role in seen_tokens:
            continue
        first_label = labels[0].start() if labels else len(window)
        lost = _recover_lost(window, first_label, numeral, role, found)
        for name, (s, e) in lost:
            found.append(RawComponent(role, name, (start + s, start + e), label_lost=True))
    lost_starts = sorted(c.span[0] for c in found if c.label_lost)
    for c in found:
        if c.label_lost:
            continue
        cut = next((p for p in lost_starts if p > c.span[0]), None)
        if cut is not None and cut < c.span[1]:
            c.span = (c.span[0], cut)
    order = {numeral + role: i for i, (numeral, role) in enumerate(tokens)}
    found.sort(key=lambda c: (order.get(_token_for(c.role, tokens), 99), c.span[0]))
    return found


def _head_end(body: str) -> int:
    """End of a definition's head: the first sentence stop or unmatched closing bracket."""
    depth = 0
    for i, ch in enumerate(body):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            if depth == 0:
                return i
            depth -= 1
        elif ch in "。;；\n":
            return i
    return len(body)


def _token_for(role: str, tokens: list[tuple[str, str]]) -> str:
    for n, r in tokens:
        if r == role:
            return n + r
    return role


_LABEL_ONLY = re.compile(rf"(?:{TOKEN}[、,，]?){{2,}}")


def _recover_lost(
    window: str,
    first_label: int,
    numeral: str,
    role: str,
    found: list[RawComponent],
    *,
    paragraph: bool = False,
) -> list[tuple[str, tuple[int, int]]]:
    """Find components of a token whose label was lost: names ending with the role's suffix.

    With ``paragraph`` the window is the rest of the paragraph naming the structure, which
    defines its components inline ("以衡阳市中心城区为主...打造“大衡阳都市经济圈”"): clauses
    end at semicolons too, and no bare core name is guessed.
    """
    suffixes = ROLE_SUFFIX.get(role, ())
    if not suffixes:
        return []
    expected = count_of(numeral)
    taken = {c.name for c in found}
    suffix_alt = "|".join(re.escape(s) for s in suffixes)
    region_end = first_label if first_label > 0 else len(window)
    results: list[tuple[str, tuple[int, int]]] = []
    verb = r"(?:共同建设|重点打造|建设|打造|共建|构建|形成|做强|做大|以)"
    one = rf"[“\"]?(?:[\u4e00-\u9fff—\-]){{0,18}}?(?:{suffix_alt})[”\"]?"
    name_re = re.compile(rf"{verb}({one}(?:(?:和|、|及){one})*)(?=[,，。、;；和为]|$)")
    stops = "。;；\n" if paragraph else "。\n"
    for m in name_re.finditer(window):
        chunk = m.group(1)
        for item in re.split(r"和|、", chunk):
            name = clean_name(item)
            if not name or name in taken or len(name) < 2:
                continue
            if _LABEL_ONLY.fullmatch(name):
                continue  # 以“一群两圈多组”为骨架: the whole's label again, no part
            if any(name != t and name.endswith(t) and len(name) - len(t) < 2 for t in taken):
                continue
            sent_start = max(window.rfind(ch, 0, m.start()) for ch in stops) + 1
            sent_end = min(
                (p for p in (window.find(ch, m.end()) for ch in stops) if p != -1),
                default=len(window),
            )
            results.append((name, (sent_start, sent_end)))
            taken.add(name)
            if expected and len(results) >= expected:
                return results
    if results or paragraph:
        return results
    # a bare core name at the head of the lost paragraph (大做强主城区)
    # (a word of two characters at least: the role alone, 心 of “一心”, names nothing)
    bare = "|".join(re.escape(s) for s in suffixes if len(s) >= 2)
    if role in ("核", "心", "主", "中心") and bare:
        m = re.search(rf"({bare})", window[:region_end][:80])
        if m:
            end = window.find("\n", m.end())
            return [(m.group(1), (0, end if end != -1 else region_end))]
    return []


def components_inline(text: str, end: int, tokens: list[tuple[str, str]]) -> list[RawComponent]:
    """Components defined without labels in the rest of the paragraph naming a structure.

    Each token is matched, in order, to names ending with its role's suffix after a verb of
    building (构建 ... 打造“大衡阳都市经济圈”). All tokens with a definite count must be
    filled, each by the expected number of names, or nothing is returned.
    """
    para_end = text.find("\n", end)
    window = text[end : para_end if para_end != -1 else min(len(text), end + 600)][:600]
    found: list[RawComponent] = []
    pos = 0
    for numeral, role in tokens:
        expected = count_of(numeral)
        lost = _recover_lost(window[pos:], 0, numeral, role, found, paragraph=True)
        if expected is not None and len(lost) != expected:
            return []
        for name, (s, e) in lost:
            found.append(RawComponent(role, name, (end + pos + s, end + pos + e), label_lost=True))
        if lost:
            pos += lost[-1][1][0]
    return found


def _run_key(pattern: str) -> tuple[str, ...]:
    return tuple(("两" if n == "二" else n) + r for n, r in tokens_of(pattern))


def _token_runs(pattern: str) -> set[tuple[str, ...]]:
    key = _run_key(pattern)
    return {key[i:j] for i in range(len(key)) for j in range(i + 1, len(key) + 1)}


# A measure word between a numeral and its role: a name said out (一个主中心、两条轴线).
_MEASURED = re.compile(rf"[{NUMERALS}][个条座]")


def back_references(patterns: list[str]) -> set[str]:
    """Names that only refer back to parts of other names: a run of another name's tokens
    (一园三区 inside 一江两岸、一园三区) or a list of such runs (三片区、六组团 after 一城三片区
    and 一心六组团). Their mentions are labels of the longer names, not structures.

    >>> sorted(back_references(["一城三片区", "一心六组团", "三片区、六组团", "一核两翼"]))
    ['三片区、六组团']
    >>> sorted(back_references(["一脉两屏、一主两副", "一脉两屏", "一主两副"]))
    ['一脉两屏、一主两副']
    >>> sorted(back_references(["一主一副", "一个主中心、一个副"]))
    ['一个主中心、一个副']
    """
    out = set()
    names = set(patterns)
    spelled = {p for p in patterns if _MEASURED.search(p)}
    for p in patterns:
        if p in spelled and any(
            q not in spelled and tokens_of(q) == tokens_of(p) for q in patterns
        ):
            out.add(p)  # 一个主中心、一个副中心: 一主一副 said with measure words
            continue
        listed = "、" in p
        others = [
            _token_runs(q)
            for q in patterns
            if q != p
            and tokens_of(q) != tokens_of(p)  # the same name, written out, refers to nothing
            and (len(q) > len(p) or (listed and "、" not in q))
            # a list of names each written alone too (甲一乙二、丙三丁四) refers to them
            and not (not listed and p in q.split("、") and names.issuperset(q.split("、")))
        ]
        if all(any(_run_key(g) in runs for runs in others) for g in p.split("、")):
            out.add(p)
    return out
