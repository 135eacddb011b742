import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.builders.marketplace import actor_of, post
from wijkmarkt.tenants.marketplace.actions.photos import MAX_PHOTOS, add_photo
from wijkmarkt.tenants.marketplace.models import ListingPhoto


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def jpeg_with_gps(size=(2400, 1200)) -> SimpleUploadedFile:
    image = Image.new("RGB", size, "green")
    exif = Image.Exif()
    exif[0x8825] = {2: (52.0, 22.0, 48.0)}  # GPS latitude
    exif[0x010F] = "Camera BV"
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile("heg.jpg", out.getvalue(), content_type="image/jpeg")


def test_photo_is_shrunk_re_encoded_and_loses_its_metadata(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])

    photo = add_photo(actor=actor_of(people["anna"]), listing=listing, upload=jpeg_with_gps(), description="De heg")

    with Image.open(photo.image.path) as stored:
        assert stored.format == "JPEG"
        assert max(stored.size) == 1600
        assert not stored.getexif()
    assert photo.image.name.startswith("parkwijk/listings/")


def test_a_fake_image_and_a_huge_file_are_refused_and_nothing_is_stored(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    fake = SimpleUploadedFile("foto.jpg", b"<?php echo 'hi'; ?>", content_type="image/jpeg")
    huge = SimpleUploadedFile("groot.jpg", b"\xff" * (5 * 1024 * 1024 + 1), content_type="image/jpeg")

    with pytest.raises(ValidationError) as not_an_image:
        add_photo(actor=actor_of(people["anna"]), listing=listing, upload=fake)
    with pytest.raises(ValidationError) as too_big:
        add_photo(actor=actor_of(people["anna"]), listing=listing, upload=huge)

    assert not_an_image.value.error_dict["photo"][0].code == "invalid_photo"
    assert too_big.value.error_dict["photo"][0].code == "photo_too_large"
    assert ListingPhoto.objects.count() == 0


def test_at_most_four_photos(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    for _ in range(MAX_PHOTOS):
        add_photo(actor=actor_of(people["anna"]), listing=listing, upload=jpeg_with_gps((40, 40)))

    with pytest.raises(ValidationError) as refused:
        add_photo(actor=actor_of(people["anna"]), listing=listing, upload=jpeg_with_gps((40, 40)))

    assert refused.value.error_dict["photo"][0].code == "too_many_photos"
