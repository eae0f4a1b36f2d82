"""The `kring` command: run, serve, worker, createuser, seed and manage."""

import argparse
import contextlib
import getpass
import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

SETTINGS = "DJANGO_SETTINGS_MODULE"
DEV, PROD = "config.settings.dev", "config.settings.prod"
STOP_GRACE_SECONDS = 10
PASSTHROUGH = {"manage", "worker"}
STATIC_STAMP = ".kring-static-stamp"


def _django(default_settings: str) -> None:
    """Configure Django with `default_settings` unless DJANGO_SETTINGS_MODULE says otherwise."""
    os.environ.setdefault(SETTINGS, default_settings)
    import django
    from django.apps import apps

    if not apps.ready:  # called in-process (tests), Django is already set up
        django.setup()


def _manage_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "django", *args]


def supervise(commands: dict[str, list[str]], env: dict[str, str] | None = None) -> int:
    """Run the commands side by side until one ends or we are told to stop; stop the rest.

    Returns 0 after Ctrl-C/SIGTERM/SIGHUP, else the exit code of the process that ended
    first (1 if it ended "successfully": a server that stops by itself is a failure;
    128 + N if signal N killed it).
    """
    stop_signal: list[int] = []

    def request_stop(signum: int, frame: object) -> None:
        stop_signal.append(signum)

    previous = {
        s: signal.signal(s, request_stop) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    }
    processes: dict[str, subprocess.Popen] = {}
    try:
        for name, command in commands.items():
            # Own session: Ctrl-C reaches only us, and we stop each child with its own
            # children (runserver's autoreloader runs the server in a child process).
            processes[name] = subprocess.Popen(  # noqa: S603 (our own commands, no shell)
                command, env=env, stdin=subprocess.DEVNULL, start_new_session=True
            )
        ended = None
        while ended is None and not stop_signal:
            ended = next((n for n, p in processes.items() if p.poll() is not None), None)
            time.sleep(0.2)
        if ended is not None:
            code = processes[ended].returncode
            print(
                f"kring: the {ended} process stopped (exit code {code}); stopping the rest.",
                file=sys.stderr,
            )
            # Killed by a signal: the shell's convention 128 + signal number.
            return 128 - code if code < 0 else (code or 1)
        return 0
    finally:
        _stop_all(processes.values())
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _stop_all(processes: Iterable[subprocess.Popen]) -> None:
    running = [p for p in processes if p.poll() is None]
    for process in running:
        _signal_group(process, signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for process in running:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.wait()
    # The group may outlive its leader (an autoreloader's child): make sure it is gone.
    for process in running:
        _signal_group(process, signal.SIGKILL)


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)


def command_run(args: argparse.Namespace) -> int:
    """Development: migrate, then run the web server and the worker until Ctrl-C."""
    env = {**os.environ, SETTINGS: os.environ.get(SETTINGS, DEV)}
    migrate = subprocess.run(_manage_command("migrate", "--no-input"), env=env, check=False)  # noqa: S603
    if migrate.returncode:
        return migrate.returncode
    print(f"kring: web server on http://{args.host}:{args.port}/ and a worker; Ctrl-C stops both.")
    return supervise(
        {
            "web": _manage_command("runserver", f"{args.host}:{args.port}"),
            "worker": _manage_command("worker"),
        },
        env,
    )


# `kring serve`'s gunicorn workers: uvicorn running the ASGI application, so an open event
# stream (/events/) is a coroutine instead of a whole worker (docs/decisions/0011-realtime.md).
WORKER_CLASS = "kring.realtime.worker.StreamingUvicornWorker"


def command_serve(args: argparse.Namespace) -> int:
    """Production: collect static files if they changed, then replace this process with gunicorn."""
    workers = os.environ.get("KRING_WEB_WORKERS", "2")
    bind = os.environ.get("KRING_BIND", "127.0.0.1:8000")
    if not workers.isdigit() or int(workers) < 1:
        print(
            f"kring: KRING_WEB_WORKERS must be a whole number >= 1, not {workers!r}.",
            file=sys.stderr,
        )
        return 2
    from kring.realtime.serving import threads_from_environment

    try:
        threads_from_environment(os.environ.get("KRING_WEB_THREADS"))
    except ValueError as error:
        print(f"kring: {error}", file=sys.stderr)
        return 2
    _django(PROD)
    if not args.no_collectstatic:
        static_files_collect_if_changed()
    if int(workers) > 1 and not os.environ.get("REDIS_URL"):
        print(
            f"kring: {workers} web processes without REDIS_URL: live updates reach only the "
            "browsers connected to the process that wrote. Set REDIS_URL (or "
            "KRING_WEB_WORKERS=1) for every change to appear at once everywhere.",
            file=sys.stderr,
            flush=True,
        )
    gunicorn = [sys.executable, "-m", "gunicorn", "config.asgi:application"]
    gunicorn += ["--worker-class", WORKER_CLASS]
    gunicorn += ["--workers", workers, "--bind", bind, "--access-logfile", "-"]
    # Gunicorn's control socket lives in $HOME and would clash between two sites on one
    # machine; more options come from GUNICORN_CMD_ARGS, which gunicorn reads itself.
    gunicorn += ["--no-control-socket"]
    os.execv(sys.executable, gunicorn)  # noqa: S606 (a fixed command, no shell)
    return 0  # not reached: execv does not return


