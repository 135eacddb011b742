"""What the chat holds about a member, for their export and erasure (tenants/privacy/contributors.py; settings
PRIVACY_CONTRIBUTORS): their inbox, the conversations they take part in and the messages they wrote."""

from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.tenants.chat.models import ChatMessage
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.privacy.contributors import ERASED_TEXT, Contributor, Part

PARTS = (
    Part("chat.Conversation", "inbox_member", _("Uw postvak")),
    Part("chat.Participant", "member", _("Gesprekken waaraan u deelneemt")),
    Part("chat.ChatMessage", "author", _("Berichten die u schreef (ook bij afspraken)")),
)


def erase(member: Membership, by: User) -> dict[str, int]:
    return {"chat.ChatMessage.author": ChatMessage.objects.filter(author=member).update(body=ERASED_TEXT)}


CONTRIBUTOR = Contributor(parts=PARTS, erase=erase)
