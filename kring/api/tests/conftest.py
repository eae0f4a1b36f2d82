"""API tests: a clean rate-limit slate (api_for, the token client, is in the root conftest)."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth counts failed sign-ins per IP in the cache; other tests' failures must not count here.
    cache.clear()
    yield
    cache.clear()
