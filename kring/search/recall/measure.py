"""Running the recall queries through search_for and counting where the answer lands."""

from dataclasses import asdict, dataclass, field

from kring.search.recall.dataset import CATEGORIES, RecallQuery, recall_queries
from kring.search.selectors import search_for

TOP = 3


@dataclass(frozen=True)
class QueryOutcome:
    query: str
    category: str
    answer: str
    rank: int | None  # 1-based position of the answer's first document; None: not found
    found: list[str]  # the item keys of the first results
    held_out: bool = False


@dataclass
class RecallReport:
    backend: str
    outcomes: list[QueryOutcome] = field(default_factory=list)

    def recall(
        self, top: int, category: str | None = None, *, held_out: bool | None = None
    ) -> float:
        chosen = [
            o
            for o in self.outcomes
            if category in (None, o.category) and held_out in (None, o.held_out)
        ]
        if not chosen:
            return 0.0
        return sum(1 for o in chosen if o.rank is not None and o.rank <= top) / len(chosen)

    def misses(self, top: int = TOP) -> list[QueryOutcome]:
        return [o for o in self.outcomes if o.rank is None or o.rank > top]

    def as_dict(self) -> dict:
        by_category = {
            category: {
                "queries": sum(1 for o in self.outcomes if o.category == category),
                "recall_at_1": self.recall(1, category),
                "recall_at_3": self.recall(TOP, category),
            }
            for category in CATEGORIES
        }
        held_out = {
            "queries": sum(1 for o in self.outcomes if o.held_out),
            "recall_at_1": self.recall(1, held_out=True),
            "recall_at_3": self.recall(TOP, held_out=True),
        }
        return {
            "backend": self.backend,
            "queries": len(self.outcomes),
            "recall_at_1": self.recall(1),
            "recall_at_3": self.recall(TOP),
            "by_category": by_category,
            "held_out": held_out,
            "misses": [asdict(o) for o in self.misses()],
            "outcomes": [asdict(o) for o in self.outcomes],
        }


def recall_measure(
    reader,
    owner: dict[tuple[str, int], str],
    *,
    backend: str,
    queries: list[RecallQuery] | None = None,
) -> RecallReport:
    """Search every query as `reader`; the rank is of the first document of the answer item.

    Results are not merged per item: a question and its accepted answer are two results,
    as the reader sees them.
    """
    report = RecallReport(backend=backend)
    for asked in queries if queries is not None else recall_queries():
        results = search_for(reader, query=asked.query).results
        keys = [owner.get((r.document.kind, r.document.object_id), "?") for r in results]
        rank = next((i + 1 for i, key in enumerate(keys) if key == asked.answer), None)
        report.outcomes.append(
            QueryOutcome(
                query=asked.query,
                category=asked.category,
                answer=asked.answer,
                rank=rank,
                found=keys[:5],
                held_out=asked.held_out,
            )
        )
    return report
