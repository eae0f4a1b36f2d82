"""Every string Kring shows has a Dutch translation, and pages speak the reader's language."""

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.urls import reverse

KRING_DIR = Path(settings.BASE_DIR) / "kring"
COMMITTED_PO = KRING_DIR / "locale" / "nl" / "LC_MESSAGES" / "django.po"
# The same selection as `make messages`: the project's own code, not demo data or tests.
IGNORE = ["seed/demo_data.py", "*/tests/*", "static/*"]


def read_po(path: Path) -> dict[str, tuple[list[str], bool]]:
    """Map each entry's key (context + msgid [+ plural]) to its msgstr forms and fuzzy flag."""
    entries: dict[str, tuple[list[str], bool]] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        fuzzy = False
        current = None
        for line in block.splitlines():
            if line.startswith("#~"):  # obsolete entries are not in use
                fields = {}
                break
            if line.startswith("#,"):
                fuzzy = fuzzy or "fuzzy" in line
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
            elif line and not line.startswith("#"):
                current, _, rest = line.partition(" ")
                fields[current] = ast.literal_eval(rest)
        if not fields.get("msgid"):  # the header, or nothing
            continue
        key = fields["msgid"]
        if "msgid_plural" in fields:
            key += " | " + fields["msgid_plural"]
        if "msgctxt" in fields:
            key = f"[{fields['msgctxt']}] {key}"
        forms = [value for name, value in fields.items() if name.startswith("msgstr")]
        entries[key] = (forms, fuzzy)
    return entries


def extract_fresh_po(tmp_path: Path) -> Path:
    """Run makemessages for nl over a copy of the source, leaving the committed .po alone."""
    source = tmp_path / "src" / "kring"
    # Leave out what makemessages would skip anyway (tests, static) and what has no
    # translatable text (migrations), so the extraction stays quick.
    skip = shutil.ignore_patterns("locale", "tests", "migrations", "static", "__pycache__", "*.pyc")
    shutil.copytree(KRING_DIR, source, ignore=skip)
    # makemessages writes into LOCALE_PATHS[0]; point it at the copy, not at the real one.
    settings_dir = tmp_path / "settings"
    settings_dir.mkdir()
    (settings_dir / "i18n_extract_settings.py").write_text(
        "from config.settings.test import *  # noqa: F403\n"
        f"LOCALE_PATHS = [{str(source / 'locale')!r}]\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "i18n_extract_settings",
        "PYTHONPATH": os.pathsep.join([str(settings_dir), str(settings.BASE_DIR)]),
    }
    ignores = [arg for pattern in IGNORE for arg in ("--ignore", pattern)]
    result = subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "makemessages"]
        + ["-l", "nl", "--no-location", *ignores],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, (
        f"makemessages failed (is GNU gettext installed?):\n{result.stderr}"
    )
    return source / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def test_translations_pass_if_every_extracted_string_has_dutch(tmp_path):
    fresh = read_po(extract_fresh_po(tmp_path))
    committed = read_po(COMMITTED_PO)
    assert fresh, "makemessages found no strings at all"
    missing = [
        key
        for key in fresh
        if key not in committed or not all(committed[key][0]) or committed[key][1]
    ]
    assert not missing, (
        "These strings have no (or only a fuzzy) Dutch translation; run `make messages`, "
        "translate them in kring/locale/nl/LC_MESSAGES/django.po and remove '#, fuzzy':\n"
        + "\n".join(f"  {key!r}" for key in missing)
    )


def test_translations_pass_if_committed_po_compiles_with_placeholders_intact():
    # --check compares every %(name)s placeholder in msgstr with the msgid.
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(COMMITTED_PO)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert "translated message" in result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_sign_in_page_returns_dutch_if_the_visitor_has_no_preference(db, client):
    html = client.get(reverse("account_login")).content.decode()
    assert 'lang="nl"' in html
    assert "Inloggen" in html and "Wachtwoord" in html
    assert "Sign in" not in html


def test_home_page_returns_english_if_the_user_chose_english(make_user, client_for):
    client = client_for(make_user("emma", language="en"))
    html = client.get(reverse("feeds:home")).content.decode()
    assert 'lang="en"' in html
    assert "<span>Home</span>" in html and "<span>People</span>" in html
    assert "<span>Start</span>" not in html and "Mensen" not in html


def test_home_page_returns_dutch_if_the_user_kept_dutch(make_user, client_for):
    client = client_for(make_user("daan"))
    html = client.get(reverse("feeds:home")).content.decode()
    assert 'lang="nl"' in html
    assert "<span>Start</span>" in html and "<span>Mensen</span>" in html


def test_sign_in_page_returns_dutch_if_browser_prefers_english(client):
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="nl"' in page


def test_sign_in_page_returns_english_if_visitor_chose_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    page = client.get("/accounts/login/").content.decode()
    assert 'lang="en"' in page and "Sign in" in page
