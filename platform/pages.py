"""What every page shares, citywide or in a wijk: a long list shown a page at a time (`?pagina=`)."""

from django.core.paginator import Paginator

PER_PAGE = 20


def paginate(request, items, per_page: int = PER_PAGE):
    return Paginator(items, per_page).get_page(request.GET.get("pagina"))
