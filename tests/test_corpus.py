from __future__ import annotations

import itertools

import pytest

from geoplan.corpus import read_plan, read_text
from geoplan.errors import PlanReadError
from geoplan.extract import extract_plan

SAMPLE = (
    "湖南省“十四五”新型城鎮化規劃\n第一章 總體要求\n"
    "構築“一核一圈一廊”。加快建設常益長高鐵;洣 水流域\n"
)


def test_traditional_is_converted_character_by_character():
    plan = read_text(SAMPLE)
    assert plan.script == "traditional"
    assert "新型城镇化规划" in plan.text
    assert "加快建设常益长高铁" in plan.text
    # only deletions happen, so lengths differ by the removed stray space alone
    assert len(plan.original) - len(plan.text) == 2  # 第一章 總體 and 洣 水


def test_stray_space_inside_cjk_is_removed_and_maps_back():
    plan = read_text(SAMPLE)
    start = plan.text.index("洣水")
    assert plan.to_original((start, start + 2)) == (
        plan.original.index("洣 水"),
        plan.original.index("洣 水") + 3,
    )
    assert plan.quote((start, start + 2)) == "洣 水"


def test_circled_list_numbers_stay_list_marks():
    # NFKC would fold ① to 1, gluing the item's number to its name (1甲组团)
    plan = read_text("三组团依次为:\n①甲组团;\n②乙组团;\n⑩丙组团。")
    assert plan.text == "三组团依次为:\n①甲组团;\n②乙组团;\n⑩丙组团。"
    assert read_text("第１章").text == "第1章"  # full-width digits still fold


def test_spaces_between_latin_words_are_kept():
    assert read_text("GDP 增长 and CPI").text == "GDP 增长 and CPI"


def test_every_seed_maps_every_character_back(zhuzhou_path):
    plan = read_plan(zhuzhou_path)
    assert plan.script == "simplified"
    for i in range(0, len(plan.text), 97):
        s, e = plan.to_original((i, i + 1))
        assert e - s == 1
        assert plan.original[s] == plan.text[i] or plan.original[s].isspace() is False


def test_seed_offsets_round_trip_on_a_known_phrase(zhuzhou_path):
    plan = read_plan(zhuzhou_path)
    i = plan.text.index("一核一圈一廊")
    s, e = plan.to_original((i, i + 6))
    assert plan.original[s:e] == "一核一圈一廊"


def test_province_seed_is_traditional_and_titled(province_path):
    plan = read_plan(province_path)
    assert plan.script == "traditional"
    assert plan.title == "湖南省“十四五”新型城镇化规划"
    # PDF extraction lost this plan's chapter heads; its 节, (一) and 专栏 heads remain
    titles = [s.title for s in plan.sections]
    assert titles[0].startswith("专栏1新型城镇化主要指标")
    assert "第一节做大做强长株潭都市圈" in titles


def test_sections_nest_and_sentences_cover_text(zhuzhou_path):
    plan = read_plan(zhuzhou_path)
    chapters = [s for s in plan.sections if s.level == 2]
    assert len(chapters) >= 10
    for a, b in itertools.pairwise(chapters):
        assert a.span[1] <= b.span[0]
    sentences = plan.sentences
    assert all(s < e for s, e in sentences)
    assert any("一核一圈一廊" in plan.text[s:e] for s, e in sentences)


def test_to_original_rejects_out_of_range():
    plan = read_text("长沙")
    with pytest.raises(IndexError):
        plan.to_original((0, 5))


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("gb18030", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-8", b"\xef\xbb\xbf"),
    ],
)
def test_encodings(tmp_path, encoding, bom):
    path = tmp_path / "plan.txt"
    path.write_bytes(bom + SAMPLE.encode(encoding))
    plan = read_plan(path)
    assert plan.original == SAMPLE
    assert "常益长高铁" in plan.text


BIG5_SAMPLE = (
    "湖南省新型城鎮化規劃\n構築「一核一圈一廊」。加快建設長株潭都市圈，常住人口城鎮化率達到62%。\n"
)


