"""Queries compiled once and run again with other values (kring.core.kept_sql)."""

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from kring.core.kept_sql import KeptSelect, KeptSelectError
from kring.groups.models import Group, Membership


def _memberships(user_id: int):
    # Ordered by a column the rows leave out (Django selects it only to sort), with a
    # datetime the database returns in its own form (SQLite: text).
    return (
        Membership.objects.filter(user_id=user_id)
        .order_by("-group__name")
        .values_list("group__slug", "role", "created_at")
    )


def test_kept_select_returns_if_run_the_rows_the_queryset_returns_for_each_value(world):
    kept = KeptSelect(_memberships, slots=(int,))
    for user in (world.admin, world.member, world.outsider, world.admin):
        assert kept.rows(user.pk) == list(_memberships(user.pk))
    assert [slug for slug, *_ in kept.rows(world.member.pk)] == ["groep-secret", "groep-open",
                                                                 "groep-closed"]  # fmt: skip


def test_kept_select_passes_if_it_runs_one_query_with_the_value_as_a_parameter(world):
    kept = KeptSelect(_memberships, slots=(int,))
    kept.rows(world.admin.pk)
    with CaptureQueriesContext(connection) as queries:
        rows = kept.rows(world.member.pk)
    assert len(queries.captured_queries) == 1
    assert len(rows) == 3


def test_kept_select_returns_if_run_with_text_and_numbers_the_rows_for_those(world):
    kept = KeptSelect(
        lambda slug, minimum: (
            Group.objects.filter(slug=slug, member_count__gte=minimum)
            .annotate(people=Count("memberships"))
            .values_list("name", "people")
        ),
        slots=(str, int),
    )
    open_group = world.groups["open"]
    assert kept.rows(open_group.slug, 0) == [(open_group.name, 2)]
    assert kept.rows(open_group.slug, 99) == []
    assert kept.rows("no-such-group", 0) == []
    assert kept.rows("'; DROP TABLE groups_group; --", 0) == []
    assert Group.objects.count() == 3


def test_kept_select_fails_if_a_value_would_be_written_into_the_sql_text(db):
    # A LIMIT is part of the SQL text: it belongs to the query's shape, not its values.
    kept = KeptSelect(lambda limit: Group.objects.values_list("pk")[:limit], slots=(int,))
    with pytest.raises(KeptSelectError):
        kept.rows(5)


def test_kept_select_fails_if_the_query_ignores_a_value(db):
    kept = KeptSelect(lambda user_id: Group.objects.values_list("pk"), slots=(int,))
    with pytest.raises(KeptSelectError):
        kept.rows(1)


@pytest.mark.parametrize("values", [("1",), (None,), (1, 2), (True,)])
def test_kept_select_fails_if_a_value_is_not_of_its_slots_type(db, values):
    kept = KeptSelect(_memberships, slots=(int,))
    with pytest.raises(KeptSelectError):
        kept.rows(*values)
