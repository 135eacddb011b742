"""Benchmark: provisioning a new wijk by cloning the template schema vs by running every migration.

Run: ./wijkmarkt bench provisioning [--existing 200] [--repeat 5] [--extra-migrations 50] [--same-connection 30]
                                    [--quick]

What it measures, in one run, in a scratch database of its own (never the database in DATABASE_URL):

- clone:   provision_wijk(...) as the command and the tests call it: copy the template schema `wijk_template`
           (django_tenants.clone) and record the migrations as applied (migrate_schemas --fake).
- migrate: the same provision_wijk(...) with TENANT_CREATION_FAKES_MIGRATIONS=False, so django-tenants takes its
           other branch in TenantMixin.create_schema: CREATE SCHEMA and run every tenant migration.
- both with 1 existing wijk and with --existing wijken (made with the clone path first); every measured wijk is
  dropped again right after, so the number of existing wijken stays what the table says. The template schema is
  there in every scenario and is not counted as a wijk; creating it is the one-off cost, shown separately.
  Every measured provisioning starts on a fresh database connection, as `manage provision_wijk` or a request does.
- flatness in the number of migrations: the project has few migrations, so a second process adds a synthetic tenant
  app with --extra-migrations migrations (one CreateModel, then one AddField each) and repeats the measurement.
- the clone path split into its parts: creating the clone_schema() SQL function (django-tenants re-creates it on
  every clone), the clone SQL itself, migrate_schemas --fake, and the rest (row, domain, checks).
- --same-connection clones in a row on ONE connection, as a loop in one process does: each one is slower than the
  one before, and the server process behind the connection grows (see clones_on_one_connection).

How to read it: "median" is the figure to quote; min/max show the noise (other people share the server). The goal
is a clone under 0.5 s that stays flat: compare the clone row at 1 and at N existing wijken, and with and without the
extra migrations. The migrate row shows what cloning saves; its ratio grows with every migration we add.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from scratch_database import require_scratch_database, scratch_database

GOAL_SECONDS = 0.5
SYNTHETIC_APP = "benchsynth"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--existing", type=int, default=200, help="existing wijken in the large scenario")
    parser.add_argument("--repeat", type=int, default=5, help="new wijken measured per path and scenario")
    parser.add_argument("--extra-migrations", type=int, default=50, help="synthetic tenant migrations; 0 skips")
    parser.add_argument("--same-connection", type=int, default=30, help="clones in a row on one connection; 0 skips")
    parser.add_argument("--quick", action="store_true", help="smoke run: 20 existing, 3 repeats, 10 extra, 10 in a row")
    parser.add_argument("--worker", help=argparse.SUPPRESS)  # internal: run one measurement, write JSON here
    args = parser.parse_args()
    if args.quick:
        args.existing, args.repeat, args.extra_migrations, args.same_connection = 20, 3, 10, 10
    if args.worker:
        return run_worker(args)

    # Django's app registry is fixed at setup, so each set of migrations is measured in a process of its own.
    runs = [("project", 0, args.existing, args.same_connection)]
    if args.extra_migrations > 0:
        runs.append((f"project + {args.extra_migrations}", args.extra_migrations, 1, 0))
    results = []
    with tempfile.TemporaryDirectory(prefix="bench_provisioning_") as tmp:
        for label, extra, existing, same_connection in runs:
            print(f"\n=== Migrations: {label} (existing up to {existing}, repeat {args.repeat})", flush=True)
            result_path = Path(tmp) / f"{extra}.json"
            command = [
                sys.executable,
                __file__,
                "--worker",
                str(result_path),
                "--existing",
                str(existing),
                "--repeat",
                str(args.repeat),
                "--extra-migrations",
                str(extra),
                "--same-connection",
                str(same_connection),
            ]
            if wait_for(subprocess.Popen(command)) != 0:
                print(f"Measurement with migrations {label} failed.", file=sys.stderr)
                return 1
            results.append({"label": label, "extra_migrations": extra, **json.loads(result_path.read_text())})
    print_report(results, args)
    return 0


def wait_for(child: subprocess.Popen) -> int:
    try:
        return child.wait()
    except KeyboardInterrupt:
        child.wait()  # the child got the Ctrl-C too and is dropping its scratch database
        raise


# --- worker: one process, one scratch database, one set of migrations -------------------------------------------


def run_worker(args) -> int:
    if args.extra_migrations:
        install_synthetic_app(args.extra_migrations, Path(tempfile.mkdtemp(prefix="bench_synthetic_")))
    with scratch_database("provisioning") as url:
        import django

        django.setup()
        require_scratch_database(url)
        result = measure(existing_max=args.existing, repeat=args.repeat, same_connection=args.same_connection)
    Path(args.worker).write_text(json.dumps(result))
    return 0


def measure(*, existing_max: int, repeat: int, same_connection: int) -> dict:
    from django.conf import settings
    from django.core.management import call_command

    from wijkmarkt.platform.wijken.actions import ensure_template_schema

    step("Public schema: migrate_schemas")
    call_command("migrate_schemas", verbosity=0)
    step("Template schema (one-off: runs every migration)")
    template_seconds = timed(ensure_template_schema)
    step(f"  {template_seconds:.3f} s")
    migrations = migration_counts(settings.TENANT_BASE_SCHEMA)
    step(f"  {migrations['recorded']} migrations recorded per wijk, {migrations['tables']} tables in a wijk schema")

    scenarios = []
    existing = 0
    same = None
    for target in sorted({1, existing_max}):
        existing = grow_to(existing, target)
        scenarios.append({"existing": target, **measure_paths(repeat, target)})
        if same is None and same_connection:
            same = clones_on_one_connection(same_connection)
    return {"template_seconds": template_seconds, **migrations, "scenarios": scenarios, "same_connection": same}


def grow_to(existing: int, target: int) -> int:
    """Make `target` wijken with the clone path, each on a fresh connection (as `manage provision_wijk` would:
    see clones_on_one_connection for why), with a progress counter."""
    from wijkmarkt.platform.wijken.actions import provision_wijk
    from wijkmarkt.platform.wijken.models import WijkStatus

    if existing < target:
        step(f"Creating existing wijken {existing + 1}..{target} (clone path)")
    started = time.perf_counter()
    for number in range(existing + 1, target + 1):
        fresh_connection()
        provision_wijk(slug=f"bestaand{number:04d}", name=f"Bestaand {number}", status=WijkStatus.PILOT)
        if number == target or number % 10 == 0:
            step(f"  {number}/{target} existing wijken ({time.perf_counter() - started:.1f} s)")
    return target


def measure_paths(repeat: int, existing: int) -> dict:
    """Clone, migrate and the clone's parts, interleaved per repetition so drift on the server hits all alike.
    Each starts on a fresh connection, opened before the clock starts, like a provisioning command or request."""
    from django.test import override_settings

    from wijkmarkt.platform.wijken.actions import provision_wijk
    from wijkmarkt.platform.wijken.models import WijkStatus

    clone, migrate, parts = [], [], {"function": [], "clone_sql": [], "fake_migrate": []}
    step(f"Measuring at {existing} existing wijken: {repeat} x (clone, migrate, clone in parts)")
    for number in range(1, repeat + 1):
        slug = f"kloon{existing}x{number}"
        fresh_connection()
        clone.append(timed(provision_wijk, slug=slug, name="Kloon", status=WijkStatus.PILOT))
        drop_wijk(slug)

        slug = f"migratie{existing}x{number}"
        fresh_connection()
        with override_settings(TENANT_CREATION_FAKES_MIGRATIONS=False):
            migrate.append(timed(provision_wijk, slug=slug, name="Migratie", status=WijkStatus.PILOT))
        drop_wijk(slug)

        fresh_connection()
        for part, seconds in clone_in_parts(f"delen{existing}x{number}").items():
            parts[part].append(seconds)
        step(f"  {number}/{repeat}: clone {clone[-1]:.3f} s, migrate {migrate[-1]:.3f} s")
    return {"clone": clone, "migrate": migrate, "parts": parts}


def clone_in_parts(schema: str) -> dict[str, float]:
    """The three steps of TenantMixin.create_schema's clone branch, timed one by one in one transaction (as
    provision_wijk runs them), on a bare schema without a Wijk row."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction
    from django_tenants.clone import CloneSchema

    with transaction.atomic():
        function = timed(CloneSchema()._create_clone_schema_function)
        with connection.cursor() as cursor:
            sql = "SELECT clone_schema(%s, %s, %s)"
            clone_sql = timed(cursor.execute, sql, [settings.TENANT_BASE_SCHEMA, schema, "DATA"])
        fake_migrate = timed(
            call_command, "migrate_schemas", tenant=True, fake=True, schema_name=schema, interactive=False, verbosity=0
        )
        connection.set_schema_to_public()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA "{schema}" CASCADE')
    return {"function": function, "clone_sql": clone_sql, "fake_migrate": fake_migrate}


