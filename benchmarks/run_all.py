"""`make bench`: speed figures, each beside a baseline measured in the same run (medians; p95 where useful).

- search latency in-process at corpus size, 10x and 100x (synthetic copies of the articles),
  beside the plain bm25s baseline over the same texts;
- `dla search --json` process time, beside a bare `python -c pass`;
- index build time (search index alone, and with obligation extraction);
- TUI cold start: time to first frame and to first search result, beside the bare Textual import.

`python -m benchmarks.run_all --tui` measures only the TUI cold start (over a freshly built index), and
`--search` only the search latency.
"""

from __future__ import annotations

import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.corpus.store import Corpus, load_corpus
from assistant.indexing import build_index
from assistant.indexing.artefacts import penalty_links, related_articles, write_obligations
from assistant.paths import PROJECT_ROOT
from assistant.search import snippets
from assistant.search.engine import SearchEngine
from assistant.search.index_store import open_search_files, query_data_for, search_documents, write_search_files

QUERIES = [
    "数安法27条",
    "DSL Art. 36",
    "重要数据 风险评估",
    "区块链平台要不要对用户实名认证",
    "大数据杀熟怎么处罚",
    "do blockchain services need real-name verification of users",
    "fines for price discrimination in Shenzhen",
    "personal data of minors guardian consent",
    "数据出境 安全评估",
    "what must a data broker check",
]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# One run's p95 over 50 timings is its third-slowest query: a single scheduler hiccup on a shared machine moves
# it by milliseconds. The median of several runs, for our engine and the baseline alike, is the figure to read.
LATENCY_RUNS = 5


def _run_medians(runs: list[list[float]]) -> tuple[float, float]:
    """(median of the runs' p50, median of the runs' p95)."""
    return (
        statistics.median(statistics.median(run) for run in runs),
        statistics.median(_percentile(run, 0.95) for run in runs),
    )


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


_QUERY_DATA: dict[Path, dict[str, object]] = {}


def _search_query_data(corpus: Corpus, root: Path) -> dict[str, object]:
    """The search query data as a build writes it (penalty links read from a built obligation store), once."""
    if root not in _QUERY_DATA:
        obligations = _fresh(root / "obligations")
        write_obligations(corpus, obligations)
        _QUERY_DATA[root] = query_data_for(corpus, penalty_links(obligations), related_articles(corpus))
    return _QUERY_DATA[root]


def scaled_engine(corpus: Corpus, factor: int, folder: Path) -> SearchEngine:
    """An engine over `factor` copies of every article (ids made unique), for growth measurements."""
    documents = [
        {**document, "id": f"{document['id']}#{copy}" if copy else document["id"]}
        for copy in range(factor)
        for document in search_documents(corpus)
    ]
    query_data = _search_query_data(corpus, folder.parent)
    write_search_files(folder, documents, query_data)
    return SearchEngine(open_search_files(folder, {"articles": len(documents)}))


def search_latency(engine: SearchEngine, rounds: int = 5) -> list[float]:
    """Seconds per query over the query mix, `rounds` times."""
    timings = []
    for _ in range(rounds):
        for query in QUERIES:
            start = time.perf_counter()
            engine.search(query, limit=10)
            timings.append(time.perf_counter() - start)
    return timings


def baseline_latency(corpus: Corpus, factor: int, rounds: int = 5) -> list[float]:
    """Seconds per query for the bm25s baseline over the same (scaled) texts."""
    import bm25s

    from benchmarks.evaluate import baseline_tokens

    documents = [baseline_tokens(a.text_zh + " " + (a.text_en or "")) for a in corpus.all_articles()] * factor
    retriever = bm25s.BM25()
    retriever.index(documents, show_progress=False)
    timings = []
    for _ in range(rounds):
        for query in QUERIES:
            start = time.perf_counter()
            retriever.retrieve([baseline_tokens(query)], k=10, show_progress=False)
            timings.append(time.perf_counter() - start)
    return timings


