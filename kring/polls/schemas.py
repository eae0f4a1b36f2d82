"""How a poll looks in the API (in a post, and after voting)."""

from datetime import datetime
from typing import Any

from ninja import Field, Schema

from kring.polls.selectors import PollView, poll_view_for


class PollOptionOut(Schema):
    id: int
    text: str
    chosen: bool = Field(description="Whether you chose it")
    votes: int | None = Field(description="null until you may see the results")
    percent: int | None = Field(description="Share of the people who voted; null like votes")


class PollOut(Schema):
    multiple: bool = Field(description="Whether more than one option may be chosen")
    closes_at: datetime | None
    closed: bool
    voted: bool = Field(description="Whether you voted")
    may_vote: bool
    shows_results: bool = Field(
        description="Results show after you voted, once it closed, or to the post's author"
    )
    voters: int | None = Field(description="How many people voted; null like the votes")
    options: list[PollOptionOut]


class PollIn(Schema):
    options: list[str] = Field(
        description="2 to 10 different options; the post's body is the question"
    )
    multiple: bool = False
    closes_at: datetime | None = Field(None, description="Optional; must be in the future")


class PollVoteIn(Schema):
    options: list[int] = Field(description="The ids of the chosen options (one, unless multiple)")


def poll_of(obj: Any, context: dict[str, Any]) -> PollView | None:
    """The post's poll for the caller: attached for a page by polls_attach, or read."""
    if not getattr(obj, "has_poll", False):
        return None
    attached = getattr(obj, "poll_view", None)
    if attached is not None:
        return attached
    return poll_view_for(context["request"].auth, obj)
