"""`kring serve` collects static files only when they changed since it last collected them."""

import json

import pytest
from django.test import override_settings

from kring.cli import STATIC_STAMP, static_files_collect_if_changed

COLLECTED = "Collecting static files..."
SKIPPED = "Static files unchanged, not collecting."


@pytest.fixture
def static_site(tmp_path):
    """A one-folder static tree collected by the production storage into a scratch STATIC_ROOT."""
    sources, root = tmp_path / "sources", tmp_path / "root"
    (sources / "kring").mkdir(parents=True)
    (sources / "kring" / "site.css").write_text("body { background: url(dot.svg); }\n")
    (sources / "kring" / "dot.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    root.mkdir()
    with override_settings(
        STATIC_ROOT=root,
        STATICFILES_DIRS=[sources],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
    ):
        yield sources, root


def _hashed_name(root, name: str) -> str:
    return json.loads((root / "staticfiles.json").read_text())["paths"][name]


def _collect(capsys) -> tuple[bool, str]:
    collected = static_files_collect_if_changed()
    return collected, capsys.readouterr().out.strip()


def test_serve_static_skips_collecting_if_nothing_changed(static_site, capsys):
    _sources, root = static_site

    assert _collect(capsys) == (True, COLLECTED)
    assert (root / "staticfiles.json").is_file() and (root / STATIC_STAMP).is_file()
    assert _collect(capsys) == (False, SKIPPED)


def test_serve_static_collects_again_if_a_source_file_changed(static_site, capsys):
    sources, root = static_site
    _collect(capsys)
    before = _hashed_name(root, "kring/dot.svg")

    (sources / "kring" / "dot.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"></svg>\n')

    assert _collect(capsys) == (True, COLLECTED)
    assert _hashed_name(root, "kring/dot.svg") != before
    assert _collect(capsys) == (False, SKIPPED)


def test_serve_static_collects_again_if_a_source_file_is_added(static_site, capsys):
    sources, root = static_site
    _collect(capsys)

    (sources / "kring" / "extra.js").write_text("console.log('hallo');\n")

    assert _collect(capsys) == (True, COLLECTED)
    assert _hashed_name(root, "kring/extra.js").startswith("kring/extra.")


def test_serve_static_skips_collecting_if_a_source_file_is_touched_unchanged(static_site, capsys):
    sources, _root = static_site
    _collect(capsys)

    (sources / "kring" / "site.css").touch()

    assert _collect(capsys) == (False, SKIPPED)


def test_serve_static_collects_again_if_the_manifest_is_missing(static_site, capsys):
    _sources, root = static_site
    _collect(capsys)

    (root / "staticfiles.json").unlink()

    assert _collect(capsys) == (True, COLLECTED)
    assert (root / "staticfiles.json").is_file()
