"""Zoeken in heel Haarlem: the same page on the portal and on every wijk site, for anyone with an account. A result
links to the item on its own wijk site, where that wijk's rules decide what a visitor may do."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wijkmarkt.platform.search.forms import SearchForm
from wijkmarkt.platform.search.selectors import search


@require_GET
@login_required
def search_page(request):
    form = SearchForm(request.GET if "q" in request.GET else None)
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        results = search(data["q"], wijk=data["wijk"], category=data["categorie"], page=data["pagina"] or 1)
    return render(request, "search/search.html", {"form": form, "results": results})
