"""How the knowledge base looks in the API."""

from datetime import date, datetime

from ninja import Field, Schema

from kring.api.schemas import Linked


class PageSummaryOut(Linked):
    id: int
    title: str
    kind: str
    group_id: int | None = Field(description="null: the company-wide knowledge base")
    folder_id: int | None
    owner: str | None = Field(description="The owner's username")
    review_by: date
    stale: bool = Field(description="Past its review date: possibly outdated")
    onboarding: bool
    version: int
    updated_at: datetime

    @staticmethod
    def resolve_owner(page) -> str | None:
        return page.owner.username if page.owner_id else None

    @staticmethod
    def resolve_stale(page) -> bool:
        return page.is_stale

    @staticmethod
    def resolve_onboarding(page) -> bool:
        return page.is_onboarding


class PageOut(PageSummaryOut):
    body: str = Field(description="Markdown")
    body_html: str = Field(description="Sanitised HTML")
    source_post_id: int | None = Field(
        description="The thread it was saved from, if you may read it"
    )

    @staticmethod
    def resolve_source_post_id(page, context) -> int | None:
        from kring import access

        source = page.source_post
        viewer = context["request"].auth
        return source.pk if source is not None and access.can_view(viewer, source) else None


class PagePage(Schema):
    items: list[PageSummaryOut]
    next_cursor: str | None


class RevisionOut(Schema):
    number: int
    title: str
    body: str
    author: str | None
    created_at: datetime

    @staticmethod
    def resolve_author(revision) -> str | None:
        return revision.author.username if revision.author_id else None
