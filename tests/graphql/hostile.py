"""The cases of the hostile-argument sweep, generated from the committed SDL (graphql/schema.graphql): for every
query and mutation field and every argument (into input objects and lists), one case per hostile value, with valid
values for the field's other required arguments so the hostile one is what the server has to deal with.

Cases travel in batches: one document with an alias per case (`c0: publishListing(input: $c0_input) ...`). The
server resolves root fields one after the other, a mutation in its own transaction (BaseMutation), so each case's
outcome is still its own: its errors carry the alias as `path[0]`, its payload is `data.<alias>`, and RowWatch
tells which rows were left written while that alias ran. A case the server refuses for the whole request before
anything runs goes alone, as does a field whose null would wipe out the other aliases' data."""

import json
import re
from base64 import b64encode
from dataclasses import dataclass, replace
from functools import cache

from django.conf import settings
from django.db import connection

from graphql import (
    GraphQLEnumType,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLScalarType,
    build_schema,
    coerce_input_value,
    get_named_type,
    is_composite_type,
    is_list_type,
    is_non_null_type,
)
from wijkmarkt.graphql.schema import schema

SURROGATE, NUL, RTL = "a\ud800b", "a\x00b", "a\u202eb"
MEGABYTE = "x" * (1 << 20)
# Refused whatever the argument (graphql/core/text_inputs.py); an RTL override only where it would be stored.
HOSTILE_TEXT = {"lone surrogate": SURROGATE, "NUL": NUL, "1 MB": MEGABYTE, "RTL override": RTL}
TEXT_SCALARS = {"String", "ID", "Date", "DateTime", "Decimal"}


def _b64(text: str) -> str:
    return b64encode(text.encode()).decode()


# IDs that must give a typed error or null: not base64, a key that is no number for any column, another wijk.
MALFORMED_IDS = {
    "garbage ID": "!!niet-base64!!",
    "ID with a huge key": _b64("Listing:parkwijk:" + "9" * 30),
    "ID of another wijk": _b64("Membership:centrum:1"),
}
# Beyond 32 bits (graphql-core refuses any such Int the same way), and negative.
HOSTILE_INTS = {"2**31": 2**31, "-1": -1, "-2**31": -(2**31)}
HOSTILE_FLOATS = {"1e308": 1e308, "-1": -1.0}


# How a case shares a request. RUNS: with the cases before and after it, each an alias that runs in turn.
# REFUSED_BY_TYPES: its variables are refused by their GraphQL type before anything runs (an Int beyond 32 bits,
# an unknown enum value, a Date that is none); graphql-core names each refused variable in its own error, so such
# cases share a request with each other. ALONE: a query's string the text rule refuses (its error names only the
# first such argument of the request), or a field that cannot be null (its error would null every alias's data).
RUNS, REFUSED_BY_TYPES, ALONE = "runs", "refused by types", "alone"


@dataclass(frozen=True)
class Case:
    operation: str  # "query" or "mutation"
    field: str
    path: str  # argument, with input fields and list items: `input.title`, `ids[0]`
    label: str  # which hostile value
    variables: dict  # the field's arguments
    text: bool  # a hostile string that must be refused (a query may read with an RTL override: it writes nothing)
    sharing: str = RUNS  # how it shares a request with other cases (batches())

    def __str__(self):
        return f"{self.operation} {self.field}({self.path}: {self.label})"


@cache
def sdl_schema():
    return build_schema((settings.REPO_ROOT / "graphql" / "schema.graphql").read_text())


def valid_value(type_, ids: dict[str, str], name: str = ""):
    """A value the type accepts: a real object's ID where the name says which, the first enum value, the
    required fields of an input object."""
    if is_non_null_type(type_):
        return valid_value(type_.of_type, ids, name)
    if is_list_type(type_):
        return [valid_value(type_.of_type, ids, name)]
    if isinstance(type_, GraphQLInputObjectType):
        return {
            key: valid_value(field.type, ids, key)
            for key, field in type_.fields.items()
            if is_non_null_type(field.type)
        }
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    return {
        "ID": lambda: _id_for(name, ids),
        "String": lambda: "Hallo buren",
        "Int": lambda: 1,
        "Float": lambda: 1.0,
        "Boolean": lambda: False,
        "Date": lambda: "2027-03-14",
        "DateTime": lambda: "2027-03-14T10:00:00+01:00",
        "Decimal": lambda: "1",
    }.get(type_.name, lambda: "Hallo buren")()


def _id_for(name: str, ids: dict[str, str]) -> str:
    lowered = name.lower()
    for hint, value in ids.items():
        if hint in lowered:
            return value
    return ids["default"]