@pytest.mark.parametrize("encoding", ["big5", "gb18030"])
def test_big5_and_gb18030_traditional_text_are_told_apart(tmp_path, encoding):
    path = tmp_path / "plan.txt"
    path.write_bytes(BIG5_SAMPLE.encode(encoding))
    plan = read_plan(path)
    assert plan.encoding == encoding
    assert plan.original == BIG5_SAMPLE
    assert "长株潭都市圈" in plan.text


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(SAMPLE.encode("utf-16-le"))
    assert read_plan(path).original == SAMPLE


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" * 50, "binary"),
        (b"\xff\xfe\xff\xfe\x81" * 3, "decode"),
    ],
)
def test_bad_input_names_file_and_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(PlanReadError) as err:
        read_plan(path)
    assert "bad.txt" in str(err.value)
    assert reason in str(err.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(PlanReadError, match="no such file"):
        read_plan(tmp_path / "missing.txt")
    with pytest.raises(PlanReadError, match="not a regular file"):
        read_plan(tmp_path)


def test_a_worker_that_dies_fails_its_plans_and_keeps_what_is_done(tmp_path, monkeypatch):
    import os
    import signal
    import time

    import geoplan._corpus_run as corpus_run
    from tests.conftest import SEEDS

    real = corpus_run.extract_one

    done = tmp_path / "out" / f"{next(SEEDS.glob('001_*.txt')).name}.json"

    def dying(path, *, layers=False):
        if "002_" in str(path):
            for _ in range(600):  # die once the other plan is written (at most a minute)
                if done.exists():
                    break
                time.sleep(0.1)
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, layers=layers)

    monkeypatch.setattr(corpus_run, "extract_one", dying)
    src = tmp_path / "plans"
    src.mkdir()
    for name in ("001", "002"):
        path = next(SEEDS.glob(f"{name}_*.txt"))
        (src / path.name).write_bytes(path.read_bytes())
    run = corpus_run.extract_folder(src, tmp_path / "out", jobs=2, layer_format=None)
    assert list(run.failed.values()) == ["a worker process died (out of memory or killed)"]
    assert next(iter(run.failed)).startswith("002_")
    assert list(run.extracts) == [next(SEEDS.glob("001_*.txt")).name]
    assert done.exists()


def test_pdf_text_with_blank_lines_short_breaks_and_cells_one_to_a_line():
    # the running header and page number stand between blank lines; a line cut short after a
    # comma, or one whose next line begins with a comma, goes on; a table's cells, one to a
    # line with bare row numbers between them, and a table row stay lines of their own
    line = "甲县城总体规划对外交通以铁路和高速公路为骨架形成网络,"
    text = (
        "甲县城总体规划实施要点\n\n"
        + line * 6
        + "\n铁路为设计时速200公里的双线电气化铁路,现已建\n\n— 6 —\n\n甲县城总体规划实施要点\n\n"
        "成通车。一核是长株潭\n,两副是岳阳、衡阳。\n" + line * 3 + "\n"
        "序号\n项目名称\n建设性质\n1\n乙铁路\n已建成通车\n设计时速200公里,双线电气化\n2\n丙高速\n"
        "— 7 —\n甲县城总体规划实施要点\n对接丙高速,完善出口\n3 | 丁高速 | 已建 |\n"
    )
    got = read_text(text).text
    assert "实施要点" not in got.split("\n", 1)[1]  # the header kept once, as the title
    assert "— 6 —" not in got and "— 7 —" not in got
    assert "现已建成通车。一核是长株潭,两副是岳阳、衡阳。" in got
    assert "\n1\n乙铁路\n已建成通车\n设计时速200公里,双线电气化\n2\n丙高速\n" in got
    assert "对接丙高速,完善出口\n3 | 丁高速" in got


