from tests.builders.marketplace import actor_of, post
from wijkmarkt.tenants.marketplace.actions.matching import notify_matches
from wijkmarkt.tenants.marketplace.actions.profiles import ProfileInput, update_profile
from wijkmarkt.tenants.marketplace.models import Notification


def test_only_members_who_opted_in_hear_about_a_match(in_parkwijk, people):
    update_profile(
        actor=actor_of(people["bram"]), member=people["bram"], data=ProfileInput(notify_site=["response", "match"])
    )
    post(in_parkwijk, people["bram"], kind="offer", title="Computerhulp aan huis")
    post(in_parkwijk, people["cor"], kind="offer", title="Ik help met computers")
    request = post(in_parkwijk, people["anna"], title="Hulp met mijn tablet")

    assert notify_matches(request) == 1

    [notice] = Notification.objects.filter(kind="match")
    assert notice.member == people["bram"]
    assert notice.text.startswith("Misschien iets voor u: 'Hulp met mijn tablet' (biedt computerhulp aan")


def test_nobody_opted_in_means_no_matching_work(in_parkwijk, people):
    post(in_parkwijk, people["bram"], kind="offer", title="Computerhulp aan huis")
    request = post(in_parkwijk, people["anna"], title="Hulp met mijn tablet")

    assert notify_matches(request) == 0
    assert not Notification.objects.filter(kind="match").exists()
