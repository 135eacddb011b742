"""Addresses of the marketplace pages, in Dutch. Notifications store /vraag-en-aanbod/<id>/, /afspraken/<id>/ and
/ruilen/<id>/ (actions/): keep those."""

from django.urls import path

from wijkmarkt.tenants.marketplace.views import (
    ask,
    categories,
    exchanges,
    listings,
    moderation,
    photos,
    points,
    profile,
    rings,
)

app_name = "marketplace"

urlpatterns = [
    path("vraag-en-aanbod/", listings.browse, name="browse"),
    path("vraag-en-aanbod/nieuw/", listings.new, name="listing-new"),
    path("vraag-en-aanbod/mijn/", listings.mine, name="mine"),
    path("vraag-en-aanbod/<int:listing_id>/", listings.detail, name="listing"),
    path("vraag-en-aanbod/<int:listing_id>/reageren/", listings.respond, name="listing-respond"),
    path("vraag-en-aanbod/<int:listing_id>/wijzigen/", listings.edit, name="listing-edit"),
    path("vraag-en-aanbod/<int:listing_id>/intrekken/", listings.withdraw, name="listing-withdraw"),
    path("vraag-en-aanbod/<int:listing_id>/verlengen/", listings.renew, name="listing-renew"),
    path("vraag-en-aanbod/<int:listing_id>/melden/", listings.report_listing, name="listing-report"),
    path("vraag-en-aanbod/<int:listing_id>/afdrukken/", listings.print_listing, name="listing-print"),
    path("vraag-en-aanbod/<int:listing_id>/foto/", photos.photo_add, name="photo-add"),
    path("foto/<int:photo_id>/", photos.photo, name="photo"),
    path("foto/<int:photo_id>/weghalen/", photos.photo_remove, name="photo-remove"),
    path("prikbord/", listings.poster, name="poster"),
    path("hulp-vragen/", ask.ask, name="ask"),
    path("afspraken/", exchanges.exchange_list, name="exchanges"),
    path("afspraken/<int:exchange_id>/", exchanges.exchange_detail, name="exchange"),
    path(
        "afspraken/<int:exchange_id>/bedankje/<int:thank_you_id>/toestemming/",
        exchanges.consent,
        name="exchange-consent",
    ),
    path("afspraken/<int:exchange_id>/<slug:verb>/", exchanges.exchange_step, name="exchange-step"),
    path("punten/", points.my_points, name="points"),
    path("punten/geven/", points.give, name="points-give"),
    path("ruilen/", rings.ring_list, name="rings"),
    path("ruilen/nieuw/", rings.ring_new, name="ring-new"),
    path("ruilen/<int:ring_id>/", rings.ring_detail, name="ring"),
    path("ruilen/<int:ring_id>/stap/<int:link_id>/bevestigen/", rings.ring_confirm, name="ring-confirm"),
    path("ruilen/<int:ring_id>/stap/<int:link_id>/afwijzen/", rings.ring_decline, name="ring-decline"),
    path("profiel/", profile.profile, name="profile"),
    path("profiel/gemachtigden/", profile.proxy_add, name="proxy-add"),
    path("profiel/gemachtigden/<int:proxy_id>/stoppen/", profile.proxy_revoke, name="proxy-revoke"),
    path("profiel/<int:member_id>/", profile.neighbour_profile, name="neighbour"),
    path("profiel/<int:member_id>/melden/", profile.report_member, name="member-report"),
    path("profiel/<int:member_id>/blokkeren/", profile.block, name="member-block"),
    path("meldingen/", profile.notifications, name="notifications"),
    path("moderatie/", moderation.queue, name="moderation"),
    path("moderatie/<int:report_id>/", moderation.handle, name="moderation-handle"),
    path("moderatie/schorsing/<int:member_id>/opheffen/", moderation.lift, name="moderation-lift"),
    path("categorieen/", categories.category_list, name="categories"),
    path("categorieen/nieuw/", categories.category_add, name="category-add"),
    path("categorieen/<int:category_id>/<slug:verb>/", categories.category_change, name="category-change"),
]