def static_files_collect_if_changed() -> bool:
    """Run collectstatic unless STATIC_ROOT holds the output for the static sources as they are.

    Collecting compresses every file (a minute or more), so a restart with the same code
    skips it. The sources' fingerprint is kept in STATIC_ROOT/.kring-static-stamp, written
    only after collectstatic succeeded. Prints which it does; returns whether it collected.
    """
    from django.conf import settings
    from django.contrib.staticfiles.storage import ManifestFilesMixin
    from django.core.files.storage import storages
    from django.core.management import call_command

    stamp = Path(settings.STATIC_ROOT) / STATIC_STAMP
    fingerprint = static_files_fingerprint()
    storage = storages["staticfiles"]
    manifest_missing = isinstance(storage, ManifestFilesMixin) and not storage.exists(
        storage.manifest_name
    )
    try:
        unchanged = stamp.read_text() == fingerprint and not manifest_missing
    except OSError:
        unchanged = False
    # Flushed: os.execv, which follows, would drop what is still buffered.
    if unchanged:
        print("Static files unchanged, not collecting.", flush=True)
        return False
    print("Collecting static files...", flush=True)
    stamp.unlink(missing_ok=True)  # a run that breaks off halfway must not look finished
    call_command("collectstatic", interactive=False, verbosity=0)
    partial = stamp.with_name(f"{STATIC_STAMP}.{os.getpid()}")
    partial.write_text(fingerprint)
    partial.replace(stamp)
    return True


def static_files_fingerprint() -> str:
    """Return a digest of every file collectstatic would collect and of what shapes its output.

    Contents, not modification times: a reinstall that leaves the files as they were needs
    no new collection (hashing the ~10 MB takes a few hundredths of a second).
    """
    from importlib.metadata import PackageNotFoundError, version

    from django.apps import apps
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders

    digest = hashlib.sha256()
    for package in ("django", "whitenoise", "brotli"):  # brotli: whitenoise writes .br files
        try:
            digest.update(f"{package} {version(package)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{package} -\n".encode())
    digest.update(f"{settings.STORAGES['staticfiles']['BACKEND']} {settings.STATIC_URL}\n".encode())
    ignore = apps.get_app_config("staticfiles").ignore_patterns
    found = [
        (os.path.join(getattr(storage, "prefix", None) or "", path), path, storage)
        for finder in get_finders()
        for path, storage in finder.list(ignore)
    ]
    # Sorted by name; a stable sort keeps same-named files in the order collectstatic
    # sees them (the first one wins), whatever order a folder lists its files in.
    for name, path, storage in sorted(found, key=lambda entry: entry[0]):
        content = hashlib.sha256()
        with storage.open(path) as source:
            for chunk in source.chunks():
                content.update(chunk)
        digest.update(f"{name}\0{content.hexdigest()}\n".encode())
    return digest.hexdigest()


def command_createuser(args: argparse.Namespace) -> int:
    """Create an account; ask for the password twice on a terminal."""
    _django(DEV)
    from django.utils import translation

    # The command line speaks English throughout (docs/decisions/0010-kring-command.md).
    with translation.override("en"):
        return _user_create(args)


def _user_create(args: argparse.Namespace) -> int:
    from django.contrib.auth import password_validation
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    from kring.core.errors import ApplicationError
    from kring.people.models import User
    from kring.people.services import user_create

    kind = User.Kind.GUEST if args.guest else User.Kind.EMPLOYEE
    probe = User(username=args.name, email=args.email, kind=kind)
    try:
        if args.email:
            validate_email(args.email)
        password = args.password
        if password is None and sys.stdin.isatty():
            password = _ask_password()
        if password:
            password_validation.validate_password(password, probe)
        user = user_create(
            username=args.name,
            email=args.email,
            password=password,
            kind=kind,
            site_admin=args.admin,
            first_name=args.first_name,
            last_name=args.last_name,
        )
    except ValidationError as error:
        print("kring: " + " ".join(error.messages), file=sys.stderr)
        return 1
    except ApplicationError as error:
        print(f"kring: {error.message}", file=sys.stderr)
        return 1
    what = "site admin" if args.admin else kind.value
    print(f"Created {user.username} ({what}).")
    if not user.has_usable_password():
        print(f"No password yet: set one with `kring manage changepassword {user.username}`.")
    return 0


