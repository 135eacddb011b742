"""Marketplace mutations. Each calls one action (tenants/marketplace/actions/) and returns its payload plus `errors`;
a mutation with errors has written nothing.

IDs are global IDs of this wijk. One of another wijk, or of something the viewer may not see, is answered exactly like
a missing one: a top-level NOT_FOUND for the object acted on, or the action's own error for a field (an unknown
`category` is UNKNOWN_CATEGORY either way). A proxy or the makelaar acting for someone names them in `onBehalfOf`
(`ownerId` when placing a listing). Missing permission is a top-level PERMISSION_DENIED. Never decides a permission
itself beyond what the pages decide too: the actions and access.py do.

One module per operation group; base.py has what they share (MarketplaceMutation, the error codes)."""

import graphene

from wijkmarkt.graphql.marketplace.mutations.categories import (
    AddCategory,
    MoveCategory,
    RenameCategory,
    RestoreCategory,
    RetireCategory,
)
from wijkmarkt.graphql.marketplace.mutations.exchanges import (
    AgreeExchange,
    CancelExchange,
    ConfirmDone,
    ConsentToThankYou,
    ObjectToDone,
    PostMessage,
    RespondToListing,
    Thank,
)
from wijkmarkt.graphql.marketplace.mutations.listings import (
    AddListingPhoto,
    PublishListing,
    RenewListing,
    UpdateListing,
    WithdrawListing,
)
from wijkmarkt.graphql.marketplace.mutations.moderation import (
    BlockMember,
    FileReport,
    HandleReport,
    LiftSuspension,
    UnblockMember,
)
from wijkmarkt.graphql.marketplace.mutations.profiles import (
    MarkNotificationsRead,
    RegisterProxy,
    RevokeProxy,
    UpdateProfile,
)
from wijkmarkt.graphql.marketplace.mutations.rings import ConfirmRingPart, DeclineRing, ProposeRing


class MarketplaceMutations(graphene.ObjectType):
    publish_listing = PublishListing.Field()
    update_listing = UpdateListing.Field()
    withdraw_listing = WithdrawListing.Field()
    renew_listing = RenewListing.Field()
    add_listing_photo = AddListingPhoto.Field()
    respond_to_listing = RespondToListing.Field()
    post_message = PostMessage.Field()
    agree_exchange = AgreeExchange.Field()
    confirm_done = ConfirmDone.Field()
    object_to_done = ObjectToDone.Field()
    cancel_exchange = CancelExchange.Field()
    thank = Thank.Field()
    consent_to_thank_you = ConsentToThankYou.Field()
    propose_ring = ProposeRing.Field()
    confirm_ring_part = ConfirmRingPart.Field()
    decline_ring = DeclineRing.Field()
    report = FileReport.Field()
    handle_report = HandleReport.Field()
    block_member = BlockMember.Field()
    unblock_member = UnblockMember.Field()
    lift_suspension = LiftSuspension.Field()
    update_profile = UpdateProfile.Field()
    register_proxy = RegisterProxy.Field()
    revoke_proxy = RevokeProxy.Field()
    add_category = AddCategory.Field()
    rename_category = RenameCategory.Field()
    move_category = MoveCategory.Field()
    retire_category = RetireCategory.Field()
    restore_category = RestoreCategory.Field()
    mark_notifications_read = MarkNotificationsRead.Field()
