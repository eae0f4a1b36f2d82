"""Loading the recall set: items become real posts, questions and pages, indexed for real.

items.json holds the items (`question` with an accepted answer, `page`, `post`),
queries.json the queries with the key of their one answer and a category, synonyms.json
the synonyms a site admin would add (loaded into the same `Synonym` table search uses).
"""

import json
from dataclasses import dataclass
from pathlib import Path

from kring.knowledge.services import page_create
from kring.people.services import user_create
from kring.posts.services import post_create, reply_create
from kring.questions.services import question_accept_answer, question_create
from kring.search.models import Synonym
from kring.search.services import index_rebuild

HERE = Path(__file__).resolve().parent
CATEGORIES = ("word_form", "synonym", "typo", "compound", "question")


@dataclass(frozen=True)
class RecallQuery:
    query: str
    answer: str  # the key of the item that answers it
    category: str
    # Written after the ranking was tuned on the others and never tuned against since: a
    # check on how far the tuning carries to questions it has not seen.
    held_out: bool = False


def _read(name: str) -> list:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def recall_items() -> list[dict]:
    return _read("items.json")


def recall_queries() -> list[RecallQuery]:
    return [RecallQuery(**row) for row in _read("queries.json")]


def recall_synonyms() -> list[str]:
    return _read("synonyms.json")


def _item_create(author, item: dict) -> list[tuple[str, int]]:
    """Create one item through the services; returns its documents as (kind, object_id)."""
    if item["kind"] == "page":
        page = page_create(actor=author, group=None, title=item["title"], body=item["body"])
        return [("page", page.pk)]
    if item["kind"] == "post":
        post = post_create(actor=author, group=None, body=item["body"])
        return [("post", post.pk)]
    post = post_create(actor=author, group=None, body=item["body"])
    question = question_create(actor=author, post=post, title=item["title"])
    answer = reply_create(actor=author, post=post, body=item["answer"])
    question_accept_answer(actor=author, post=post, reply_id=answer.pk)
    return [("question", question.pk), ("reply", answer.pk)]


def recall_set_load() -> tuple[object, dict[tuple[str, int], str]]:
    """Write the set into the current (throwaway) database and index it.

    Returns the colleague who reads it (an employee who may see every item) and, for each
    search document, the key of the item it belongs to.
    """
    author = user_create(username="kennisredactie", first_name="Kennis", last_name="Redactie")
    reader = user_create(username="nieuwecollega", first_name="Noor", last_name="Nieuw")
    Synonym.objects.bulk_create([Synonym(phrases=line) for line in recall_synonyms()])
    owner: dict[tuple[str, int], str] = {}
    for item in recall_items():
        for document in _item_create(author, item):
            owner[document] = item["key"]
    index_rebuild()
    return reader, owner
