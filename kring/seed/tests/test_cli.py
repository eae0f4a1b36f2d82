"""The `kring` command, called in-process as the console script calls it."""

import io
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from django.conf import settings

from kring.cli import main
from kring.people.models import User

STRONG = "Lindeburg-fietst-2026"


@pytest.fixture
def no_terminal(monkeypatch):
    """Standard input is a pipe, as under cron, CI or a deploy script."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def test_help_returns_every_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])

    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for command in ("run", "serve", "worker", "createuser", "seed", "manage"):
        assert command in out


def test_createuser_passes_if_password_given(db, capsys):
    code = main(["createuser", "wendy", "--password", STRONG, "--email", "wendy@example.org"])

    assert code == 0
    user = User.objects.get(username="wendy")
    assert user.check_password(STRONG)
    assert user.email == "wendy@example.org"
    assert user.is_employee and not user.is_site_admin
    assert "Created wendy" in capsys.readouterr().out


def test_createuser_makes_a_site_admin_if_admin(db):
    assert main(["createuser", "beheer", "--admin", "--password", STRONG]) == 0

    assert User.objects.get(username="beheer").is_site_admin


def test_createuser_makes_a_guest_if_guest(db):
    assert main(["createuser", "extern", "--guest", "--password", STRONG]) == 0

    user = User.objects.get(username="extern")
    assert user.is_guest and not user.is_staff


def test_createuser_passes_without_password_if_not_on_a_terminal(db, capsys, no_terminal):
    assert main(["createuser", "later"]) == 0

    assert not User.objects.get(username="later").has_usable_password()
    assert "kring manage changepassword later" in capsys.readouterr().out


def test_createuser_fails_if_username_taken(db, make_user, capsys):
    make_user("wendy")

    assert main(["createuser", "Wendy", "--password", STRONG]) == 1

    assert User.objects.count() == 1
    assert capsys.readouterr().err.startswith("kring: ")


def test_createuser_fails_if_password_weak(db, capsys):
    assert main(["createuser", "wendy", "--password", "12345"]) == 1

    assert not User.objects.exists()
    assert "This password is too short" in capsys.readouterr().err


def test_createuser_fails_if_email_invalid(db):
    assert main(["createuser", "wendy", "--password", STRONG, "--email", "geen-adres"]) == 1

    assert not User.objects.exists()


def test_createuser_fails_if_admin_and_guest(db):
    with pytest.raises(SystemExit) as exit_:
        main(["createuser", "wendy", "--admin", "--guest", "--password", STRONG])

    assert exit_.value.code == 2
    assert not User.objects.exists()


def test_manage_passes_arguments_to_django(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["manage", "seed", "--help"])

    assert exit_.value.code == 0
    assert "demo" in capsys.readouterr().out


def _supervisor(tmp_path: Path, first: str) -> subprocess.Popen:
    """Start `supervise` in its own process with `first` and a sleeper that records its pid."""
    sleeper = f"import os, time; open({str(tmp_path / 'pid')!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    script = textwrap.dedent(f"""
        import sys
        from kring.cli import supervise
        sys.exit(supervise({{
            "first": [sys.executable, "-c", {first!r}],
            "sleeper": [sys.executable, "-c", {sleeper!r}],
        }}))
    """)
    return subprocess.Popen([sys.executable, "-c", script], cwd=settings.BASE_DIR)


def _sleeper_pid(tmp_path: Path) -> int:
    deadline = time.monotonic() + 20
    while not (tmp_path / "pid").exists() or not (tmp_path / "pid").read_text():
        assert time.monotonic() < deadline, "the sleeper did not start"
        time.sleep(0.05)
    return int((tmp_path / "pid").read_text())


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_supervise_returns_failure_if_one_process_ends(tmp_path):
    supervisor = _supervisor(tmp_path, "import time, sys; time.sleep(1); sys.exit(3)")
    pid = _sleeper_pid(tmp_path)

    assert supervisor.wait(timeout=30) == 3
    assert not _is_running(pid)


def test_supervise_returns_zero_if_terminated(tmp_path):
    supervisor = _supervisor(tmp_path, "import time; time.sleep(60)")
    pid = _sleeper_pid(tmp_path)

    supervisor.send_signal(signal.SIGTERM)

    assert supervisor.wait(timeout=30) == 0
    assert not _is_running(pid)
