"""The recall test set (kring/search/recall): the right answer in the top 3 for 90 %."""

from django.db import connection

from kring.search.recall.dataset import (
    CATEGORIES,
    recall_items,
    recall_queries,
    recall_set_load,
)
from kring.search.recall.measure import recall_measure

RECALL_AT_3_MINIMUM = 0.90


def test_recall_set_returns_enough_labelled_queries_if_read():
    items, queries = recall_items(), recall_queries()
    keys = {item["key"] for item in items}
    assert len(items) >= 100 and len(keys) == len(items)
    assert len(queries) >= 60
    assert {q.answer for q in queries} <= keys
    assert {q.category for q in queries} == set(CATEGORIES)


def test_search_for_returns_answer_in_top_3_if_a_colleague_asks_the_recall_set(db):
    reader, owner = recall_set_load()
    report = recall_measure(reader, owner, backend=connection.vendor)
    misses = [(m.query, m.answer, m.rank, m.found) for m in report.misses()]
    assert report.recall(3) >= RECALL_AT_3_MINIMUM, misses


def test_bench_recall_report_returns_figures_and_misses_if_printed(capsys):
    from bench.cli import build_parser
    from bench.recall import print_report
    from kring.search.recall.measure import QueryOutcome, RecallReport

    report = RecallReport(backend="sqlite")
    report.outcomes += [
        QueryOutcome("pinautomat", "typo", "pin", 1, ["pin"]),
        QueryOutcome("infuus pomp", "compound", "pomp", 2, ["x", "pomp"]),
        QueryOutcome("kassatraining", "compound", "kassa", None, ["aed"], held_out=True),
    ]
    assert build_parser().parse_args(["recall"]).step == "recall"
    print_report(report.as_dict())
    out = capsys.readouterr().out
    assert "Recall on sqlite (3 queries): @1 33%, @3 67%" in out
    assert "compound     2 queries  @1    0%  @3   50%" in out
    assert "miss: 'kassatraining' (compound, held out): kassa not found; first: aed" in out
