"""Who may use the coordinators' console: active accounts with the citywide coordinator role, on the portal only.
Pages and GraphQL both ask here; the URLs exist only in the portal's URL configuration, so on a wijk domain the
console is a plain 404."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render


def is_coordinator(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_coordinator)


def require_coordinator(user) -> None:
    if not is_coordinator(user):
        raise PermissionDenied("coordinator")


def coordinator_page(view):
    """A console page: anonymous visitors go to the login page, other accounts get a plain 403 page."""

    @wraps(view)
    def page(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_coordinator(request.user):
            return render(request, "console/not_allowed.html", status=403)
        return view(request, *args, **kwargs)

    return page
