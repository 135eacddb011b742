"""The one check every string a GraphQL client sends passes before any resolver runs: in the document's literals
(a validation rule) and in the variables (walked as sent, into input objects and lists). A string with a lone
surrogate, a NUL or another control character, a bidi override, or longer than any field takes, is refused with
INVALID_ARGUMENT naming the argument. Per-field rules (required, length, characters) stay in the actions, which
answer with a field error; this only keeps what no field accepts from reaching them (and PostgreSQL)."""

from django.utils.translation import gettext as _

from graphql import ArgumentNode, GraphQLError, ObjectFieldNode, StringValueNode, ValidationRule
from wijkmarkt.graphql.core.errors import ErrorCode
from wijkmarkt.platform.plaintext import has_refused_characters

# Four times the longest text field (house rules, 5000): longer is never typed, only sent to hurt.
MAX_TEXT_LENGTH = 20_000


def text_problem(value: str) -> str | None:
    """Why no field takes this string, in Dutch; None when it may go on to the resolver."""
    if len(value) > MAX_TEXT_LENGTH:
        return _("Deze tekst is te lang: maximaal %(max)s tekens.") % {"max": MAX_TEXT_LENGTH}
    if has_refused_characters(value):
        return _("Hier staan onzichtbare of ongeldige tekens in.")
    return None


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


class TextLiteralRule(ValidationRule):
    """String literals in the document, e.g. `listings(q: "\\u0000")`: the lexer lets escapes through."""

    def enter_string_value(self, node: StringValueNode, _key, parent, _path, ancestors):
        if problem := text_problem(node.value):
            names = [a.name.value for a in (*ancestors, parent) if isinstance(a, ArgumentNode | ObjectFieldNode)]
            self.report_error(invalid_argument(_printable(".".join(names) or "?"), problem, [node]))


def _printable(name: str) -> str:
    """A name safe to echo in an error: what the client sent may itself hold the refused characters."""
    return "".join("?" if has_refused_characters(char) else char for char in name[:100])