def _ask_password() -> str:
    while True:
        password = getpass.getpass("Password: ")
        if password and password == getpass.getpass("Password (again): "):
            return password
        print("The passwords were empty or did not match; try again.", file=sys.stderr)


def command_seed(args: argparse.Namespace) -> int:
    _django(DEV)
    from django.core.management import call_command
    from django.core.management.base import CommandError
    from django.utils import translation

    try:
        with translation.override("en"):
            call_command("seed", args.dataset, *args.options)
    except CommandError as error:
        print(f"kring: {error}", file=sys.stderr)
        return 1
    return 0


def command_passthrough(name: str, argv: list[str]) -> int:
    """`kring manage ARGS` and `kring worker ARGS`: hand the arguments to Django unchanged."""
    _django(PROD if name == "worker" else DEV)
    from django.core.management import execute_from_command_line

    if name == "worker":
        # kring.core's `worker`: db_worker plus a heartbeat and recovery of lost tasks.
        argv = ["worker", *argv]
    execute_from_command_line([f"kring {name}", *argv])
    return 0


def command_bench(argv: list[str]) -> int:
    """`kring bench ARGS`: the benchmark harness in bench/ of a source checkout."""
    root = Path(__file__).resolve().parent.parent
    if not (root / "bench" / "cli.py").is_file():
        print("kring: `kring bench` needs a source checkout of Kring (bench/).", file=sys.stderr)
        return 2
    sys.path.insert(0, str(root))
    from bench.cli import main as bench_main

    return bench_main(argv)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kring",
        description="Kring, the self-hosted knowledge network for your organisation.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = commands.add_parser("run", help="development: web server and worker (Ctrl-C stops)")
    run.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    run.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    run.set_defaults(handler=command_run)

    serve = commands.add_parser(
        "serve", help="production web server (gunicorn + uvicorn; KRING_WEB_WORKERS, KRING_BIND)"
    )
    serve.add_argument(
        "--no-collectstatic",
        action="store_true",
        help="do not run collectstatic (by default it runs when the static files changed)",
    )
    serve.set_defaults(handler=command_serve)

    commands.add_parser("worker", help="background worker (options: kring worker --help)")

    user = commands.add_parser("createuser", help="create an account")
    user.add_argument("name", help="username")
    user.add_argument("--email", default="", help="e-mail address")
    user.add_argument("--password", help="password (asked twice when left out on a terminal)")
    user.add_argument("--first-name", default="", help="first name")
    user.add_argument("--last-name", default="", help="last name")
    kind = user.add_mutually_exclusive_group()
    kind.add_argument("--admin", action="store_true", help="make a site admin")
    kind.add_argument("--guest", action="store_true", help="make an external guest")
    user.set_defaults(handler=command_createuser)

    seed = commands.add_parser(
        "seed", help="load example data: `kring seed demo`, `kring seed scale --preset small`"
    )
    seed.add_argument(
        "dataset",
        choices=["demo", "scale"],
        help="demo: Gemeente Lindeburg; scale: a large organisation for measurements",
    )
    seed.add_argument(
        "options",
        nargs=argparse.REMAINDER,
        help="for scale: --preset small|medium|large, --users, --groups, --posts, --seed "
        "(kring manage seed --help)",
    )
    seed.set_defaults(handler=command_seed)

    commands.add_parser("manage", help="any Django management command (kring manage help)")
    commands.add_parser("bench", help="load test on a seeded database (kring bench --help)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `kring` command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in PASSTHROUGH:
            # Django parses these itself, --help included.
            return command_passthrough(argv[0], argv[1:])
        if argv and argv[0] == "bench":  # parses its own options, --help included
            return command_bench(argv[1:])
        args = build_parser().parse_args(argv)
        return args.handler(args)
    except ImproperlyConfigured as error:
        print(f"kring: the settings are incomplete: {error}", file=sys.stderr)
        if os.environ.get(SETTINGS) == PROD:
            print(
                "kring: for development use `kring run`, or set "
                f"{SETTINGS}={DEV} to use the development settings.",
                file=sys.stderr,
            )
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
