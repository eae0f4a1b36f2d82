"""`{% post_cards posts %}` and `{% post_card post %}`: post cards, from the fragment cache."""

from django import template
from django.template.loader import get_template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from kring import access
from kring.announcements.templatetags.announcements_tags import announcement_offered
from kring.core.fragments import (
    CSRF_SLOT,
    CSRF_TOKEN_STAND_IN,
    csrf_fill,
    fragment_key,
    render_fragment,
    render_fragments,
    token_fill,
)
from kring.core.templatetags.kring_tags import avatar
from kring.polls.blocks import POLL_SLOT, poll_slots_fill
from kring.posts.models import Post
from kring.questions.selectors import CardQuestion, card_questions
from kring.reactions.bars import bar_html
from kring.reactions.selectors import BarLook, PraiseHeader, praise_headers, reaction_looks

register = template.Library()

CARD_TEMPLATE = "posts/partials/post_card.html"


def _card_key(
    post: Post,
    rights: tuple[bool, bool, bool],
    look: BarLook,
    praise: PraiseHeader | None,
    question: CardQuestion | None = None,
) -> str:
    """Every input of post_card.html: the post, its author and space, the reader's rights,
    the reaction bar (counts and the reader's own reactions) and the praise header.

    A poll is not in it: the card only leaves POLL_SLOT, filled per reader (decision 0016)."""
    group = post.group
    return fragment_key(
        "post-card",
        post.pk,
        post.created_at.isoformat(),
        post.edited_at.isoformat() if post.edited_at else "",
        post.reply_count,
        post.body_html,
        post.is_announcement,  # issue 4: the "Announcement" badge
        post.has_poll,  # issue 4: the slot where the reader's poll block goes
        *post.author.fragment_parts(),
        *((group.pk, group.slug, group.name) if group else ("",)),
        *rights,
        *look.key_parts,
        *(praise.key_parts if praise else ("",)),
        *(question.key_parts if question else ("",)),  # issue 5: title and "Answered" badge
    )


def post_card_html(viewer, posts, *, csrf_token: str = "") -> list[SafeString]:
    """The cards of `posts` (already checked as visible to `viewer`), in their order.

    `csrf_token` goes into the forms of the reaction bars (without it they work by htmx only).
    """
    template_ = get_template(CARD_TEMPLATE)
    posts = list(posts)
    may_reply_in: dict[int | None, bool] = {}
    rights = {}
    for post in posts:
        if post.group_id not in may_reply_in:
            may_reply_in[post.group_id] = access.can_reply(viewer, post)
        rights[post.pk] = (
            may_reply_in[post.group_id],
            access.can_edit_post(viewer, post),
            access.can_delete_post(viewer, post),
        )

    looks = reaction_looks(viewer, posts)
    praises = praise_headers(viewer, posts)
    questions = card_questions(posts)  # issue 5: no query on a page without questions

    def render(post: Post) -> str:
        may_reply, may_edit, may_delete = rights[post.pk]
        return template_.render(
            {
                "post": post,
                "may_reply": may_reply,
                "may_edit": may_edit,
                "may_delete": may_delete,
                "bar_html": bar_html(post, looks[post.pk]),
                "praise": praises.get(post.pk),
                "question": questions.get(post.pk),
                "csrf_slot": CSRF_SLOT,
                "poll_slot": POLL_SLOT,
            }
        )

    cards = render_fragments(
        posts,
        key=lambda post: _card_key(
            post, rights[post.pk], looks[post.pk], praises.get(post.pk), questions.get(post.pk)
        ),
        render=render,
    )
    cards = csrf_fill(cards, csrf_token)
    return poll_slots_fill(viewer, posts, cards, csrf_token=csrf_token)  # issue 4: per reader


@register.simple_tag(takes_context=True)
def post_cards(context, posts) -> SafeString:
    """All cards of a feed page at once: one cache lookup for the lot."""
    cards = post_card_html(context["user"], posts, csrf_token=str(context.get("csrf_token", "")))
    return mark_safe("".join(cards))  # noqa: S308


@register.simple_tag(takes_context=True)
def post_card(context, post: Post) -> SafeString:
    return post_card_html(context["user"], [post], csrf_token=str(context.get("csrf_token", "")))[0]


COMPOSER_TEMPLATE = "posts/partials/composer.html"
# Where a kept composer, shared by its writers, gets the writer's own avatar and groups.
_AVATAR_SLOT = "<!--kring:composer-avatar-->"
_GROUPS_SLOT = "<!--kring:composer-groups-->"


def _group_options(groups, selected) -> SafeString:
    """The composer's <option>s of the writer's groups, `selected` (a value sent) chosen."""
    chosen = "" if selected is None else str(selected)
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((g.pk, mark_safe(" selected") if chosen == str(g.pk) else "", g.name) for g in groups),
    )


@register.simple_tag(takes_context=True)
def composer(context, form) -> SafeString:
    """`{% composer form %}`: the composer (posts/partials/composer.html) of a feed page.

    Every home, company and group page shows it. Empty, it differs between writers only in
    their avatar and the groups they may post in: it is rendered once per process for each
    page and each answer to "may they announce here" and kept (the fragments cache), with
    the writer's avatar, groups and CSRF token put in afterwards; a writer's first page
    costs no template. With what someone typed (a bound form, a question, poll or
    compliment coming back with an error) it is rendered afresh.
    """
    template_ = context.template.engine.get_template(COMPOSER_TEMPLATE)
    request = context["request"]
    user = request.user
    groups = context.get("composer_groups") or ()
    again = any(
        context.get(name) for name in ("question_composer", "poll_composer", "praise_picker")
    )
    if form.is_bound or again:
        selected = form["group"].value() if "group" in form.fields else None
        with context.push(
            form=form,
            composer_avatar=avatar(user, "md"),
            composer_group_options=_group_options(groups, selected),
        ):
            return template_.render(context)
    fixed = context.get("composer_fixed")
    key = fragment_key(
        "composer",
        request.get_full_path(),
        fixed or "",
        bool(context.get("composer_company")),
        announcement_offered(user, fixed),
    )

    def render() -> str:
        with context.push(
            form=form,
            csrf_token=CSRF_TOKEN_STAND_IN,
            composer_avatar=mark_safe(_AVATAR_SLOT),  # noqa: S308 (a constant)
            composer_group_options=mark_safe(_GROUPS_SLOT),  # noqa: S308 (a constant)
        ):
            return template_.render(context)

    html = render_fragment(key, render)
    html = html.replace(_AVATAR_SLOT, avatar(user, "md"), 1)
    html = html.replace(_GROUPS_SLOT, _group_options(groups, None), 1)
    return token_fill(html, context["csrf_token"])
