"""Helpers for tests across the apps."""

import re

_PER_RESPONSE_TOKENS = re.compile(
    r'("X-CSRFToken": "|name="csrfmiddlewaretoken" value="|nonce=")[^"]+'
)


def page_without_tokens(content: bytes) -> str:
    """The page's HTML without what changes on every response: CSRF tokens and CSP nonces.

    Two answers that must be indistinguishable (a missing and an invisible object) are
    compared with this.
    """
    return _PER_RESPONSE_TOKENS.sub(r"\1", content.decode())
