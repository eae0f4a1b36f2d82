"""The benchmark's parts that live in the app: the floor page and the query-count step.

Timings are never asserted here; bench/ measures them (`make bench`).
"""

import pytest
from django.urls import path

from bench import SCENARIOS
from bench.cli import summary
from bench.queries import page_query_counts
from config.urls import urlpatterns as site_patterns
from kring.core.views import floor, layout

# The site's addresses with the floor mounted, as config/urls.py does with KRING_BENCH=1.
urlpatterns = [
    *site_patterns,
    path("bench/floor/", floor, name="bench_floor"),
    path("bench/layout/", layout, name="bench_layout"),
]


@pytest.mark.urls(__name__)
def test_floor_passes_if_mounted_and_signed_in(world, client_for):
    response = client_for(world.member).get("/bench/floor/")

    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.urls(__name__)
def test_layout_reference_returns_the_navigation_with_an_empty_page(world, client_for):
    response = client_for(world.member).get("/bench/layout/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="sidenav"' in page and "Groep secret" in page  # the reader's groups
    assert "<h1>Benchmark</h1>" in page


@pytest.mark.urls(__name__)
def test_floor_fails_if_signed_out(db, client_for):
    response = client_for(None).get("/bench/floor/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_floor_fails_if_benchmarking_is_off(world, client_for):
    response = client_for(world.member).get("/bench/floor/")

    assert response.status_code == 404


@pytest.mark.urls(__name__)
def test_query_counts_returns_a_count_per_page_if_the_database_has_data(world):
    counts = page_query_counts(samples=3)

    assert set(counts) == set(SCENARIOS)
    for scenario in ("floor", "home", "thread", "profile", "api", "search", "create_post"):
        assert counts[scenario], scenario
        assert all(status == 200 and queries > 0 for queries, status, _where in counts[scenario])
    assert summary(counts["floor"]) != "-"


@pytest.mark.urls(__name__)
def test_query_counts_leaves_the_data_as_it_was_if_it_writes(world):
    from kring.posts.models import Post, Reply

    before = (Post.objects.count(), Reply.objects.count())

    page_query_counts(samples=2)

    assert (Post.objects.count(), Reply.objects.count()) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["--duration", "5", "--scenarios", "floor,home", "run"],
        ["run", "--duration", "5", "--scenarios", "floor,home"],
        ["--duration", "5", "--scenarios", "floor,home"],
    ],
)
def test_bench_options_hold_if_given_before_or_after_the_step(argv):
    from bench.cli import build_parser

    options = build_parser().parse_args(argv)
    assert options.duration == 5
    assert options.scenarios == ["floor", "home"]
    assert options.concurrency == [1, 8, 32]  # not given: the default stays


def test_bench_run_step_keeps_defaults_if_nothing_given():
    from bench.cli import build_parser

    options = build_parser().parse_args(["run"])
    assert options.duration == 20
    assert options.scenarios == list(SCENARIOS)


def test_bench_environment_returns_embedded_database_if_sqlite_url(tmp_path):
    from bench.cli import _environment

    (tmp_path / "kring.sqlite3").touch()
    env = _environment(f"sqlite:///{tmp_path}/kring.sqlite3", workers=2)

    assert env["DATABASE_URL"] == ""
    assert env["KRING_VAR_DIR"] == str(tmp_path)


def test_bench_environment_fails_if_sqlite_file_is_missing(tmp_path):
    from bench import BenchError
    from bench.cli import _environment

    with pytest.raises(BenchError, match="No Kring SQLite database"):
        _environment(f"sqlite:///{tmp_path}/kring.sqlite3", workers=2)


def test_search_scenario_returns_queries_of_one_to_four_words():
    from bench.searches import SEARCHES
    from kring.search.text import query_words

    assert len(set(SEARCHES)) == len(SEARCHES) >= 40
    assert all(1 <= len(query_words(query)) <= 4 for query in SEARCHES)
