"""A small organisation that knows about "inkoop": answers, pages, tags and posts."""

from types import SimpleNamespace

import pytest

from kring.experts.tests.helpers import answered_question
from kring.groups import services as group_services
from kring.knowledge.services import page_create
from kring.people.services import profile_update, user_create
from kring.posts import services as post_services
from kring.search.services import index_rebuild


@pytest.fixture
def people(db):
    def make(username: str, **kwargs):
        kwargs.setdefault("first_name", username.capitalize())
        return user_create(username=username, password="Geheim-wachtwoord-42", **kwargs)

    return SimpleNamespace(
        anna=make("anna", job_title="Teamleider"),  # asks
        bram=make("bram", job_title="Inkoper"),  # answers
        carla=make("carla"),  # keeps a page and says she knows it
        dirk=make("dirk"),  # talks about it
        erik=make("erik"),  # looks for someone
        fien=make("fien"),  # member of the secret group
    )


@pytest.fixture
def secret(people):
    group = group_services.group_create(
        actor=people.anna, name="Directieraad", description="Alleen leden", visibility="secret"
    )
    group_services.membership_add(actor=people.anna, group=group, user=people.fien)
    group_services.membership_add(actor=people.anna, group=group, user=people.bram)
    return group


@pytest.fixture
def knowledge(people, secret):
    """Bram: two accepted answers for everyone and one in the secret group; Carla: a page
    and the tag; Dirk: three posts with #inkoop; Fien: an answer only the secret group sees."""
    answered_question(
        asker=people.anna,
        answerer=people.bram,
        group=None,
        title="Hoe werkt inkoop van laptops?",
        answer="Via het inkoopportaal, met een offerte.",
    )
    answered_question(
        asker=people.anna,
        answerer=people.bram,
        group=None,
        title="Wie keurt een inkoop boven 5000 euro goed?",
        answer="De budgethouder, daarna de controller.",
    )
    answered_question(
        asker=people.anna,
        answerer=people.bram,
        group=secret,
        title="Geheime inkoop van de nieuwe directieauto?",
        answer="Geheim antwoord over de auto.",
    )
    answered_question(
        asker=people.anna,
        answerer=people.fien,
        group=secret,
        title="Inkoop van de geheime fusie-adviseur?",
        answer="Geheim antwoord over de fusie.",
    )
    page_create(
        actor=people.carla,
        group=None,
        title="Inkoop: zo vraag je een offerte aan",
        body="Stappen voor de inkoop van diensten.",
    )
    profile_update(actor=people.carla, person=people.carla, expertise=["inkoop"])
    for number in range(3):
        post_services.post_create(
            actor=people.dirk, group=None, body=f"Vandaag weer over #inkoop gepraat ({number})."
        )
    post_services.post_create(
        actor=people.fien, group=secret, body="Geheim #inkoop plan van de directie."
    )
    index_rebuild()
    return people