def clones_on_one_connection(count: int) -> dict:
    """`count` clones in a row on one connection, as a loop in one process does (load_demo, a bulk import).
    django-tenants re-creates its clone_schema() SQL functions before every clone; the server process behind the
    connection compiles every new version and keeps the old ones, so it grows in memory and slows down."""
    from wijkmarkt.platform.wijken.actions import provision_wijk
    from wijkmarkt.platform.wijken.models import WijkStatus

    step(f"Same connection: {count} clones in a row on one connection")
    fresh_connection()
    memory_before = backend_memory()
    times = []
    for number in range(1, count + 1):
        times.append(timed(provision_wijk, slug=f"reeks{number:03d}", name="Reeks", status=WijkStatus.PILOT))
        if number == count or number % 10 == 0:
            step(f"  {number}/{count}: last clone {times[-1]:.3f} s")
    memory_after = backend_memory()
    for number in range(1, count + 1):
        drop_wijk(f"reeks{number:03d}")
    return {"times": times, "memory_before": memory_before, "memory_after": memory_after}


def backend_memory() -> int | None:
    """Bytes held by the server process behind Django's connection (needs superuser or pg_read_all_stats)."""
    from django.db import DatabaseError, connection, transaction

    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT sum(total_bytes) FROM pg_backend_memory_contexts")
            return int(cursor.fetchone()[0])
    except DatabaseError:
        return None


