from django.conf import settings

from kring.seed import demo_data
from kring.seed.services import demo_logins


def test_readme_returns_the_demo_logins_the_seed_prints():
    readme = (settings.BASE_DIR / "README.md").read_text()

    assert f"`{demo_data.DEMO_PASSWORD}`" in readme
    for login in demo_logins():
        assert f"`{login.username}`" in readme, f"README.md misses the demo login {login.username}"
