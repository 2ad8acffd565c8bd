"""Everyday questions: one meaning whatever the punctuation, bare citations, outside instruments, expansions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from assistant.corpus.outside import load_outside_instruments
from assistant.corpus.store import Corpus, load_corpus
from assistant.corpus.topics import MIN_QUESTIONS, load_questions
from assistant.corpus.verify import verify_corpus
from assistant.search.query_plan import wants_syntax
from assistant.service import AssistantService
from tests.conftest import CORPUS, PROJECT

DEV = yaml.safe_load((PROJECT / "tests/eval/search_questions.yaml").read_text(encoding="utf-8"))["questions"]
NATURAL = [q["query"] for q in DEV if q["kind"] != "citation"]


@pytest.mark.parametrize(
    ("query", "expected", "ref"),
    [
        ("DSL 27", "dsl:27", None),
        ("DSL 27(2)", "dsl:27", "dsl:27.2"),
        ("数安法27.2", "dsl:27", "dsl:27.2"),
        ("blockchain 17", "blockchain:17", None),
        ("dsl 27 要求什么", "dsl:27", None),
        ("Shenzhen Data Regulations s. 75", "shenzhen:75", None),
        ("PIPL sec. 38", "pipl:38", None),
        # Another wording of a corpus law's name is that law, not an instrument outside the corpus.
        ("Network Data Regulations Article 46", "ndsr:46", None),
        ("网络数据管理条例第35条", "ndsr:35", None),
        ("依照本法第二十一条 数据安全法", "dsl:21", None),
        ("under the 2024 network data regulations art 44, must big platforms publish a report?", "ndsr:44", None),
        ("the Personal Information Protection Law of the PRC, article 44", "pipl:44", None),
        # The number first, then a wording of the name the recognizer does not know (held-out set 12).
        ("s. 69 Shenzhen SEZ Data Regs", "shenzhen:69", None),
        ("Shenzhen SEZ Data Regs s. 69", "shenzhen:69", None),
        ("section 69 of the Shenzhen Data Regulations", "shenzhen:69", None),
        ("s. 21(2) DSL", "dsl:21", "dsl:21.2"),
        # Abbreviated words of a name, and items in small roman numerals (held-out set 13).
        ("Network Data Security Mgmt Regs art 35(1)(v)", "ndsr:35", "ndsr:35.1.5"),
        ("Blockchain Info Svcs Provisions art 11", "blockchain:11", None),
        ("PIPL Art. 13(1)(ii)", "pipl:13", "pipl:13.1.2"),
        ("s. 69(1)(ii) Shenzhen SEZ Data Regs", "shenzhen:69", "shenzhen:69.1.2"),
        # A statute's short name is the corpus statute it can only be.
        ("Data Law art 21", "dsl:21", None),
    ],
)
def test_bare_citations_resolve_at_rank_one(service: AssistantService, query: str, expected: str, ref: str) -> None:
    hit = service.search(query).hits[0]
    assert (hit.id, hit.matched, hit.ref) == (expected, "citation", ref)


@pytest.mark.parametrize("query", ["深圳 3个数据中心", "DSL 2021", "区块链3.5%", "U.S. 5 million users' data"])
def test_numbers_after_a_law_name_that_are_counts_or_years_are_not_citations(
    service: AssistantService, query: str
) -> None:
    assert service.search(query).citations == ()


@pytest.mark.parametrize(
    "query",
    [
        "网络安全法第二十一条",
        "网络安全法第21条",
        "CSL Art. 21",
        "《中华人民共和国网络安全法》第二十一条第一款",
        "《电子商务法》第二十三条",
        "民法典1035条",
        "Civil Code art. 1035",
        # Instruments the outside list does not know either: named, they are still not another law's article 72.
        "未成年人保护法第72条 个人信息",
        "Minors Protection Law art. 72",
        "Art. 72 of the Consumer Protection Law",
        "Art. 72 of the PRC Consumer Protection Law",
        # A statute's name is no wording of a corpus regulation with the same words (the NDSR).
        "Network Security Law art 21",
        "Network Security Law Article 21(1)",
        "GDPR Art. 17(1)",
        "CCPA § 1798.105",
        "刑法第二百五十三条之一",
        # Forms read only after the name of an instrument on no list.
        "PIPEDA s. 7(3)",
        "反恐法18条 电信运营商要提供解密支持吗",
        "under Singapore's PDPA section 26 can we transfer personal data overseas?",
        # The instrument named after the number: never every corpus law's article of that number.
        "Art 17 GDPR",
        "s. 17 GDPR",
        "art. 6 UK GDPR lawful basis",
        "s. 17 GDPR and the Data Security Law",
        "Art 5 of the EU AI Act",
    ],
)
def test_a_citation_of_an_instrument_outside_the_corpus_says_so_and_cites_nothing(
    service: AssistantService, query: str
) -> None:
    results = service.search(query)
    assert results.citations == ()
    assert all(hit.matched != "citation" for hit in results.hits)
    assert any("is not in the corpus" in message for message in results.messages)
    number = re.search(r"\d+(?:\.\d+)?", query.split("第")[-1])
    if number:  # the number said is the number typed: 1035 is never cut to 103
        assert any(f"its article {number.group(0)} " in message for message in results.messages)
    if "之一" in query:  # an inserted article (253之一) is not article 253
        assert any("its article 253之一 " in message for message in results.messages)
    # The instrument said is the one named, not the country beside it ("of the PRC Consumer Protection Law").
    assert not any(message.startswith("PRC ") for message in results.messages)


@pytest.mark.parametrize(("query", "law"), [("数据安全法", "dsl"), ("Shenzhen Data Regulations", "shenzhen")])
def test_a_law_named_alone_lists_its_articles_from_the_first(service: AssistantService, query: str, law: str) -> None:
    results = service.search(query, limit=5)
    assert [hit.id for hit in results.hits] == [f"{law}:{n}" for n in range(1, 6)]
    assert all(hit.matched == "law" for hit in results.hits) and results.messages


def test_a_citation_of_an_article_that_does_not_exist_lists_nothing(service: AssistantService) -> None:
    # Enter on the first hit would open an article the user did not type.
    results = service.search("DSL art. 99")
    assert results.hits == () and any("DSL has articles 1-55" in message for message in results.messages)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("个人信息保护法第三十八条", "pipl:38"),
        ("个保法第13条", "pipl:13"),
        ("PIPL Art. 38", "pipl:38"),
        ("《个人信息保护法》第十三条第一款", "pipl:13.1"),
        ("网数条例第三十条第二款", "ndsr:30.2"),
        ("Article 28 of the Network Data Security Management Regulations", "ndsr:28"),
    ],
)
def test_citations_of_the_added_instruments_resolve_to_their_own_articles(
    service: AssistantService, query: str, expected: str
) -> None:
    results = service.search(query)
    assert results.citations[:1] == (expected,)
    assert results.hits[0].id == expected.split(".")[0]  # never another law's article of that number


def test_an_instrument_added_to_the_corpus_wins_over_the_outside_list() -> None:
    names = {"pipl": ["个人信息保护法", "PIPL"]}
    outside = {o.id for o in load_outside_instruments(CORPUS, names)}
    assert "pipl" not in outside and "csl" in outside
    assert "pipl" in {o.id for o in load_outside_instruments(CORPUS, {})}
    # An instrument known by another id but cited by the same name is the corpus's too.
    assert "ndsr" not in {o.id for o in load_outside_instruments(CORPUS, {"netdata": ["网络数据安全管理条例"]})}


@pytest.mark.parametrize("text", ["吗?要报送给谁?", "风险评估(深圳)", "*数据", "什么是重要数据?x", '"大数据杀熟"'])
def test_ordinary_punctuation_never_means_query_syntax(text: str) -> None:
    assert not wants_syntax(text)


@pytest.mark.parametrize("text", ["数据 AND 安全", "NOT 区块链", "law:dsl 数据", "heading_zh:法律责任"])
def test_explicit_operators_and_field_prefixes_do(text: str) -> None:
    assert wants_syntax(text)


def test_a_question_with_full_width_punctuation_finds_its_article(service: AssistantService) -> None:
    ids = [hit.id for hit in service.search("重要数据的处理者需要定期做风险评估吗？要报送给谁？").hits[:3]]
    assert "dsl:30" in ids


def test_quotes_keep_the_expansion_and_require_the_phrase(service: AssistantService) -> None:
    plain = service.search("大数据杀熟")
    quoted = service.search('"大数据杀熟"')
    assert quoted.hits and quoted.hits[0].id == plain.hits[0].id
    # The two rules on price discrimination by big data: Shenzhen's art. 69 and PIPL art. 24(1).
    assert {"shenzhen:69", "pipl:24"} <= {hit.id for hit in quoted.hits[:5]}
    assert quoted.expanded == plain.expanded


def test_overseas_parent_company_is_about_a_company_abroad_not_a_guardian(service: AssistantService) -> None:
    results = service.search("overseas parent company")
    assert not any("guardian" in e or "监护人" in e for e in results.expanded)
    assert any("境外" in e or "abroad" in e for e in results.expanded)


def test_customer_files_are_personal_information_not_a_filing(service: AssistantService) -> None:
    from assistant.search.query_terms import extract_terms

    glossary = service.search_engine().data.glossary
    terms = extract_terms("can our sales team keep the customer files after a client leaves", glossary)
    assert "个人信息" in terms.zh_phrases and "备案" not in terms.zh_phrases  # "files" inside "customer files"
    assert "备案" in extract_terms("do we have to file with the regulator", glossary).zh_phrases


def test_a_term_that_is_an_everyday_word_of_a_broader_term_brings_the_broader_term_in_lower() -> None:
    from assistant.search.query_data import GlossaryEntry
    from assistant.search.query_terms import BROADER_SHARE, extract_terms

    glossary = (
        GlossaryEntry("医疗健康", "medical health", synonyms_zh=("病历",), synonyms_en=("patient records",)),
        GlossaryEntry("敏感个人信息", "sensitive personal information", synonyms_zh=("医疗健康", "人脸")),
    )
    terms = extract_terms("医院的病历能给别人看吗", glossary)
    assert terms.zh_phrases["敏感个人信息"] == pytest.approx(terms.zh_phrases["医疗健康"] * BROADER_SHARE)
    assert "医疗健康 → 敏感个人信息" in terms.expanded
    english = extract_terms("can a hospital share patient records", glossary)
    assert english.en_phrases["sensitive personal information"] == pytest.approx(
        english.en_phrases["medical health"] * BROADER_SHARE
    )
    # A question that already reaches the broader term keeps its own weight for it.
    direct = extract_terms("病历属于敏感个人信息吗", glossary)
    assert direct.zh_phrases["敏感个人信息"] > direct.zh_phrases["医疗健康"]


def test_a_possessive_is_no_search_word() -> None:
    from assistant.search.query_terms import extract_terms

    assert (
        extract_terms("our subsidiary's customers", ()).en_stems
        == extract_terms("our subsidiary customers", ()).en_stems
    )


def test_a_contraction_is_no_search_word_and_a_negation_keeps_its_not() -> None:
    from assistant.search.query_terms import extract_terms

    assert extract_terms("we're closing", ()).en_stems == extract_terms("we closing", ()).en_stems
    assert "re" not in extract_terms("they've said we're late", ()).en_stems
    assert "not" in extract_terms("users don't agree", ()).en_stems
    assert "t" not in extract_terms("we can't and won't", ()).en_stems


@pytest.mark.parametrize(
    ("query", "cue", "articles"),
    [
        ("the company is going into liquidation: what happens to the customer records", "end_of_business", {"pipl:22"}),
        ("公司清算以后用户信息交给谁", "end_of_business", {"pipl:22", "ndsr:14"}),
        ("what lawful basis lets a shop process personal information", "legal_basis", {"pipl:13"}),
        ("哪些情形无需同意也能处理个人信息", "legal_basis", {"pipl:13"}),
        ("we run the data centre of a district office as a government contractor", "serving_government", {"dsl:40"}),
        ("我们承建区里的政务云，数据能拿来自己用吗", "serving_government", {"dsl:40", "ndsr:16"}),
        ("can a customer move their data to a rival service", "portability", {"pipl:45", "ndsr:25"}),
        ("会员想把积分记录导出后迁移到另一家商城", "portability", {"pipl:45"}),
        ("I film my street with a camera at home, is that regulated", "household", {"pipl:72", "ndsr:63"}),
        ("在自己家拍的视频里有邻居，算处理个人信息吗", "household", {"pipl:72"}),
        ("the app store delisted our game over data collection", "app_distribution", {"ndsr:41"}),
        ("应用市场会不会把违规收集信息的应用下架", "app_distribution", {"ndsr:41"}),
        ("what security measures must a company take to protect user data", "security_measures", {"dsl:27", "pipl:51"}),
        ("公司要采取哪些防护措施保障数据安全", "security_measures", {"dsl:27", "ndsr:9"}),
    ],
)
def test_question_cues_bring_in_the_wording_of_the_provisions_they_stand_for(
    service: AssistantService, query: str, cue: str, articles: set[str]
) -> None:
    results = service.search(query)
    assert any(e.endswith("→ " + cue) for e in results.expanded), results.expanded
    assert articles <= {hit.id for hit in results.hits}


@pytest.mark.parametrize(
    "query",
    [
        "send customer data to our Singapore affiliate",
        "把用户数据传到香港的服务器",
        "our HQ abroad wants customer records",
    ],
)
def test_named_places_abroad_mean_outside_the_territory(service: AssistantService, query: str) -> None:
    ids = [hit.id for hit in service.search(query).hits]
    assert {"shenzhen:82", "dsl:31", "dsl:36"} & set(ids)  # a cross-border article in the top 10


@pytest.mark.parametrize(
    ("query", "term", "article"),
    [
        ("we found a security hole in our app", "漏洞", "dsl:29"),
        ("a rival is acquiring our company, what about the user data", "合并", "pipl:22"),
        ("how long can we keep order records", "保存期限", "pipl:19"),
        ("how long can we keep order records", "存储期限", "shenzhen:11"),
        ("a foreign court sent us a subpoena for user records", "外国司法或者执法机构", "pipl:41"),
        ("is data localization required for our customer data", "存储在境内", "pipl:40"),
        ("where do users send a complaint about an app", "投诉、举报", "pipl:65"),
        ("rules for training an LLM on scraped data", "生成式人工智能", "ndsr:19"),
        ("can our HQ in the US access Chinese customer data", "境外", "pipl:38"),
        ("US lawyers want our China customer records for a foreign lawsuit", "外国司法或者执法机构", "pipl:41"),
        ("strip out names before we share the customer database with a partner", "去标识化", "shenzhen:26"),
        ("my grandmother passed away, can we see her account data", "死者", "pipl:49"),
        ("we are winding up the company and nobody takes over the user database", "终止或者解散", "shenzhen:80"),
        ("the loan app rejected me automatically with no human review", "自动化决策", "pipl:24"),
        ("users join with just a wallet, no id check", "真实身份信息", "blockchain:8"),
        ("can executives be fined personally for leaking customer data", "直接负责的主管人员", "pipl:66"),
        ("the clinic's booking is online only and older people without a smartphone are stuck", "老年人", "dsl:15"),
        ("the police want chat records for a criminal investigation", "侦查犯罪", "dsl:35"),
        ("what if we refuse to hand over the records the police asked for", "拒不配合", "dsl:48"),
        ("the app pops up again for consent after users said no", "频繁征求同意", "ndsr:22"),
        ("the tax bureau made me submit the same documents again", "通过共享方式获得", "shenzhen:37"),
        ("do we flag it to the government when our data may be important data", "申报重要数据", "ndsr:29"),
        ("we are buying a competitor together with its user database", "合并", "pipl:22"),
        ("the campaign is over, do we get rid of the entrants' phone numbers", "删除", "pipl:47"),
        ("strip names from the customer records before a partner gets them", "去标识化", "shenzhen:26"),
        ("登录时收集的手机号能不能拿去发营销短信，要不要重新找用户确认", "重新取得个人同意", "pipl:14"),
        ("会员填的手机号用途变了要做什么", "重新征得同意", "shenzhen:16"),
        ("用户之前授权了浏览记录分析，现在反悔了怎么办", "撤回同意", "pipl:15"),
        ("运营想搞差异化定价可以吗", "差别待遇", "shenzhen:69"),
        ("区政务服务中心能把身份证信息备份到境外云上吗", "国家机关", "pipl:36"),
    ],
)
def test_everyday_words_reach_the_statutory_term_of_every_instrument_that_uses_it(
    service: AssistantService, query: str, term: str, article: str
) -> None:
    results = service.search(query)
    # An English word reads "word → rendering / 术语", a Chinese one "词 → 术语".
    assert any(e.endswith(("/ " + term, "→ " + term)) for e in results.expanded), results.expanded
    assert article in [hit.id for hit in results.hits]


def test_a_named_jurisdiction_is_a_soft_boost_not_a_filter(service: AssistantService) -> None:
    laws = {hit.law for hit in service.search("深圳 重要数据 风险评估").hits}
    assert "shenzhen" in laws and len(laws) > 1


def test_a_generic_expansion_cannot_outweigh_the_question_s_own_words(service: AssistantService) -> None:
    # "company" reaches long statutory phrases (数据处理者, 市场主体); the question is about real-name checks.
    hit = service.search("does a blockchain company need real-name verification of users").hits[0]
    assert hit.id == "blockchain:8"


@pytest.mark.parametrize("query", NATURAL)
def test_no_natural_language_dev_question_returns_an_empty_list(service: AssistantService, query: str) -> None:
    assert service.search(query).hits


def _variants(query: str) -> list[str]:
    variants = [query + "？", query + "?", "请问" + query]
    for place in ("深圳", "Shenzhen", "境外", "香港"):
        if place in query:
            variants.append(query.replace(place, f"（{place}）", 1))
    return variants


@pytest.mark.parametrize("query", [q["query"] for q in DEV])
def test_punctuation_and_politeness_never_empty_a_result(service: AssistantService, query: str) -> None:
    if not service.search(query).hits:
        return
    for variant in _variants(query):
        assert service.search(variant).hits, variant


def test_every_article_has_its_bank_questions(corpus: Corpus) -> None:
    for law_id, law in corpus.laws.items():
        bank = load_questions(CORPUS / "laws" / law_id, law_id, len(law.articles))
        for article in law.articles:
            questions = bank[article.number]
            assert len(questions.zh) >= MIN_QUESTIONS and len(questions.en) >= MIN_QUESTIONS, article.id


def test_bank_questions_are_clear_of_every_evaluation_question(corpus: Corpus) -> None:
    def norm(text: str) -> str:
        return "".join(ch for ch in text.lower() if ch.isalnum())

    evaluation = {
        norm(q["query"])
        for path in (PROJECT / "tests/eval").glob("search_*.yaml")
        for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    }
    for law_id, law in corpus.laws.items():
        for questions in load_questions(CORPUS / "laws" / law_id, law_id, len(law.articles)).values():
            assert not {norm(q) for q in (*questions.zh, *questions.en)} & evaluation


def test_verify_reports_an_article_with_too_few_bank_questions(corpus_copy: Path) -> None:
    path = corpus_copy / "laws" / "blockchain" / "questions.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["articles"][3]["en"] = data["articles"][3]["en"][:2]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    report = verify_corpus(load_corpus(corpus_copy), None)
    assert any("blockchain:3" in problem and "bank questions" in problem for problem in report.problems)


def test_bank_questions_are_never_shown_as_law(service: AssistantService, corpus: Corpus) -> None:
    bank = load_questions(CORPUS / "laws" / "dsl", "dsl", len(corpus.laws["dsl"].articles))
    question = bank[30].zh[0]
    for hit in service.search(question).hits:
        assert question not in hit.snippet


def test_locking_out_users_who_refuse_is_refusing_the_service(service: AssistantService) -> None:
    results = service.search("can we lock out users who refuse targeted ads")
    assert any("lock out → refuse_service" in e for e in results.expanded), results.expanded
    assert "pipl:16" in [hit.id for hit in results.hits]


def test_medical_or_workout_records_are_not_logs(service: AssistantService) -> None:
    # 记录 is any record; only 日志 is a log (the blockchain provider's log retention, blockchain:17).
    results = service.search("住院病人的诊断记录能给保险公司吗")
    assert not any("日志" in e for e in results.expanded)
    assert "blockchain:17" not in [hit.id for hit in results.hits[:5]]


def test_a_year_between_a_law_s_name_and_its_section_is_not_its_number(service: AssistantService) -> None:
    results = service.search("Privacy Act 1988 (Cth) s. 6")
    assert results.citations == () and all(hit.matched != "citation" for hit in results.hits)
    assert any(m.startswith("Privacy Act is not in the corpus: its article 6 ") for m in results.messages)


@pytest.mark.parametrize(
    "query",
    ["Data Regulations art 21", "Art 21 of the Data Regulations", "数据条例第21条"],
)
def test_a_name_several_corpus_laws_answer_to_cites_none_of_them(service: AssistantService, query: str) -> None:
    results = service.search(query)
    assert results.citations == () and all(hit.matched != "citation" for hit in results.hits)
    assert any("may be any of shenzhen, ndsr" in message for message in results.messages), results.messages


@pytest.mark.parametrize(
    ("query", "reached"),
    [
        ("we are shutting down the company, what about the user data", "end_of_business"),  # cue: "shut down"
        ("the startup closed down last month; who keeps the customer database", "终止或者解散"),  # "closing down"
        ("we get several police requests for user records", "调取"),  # "police request"
    ],
)
def test_a_listed_phrase_is_found_in_another_inflection(service: AssistantService, query: str, reached: str) -> None:
    expanded = service.search(query).expanded
    assert any(e.endswith(("→ " + reached, "/ " + reached)) for e in expanded), expanded


@pytest.mark.parametrize(
    ("query", "not_reached"),
    [
        ("a health app storing patients' records", "app_distribution"),  # "app store" is a noun: no verb forms
        ("can the US parent company see the HR files", "使用"),  # "us" stands for itself, never "used"
    ],
)
def test_only_a_phrase_s_first_word_takes_verb_forms(service: AssistantService, query: str, not_reached: str) -> None:
    expanded = service.search(query).expanded
    assert not any(e.endswith(("→ " + not_reached, "/ " + not_reached)) for e in expanded), expanded


def test_a_phone_number_is_personal_information_not_a_real_name_check(service: AssistantService) -> None:
    # 手机号 once stood for 真实身份信息 (blockchain real-name checks): every question about phone numbers went there.
    results = service.search("当初收集手机号是为了登录，现在想群发促销短信")
    assert any(e.startswith("手机号 →") and e.endswith("个人信息") for e in results.expanded), results.expanded
    assert not any(e.endswith("真实身份信息") for e in results.expanded)


def test_registering_users_is_not_filing_with_the_regulator(service: AssistantService) -> None:
    # 注册 / 登记 once stood for 备案: a question about users' registration details went to the blockchain filing rules.
    results = service.search("派出所发函要调我们几个用户的登录IP和注册信息，我们必须给吗？要他们出什么手续")
    assert not any(e.endswith("备案") for e in results.expanded), results.expanded
    assert results.hits[0].id == "dsl:35"  # the police's retrieval of data, not blockchain:14 (登录备案系统)
    assert "blockchain:11" in [hit.id for hit in service.search("区块链平台换了域名，备案要更新吗").hits[:3]]