def fresh_connection() -> None:
    from django.db import connection

    connection.close()
    connection.ensure_connection()


def drop_wijk(slug: str) -> None:
    from django.db import connection

    from wijkmarkt.platform.wijken.models import Wijk

    connection.set_schema_to_public()
    Wijk.objects.get(schema_name=slug).delete(force_drop=True)


def migration_counts(template_schema: str) -> dict:
    from django.conf import settings
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django_tenants.utils import schema_context

    tenant_labels = {name.rsplit(".", 1)[-1] for name in settings.TENANT_APPS}
    loader = MigrationLoader(None, ignore_no_migrations=True)
    with schema_context(template_schema), connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM django_migrations")  # the template's own table, first on the path
        recorded = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = %s AND table_type = 'BASE TABLE'",
            [template_schema],
        )
        tables = cursor.fetchone()[0]
    tenant_app = sum(1 for app_label, _name in loader.disk_migrations if app_label in tenant_labels)
    return {"recorded": recorded, "tenant_app_migrations": tenant_app, "tables": tables}


def install_synthetic_app(count: int, root: Path) -> None:
    """A tenant app with `count` migrations (a CreateModel, then AddFields), and settings that add it to
    TENANT_APPS. Simple additive migrations: real ones (indexes, data) cost more, so this flatters 'migrate'."""
    app = root / SYNTHETIC_APP
    (app / "migrations").mkdir(parents=True)
    (app / "__init__.py").write_text("")
    (app / "migrations" / "__init__.py").write_text("")
    fields = "".join(f"    f{n} = models.IntegerField(null=True)\n" for n in range(2, count + 1))
    (app / "models.py").write_text(
        f"from django.db import models\n\n\nclass Synthetic(models.Model):\n{fields}    pass\n"
    )
    previous = None
    for n in range(1, count + 1):
        name = f"{n:04d}_step"
        if n == 1:
            operation = (
                "migrations.CreateModel(name='Synthetic', fields=[('id', models.BigAutoField(auto_created=True, "
                "primary_key=True, serialize=False, verbose_name='ID'))])"
            )
        else:
            operation = (
                f"migrations.AddField(model_name='synthetic', name='f{n}', field=models.IntegerField(null=True))"
            )
        dependencies = f"[('{SYNTHETIC_APP}', '{previous}')]" if previous else "[]"
        (app / "migrations" / f"{name}.py").write_text(
            "from django.db import migrations, models\n\n\n"
            f"class Migration(migrations.Migration):\n    dependencies = {dependencies}\n"
            f"    operations = [{operation}]\n"
        )
        previous = name
    (root / "bench_synthetic_settings.py").write_text(
        f"from {os.environ['DJANGO_SETTINGS_MODULE']} import *  # noqa\n\n"
        f"TENANT_APPS = [*TENANT_APPS, '{SYNTHETIC_APP}']\n"
        f"INSTALLED_APPS = [*INSTALLED_APPS, '{SYNTHETIC_APP}']\n"
    )
    sys.path.insert(0, str(root))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_synthetic_settings"


# --- report ---------------------------------------------------------------------------------------------------------


