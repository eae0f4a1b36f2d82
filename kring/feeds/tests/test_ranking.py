"""The "Voor jou" ranking as a pure function: plain values in, score and reasons out."""

from datetime import UTC, datetime, timedelta

from kring.feeds.ranking import (
    CROSS_DEPARTMENT_EVERY,
    POPULAR_ACTIVITY,
    RankInputs,
    Reason,
    arrange,
    rank_score,
)

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def post(pk: int, hours_ago: float = 0, **kwargs) -> RankInputs:
    return RankInputs(post_id=pk, last_activity_at=NOW - timedelta(hours=hours_ago), **kwargs)


def test_rank_score_returns_higher_if_topic_followed_though_two_days_older():
    followed, _ = rank_score(post(1, hours_ago=48, followed_topic_id=7), NOW)
    fresh, _ = rank_score(post(2, hours_ago=0), NOW)
    assert followed > fresh


def test_rank_score_returns_lower_if_followed_post_is_two_weeks_old():
    stale, _ = rank_score(post(1, hours_ago=24 * 14, followed_person=True, author_id=3), NOW)
    fresh, _ = rank_score(post(2, hours_ago=1), NOW)
    assert stale < fresh


def test_rank_score_returns_announcement_first_if_equally_new():
    announcement, reasons = rank_score(post(1, hours_ago=5, is_announcement=True), NOW)
    followed, _ = rank_score(post(2, hours_ago=5, followed_person=True, author_id=3), NOW)
    assert announcement > followed
    assert reasons[0] == Reason("announcement")


def test_rank_score_returns_no_reason_if_only_recent():
    score, reasons = rank_score(post(1), NOW)
    assert score == 1.0 and reasons == ()


def test_rank_score_returns_strongest_reason_first_if_several():
    _, reasons = rank_score(
        post(1, followed_group=True, group_id=4, followed_topic_id=9, took_part=True), NOW
    )
    assert [r.kind for r in reasons] == ["topic", "group", "took_part"]
    assert reasons[0].ident == 9


def test_rank_score_returns_person_not_interaction_if_author_followed():
    _, reasons = rank_score(post(1, author_id=5, followed_person=True, interaction=1.0), NOW)
    assert [r.kind for r in reasons] == ["person"]


def test_rank_score_returns_interaction_reason_if_talked_with_author():
    tie, reasons = rank_score(post(1, author_id=5, interaction=1.0), NOW)
    assert tie > rank_score(post(2, author_id=6), NOW)[0]
    assert reasons == (Reason("interaction", 5),)


def test_rank_score_returns_popular_department_if_busy_post_from_elsewhere():
    busy = post(1, replies=POPULAR_ACTIVITY, reactions=3, other_department_id=8)
    score, reasons = rank_score(busy, NOW)
    assert reasons == (Reason("popular_department", 8),)
    same_department, plain = rank_score(post(2, replies=POPULAR_ACTIVITY, reactions=3), NOW)
    assert plain == (Reason("popular"),) and score > same_department


def test_rank_score_returns_no_reason_if_activity_below_popular():
    score, reasons = rank_score(post(1, replies=1, other_department_id=8), NOW)
    assert score > 1.0 and reasons == ()


def test_arrange_returns_cross_department_share_if_followed_posts_fill_page():
    followed = [post(i, hours_ago=1, followed_person=True, author_id=2) for i in range(1, 30)]
    elsewhere = post(99, hours_ago=30, replies=6, other_department_id=8)
    arranged = arrange([*followed, elsewhere], NOW)
    ids = [s.inputs.post_id for s in arranged]
    assert ids.index(99) == CROSS_DEPARTMENT_EVERY - 1
    assert len(ids) == len(set(ids)) == 30


def test_arrange_returns_every_candidate_once_if_no_cross_department_post():
    arranged = arrange([post(i, hours_ago=i) for i in range(1, 12)], NOW)
    assert [s.inputs.post_id for s in arranged] == list(range(1, 12))
