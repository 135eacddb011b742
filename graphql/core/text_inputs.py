"""The one check every string a GraphQL client sends passes before anything acts on it.

- Mutations (BaseMutation): a string with a character no field takes (platform/plaintext.py: control characters but
  tab and newline, bidi overrides, lone surrogates) or longer than any field never reaches the action as sent. The
  action runs with a harmless stand-in that its own rules refuse the same way (so the answer is the full set of
  field errors the page would show); where a field has no such rule, everything is rolled back and the answer is
  that field's INVALID_CHARACTERS or TOO_LONG.
- Queries, which write nothing and have no `errors` list: what PostgreSQL cannot take (NUL, a lone surrogate) or a
  string longer than any field is refused by a validation rule, in the variables and the document's literals, with
  a top-level INVALID_ARGUMENT naming the argument (`$q`, `input.title`)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from graphql import ArgumentNode, GraphQLError, ObjectFieldNode, OperationType, StringValueNode, ValidationRule
from wijkmarkt.graphql.core.errors import ErrorCode
from wijkmarkt.platform.plaintext import has_refused_characters

# Four times the longest text field (house rules, 5000): longer is never typed, only sent to hurt.
MAX_TEXT_LENGTH = 20_000


# Arguments that carry a file, not text (a listing photo, base64): the action decodes them and checks the size
# against its own limit (tenants/marketplace/actions/photos.py: 5 MB), so the text cap does not apply.
FILE_ARGUMENTS = frozenset({"image_base64"})


# What PostgreSQL cannot store or compare: a NUL, and a lone surrogate (JSON's "\ud800" decodes to one).
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


def text_problem(value: str) -> str | None:
    """Why a query may not use this string, in Dutch; None when it may go on to the resolver."""
    if len(value) > MAX_TEXT_LENGTH:
        return _("Deze tekst is te lang: maximaal %(max)s tekens.") % {"max": MAX_TEXT_LENGTH}
    if _UNSTORABLE.search(value):
        return _("Hier staan onzichtbare of ongeldige tekens in.")
    return None


def refused_text(arguments: dict) -> tuple[dict, ValidationError | None]:
    """A mutation's coerced arguments with every string no field takes replaced by a stand-in, and the field
    errors for them (None when there were none)."""
    errors: dict[str, ValidationError] = {}

    def clean(name, value):
        if isinstance(value, str):
            if has_refused_characters(value):
                errors.setdefault(name, _field_error(refused_characters=True))
                return STAND_IN
            if len(value) > MAX_TEXT_LENGTH and name not in FILE_ARGUMENTS:  # the action need not read a megabyte
                errors.setdefault(name, _field_error(refused_characters=False, length=len(value)))
                return value[: MAX_TEXT_LENGTH + 1]
            return value
        if isinstance(value, dict):  # graphene's input objects are dicts
            return type(value)({key: clean(key, item) for key, item in value.items()})
        if isinstance(value, list):
            return [clean(name, item) for item in value]
        return value

    cleaned = {name: clean(name, value) for name, value in arguments.items()}
    return cleaned, ValidationError(errors) if errors else None


# A control character: every text rule refuses it (clean_text: INVALID_CHARACTERS; a choice: not in the list), and
# PostgreSQL stores and compares it without fault.
STAND_IN = "\x01"


def _field_error(*, refused_characters: bool, length: int = 0) -> ValidationError:
    # Told what clean() found: scanning a megabyte again for the message would double the cost of a hostile value.
    if refused_characters:
        return ValidationError(
            _("Hier staan onzichtbare of ongeldige tekens in. Typ de tekst opnieuw."), code="invalid_characters"
        )
    return ValidationError(
        _("Dit is te lang: maximaal %(max)s tekens, u typte er %(length)s."),
        code="too_long",
        params={"max": MAX_TEXT_LENGTH, "length": length},
    )


def invalid_argument(name: str, problem: str, nodes=None) -> GraphQLError:
    return GraphQLError(
        _("Argument `%(name)s`: %(problem)s") % {"name": name, "problem": problem},
        nodes,
        extensions={"code": str(ErrorCode.INVALID_ARGUMENT), "argument": name},
    )


def variables_error(variables) -> GraphQLError | None:
    """The first refused string among the variables (names like `$input.title` or `$ids[2]`), else None."""
    if not isinstance(variables, dict):
        return None
    stack = [(f"${name}", value) for name, value in variables.items()]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if problem := text_problem(value):
                return invalid_argument(_printable(path), problem)
        elif isinstance(value, dict):
            for key, item in value.items():
                if problem := text_problem(str(key)):
                    return invalid_argument(_printable(path), problem)
                stack.append((f"{path}.{key}", item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{index}]", item) for index, item in enumerate(value))
    return None


def query_text_rule(variables, operation_name: str | None) -> type[ValidationRule]:
    """The validation rule for this request's strings: a query's variables and every literal outside mutations."""

    class QueryTextRule(ValidationRule):
        def enter_operation_definition(self, node, *_args):
            if node.operation == OperationType.MUTATION:
                return self.SKIP  # BaseMutation checks the coerced arguments and answers a field error
            name = node.name.value if node.name else None
            if operation_name in (None, name) and (error := variables_error(variables)):
                self.report_error(error)
            return None

        def enter_string_value(self, node: StringValueNode, _key, parent, _path, ancestors):
            if problem := text_problem(node.value):
                names = [a.name.value for a in (*ancestors, parent) if isinstance(a, ArgumentNode | ObjectFieldNode)]
                self.report_error(invalid_argument(_printable(".".join(names) or "?"), problem, [node]))

    return QueryTextRule


def _printable(name: str) -> str:
    """A name safe to echo in an error: what the client sent may itself hold the refused characters."""
    return "".join("?" if has_refused_characters(char) else char for char in name[:100])
