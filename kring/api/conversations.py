"""Private conversations: only their participants, 404 for everyone else (site admins too)."""

from datetime import datetime
from typing import Annotated, Any

from ninja import Field, Path, Query, Router, Schema, Status

from kring import access
from kring.api.schemas import MAX_ID, Linked, Message, PersonSummary
from kring.conversations import selectors, services
from kring.conversations.models import Conversation
from kring.conversations.models import Message as ConversationMessage

router = Router(tags=["conversations"])

ConversationId = Annotated[int, Path(ge=1, le=MAX_ID)]


class ConversationOut(Linked):
    id: int
    subject: str
    created_at: datetime
    last_message_at: datetime
    participants: list[PersonSummary] = Field(description="Everyone in it, you included.")
    unread: int = Field(description="Messages by others you have not read.")
    last_message: str = Field(description="The start of the latest message, as plain text.")

    @staticmethod
    def resolve_id(row: Any) -> int:
        return row.conversation.pk

    @staticmethod
    def resolve_url(row: Any, context: dict[str, Any]) -> str:
        return context["request"].build_absolute_uri(row.conversation.get_absolute_url())

    @staticmethod
    def resolve_subject(row: Any) -> str:
        return row.conversation.subject

    @staticmethod
    def resolve_created_at(row: Any) -> datetime:
        return row.conversation.created_at

    @staticmethod
    def resolve_last_message_at(row: Any) -> datetime:
        return row.conversation.last_message_at

    @staticmethod
    def resolve_participants(row: Any) -> list[Any]:
        return [row.user, *row.conversation.others]

    @staticmethod
    def resolve_last_message(row: Any) -> str:
        return row.preview


class ConversationPage(Schema):
    items: list[ConversationOut]
    next_cursor: str | None


class MessageOut(Linked):
    id: int
    conversation: int = Field(alias="conversation_id")
    kind: str = Field(
        description="message; or a note: added (`author` added `person`) or left (`author` left)"
    )
    author: PersonSummary
    person: PersonSummary | None = Field(description="Who was added, for kind added.")
    body: str = Field(description="Markdown source")
    body_html: str = Field(description="Sanitised HTML")
    created_at: datetime
    edited_at: datetime | None


class MessagePage(Schema):
    items: list[MessageOut] = Field(description="Oldest first.")
    earlier_cursor: str | None = Field(
        description="Pass as `before` for the messages before these."
    )


class ConversationStarted(Linked):
    id: int
    subject: str
    created_at: datetime
    participants: list[PersonSummary] = Field(description="Everyone in it, you included.")

    @staticmethod
    def resolve_participants(obj: Conversation) -> list[Any]:
        return selectors.participants_of(obj)


class ConversationIn(Schema):
    participants: list[str] = Field(description="Usernames of the colleagues to write to.")
    body: str = Field(description="The first message: Markdown, at most 10,000 characters.")
    subject: str = ""


class MessageIn(Schema):
    body: str = Field(description="Markdown, at most 10,000 characters.")


@router.get("/conversations", response={200: ConversationPage}, summary="Your conversations")
def conversation_list(request, cursor: str | None = None) -> dict:
    """Your private conversations, latest activity first, 20 per page."""
    page = selectors.conversations_for(request.auth, cursor=cursor)
    for row in page.items:
        row.user = request.auth
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get(
    "/conversations/{conversation_id}/messages",
    response={200: MessagePage, 404: Message},
    summary="Messages of a conversation",
)
def message_list(
    request,
    conversation_id: ConversationId,
    before: Annotated[str | None, Query(description="`earlier_cursor` of a page")] = None,
) -> dict:
    """The latest 50 messages, oldest first; 404 unless you take part in the conversation."""
    conversation = access.get_or_404(request.auth, Conversation, conversation_id)
    page = selectors.messages_page_for(request.auth, conversation, before=before)
    return {"items": page.messages, "earlier_cursor": page.earlier}


@router.post(
    "/conversations/{conversation_id}/messages",
    response={201: MessageOut, 400: Message, 404: Message},
    summary="Send a message",
)
def message_send(
    request, conversation_id: ConversationId, data: MessageIn
) -> Status[ConversationMessage]:
    """Add your message to a conversation you take part in."""
    conversation = access.get_or_404(request.auth, Conversation, conversation_id)
    message = services.message_send(actor=request.auth, conversation=conversation, body=data.body)
    return Status(201, message)


@router.post(
    "/conversations",
    response={201: ConversationStarted, 400: Message, 404: Message},
    summary="Start a conversation",
)
def conversation_start(request, data: ConversationIn) -> Status[Conversation]:
    """Write to one or more colleagues; a name you may not write to is a 404, like a typo."""
    people = selectors.people_by_username_for(request.auth, data.participants[:100])
    conversation = services.conversation_start(
        actor=request.auth, participants=people, body=data.body, subject=data.subject
    )
    return Status(201, conversation)
