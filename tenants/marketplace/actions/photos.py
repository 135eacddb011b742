"""Listing photos: decoded to prove they are images, shrunk, and re-encoded so no metadata (GPS, camera, owner)
survives. Files are stored under the wijk's schema name and served only through the wijk's own site."""

import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from wijkmarkt.platform.accounts.permissions import Actor, Perm
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.tenants.marketplace.errors import MarketplaceErrorCode as Code
from wijkmarkt.tenants.marketplace.errors import fail
from wijkmarkt.tenants.marketplace.models import Listing, ListingPhoto
from wijkmarkt.tenants.membership.access import acting_as
from wijkmarkt.tenants.membership.actions.acting_for import record_acting_for
from wijkmarkt.tenants.membership.models import ActingWhat

MAX_PHOTOS = 4
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding
LONGEST_SIDE = 1600
FORMATS = {"JPEG", "PNG", "WEBP"}


def _clean_image(upload) -> bytes:
    if upload.size > MAX_BYTES:
        raise fail("photo", _("Deze foto is te groot: maximaal 5 MB."), Code.PHOTO_TOO_LARGE)
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.format not in FORMATS or probe.width * probe.height > MAX_PIXELS:
                raise ValueError(probe.format)
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image).convert("RGB")
            image.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=85, optimize=True)  # no exif= argument: metadata is dropped
    except (UnidentifiedImageError, ValueError, OSError, Image.DecompressionBombError):
        raise fail(
            "photo",
            _("Dit is geen foto die we kunnen gebruiken. Kies een JPG-, PNG- of WebP-foto."),
            Code.INVALID_PHOTO,
        ) from None
    return out.getvalue()


def add_photo(*, actor: Actor, listing: Listing, upload, description: str = "") -> ListingPhoto:
    placed_as = acting_as(actor, listing.owner, Perm.PUBLISH_LISTING)
    description = clean_text(description, field="description", max_length=200, required=False)
    if listing.photos.count() >= MAX_PHOTOS:
        raise fail("photo", _("Er kunnen maximaal %(n)s foto's bij.") % {"n": MAX_PHOTOS}, Code.TOO_MANY_PHOTOS)
    content = _clean_image(upload)
    with transaction.atomic():
        photo = ListingPhoto(listing=listing, description=description)
        photo.image.save("photo.jpg", ContentFile(content), save=False)
        photo.save()
        record_acting_for(actor, member=listing.owner, placed_as=placed_as, what=ActingWhat.PHOTO, obj=listing)
    return photo


def remove_photo(*, actor: Actor, photo: ListingPhoto) -> None:
    placed_as = acting_as(actor, photo.listing.owner, Perm.PUBLISH_LISTING)
    with transaction.atomic():
        photo.delete()
        record_acting_for(
            actor, member=photo.listing.owner, placed_as=placed_as, what=ActingWhat.PHOTO, obj=photo.listing
        )
    transaction.on_commit(lambda: photo.image.delete(save=False))
