import io

from django.core.management import call_command

from kring.posts.models import Post
from kring.topics.models import TopicUse


def test_rerender_links_hashtags_if_post_saved_before_topics_existed(world):
    post = world.posts["company"]
    Post.objects.filter(pk=post.pk).update(body="Oud bericht over #inkoop", body_html="<p>oud</p>")
    call_command("rerender", stdout=io.StringIO())
    post.refresh_from_db()
    assert 'href="/topics/inkoop/"' in post.body_html
    assert TopicUse.objects.filter(post=post, topic__key="inkoop").exists()
    call_command("rerender", stdout=io.StringIO())  # again: nothing doubles
    assert TopicUse.objects.filter(post=post).count() == 1