def hostile_values(type_) -> dict:
    """The hostile values for a leaf argument of this type, by label."""
    named = get_named_type(type_)
    values: dict = {}
    if not is_non_null_type(type_):
        values["null"] = None
    if isinstance(named, GraphQLScalarType) and named.name in TEXT_SCALARS:
        values.update(HOSTILE_TEXT)
        if named.name == "ID":
            values.update(MALFORMED_IDS)
    elif isinstance(named, GraphQLScalarType) and named.name == "Int":
        values.update(HOSTILE_INTS)
    elif isinstance(named, GraphQLScalarType) and named.name == "Float":
        values.update(HOSTILE_FLOATS)
    elif isinstance(named, GraphQLEnumType):
        values["unknown enum value"] = "GEEN_WAARDE"
    return values


def _places(type_, path: str, ids):
    """(path, type, build) for every place a hostile value can go under this argument type; build(value) is the
    argument's whole value with `value` at that place and valid values elsewhere."""
    yield path, type_, lambda value: value
    inner = type_.of_type if is_non_null_type(type_) else type_
    if is_list_type(inner):
        for sub_path, sub_type, build in _places(inner.of_type, f"{path}[0]", ids):
            yield sub_path, sub_type, (lambda b: lambda value: [b(value)])(build)
    elif isinstance(inner, GraphQLInputObjectType):
        base = valid_value(inner, ids)
        for key, field in inner.fields.items():
            for sub_path, sub_type, build in _places(field.type, f"{path}.{key}", ids):
                yield sub_path, sub_type, (lambda k, b: lambda value: {**base, k: b(value)})(key, build)


def _selection(type_) -> str:
    named = get_named_type(type_)
    if not is_composite_type(named):
        return ""
    fields = getattr(named, "fields", {})
    errors = fields.get("errors")
    if errors is not None and "code" in getattr(get_named_type(errors.type), "fields", {}):
        return " { errors { code } }"
    return " { __typename }"


def cases(ids: dict[str, str]) -> list[Case]:
    schema = sdl_schema()
    found = []
    for operation, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        for field_name, field in root.fields.items():
            required = {name: arg for name, arg in field.args.items() if is_non_null_type(arg.type)}
            for arg_name, arg in field.args.items():
                for path, type_, build in _places(arg.type, arg_name, ids):
                    for label, value in hostile_values(type_).items():
                        if operation == "mutation" and label == "RTL override":
                            continue  # a mutation's action gets the same stand-in as for a NUL (test_bad_input.py)
                        args = {name: valid_value(a.type, ids, name) for name, a in required.items()}
                        args[arg_name] = build(value)
                        text = label in HOSTILE_TEXT and label != "RTL override"
                        case = Case(operation, field_name, path, label, args, text)
                        if is_non_null_type(field.type) or (operation == "query" and text):
                            case = replace(case, sharing=ALONE)
                        elif _refused_by_types(case):
                            case = replace(case, sharing=REFUSED_BY_TYPES)
                        found.append(case)
    return found


def _refused_by_types(case: Case) -> bool:
    """Asked of the served schema, which knows how its own scalars read a value (the SDL only names them)."""
    field = getattr(schema.graphql_schema, f"{case.operation}_type").fields[case.field]
    try:
        for name, value in case.variables.items():
            coerce_input_value(value, field.args[name].type)
    except GraphQLError:
        return True
    return False


def document(batch: list[Case]) -> tuple[str, dict]:
    """One request for these cases of one operation type: the query text and its variables; case i is alias `ci`
    and its arguments are the variables `$ci_<argument>`."""
    root = getattr(sdl_schema(), f"{batch[0].operation}_type")
    definitions, calls, variables = [], [], {}
    for index, case in enumerate(batch):
        field = root.fields[case.field]
        for name, value in case.variables.items():
            definitions.append(f"$c{index}_{name}: {_type_ref(field.args[name].type)}")
            variables[f"c{index}_{name}"] = value
        arguments = ", ".join(f"{name}: $c{index}_{name}" for name in case.variables)
        calls.append(f"c{index}: {case.field}{f'({arguments})' if arguments else ''}{_selection(field.type)}")
    head = f"{batch[0].operation}({', '.join(definitions)})" if definitions else batch[0].operation
    return f"{head} {{ {' '.join(calls)} }}", variables


def request_body(batch: list[Case]) -> str:
    """The JSON of the request for these cases. json.dumps takes longer over a megabyte than the server does, so
    the sweep encodes the megabyte once and puts it in where a placeholder stands."""
    query, variables = document(batch)
    encoded = json.dumps({"query": query, "variables": _with_placeholder(variables)})
    return encoded.replace(_PLACEHOLDER_JSON, _MEGABYTE_JSON)


_PLACEHOLDER_JSON, _MEGABYTE_JSON = json.dumps("\x01megabyte\x01"), json.dumps(MEGABYTE)


