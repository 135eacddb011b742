"""`./wijkmarkt <command>`: the embedded database, the set-up every command shares, and the command itself.

run       migrate, provision the demo wijken, serve with daphne on http://localhost:8000
test      the same set-up, then pytest, one worker per core unless -n is given (arguments pass through)
manage    any Django management command
bench     a benchmark from tests/performance/ (bench_<name>.py)
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

from wijkmarkt.platform.launcher.catalogues import compile_catalogues
from wijkmarkt.platform.launcher.database import database_url, require_reachable

REPO_ROOT = Path(__file__).resolve().parents[2]
STATE_DIR = REPO_ROOT / ".wijkmarkt"
COMMANDS = ("run", "test", "manage", "bench")


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


def django_command(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "django", *args], check=True)


def set_up() -> None:
    step("Database bijwerken (publiek schema en alle wijken)")
    django_command("migrate_schemas", "--verbosity", "0")
    step("Partnerorganisaties van het convenant laden (alleen wie er nog niet is)")
    django_command("load_partners")
    step("Demo-wijken en demo-accounts klaarzetten")
    django_command("load_demo")


def serve() -> int:
    port = os.environ.get("WIJKMARKT_PORT", "8000")
    bind = os.environ.get("WIJKMARKT_BIND", "127.0.0.1")
    step(f"Wijkmarkt draait. Stoppen met Ctrl-C. (daphne op {bind}:{port})")
    daphne = subprocess.Popen(
        [sys.executable, "-m", "daphne", "-b", bind, "-p", port, "wijkmarkt.platform.config.asgi:application"]
    )
    try:
        return daphne.wait()
    except KeyboardInterrupt:
        # A terminal's Ctrl-C reaches daphne too; a SIGTERM to us alone does not, so pass it on.
        daphne.send_signal(signal.SIGINT)
        try:
            daphne.wait(timeout=10)
        except subprocess.TimeoutExpired:
            daphne.terminate()
            daphne.wait()
        return 0


def bench(name: str, args: list[str]) -> int:
    script = REPO_ROOT / "tests" / "performance" / f"bench_{name}.py"
    if not script.exists():
        available = sorted(p.stem.removeprefix("bench_") for p in script.parent.glob("bench_*.py"))
        print(f"Onbekende benchmark {name!r}. Beschikbaar: {', '.join(available)}", file=sys.stderr)
        return 2
    return subprocess.call([sys.executable, str(script), *args])


def _interrupt(_signum, _frame):
    raise KeyboardInterrupt


def in_parallel(args: list[str]) -> list[str]:
    """One pytest worker per core (pytest-xdist), each with its own test database, unless the arguments choose:
    the suite is bound by the processor, and two workers on two cores take about 0.7 of the time of one."""
    if any(arg.startswith(("-n", "--numprocesses", "--dist")) or arg == "no:xdist" for arg in args):
        return args
    return ["--numprocesses=auto", "--dist=worksteal", *args]


def main(argv: list[str]) -> int:
    # SIGTERM (a service manager, `kill`) stops as cleanly as Ctrl-C: daphne first, then the embedded database.
    signal.signal(signal.SIGTERM, _interrupt)
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 0 if not argv or argv[0] in ("-h", "--help", "help") else 2
    command, args = argv[0], argv[1:]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkmarkt.platform.config.settings")
    os.environ.setdefault("WIJKMARKT_ENV", "test" if command in ("test", "bench") else "development")
    if os.environ["WIJKMARKT_ENV"] == "development":
        os.environ.setdefault("DEBUG", "true")
    compile_catalogues(REPO_ROOT / "themes" / "locale")

    try:
        with database_url(STATE_DIR / "pgdata") as url:
            os.environ["DATABASE_URL"] = url
            require_reachable(url)
            if command == "manage":
                return subprocess.call([sys.executable, "-m", "django", *args])
            if command == "bench":
                return bench(args[0] if args else "", args[1:])
            set_up()
            if command == "test":
                step("Tests draaien")
                return subprocess.call([sys.executable, "-m", "pytest", *in_parallel(args)], cwd=REPO_ROOT)
            return serve()
    except subprocess.CalledProcessError as error:
        print(f"\nStap mislukt: {' '.join(error.cmd[2:])} (exitcode {error.returncode}).", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
