"""Kring's benchmark harness: load, memory and query counts (see bench/README.md).

Not part of `make test`: run it with `make bench` or `kring bench`.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"

# Every scenario, in the order they run and print. The floor comes first: the others are
# compared with it. Writes come last so that the reads see the seeded data unchanged.
FLOOR = "floor"
# A second reference, not a target: Kring's own layout (navigation, the reader's groups)
# around an empty page. The gap between the floor and this is the cost of any page at all.
LAYOUT = "layout"
READS = ("home", "company", "group", "thread", "profile", "api", "search")
WRITES = ("create_post", "create_reply")
SCENARIOS = (FLOOR, LAYOUT, *READS, *WRITES)

TITLES = {
    "floor": "floor (trivial view)",
    "layout": "empty page in the layout",
    "home": "home feed",
    "company": "company feed",
    "group": "busy group feed",
    "thread": "thread, 50+ replies",
    "profile": "profile",
    "api": "API post list",
    "search": "search, first page",
    "create_post": "create post",
    "create_reply": "create reply",
}

# Bodies of everything the benchmark writes start with this, so it can be removed after.
MARKER = "[kring-bench]"


class BenchError(Exception):
    """A problem the person running the benchmark can fix; the message says how."""