def test_pdf_text_full_rows_of_cells_and_middle_dot_bullets_begin_lines():
    # a line as wide as the page ending a row of cells (甲高速 | … | 在建) is followed by the
    # next row, not continued by it; a middle dot at a line's start is a bullet
    line = "甲县对外交通以铁路和高速公路为骨架形成网络并向外\n"  # cut mid-sentence
    text = (
        "甲县规划\n" + line * 8 + "甲高速 | 与乙高速在丙镇相接,全长约三十公里 | 在建\n"
        "丁高速 | 甲县段 | 已建成\n" + "园区空间上形成一区三园格局,以高新区为核心带动发展格\n"
        "· 一区 — 甲高新区\n"
    )
    got = read_text(text).text
    assert "| 在建\n丁高速 |" in got
    assert "发展格\n· 一区" in got


def test_pdf_text_table_rows_wrapped_over_lines_stay_rows():
    # a row cut over lines goes on to its end; the next row begins a line of its own, so
    # status words stay with their row (…竣工启用 | 乙高速 …全线建成通车)
    line = "甲区对外交通以铁路和高速公路为骨架形成网络并向外延伸\n"  # cut mid-sentence
    text = (
        "甲区规划\n" + line * 8 + "甲站|位于甲区寨子仑片区,站场规模6台18线,站房\n"
        "建筑面积约3.6万平方米|2022年7月29日竣工启用\n乙高速|起于丙县石牛寨镇,途经丙县\n"
        ",止于甲区笔架山,全长176公里|2022年11月28日全线建成通\n车\n"
    )
    got = read_text(text).text
    assert "站房建筑面积约3.6万平方米|2022年7月29日竣工启用\n乙高速|" in got
    assert "全线建成通车" in got


def test_pdf_text_comma_separated_rows_stay_rows():
    # a spreadsheet copied as comma-separated lines, in a hard-wrapped text: a row cut over
    # lines goes on to its end, and the next row (its number and a comma) begins a line
    line = "甲县产业园区以工业园区和农业产业带为骨架形成网络并向外\n"  # cut mid-sentence
    text = (
        "甲县规划\n" + line * 8 + "序号,名称,类型,范围,主要功能\n"
        "1,甲高新区医药产业园,工业园区,核心区约五平方公里,提升园区集聚能力\n"
        "和承载功能\n2,乙镇临港工业园,工业园区,核心区约两平方公里,发展物流\n"
    )
    got = read_text(text).text
    assert "主要功能\n1,甲高新区" in got
    assert "提升园区集聚能力和承载功能\n2,乙镇临港工业园" in got


def test_footnote_marks_inside_a_name_are_dropped():
    # “一港①双城②”: a circled number right after a word, before the next count or the quote,
    # marks a note; the notes' own numbers (after a mark) stay; offsets map to the original
    text = "唐山市规划\n提出“一港①双城②”战略。\n注:①一港:指唐山港。②双城:指主城区和新城。"
    plan = read_text(text)
    want = "唐山市规划\n提出“一港双城”战略。\n注:①一港:指唐山港。②双城:指主城区和新城。"
    assert plan.text == want
    start = plan.text.index("双城")
    assert text[slice(*plan.to_original((start, start + 2)))] == "双城"
    [x] = [s for s in extract_plan(plan).structures if s.pattern == "一港双城"]
    assert [c.name for c in x.components] == ["唐山港", "双城", "主城区", "新城"]


def test_markdown_emphasis_marks_are_dropped():
    # a web article saved as Markdown: **一核** is the label 一核; offsets map to the original
    plan = read_text("# 甲区规划\n- **一核**:即甲城区;\n- 单个*号保留\n")
    assert plan.text == "# 甲区规划\n- 一核:即甲城区;\n- 单个*号保留\n"
    start = plan.text.index("一核")
    assert plan.to_original((start, start + 2)) == (start + 2, start + 4)


