"""A wijk admin manages the wijk's categories: add, rename, order, retire. Only in their own wijk's schema."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Actor, Perm, require_permission
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.tenants.marketplace.errors import MarketplaceErrorCode as Code
from wijkmarkt.tenants.marketplace.errors import fail
from wijkmarkt.tenants.marketplace.models import Category


def _name(name: str, exclude_pk=None) -> str:
    name = clean_text(name, field="name", max_length=60)
    if Category.objects.filter(name__iexact=name).exclude(pk=exclude_pk).exists():
        raise fail("name", _("Er is al een soort hulp met deze naam."), Code.DUPLICATE)
    return name


def add_category(*, actor: Actor, name: str) -> Category:
    require_permission(actor, Perm.MANAGE_CATEGORIES)
    name = _name(name)
    slug, n = slugify(name)[:50] or "soort", 1
    while Category.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{slugify(name)[:50]}-{n}"
    last = Category.objects.order_by("-position").values_list("position", flat=True).first() or 0
    with transaction.atomic():
        return Category.objects.create(name=name, slug=slug, position=last + 1)


def rename_category(*, actor: Actor, category: Category, name: str) -> Category:
    require_permission(actor, Perm.MANAGE_CATEGORIES)
    category.name = _name(name, exclude_pk=category.pk)
    with transaction.atomic():
        category.save(update_fields=["name"])
    return category


def move_category(*, actor: Actor, category: Category, up: bool) -> None:
    """Swap with the neighbour above or below; positions are renumbered 1..n so they stay unique."""
    require_permission(actor, Perm.MANAGE_CATEGORIES)
    with transaction.atomic():
        ordered = list(Category.objects.select_for_update().order_by("position", "name"))
        index = next(i for i, c in enumerate(ordered) if c.pk == category.pk)
        other = index - 1 if up else index + 1
        if 0 <= other < len(ordered):
            ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, item in enumerate(ordered, start=1):
            if item.position != position:
                Category.objects.filter(pk=item.pk).update(position=position)


def retire_category(*, actor: Actor, category: Category) -> Category:
    """Retired categories take no new listings; existing listings keep them."""
    require_permission(actor, Perm.MANAGE_CATEGORIES)
    with transaction.atomic():
        category.retired_at = category.retired_at or timezone.now()
        category.save(update_fields=["retired_at"])
    return category


def restore_category(*, actor: Actor, category: Category) -> Category:
    require_permission(actor, Perm.MANAGE_CATEGORIES)
    with transaction.atomic():
        category.retired_at = None
        category.save(update_fields=["retired_at"])
    return category