def _with_placeholder(value):
    if value is MEGABYTE:
        return json.loads(_PLACEHOLDER_JSON)
    if isinstance(value, dict):
        return {key: _with_placeholder(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_placeholder(item) for item in value]
    return value


# A batch stays well under the request body the server reads (settings.DATA_UPLOAD_MAX_MEMORY_SIZE, 6 MB).
BATCH_CASES, BATCH_CHARACTERS = 25, 5 << 20


def batches(all_cases: list[Case]) -> list[list[Case]]:
    """The cases in requests: those that run in their order; those refused by their types together (they run
    nothing, so where they go changes no other case's outcome); the rest alone."""
    refused = [case for case in all_cases if case.sharing == REFUSED_BY_TYPES]
    return [
        *_chunks([case for case in all_cases if case.sharing == RUNS]),
        *_chunks(sorted(refused, key=lambda case: case.operation)),
        *([case] for case in all_cases if case.sharing == ALONE),
    ]


def _chunks(cases_in_order: list[Case]) -> list[list[Case]]:
    """Consecutive cases in batches of one operation type, within BATCH_CASES and BATCH_CHARACTERS."""
    found, batch, size = [], [], 0
    for case in cases_in_order:
        case_size = _characters(case.variables)
        if batch and (
            len(batch) == BATCH_CASES or size + case_size > BATCH_CHARACTERS or batch[0].operation != case.operation
        ):
            found.append(batch)
            batch, size = [], 0
        batch.append(case)
        size += case_size
    return [*found, batch] if batch else found


def _characters(value) -> int:
    if isinstance(value, str):
        return len(value) + 8
    if isinstance(value, dict):
        return sum(_characters(key) + _characters(item) for key, item in value.items())
    if isinstance(value, list):
        return sum(_characters(item) for item in value)
    return 8


def _type_ref(type_) -> str:
    if is_non_null_type(type_):
        return _type_ref(type_.of_type) + "!"
    if is_list_type(type_):
        return f"[{_type_ref(type_.of_type)}]"
    return type_.name


# --- rows written -------------------------------------------------------------------------------------------------

_WRITE = re.compile(r"\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY)\b", re.IGNORECASE)


class RowWatch:
    """Whether a request left a row written (inserted, updated or deleted) anywhere in the database, within the
    test's transaction. Requests that send no writing statement cost nothing; after one that does, the tables
    PostgreSQL's per-transaction statistics show as touched (they also count what a savepoint rolled back) are
    counted, and rows whose xmin is newer than the last check are new or changed ones."""

    def __init__(self):
        self.wrote = False
        self.counts = {table: self._count(table)[0] for table in self._activity()}
        self.activity = self._activity()
        self.since = self._next_xid()
        self.running, self.by_field = None, {}

    def resolve(self, next_, root, info, **args):
        """As graphene middleware: a root field (a case's alias) starts, so what was written since the previous
        one started is the previous one's."""
        if info.path.prev is None:
            if self.running is not None:
                self.by_field[self.running] = self.written()
            self.running = info.path.key
        return next_(root, info, **args)

    def written_by_field(self) -> dict[str | None, list[str]]:
        """After a request: the tables with rows left changed while each root field ran, by its response key
        (what ran before the first root field counts as the first's, what ran after the last as the last's; None
        when no field ran)."""
        self.by_field[self.running] = self.written()
        by_field, self.running, self.by_field = self.by_field, None, {}
        return by_field

    def __call__(self, execute, sql, params, many, context):
        if _WRITE.search(sql):
            self.wrote = True
        return execute(sql, params, many, context)

    def written(self) -> list[str]:
        """The tables with rows left changed by the last request."""
        if not self.wrote:
            return []
        activity = self._activity()
        changed = []
        for table in [table for table, n in activity.items() if n != self.activity.get(table, 0)]:
            count, new = self._count(table, self.since)
            if new or count != self.counts.get(table, 0):
                changed.append(table)
            self.counts[table] = count
        self.activity, self.since, self.wrote = activity, self._next_xid(), False
        return changed

    @staticmethod
    def _activity() -> dict[str, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT quote_ident(schemaname) || '.' || quote_ident(relname), n_tup_ins + n_tup_upd + n_tup_del"
                " FROM pg_stat_xact_user_tables"
            )
            return dict(cursor.fetchall())

    @staticmethod
    def _count(table: str, since_xid: int = 0) -> tuple[int, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*), count(*) FILTER (WHERE xmin::text::bigint >= %s) FROM {table}",  # noqa: S608
                [since_xid],
            )
            return cursor.fetchone()

    @staticmethod
    def _next_xid() -> int:
        """The transaction id the next write gets, at least (xid8 to the 32-bit xid a row's xmin holds)."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint % 4294967296")
            return cursor.fetchone()[0]
