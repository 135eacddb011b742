import base64
import io
import os

import pytest
from PIL import Image

from tests.builders.clients import gql
from tests.builders.marketplace import place
from wijkmarkt.graphql.core.ids import to_global_id

ADD = """mutation($id: ID!, $image: String!, $description: String) {
  addListingPhoto(id: $id, imageBase64: $image, description: $description) {
    listing { photos { url description } } errors { field code message } } }"""


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def png_base64() -> str:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), "red").save(out, format="PNG")
    return base64.b64encode(out.getvalue()).decode()


def test_owner_adds_a_photo_through_graphql(parkwijk, people):
    listing = place(parkwijk, people["anna"], title="Heg snoeien")
    variables = {"id": to_global_id("Listing", "parkwijk", listing.pk), "image": png_base64(), "description": "De heg"}

    result = gql("parkwijk", ADD, variables, user=people["anna"].user).json()["data"]["addListingPhoto"]

    assert result["errors"] == []
    [photo] = result["listing"]["photos"]
    assert photo["description"] == "De heg"
    assert photo["url"].startswith("/foto/")


def test_a_photo_as_a_phone_makes_it_is_not_refused_as_over_long_text(parkwijk, people):
    """The text cap on mutation strings (20,000 characters) is not a file's limit: a photo of some hundred kB is."""
    out = io.BytesIO()
    Image.frombytes("RGB", (400, 300), os.urandom(400 * 300 * 3)).save(out, format="JPEG", quality=90)
    image = base64.b64encode(out.getvalue()).decode()
    assert len(image) > 50_000
    listing = place(parkwijk, people["anna"], title="Heg snoeien")
    variables = {"id": to_global_id("Listing", "parkwijk", listing.pk), "image": image}

    result = gql("parkwijk", ADD, variables, user=people["anna"].user).json()["data"]["addListingPhoto"]

    assert result["errors"] == []
    assert len(result["listing"]["photos"]) == 1


def test_garbage_instead_of_an_image_is_a_typed_error(parkwijk, people):
    listing = place(parkwijk, people["anna"])
    variables = {"id": to_global_id("Listing", "parkwijk", listing.pk), "image": "bm90IGFuIGltYWdl"}

    result = gql("parkwijk", ADD, variables, user=people["anna"].user).json()["data"]["addListingPhoto"]

    assert result["listing"] is None
    assert result["errors"][0]["code"] == "INVALID_PHOTO"
    assert result["errors"][0]["field"] == "photo"
