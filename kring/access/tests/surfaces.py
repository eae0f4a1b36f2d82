"""Shared helpers of the surface matrices: what a viewer may never see, and checking a response."""

from dataclasses import dataclass

from django.test import Client

from kring.access.tests.conftest import SPACES, Matrix, marker
from kring.access.tests.expected import reads, sees_group

LOGIN_PATH = "/accounts/login/"


@dataclass(frozen=True)
class Expect:
    """What one request must answer: one of `statuses`, with and without certain markers."""

    statuses: tuple[int, ...]
    present: tuple[str, ...] = ()


def content_markers(space: str) -> tuple[str, ...]:
    return marker(space, "post"), marker(space, "reply"), marker(space, "answer")


def group_markers(space: str) -> tuple[str, ...]:
    return () if space == "company" else (marker(space, "group"), marker(space, "about"))


def forbidden_markers(viewer_kind: str) -> list[str]:
    """Every marker this viewer must never find in any response, from any space."""
    forbidden = []
    for space in SPACES:
        if not reads(viewer_kind, space):
            forbidden += content_markers(space)
        if not sees_group(viewer_kind, space):
            forbidden += group_markers(space)
    return forbidden


def client_for(matrix: Matrix, viewer_kind: str) -> Client:
    client = Client()
    user = matrix.users[viewer_kind]
    if user is not None:
        client.force_login(user)
    return client


def check(name: str, response, expect: Expect, forbidden: list[str]) -> list[str]:
    """Return the problems of one response: wrong status, a missing or a leaked marker."""
    problems = []
    body = response.content.decode(errors="replace")
    if response.status_code not in expect.statuses:
        problems.append(f"{name}: status {response.status_code}, expected {expect.statuses}")
    for text in expect.present:
        if text not in body:
            problems.append(f"{name}: {text} missing")
    for text in forbidden:
        if text in body:
            problems.append(f"{name}: LEAK of {text}")
    return problems
