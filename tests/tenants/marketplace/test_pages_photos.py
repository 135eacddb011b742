"""Photos on a listing page: added by the owner, shown to members, never reachable from another wijk."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import tenant_context
from PIL import Image

from tests.builders.clients import client_for
from tests.builders.marketplace import post
from tests.builders.members import make_member
from wijkmarkt.tenants.marketplace.models import ListingPhoto


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def jpeg() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (300, 200), "green").save(out, format="JPEG")
    return SimpleUploadedFile("heg.jpg", out.getvalue(), content_type="image/jpeg")


def test_owner_adds_a_photo_that_neighbours_see_and_another_wijk_cannot_fetch(in_parkwijk, people, centrum):
    listing = post(in_parkwijk, people["anna"], title="Heg snoeien")
    owner = client_for("parkwijk", people["anna"].user)

    owner.post(f"/vraag-en-aanbod/{listing.pk}/foto/", {"photo": jpeg(), "description": "De heg voor het huis"})
    photo = ListingPhoto.objects.get(listing=listing)
    page = client_for("parkwijk", people["bram"].user).get(f"/vraag-en-aanbod/{listing.pk}/").content.decode()
    image = client_for("parkwijk", people["bram"].user).get(f"/foto/{photo.pk}/")
    with tenant_context(centrum):
        carla = make_member(centrum, "Carla")
    elsewhere = client_for("centrum", carla.user).get(f"/foto/{photo.pk}/")

    assert f'src="/foto/{photo.pk}/"' in page
    assert 'alt="De heg voor het huis"' in page
    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
    assert elsewhere.status_code == 404


def test_a_fake_photo_gets_a_plain_dutch_message_and_nothing_is_stored(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    fake = SimpleUploadedFile("foto.jpg", b"not an image", content_type="image/jpeg")

    response = client_for("parkwijk", people["anna"].user).post(
        f"/vraag-en-aanbod/{listing.pk}/foto/", {"photo": fake}, follow=True
    )

    assert "Dit is geen foto die we kunnen gebruiken" in response.content.decode()
    assert not ListingPhoto.objects.exists()


def test_a_neighbour_cannot_add_photos_to_someone_elses_listing(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])

    response = client_for("parkwijk", people["bram"].user).post(
        f"/vraag-en-aanbod/{listing.pk}/foto/", {"photo": jpeg()}
    )

    assert response.status_code == 403
    assert not ListingPhoto.objects.exists()
