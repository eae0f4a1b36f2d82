"""Topics in the API: the posts under a topic."""

from django.http import Http404, HttpRequest
from ninja import Router

from kring.api.schemas import Linked, Message, PostPage
from kring.core.markdown import extract_tags
from kring.core.pagination import Page
from kring.topics.models import Topic, topic_key
from kring.topics.selectors import topic_posts_for

router = Router(tags=["topics"])


class TopicOut(Linked):
    name: str
    key: str


def topic_or_none(key: str) -> Topic | None:
    """The topic a hashtag names (following merges); 404 for what no hashtag can say."""
    if extract_tags(f"#{key}").hashtags != [key]:
        raise Http404
    topic = Topic.objects.select_related("merged_into").filter(key=topic_key(key)).first()
    return topic.merged_into if topic is not None and topic.merged_into_id else topic


@router.get(
    "/topics/{key}/posts", response={200: PostPage, 404: Message}, summary="Posts with a topic"
)
def topic_posts(request: HttpRequest, key: str, cursor: str | None = None) -> Page:
    """Posts you may read that use `#key` (or whose replies do), most recent activity first.

    Any hashtag is a topic: one nobody used in what you may read gives an empty list.
    """
    return topic_posts_for(request.auth, topic_or_none(key), cursor=cursor)