def print_report(results: list[dict], args) -> None:
    print(f"\n=== Provisioning one wijk (seconds; min / median / max over {args.repeat} new wijken per row)\n")
    header = f"{'path':<9} {'migrations':<22} {'existing':>8} {'min':>7} {'median':>7} {'max':>7}"
    print(f"{header} {'migrate/clone':>13}  goal < {GOAL_SECONDS} s")
    for run in results:
        migrations = f"{run['label']} ({run['recorded']})"
        for scenario in run["scenarios"]:
            ratio = statistics.median(scenario["migrate"]) / statistics.median(scenario["clone"])
            for path in ("clone", "migrate"):
                times = scenario[path]
                goal = ("met" if statistics.median(times) < GOAL_SECONDS else "NOT met") if path == "clone" else ""
                print(
                    f"{path:<9} {migrations:<22} {scenario['existing']:>8} {min(times):>7.3f} "
                    f"{statistics.median(times):>7.3f} {max(times):>7.3f} "
                    f"{f'{ratio:.1f}x' if path == 'migrate' else '':>13}  {goal}"
                )
    print("\n'migrations' is the migration set and, in brackets, the migrations recorded in each wijk schema.")
    print("\n=== The clone path in parts (medians, seconds)\n")
    print(
        f"{'migrations':<22} {'existing':>8} {'function':>9} {'clone SQL':>10} {'--fake':>8} {'rest':>7} {'total':>7}"
    )
    for run in results:
        migrations = f"{run['label']} ({run['recorded']})"
        for scenario in run["scenarios"]:
            parts = {name: statistics.median(times) for name, times in scenario["parts"].items()}
            total = statistics.median(scenario["clone"])
            rest = total - sum(parts.values())
            print(
                f"{migrations:<22} {scenario['existing']:>8} {parts['function']:>9.3f} {parts['clone_sql']:>10.3f} "
                f"{parts['fake_migrate']:>8.3f} {rest:>7.3f} {total:>7.3f}"
            )
    print(
        "\nfunction: django-tenants re-creates the clone_schema() SQL function on every clone; clone SQL: copying "
        "the template's\ntables; --fake: migrate_schemas --fake recording the migrations (grows with their number); "
        "rest: row, domain,\nchecks (total minus the parts, measured separately, so it can be slightly off)."
    )
    print("\n=== One-off cost of the template schema (runs every migration once)\n")
    for run in results:
        print(
            f"{run['label']:<22} {run['template_seconds']:.3f} s ({run['recorded']} migrations, {run['tables']} tables)"
        )
    print_flatness(results)
    print_same_connection(results[0]["same_connection"])


def print_same_connection(same: dict | None) -> None:
    print("\n=== Clones in a row on one connection (every row above used a fresh connection)\n")
    if not same:
        print("not measured (--same-connection 0)")
        return
    times, five = same["times"], min(5, len(same["times"]))
    first, last = statistics.median(times[:five]), statistics.median(times[-five:])
    print(
        f"{len(times)} clones: first {five} median {first:.3f} s, last {five} median {last:.3f} s ({last / first:.1f}x)"
    )
    print("each:", " ".join(f"{t:.2f}" for t in times))
    if same["memory_before"] is not None:
        print(
            f"server process memory: {same['memory_before'] / 1e6:.0f} MB before, "
            f"{same['memory_after'] / 1e6:.0f} MB after"
        )
    else:
        print("server process memory: not readable for this database user")


def print_flatness(results: list[dict]) -> None:
    print("\n=== Flatness (ratio of clone medians; 1.0x is flat)\n")
    base = results[0]
    scenarios = base["scenarios"]
    clone_at = {s["existing"]: statistics.median(s["clone"]) for s in scenarios}
    if len(clone_at) > 1:
        few, many = min(clone_at), max(clone_at)
        print(f"clone at {many} vs {few} existing wijken: {clone_at[many] / clone_at[few]:.2f}x")
    else:
        print("existing wijken: only one scenario measured")
    if len(results) > 1:
        extra = results[1]["scenarios"][0]
        one = next(s for s in scenarios if s["existing"] == 1)
        added = results[1]["recorded"] - base["recorded"]
        if added != results[1]["extra_migrations"]:
            print(
                f"WARNING: {added} more migrations recorded, expected {results[1]['extra_migrations']}: the project's "
                "own migrations changed between the two processes (code edited during the run?). Run again."
            )
        for path in ("clone", "migrate"):
            ratio = statistics.median(extra[path]) / statistics.median(one[path])
            print(f"{path} with {added} more migrations vs without (1 existing wijk): {ratio:.2f}x")
        fake = statistics.median(extra["parts"]["fake_migrate"]) - statistics.median(one["parts"]["fake_migrate"])
        print(
            f"migrate_schemas --fake per extra migration: {fake / added * 1000:.2f} ms "
            "(from a difference of medians: with few extra migrations it is mostly noise, even negative)"
        )
    else:
        print("number of migrations: not measured (--extra-migrations 0)")


# --- small things ---------------------------------------------------------------------------------------------------


def timed(fn: Callable[..., object], *args, **kwargs) -> float:
    started = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - started


def step(message: str) -> None:
    print(message, flush=True)


if __name__ == "__main__":
    sys.exit(main())
