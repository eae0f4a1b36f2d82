"""Queries compiled once and run again with other values (kring.core.compiled_sql)."""

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from kring.core.compiled_sql import CompiledSelect, CompiledSelectError
from kring.groups.models import Group, Membership


def _memberships(user_id: int):
    # Ordered by a column the rows leave out (Django selects it only to sort), with a
    # datetime the database returns in its own form (SQLite: text).
    return (
        Membership.objects.filter(user_id=user_id)
        .order_by("-group__name")
        .values_list("group__slug", "role", "created_at")
    )


def test_compiled_select_returns_if_run_the_rows_the_queryset_returns_for_each_value(world):
    query = CompiledSelect(_memberships, slots=(int,))
    for user in (world.admin, world.member, world.outsider, world.admin):
        assert query.rows(user.pk) == list(_memberships(user.pk))
    assert [slug for slug, *_ in query.rows(world.member.pk)] == ["groep-secret", "groep-open",
                                                                 "groep-closed"]  # fmt: skip


def test_compiled_select_passes_if_it_runs_one_query_with_the_value_as_a_parameter(world):
    query = CompiledSelect(_memberships, slots=(int,))
    query.rows(world.admin.pk)
    with CaptureQueriesContext(connection) as queries:
        rows = query.rows(world.member.pk)
    assert len(queries.captured_queries) == 1
    assert len(rows) == 3


def test_compiled_select_returns_if_run_with_text_and_numbers_the_rows_for_those(world):
    query = CompiledSelect(
        lambda slug, minimum: (
            Group.objects.filter(slug=slug, member_count__gte=minimum)
            .annotate(people=Count("memberships"))
            .values_list("name", "people")
        ),
        slots=(str, int),
    )
    open_group = world.groups["open"]
    assert query.rows(open_group.slug, 0) == [(open_group.name, 2)]
    assert query.rows(open_group.slug, 99) == []
    assert query.rows("no-such-group", 0) == []
    assert query.rows("'; DROP TABLE groups_group; --", 0) == []
    assert Group.objects.count() == 3


def test_compiled_select_fails_if_a_value_would_be_written_into_the_sql_text(db):
    # A LIMIT is part of the SQL text: it belongs to the query's shape, not its values.
    query = CompiledSelect(lambda limit: Group.objects.values_list("pk")[:limit], slots=(int,))
    with pytest.raises(CompiledSelectError):
        query.rows(5)


def test_compiled_select_fails_if_the_query_ignores_a_value(db):
    query = CompiledSelect(lambda user_id: Group.objects.values_list("pk"), slots=(int,))
    with pytest.raises(CompiledSelectError):
        query.rows(1)


@pytest.mark.parametrize("values", [("1",), (None,), (1, 2), (True,)])
def test_compiled_select_fails_if_a_value_is_not_of_its_slots_type(db, values):
    query = CompiledSelect(_memberships, slots=(int,))
    with pytest.raises(CompiledSelectError):
        query.rows(*values)
