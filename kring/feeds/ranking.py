"""The "Voor jou" ranking: one pure function scores a post for a viewer (decision 0017).

`rank_score(inputs, now)` knows nothing of the database: the selector gathers the stored
inputs of every candidate (a few queries, whatever the number of posts) and this module
only does arithmetic, so the ranking is tested with plain values. `arrange` then orders
the scored candidates and keeps a share of the page for popular posts from other
departments.
"""

import math
from datetime import datetime
from typing import NamedTuple

# How much each signal lifts a post: added up into a boost, the score is
# (1 + boost) * decay(age). See docs/decisions/0017-ranked-feed.md for why these numbers.
WEIGHT_ANNOUNCEMENT = 4.0
WEIGHT_FOLLOWED_PERSON = 3.0
WEIGHT_FOLLOWED_TOPIC = 2.5
WEIGHT_FOLLOWED_GROUP = 2.0
WEIGHT_TOOK_PART = 1.5
WEIGHT_INTERACTION = 2.0  # times the strength of the tie with the author, 0..1
WEIGHT_ACTIVITY = 0.6  # times log(1 + replies + reactions)
ACTIVITY_CAP = 2.0
WEIGHT_OTHER_DEPARTMENT = 1.0  # only for popular posts: cross-department discovery
POPULAR_ACTIVITY = 5  # replies + reactions from which a post counts as popular
HALF_LIFE_HOURS = 36.0  # the score halves every day and a half without activity

# One page in CROSS_DEPARTMENT_EVERY places a popular post from another department.
CROSS_DEPARTMENT_EVERY = 5


# The values below are named tuples, not frozen dataclasses: a first ranking makes one of
# each per candidate (about 500), and a frozen dataclass costs four times as much to make.


class RankInputs(NamedTuple):
    """Everything the ranking knows of one candidate post, as seen by one viewer."""

    post_id: int
    last_activity_at: datetime
    replies: int = 0
    reactions: int = 0
    is_announcement: bool = False
    author_id: int | None = None
    group_id: int | None = None
    followed_person: bool = False
    followed_group: bool = False
    followed_topic_id: int | None = None  # one followed topic the post uses
    took_part: bool = False  # the viewer replied in the thread
    interaction: float = 0.0  # strength of the viewer's tie with the author, 0..1
    other_department_id: int | None = None  # the author's department, if not the viewer's


class Reason(NamedTuple):
    """Why a post is in the feed: `kind` and the id of what it names (a person, topic...)."""

    kind: str  # announcement, person, topic, group, took_part, interaction, popular_department, popular
    ident: int | None = None


# The reasons that name nothing: made once, not once per candidate.
_ANNOUNCEMENT = Reason("announcement")
_TOOK_PART = Reason("took_part")
_POPULAR = Reason("popular")
_UNNAMED = Reason("")  # lifts a little, too little to name


class Scored(NamedTuple):
    inputs: RankInputs
    score: float
    reasons: tuple[Reason, ...] = ()

    @property
    def popular_elsewhere(self) -> bool:
        return bool(self.reasons) and self.reasons[0].kind == "popular_department"


def decay(last_activity_at: datetime, now: datetime) -> float:
    """1 for activity now, 0.5 after HALF_LIFE_HOURS, and so on (never above 1)."""
    hours = max((now - last_activity_at).total_seconds() / 3600, 0.0)
    return 0.5 ** (hours / HALF_LIFE_HOURS)


def rank_score(inputs: RankInputs, now: datetime) -> tuple[float, tuple[Reason, ...]]:
    """The score of one post for one viewer, and its reasons, the strongest first.

    Pure: the same inputs and moment give the same answer. A post with no reason at all
    is only recent; its reasons are then empty.
    """
    lifts: list[tuple[float, Reason]] = []
    if inputs.is_announcement:
        lifts.append((WEIGHT_ANNOUNCEMENT, _ANNOUNCEMENT))
    if inputs.followed_person:
        lifts.append((WEIGHT_FOLLOWED_PERSON, Reason("person", inputs.author_id)))
    if inputs.followed_topic_id is not None:
        lifts.append((WEIGHT_FOLLOWED_TOPIC, Reason("topic", inputs.followed_topic_id)))
    if inputs.followed_group and inputs.group_id is not None:
        lifts.append((WEIGHT_FOLLOWED_GROUP, Reason("group", inputs.group_id)))
    if inputs.took_part:
        lifts.append((WEIGHT_TOOK_PART, _TOOK_PART))
    if inputs.interaction > 0 and not inputs.followed_person:
        strength = min(inputs.interaction, 1.0)
        lifts.append((WEIGHT_INTERACTION * strength, Reason("interaction", inputs.author_id)))
    activity = inputs.replies + inputs.reactions
    if activity:
        lift = min(WEIGHT_ACTIVITY * math.log1p(activity), ACTIVITY_CAP)
        if activity < POPULAR_ACTIVITY:
            lifts.append((lift, _UNNAMED))
        elif inputs.other_department_id is not None:
            lift += WEIGHT_OTHER_DEPARTMENT
            lifts.append((lift, Reason("popular_department", inputs.other_department_id)))
        else:
            lifts.append((lift, _POPULAR))
    score = (1.0 + sum(weight for weight, _reason in lifts)) * decay(inputs.last_activity_at, now)
    if len(lifts) > 1:
        lifts.sort(key=lambda lift: -lift[0])  # stable: ties keep the order above
    return score, tuple(reason for _weight, reason in lifts if reason.kind)


def arrange(candidates: list[RankInputs], now: datetime) -> list[Scored]:
    """All candidates, highest score first, with a share for other departments.

    Every CROSS_DEPARTMENT_EVERY-th place goes to the best popular post from another
    department that has not come up yet, so discovery does not depend on the viewer
    following nobody. Ties go to the newer post.
    """
    scored = [Scored(c, *rank_score(c, now)) for c in candidates]
    scored.sort(key=lambda s: (-s.score, -s.inputs.last_activity_at.timestamp(), -s.inputs.post_id))
    elsewhere = iter([s for s in scored if s.popular_elsewhere])  # each is placed once
    placed: set[int] = set()
    arranged: list[Scored] = []
    for best in scored:
        # The places for other departments before this one, while there are such posts.
        while (len(arranged) + 1) % CROSS_DEPARTMENT_EVERY == 0:
            pick = next((s for s in elsewhere if s.inputs.post_id not in placed), None)
            if pick is None:
                break
            placed.add(pick.inputs.post_id)
            arranged.append(pick)
        if best.inputs.post_id not in placed:
            placed.add(best.inputs.post_id)
            arranged.append(best)
    return arranged
