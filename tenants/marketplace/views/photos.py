"""Listing photos: added and removed by whoever may manage the listing; served only through the wijk's own site
to those who may see the listing (files are never exposed as public media URLs)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wijkmarkt.tenants.marketplace.access import listing_for
from wijkmarkt.tenants.marketplace.actions.photos import add_photo, remove_photo
from wijkmarkt.tenants.marketplace.models import ListingPhoto
from wijkmarkt.tenants.marketplace.views import marketplace_page
from wijkmarkt.tenants.membership.pages import refused, writes_paused


def _photo_for(request, photo_id: int) -> ListingPhoto:
    photo = ListingPhoto.objects.select_related("listing").filter(pk=photo_id).first()
    if photo is None:
        raise Http404
    listing_for(request.actor, photo.listing_id)  # NotFound (404) unless the viewer may see the listing
    return photo


@marketplace_page
@require_GET
def photo(request, photo_id: int):
    found = _photo_for(request, photo_id)
    try:
        response = FileResponse(found.image.open("rb"), content_type="image/jpeg")
    except FileNotFoundError:
        raise Http404 from None
    response["Cache-Control"] = "private, max-age=3600"
    return response


@marketplace_page
@require_POST
def photo_add(request, listing_id: int):
    listing = listing_for(request.actor, listing_id)
    if writes_paused(request):
        return refused(request)
    upload = request.FILES.get("photo")
    if upload is None:
        messages.error(request, _("Kies eerst een foto op uw apparaat."))
    else:
        try:
            add_photo(
                actor=request.actor, listing=listing, upload=upload, description=request.POST.get("description", "")
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("De foto is toegevoegd."))
    return redirect("marketplace:listing", listing.pk)


@marketplace_page
@require_POST
def photo_remove(request, photo_id: int):
    found = _photo_for(request, photo_id)
    remove_photo(actor=request.actor, photo=found)
    messages.success(request, _("De foto is weggehaald."))
    return redirect("marketplace:listing", found.listing_id)
