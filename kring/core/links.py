"""Links to objects, built from one reverse() per URL name instead of one per link.

`reverse()` matches the URL pattern again for every call; a thread page links each of its
fifty replies and their authors several times. For a URL whose only argument is an id
(or a username, which reverse() leaves as it is), the URL is reversed once with a
placeholder and the value put in its place.
"""

import functools
import re

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse

_ID_SLOT = 918_273_645_546_372
_TEXT_SLOT = "kringlinkslot"
# What reverse() would leave untouched in a path segment (no quoting needed).
_PLAIN = re.compile(r"[A-Za-z0-9@.+_-]+")


@functools.lru_cache(maxsize=256)
def _halves(name: str, slot: object, prefix: str, urlconf: object) -> tuple[str, str]:
    before, found, after = reverse(name, args=[slot]).partition(str(slot))
    assert found, f"{name} does not take one argument"
    return before, after


def link(name: str, pk: int) -> str:
    """`reverse(name, args=[pk])` for a URL whose one argument is an integer id."""
    before, after = _halves(name, _ID_SLOT, get_script_prefix(), get_urlconf())
    return f"{before}{int(pk)}{after}"


def link_text(name: str, value: str) -> str:
    """`reverse(name, args=[value])` for a URL whose one argument is a slug or username."""
    if not _PLAIN.fullmatch(value):
        return reverse(name, args=[value])
    before, after = _halves(name, _TEXT_SLOT, get_script_prefix(), get_urlconf())
    return f"{before}{value}{after}"


@receiver(setting_changed)
def _forget_on_urlconf_change(*, setting: str, **kwargs) -> None:
    if setting == "ROOT_URLCONF":
        _halves.cache_clear()
