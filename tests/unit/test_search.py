"""Search: citations in every form, bilingual questions, filters, hostile input, snippets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from assistant.models import ArticleRef
from assistant.service import AssistantService
from tests.conftest import PROJECT


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dsl:27", "dsl:27"),
        ("数据安全法第二十一条", "dsl:21"),
        ("数安法27条", "dsl:27"),
        ("DSL Art. 36", "dsl:36"),
        ("Article 82 of the Shenzhen Data Regulations", "shenzhen:82"),
        ("区块链信息服务管理规定第十一条第二款", "blockchain:11"),
        ("blockchain provisions art 17", "blockchain:17"),
        ("《深圳经济特区数据条例》第一百条", "shenzhen:100"),
        ("Shenzhen Data Regulations Art. 10(1)", "shenzhen:10"),
    ],
)
def test_citations_go_straight_to_the_article(service: AssistantService, query: str, expected: str) -> None:
    results = service.search(query)
    assert results.hits[0].id == expected
    assert results.hits[0].matched == "citation"


def test_a_paragraph_citation_keeps_the_paragraph(service: AssistantService) -> None:
    hit = service.search("区块链信息服务管理规定第十一条第二款").hits[0]
    assert hit.ref == "blockchain:11.2"


def test_a_citation_to_a_missing_article_says_so_and_invents_nothing(service: AssistantService) -> None:
    results = service.search("数据安全法第七十二条")
    assert all(hit.id != "dsl:72" for hit in results.hits)
    assert any("no such provision dsl:72" in m for m in results.messages)


def test_a_bracketed_number_in_a_one_paragraph_article_is_read_as_its_item(service: AssistantService) -> None:
    results = service.search("Shenzhen Data Regulations, Article 21(3)")
    hit = results.hits[0]
    assert (hit.id, hit.ref, hit.matched) == ("shenzhen:21", "shenzhen:21.1.3", "citation")
    assert service.corpus.exists(ArticleRef.parse(hit.ref))
    assert any("read as item 3" in m for m in results.messages)


@pytest.mark.parametrize("query", ["数据安全法第三十六条第二款", "DSL Art. 36 para 4", "DSL Art. 36(1)(9)"])
def test_a_missing_paragraph_or_item_falls_back_to_its_article_and_says_so(
    service: AssistantService, query: str
) -> None:
    results = service.search(query)
    assert results.hits[0].id == "dsl:36" and results.hits[0].ref is None
    assert any(m.startswith("no such provision dsl:36.") and m.endswith("showing dsl:36") for m in results.messages)


def test_an_english_question_finds_the_chinese_article(service: AssistantService) -> None:
    results = service.search("do blockchain services need real-name verification of users")
    assert results.hits[0].id == "blockchain:8"
    assert any("real identity information" in e for e in results.expanded)


def test_a_layperson_chinese_question_uses_the_glossary(service: AssistantService) -> None:
    results = service.search("大数据杀熟怎么处罚")
    ids = [hit.id for hit in results.hits[:3]]
    assert "shenzhen:69" in ids and "shenzhen:95" in ids  # the duty and the penalty that enforces it


def test_law_filter_restricts_results(service: AssistantService) -> None:
    results = service.search("数据 安全", law="blockchain", limit=20)
    assert results.hits and all(hit.law == "blockchain" for hit in results.hits)


def test_status_filter(service: AssistantService) -> None:
    results = service.search("区块链信息服务提供者", status="unverified", limit=30)
    assert results.hits and all(hit.text_status == "unverified" for hit in results.hits)
    assert {hit.id for hit in results.hits} <= {f"blockchain:{n}" for n in (6, 7, 8, 17, 18, 19, 20, 21, 23, 24)}


def test_modal_words_are_searchable(service: AssistantService) -> None:
    results = service.search('"shall not"', limit=50)
    assert results.hits
    for hit in results.hits:
        assert "shall not" in (service.corpus.article(hit.id).text_en or "").lower()


def test_snippet_highlights_point_at_matching_text(service: AssistantService) -> None:
    hit = service.search("重要数据 风险评估").hits[0]
    marked = [hit.snippet[start:end] for start, end in hit.highlights]
    assert marked and all(part and part in "重要数据风险评估" for part in marked)


def test_the_reader_highlighter_marks_what_the_search_matched(service: AssistantService) -> None:
    text_zh = service.corpus.article("dsl:30").text_zh
    text_en = service.corpus.article("dsl:30").text_en or ""
    highlight = service.highlighter("重要数据的风险评估 risk assessment")
    zh_marked = {text_zh[start:end] for start, end in highlight(text_zh, "zh")}
    en_marked = {text_en[start:end].lower() for start, end in highlight(text_en, "en")}
    assert {"重要数据", "风险评估"} <= {piece.rstrip("的") for piece in zh_marked}
    assert all(piece in "重要数据的风险评估" for piece in zh_marked)
    assert {"risk", "assessment"} <= en_marked


def test_the_reader_highlighter_marks_only_the_questions_meaningful_terms(service: AssistantService) -> None:
    article = service.corpus.article("dsl:31")
    highlight = service.highlighter("重要数据 出境")
    zh_marked = [article.text_zh[start:end] for start, end in highlight(article.text_zh, "zh")]
    assert "重要数据" in zh_marked and "数据" not in zh_marked  # no lone 数据 out of 重要数据
    text_en = article.text_en or ""
    en_marked = {text_en[start:end].lower() for start, end in highlight(text_en, "en")}
    assert not en_marked & {"the", "of", "and", "a", "to"}


def test_the_reader_highlighter_leaves_citations_unmarked(service: AssistantService) -> None:
    text = service.corpus.article("dsl:27").text_zh
    assert service.highlighter("数据安全法第二十七条")(text, "zh") == []
    assert service.highlighter("数据安全法第二十七条 数据安全")(text, "zh")


@pytest.mark.parametrize(
    "hostile",
    [
        "",
        "   ",
        "x" * 10_000,
        '"unbalanced',
        "((((",
        "[[[",
        "AND OR NOT",
        "text_zh:",
        "law:nonexistent",
        "\x00\x07\x1b[31m",
        "😀🔥",
        "数据 data 😀 (第",
        "*",
        "?",
        "dsl:",
        "第条",
        "Art.",
        '"" AND ""',
        "\u202e reversed",
    ],
)
def test_hostile_input_never_raises(service: AssistantService, hostile: str) -> None:
    results = service.search(hostile)
    assert isinstance(results.hits, tuple)  # results are frozen (issue 12.3)
    assert results.hits or results.messages


def test_long_queries_are_shortened_with_a_note(service: AssistantService) -> None:
    results = service.search("数据 " * 2000)
    assert any("shortened" in m for m in results.messages)


def _dla(*args: str, index_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {"DLA_INDEX_DIR": str(index_dir), "PATH": "/usr/bin:/bin", "HOME": str(index_dir)}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args], capture_output=True, text=True, cwd=PROJECT, env=env, check=False
    )


def test_cli_json_contract_and_exit_codes(built_index_dir: Path) -> None:
    result = _dla("search", "DSL Art. 36", "--json", index_dir=built_index_dir)
    assert result.returncode == 0
    hit = json.loads(result.stdout)["hits"][0]
    assert {"id", "law", "article", "score", "snippet"} <= hit.keys() and hit["id"] == "dsl:36"
    bad = _dla("search", "x", "--limit", "0", index_dir=built_index_dir)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    unknown_law = _dla("search", "x", "--law", "gdpr", index_dir=built_index_dir)
    assert unknown_law.returncode == 2 and "unknown law" in unknown_law.stderr


def _section_members(service: AssistantService, law: str, chapter: int, section: int) -> set[str]:
    """Ids of the articles in one section of a chapter."""
    return {
        article.id
        for article in service.corpus.all_articles(law)
        if article.chapter is not None
        and article.chapter.number == chapter
        and article.section is not None
        and article.section.number == section
    }


def test_cli_section_filter_keeps_the_sections_articles_and_needs_a_chapter(
    built_index_dir: Path, service: AssistantService
) -> None:
    members = _section_members(service, "shenzhen", 4, 2)
    result = _dla(
        "search", "数据", "--law", "shenzhen", "--chapter", "4", "--section", "2", "--json", index_dir=built_index_dir
    )
    assert result.returncode == 0
    hits = {hit["id"] for hit in json.loads(result.stdout)["hits"]}
    assert hits and hits <= members
    alone = _dla("search", "数据", "--law", "shenzhen", "--section", "2", index_dir=built_index_dir)
    assert alone.returncode == 2 and "--section needs --chapter" in alone.stderr and "Traceback" not in alone.stderr


def test_the_engine_limits_ranked_quoted_and_syntax_queries_to_a_section(service: AssistantService) -> None:
    # The index has a section field: the filter works inside the engine, for every kind of query, and a
    # section's hits fill the whole page (not what is left of a chapter's page).
    members = _section_members(service, "shenzhen", 5, 2)
    for query in ("数据处理者 安全", '"数据处理者"', "数据处理者 AND 安全"):
        hits = [hit.id for hit in service.search(query, law="shenzhen", chapter="5", section="2", limit=50).hits]
        assert hits and set(hits) <= members, query
    page = service.search("数据", law="shenzhen", chapter="5", section="2", limit=len(members)).hits
    assert {hit.id for hit in page} == members
    # A citation still opens its article, whatever the filter, as under the chapter filter.
    assert service.search("shenzhen:2", law="shenzhen", chapter="5", section="2").hits[0].id == "shenzhen:2"


def test_cli_queries_file_gives_one_line_per_query_in_order(built_index_dir: Path, tmp_path: Path) -> None:
    queries = tmp_path / "q.txt"
    queries.write_text("dsl:27\n\n((((\n人脸识别\n", encoding="utf-8")
    result = _dla("search", "--queries", str(queries), "--json", index_dir=built_index_dir)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0
    assert [line["query"] for line in lines] == ["dsl:27", "", "((((", "人脸识别"]
    assert lines[0]["hits"][0]["id"] == "dsl:27"


def test_search_quality_meets_the_targets() -> None:
    from benchmarks.evaluate import evaluate

    results = evaluate()["engine"]
    assert results["overall"]["R@5"] >= 0.93  # issue 13's targets
    assert results["lang=zh"]["R@5"] >= 0.90 and results["lang=en"]["R@5"] >= 0.90
    assert results["overall"]["MRR"] >= 0.80
    assert results["kind=citation"]["R@1"] == 1.0


def test_cross_instrument_dev_questions_find_every_gold_article_on_the_first_page() -> None:
    from benchmarks.evaluate import CROSS, EVAL, evaluate

    results = evaluate(EVAL / "search_dev_cross.yaml")["engine"]
    # 0.64 after the see-also step and its session's tuning, 0.39 before; issue 13's target is 0.80.
    assert results[CROSS]["R@1"] >= 0.55
    assert {f"{CROSS} lang=zh", f"{CROSS} lang=en"} <= set(results)


def test_the_dev_only_evaluation_reads_no_held_out_set(monkeypatch: pytest.MonkeyPatch) -> None:
    import benchmarks.evaluate as evaluation

    printed: list[Path] = []
    monkeypatch.setattr(evaluation, "print_table", lambda path, verbose: printed.append(path))
    monkeypatch.setattr(sys, "argv", ["evaluate", "--dev-only"])
    assert evaluation.main() == 0
    existing = [path for path in evaluation.DEV if path.exists()]
    assert printed == existing
    assert not set(printed) & set(evaluation.HELD_OUT)


def test_the_summary_gives_one_line_per_set_and_the_pooled_figures(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import benchmarks.evaluate as evaluation

    files = [evaluation.EVAL / "search_questions.yaml", evaluation.EVAL / "search_dev_cross.yaml"]
    monkeypatch.setattr(sys, "argv", ["evaluate", "--summary", *(arg for f in files for arg in ("--file", str(f)))])
    assert evaluation.main() == 0
    header, *rows, pooled = capsys.readouterr().out.strip().splitlines()
    assert "cross en" in header and [row.split()[0] for row in rows] == [f.stem for f in files]
    assert pooled.split()[:2] == ["pooled", "159"]  # 95 + 64 questions
    # The first set has no cross-instrument question: its three cross columns are empty; the pooled line has them.
    assert rows[0].split()[8:] == ["-", "-", "-"] and "-" not in rows[1].split() and "-" not in pooled.split()


@pytest.mark.parametrize("name", sorted(path.name for path in (PROJECT / "tests" / "eval").glob("search_*.yaml")))
def test_every_eval_question_is_well_formed_and_its_gold_articles_exist(service: AssistantService, name: str) -> None:
    path = PROJECT / "tests" / "eval" / name
    questions = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    assert len({q["id"] for q in questions}) == len(questions) >= 40
    for question in questions:
        assert (
            {"id", "query", "lang", "kind", "gold"}
            <= set(question)
            <= {"id", "query", "lang", "kind", "gold", "cross", "note"}
        )
        assert question.get("cross", False) in {True, False}, question["id"]
        assert question["lang"] in {"zh", "en"}
        assert question["kind"] in {"citation", "statutory", "everyday", "citation_outside"}
        # A citation of a law the corpus lacks has no gold article: the right answer is to say so.
        assert (question["kind"] == "citation_outside") == (question["gold"] == []), question["id"]
        for gold in question["gold"]:
            assert service.corpus.exists(ArticleRef.parse(gold)), f"{question['id']}: {gold}"


def test_total_counts_every_matching_article_whatever_the_limit(service: AssistantService) -> None:
    everything = service.search("重要数据", limit=1000)
    assert service.search("重要数据", limit=5).total == everything.total == len(everything.hits) > 5
    assert service.search("重要数据", law="dsl", limit=5).total == sum(hit.law == "dsl" for hit in everything.hits)
    cited = service.search("dsl:27")
    assert cited.total >= 1 and cited.to_dict()["total"] == cited.total
    assert service.search("zzzz qqqq").total == 0
