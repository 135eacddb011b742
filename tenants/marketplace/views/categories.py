"""The wijk admin's list of categories (soorten hulp): add, rename, move up or down, retire and restore."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkmarkt.platform.accounts.permissions import Perm
from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.tenants.marketplace.actions.categories import (
    add_category,
    move_category,
    rename_category,
    restore_category,
    retire_category,
)
from wijkmarkt.tenants.marketplace.forms import CategoryForm
from wijkmarkt.tenants.marketplace.models import Category
from wijkmarkt.tenants.marketplace.views import marketplace_page
from wijkmarkt.tenants.membership.pages import requires


def _page(request, new_form=None, bound=None):
    categories = list(Category.objects.order_by("position", "name"))
    rows = [
        (
            category,
            bound[1]
            if bound and bound[0] == category.pk
            else CategoryForm(initial={"name": category.name}, auto_id=f"soort_{category.pk}_%s"),
        )
        for category in categories
    ]
    return render(request, "marketplace/categories.html", {"rows": rows, "new_form": new_form or CategoryForm()})


@marketplace_page
@requires(Perm.MANAGE_CATEGORIES)
def category_list(request):
    return _page(request)


@marketplace_page
@requires(Perm.MANAGE_CATEGORIES)
@require_POST
def category_add(request):
    form = CategoryForm(request.POST)
    if form.is_valid():
        try:
            category = add_category(actor=request.actor, name=form.cleaned_data["name"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("'%(name)s' is toegevoegd.") % {"name": category.name})
            return redirect("marketplace:categories")
    return _page(request, new_form=form)


@marketplace_page
@requires(Perm.MANAGE_CATEGORIES)
@require_POST
def category_change(request, category_id: int, verb: str):
    category = get_object_or_404(Category, pk=category_id)
    if verb == "hernoemen":
        form = CategoryForm(request.POST, auto_id=f"soort_{category.pk}_%s")
        if form.is_valid():
            try:
                rename_category(actor=request.actor, category=category, name=form.cleaned_data["name"])
            except ValidationError as error:
                add_action_errors(form, error)
                return _page(request, bound=(category.pk, form))
        else:
            return _page(request, bound=(category.pk, form))
        messages.success(request, _("De naam is veranderd."))
    elif verb in ("omhoog", "omlaag"):
        move_category(actor=request.actor, category=category, up=verb == "omhoog")
    elif verb == "stoppen":
        retire_category(actor=request.actor, category=category)
        messages.success(
            request, _("'%(name)s' wordt niet meer gebruikt voor nieuwe vragen en aanbod.") % {"name": category.name}
        )
    elif verb == "terugzetten":
        restore_category(actor=request.actor, category=category)
        messages.success(request, _("'%(name)s' is weer te kiezen.") % {"name": category.name})
    else:
        raise Http404
    return redirect("marketplace:categories")
