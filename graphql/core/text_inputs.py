"""The one check every string a GraphQL client sends passes before anything acts on it. A string with a lone
surrogate, a NUL or another control character (tab and newline aside), a bidi override, or longer than any field
takes, never reaches a resolver or PostgreSQL:

- in a mutation, BaseMutation checks the coerced arguments (into input objects and lists) before `perform`, and the
  answer is the mutation's own `errors` item for that field, as the page would show it (clean_text's codes
  INVALID_CHARACTERS and TOO_LONG, message in Dutch);
- in a query, which has no `errors` list, a validation rule refuses the document's literals and the variables with
  a top-level INVALID_ARGUMENT naming the argument (`$input.title`, `q`).

Per-field rules (required, shorter limits) stay in the actions."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from graphql import ArgumentNode, GraphQLError, ObjectFieldNode, OperationType, StringValueNode, ValidationRule
from wijkmarkt.graphql.core.errors import ErrorCode
from wijkmarkt.platform.plaintext import clean_text, has_refused_characters

# Four times the longest text field (house rules, 5000): longer is never typed, only sent to hurt.
MAX_TEXT_LENGTH = 20_000


def text_problem(value: str) -> str | None:
    """Why no field takes this string, in Dutch; None when it may go on to the resolver."""
    if len(value) > MAX_TEXT_LENGTH:
        return _("Deze tekst is te lang: maximaal %(max)s tekens.") % {"max": MAX_TEXT_LENGTH}
    if has_refused_characters(value):
        return _("Hier staan onzichtbare of ongeldige tekens in.")
    return None


def mutation_input_error(arguments: dict) -> ValidationError | None:
    """The first refused string among a mutation's coerced arguments, as a ValidationError for its field."""
    stack = list(arguments.items())
    while stack:
        name, value = stack.pop()
        if isinstance(value, str) and text_problem(value):
            try:
                clean_text(value, field=name, max_length=MAX_TEXT_LENGTH, required=False, multiline=True)
            except ValidationError as error:
                return error
            return ValidationError({name: ValidationError(text_problem(value), code="too_long")})  # only spaces
        if isinstance(value, dict):  # graphene's input objects are dicts
            stack.extend(value.items())
        elif isinstance(value, list):
            stack.extend((name, item) for item in value)
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
