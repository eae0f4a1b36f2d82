"""Background work for the knowledge base."""

from django.tasks import task

from kring.knowledge.services import page_reviews_remind


@task
def remind_page_reviews() -> int:
    """Remind owners of pages past their review date (the worker enqueues this every hour)."""
    return page_reviews_remind()