def process_times(command: list[str], runs: int, env: dict[str, str]) -> list[float]:
    """Wall-clock seconds of a whole process, `runs` times."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, check=True, cwd=PROJECT_ROOT)
        timings.append(time.perf_counter() - start)
    return timings


def tui_start(env: dict[str, str], runs: int) -> dict[str, list[float]]:
    """Cold-start times to the TUI's first frame and first search result, of a minimal Textual app's first
    frame (Header, Input, Footer: the baseline, alternated run by run), and of a bare Textual import; with the
    first paint of both (before the probe waits for the process to go idle)."""
    probe = PROJECT_ROOT / "benchmarks" / "tui_probe.py"
    # As installed: pip byte-compiles the package, as it did Textual. A checkout run under PYTHONDONTWRITEBYTECODE
    # would otherwise compile the app's own modules from source at every start (about 30 ms here), and the
    # baseline's never: a difference of set-up, not of the app.
    compileall.compile_dir(PROJECT_ROOT / "assistant", quiet=1)
    times: dict[str, list[float]] = {
        name: [] for name in ("frames", "results", "minimal", "imports", "paints", "minimal_paints")
    }

    def run_probe(*extra: str) -> dict[str, float]:
        output = subprocess.run(
            [sys.executable, str(probe), *extra], capture_output=True, text=True, env=env, check=True, cwd=PROJECT_ROOT
        )
        data: dict[str, float] = json.loads(output.stdout.strip().splitlines()[-1])
        return data

    for _ in range(runs):
        data = run_probe()
        times["frames"].append(data["first_frame"])
        times["results"].append(data["first_result"])
        times["paints"].append(data["first_paint"])
        baseline = run_probe("--minimal")
        times["minimal"].append(baseline["first_frame"])
        times["minimal_paints"].append(baseline["first_paint"])
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import textual.app"], check=True, env=env)
        times["imports"].append(time.perf_counter() - start)
    return times


def print_tui_start(env: dict[str, str], runs: int = 5) -> None:
    """The TUI cold-start section of the report."""
    print(f"\nTUI cold start, median of {runs} (the package byte-compiled first, as an install does)")
    times = tui_start(env, runs)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"  import textual.app (baseline):    {_ms(median['imports'])}")
    print(f"  minimal app first frame (baseline): {_ms(median['minimal'])}")
    ratio = median["frames"] / median["minimal"]
    print(f"  first frame:                      {_ms(median['frames'])}  ({ratio:.2f}x the minimal app)")
    print(f"  first search result:              {_ms(median['results'])}")
    paint_ratio = median["paints"] / median["minimal_paints"]
    print(
        f"  first paint, before the idle wait: {_ms(median['paints'])}  "
        f"(minimal app {_ms(median['minimal_paints']).strip()}, {paint_ratio:.2f}x)"
    )


def print_machine() -> None:
    """The line every figure is read against."""
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    )


def main_tui() -> int:
    """Only the TUI cold start, over an index built for the run."""
    corpus = load_corpus(PROJECT_ROOT / "corpus")
    print_machine()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        build_index(corpus, root / "index")
        env = {**os.environ, "DLA_INDEX_DIR": str(root / "index"), "DLA_DATA_DIR": str(root / "data")}
        print_tui_start(env)
    return 0


def print_search_latency(corpus: Corpus, root: Path) -> None:
    """The search latency section: our engine and the bm25s baseline at 1x, 10x and 100x the corpus."""
    print(f"\nsearch latency per query, in-process (10 queries x 5 rounds; median of {LATENCY_RUNS} runs)")
    print(f"{'corpus':<10}{'engine p50':>14}{'engine p95':>14}{'bm25s p50':>14}{'bm25s p95':>14}")
    for factor in (1, 10, 100):
        engine = scaled_engine(corpus, factor, _fresh(root / f"x{factor}"))
        # Copies share their text, so snippet tokens cached at one size would flatter the next.
        snippets._tokens.cache_clear()
        engine.search("warm up")
        ours = _run_medians([search_latency(engine) for _ in range(LATENCY_RUNS)])
        theirs = _run_medians([baseline_latency(corpus, factor) for _ in range(LATENCY_RUNS)])
        print(f"{str(factor) + 'x':<10}{_ms(ours[0]):>14}{_ms(ours[1]):>14}{_ms(theirs[0]):>14}{_ms(theirs[1]):>14}")


def main_search() -> int:
    """Only the search latency section."""
    corpus = load_corpus(PROJECT_ROOT / "corpus")
    print_machine()
    with tempfile.TemporaryDirectory() as scratch:
        print_search_latency(corpus, Path(scratch))
    return 0


def main() -> int:
    """Measure and print everything."""
    corpus = load_corpus(PROJECT_ROOT / "corpus")
    print_machine()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        print_search_latency(corpus, root)

        print("\nindex build (median of 3)")
        search_only: list[float] = []
        for run in range(3):
            engine_folder = _fresh(root / f"build{run}")
            start = time.perf_counter()
            scaled_engine(corpus, 1, engine_folder)
            search_only.append(time.perf_counter() - start)
        full: list[float] = []
        for run in range(3):
            start = time.perf_counter()
            build_index(corpus, root / f"full{run}")
            full.append(time.perf_counter() - start)
        print(f"  search index alone:               {_ms(statistics.median(search_only))}")
        print(f"  with obligation extraction (spaCy): {_ms(statistics.median(full))}")

        env = {**os.environ, "DLA_INDEX_DIR": str(root / "full2"), "DLA_DATA_DIR": str(root / "data")}
        print("\nprocess time, median of 7")
        bare = process_times([sys.executable, "-c", "pass"], 7, env)
        cli = process_times([sys.executable, "-m", "assistant", "search", "DSL Art. 36", "--json"], 7, env)
        question = process_times(
            [sys.executable, "-m", "assistant", "search", "区块链平台要不要对用户实名认证", "--json"], 7, env
        )
        print(f"  python -c pass (baseline):        {_ms(statistics.median(bare))}")
        print(f"  dla search --json (citation):     {_ms(statistics.median(cli))}")
        print(f"  dla search --json (question):     {_ms(statistics.median(question))}")

        print_tui_start(env)
    return 0


def _fresh(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


if __name__ == "__main__":
    arguments = sys.argv[1:]
    raise SystemExit(main_tui() if "--tui" in arguments else main_search() if "--search" in arguments else main())
