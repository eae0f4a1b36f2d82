"""Topics in search (registered with kring.search, decision 0020)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.search.registry import Document, SearchKind, register
from kring.topics.models import Topic


def topic_document(topic: Topic) -> Document | None:
    if topic.merged_into_id is not None:
        return None
    return Document(
        scope="signed_in",
        title=f"#{topic.name}",
        text=topic.name,
        url=topic.get_absolute_url(),
        created_at=topic.created_at,
        updated_at=topic.created_at,
    )


register(
    SearchKind(
        kind="topic",
        label=_("Topics"),
        result_label=pgettext_lazy("search result", "Topic"),
        model=Topic,
        queryset=lambda: Topic.objects.all(),
        document=topic_document,
        order=70,
    )
)