def test_a_subtitle_file_is_read_as_the_text_it_speaks():
    # a news feature's .srt: cue numbers and timings go, and so do the breaks where the screen
    # ran out in mid-name (长益 / 高速), but not where a sentence ends; offsets map back
    cues = ["长沙至益阳之间", "已建成的长益", "高速。", "全长约六十", "公里"]
    srt = "".join(
        f"{i}\n00:00:{2 * i:02d},000 --> 00:00:{2 * i + 1:02d},500\n{c}\n\n"
        for i, c in enumerate(cues, start=1)
    )
    plan = read_text(srt)
    assert plan.text == "长沙至益阳之间已建成的长益高速。\n全长约六十公里"
    start = plan.text.index("长益高速")
    s, e = plan.to_original((start, start + 4))
    assert srt[s:e].replace("\n", "").startswith("长益") and srt[e - 2 : e] == "高速"
    # two cues are no subtitle file
    assert read_text("1\n00:00:01,000 --> 00:00:02,000\n甲\n").text.startswith("1\n")


def test_a_line_wrapped_before_a_count_and_its_colon_goes_on():
    # 两条: is a count opening a list, no label of its own (两区: 甲区、乙区 is one): the line
    # cut before it goes on
    line = "甲县对外交通以铁路和高速公路为骨架形成网络并向外延伸\n"
    cut = "甲县现在在建并计划于二〇二七年前后建成的高速公路有\n"
    text = "甲县规划\n" + line * 8 + cut + "两条:一条是甲高速,另一条是乙高速。\n"
    assert "建成的高速公路有两条:" in read_text(text).text


def test_table_of_contents_lines_are_dropped():
    # a PDF's contents page names the parts without their text (一圈:甲都市圈……8): its lines
    # go, leaders of any kind, so that a part is read where the body defines it
    contents = "目录\n3.1  一圈:甲都市圈…………………8\n3.2  乙城 ...... 10\n第二章 交通 · · · · 12\n"
    body = "(一)一圈:甲都市圈\n“一圈”为甲都市圈,涵盖乙县与丙县。\n长度为3.5公里。\n"
    plan = read_text(contents + body)
    assert plan.text == "目录\n" + body
    start = plan.text.index("“一圈”")
    assert plan.to_original((start, start + 4)) == (
        len(contents) + body.index("“一圈”"),
        len(contents) + body.index("“一圈”") + 4,
    )


def test_a_short_line_that_opens_a_definition_and_ends_no_sentence_goes_on():
    # a heading names, it defines nothing: a short line with a quoted label and its verb, cut
    # inside a name, goes on (陶溪 | 川—工业遗产核); a heading line below stays a line
    line = "片区对外交通以城市主干道和滨水步道为骨架组织形成网络并与老城街巷路网相互衔接形成整体\n"
    text = (
        "甲市片区规划\n" + line * 6 + "第7条  两核\n“两核”分别为御窑厂—陶阳里文化核和陶溪\n"
        "川—工业遗产核。前者以遗址保护为重点。\n第8条  两组团\n"
    )
    read = read_text(text).text
    assert "\n第7条两核\n“两核”分别为御窑厂—陶阳里文化核和陶溪川—工业遗产核。前者" in read
    assert read.endswith("为重点。\n第8条两组团\n")


def test_a_page_break_inside_a_sentence_is_joined_in_a_text_not_hard_wrapped():
    # a running header and a page number inside a paragraph, cutting a name (邛 | 崃市): the
    # sentence is whole again; a heading before a page break stays a line of its own
    head, page = "甲市空间发展布局规划\n", "— {} —\n"
    para = (
        "全市坚持生态优先、绿色发展,统筹山水林田湖草沙系统治理,推动城市空间由外延扩张转向内涵。\n"
    )
    text = (
        "甲市空间发展布局规划\n第三章 空间格局\n"
        + para * 6
        + "构建“一心两翼”格局。\n“两翼”即北部的彭州市和南部的邛\n"
        + head
        + page.format(4)
        + "崃市。北翼以天府中药城为引领。\n第四章 交通\n"
        + head
        + page.format(5)
        + "一、铁路\n成自宜高铁已建成。\n"
        + head
        + page.format(6)
    )
    read = read_text(text).text
    assert "“两翼”即北部的彭州市和南部的邛崃市。北翼" in read
    assert "\n第四章交通\n一、铁路\n" in read
