"""What the marketplace's writes announce to the apps above it. An exchange's message thread and a ring's group talk
are chat conversations, but the chat builds on the marketplace (its conversations point to Exchange and Ring), so
the marketplace never imports it: it sends these signals and the chat connects its receivers in ChatConfig.ready().

Each is sent inside the transaction of the write that causes it, so what a receiver writes commits or rolls back
with it: a response never exists without its first message, a ring never without its group talk, a reported message
is hidden together with the report's outcome."""

from django.dispatch import Signal

# A message in an exchange's thread, written by one of its two members (the caller checked who may act for whom and
# cleaned the text). Arguments: exchange, author (Membership), body. The receiver that stores it returns the stored
# message, which post_message hands back.
thread_message = Signal()

# A ring was proposed and its links are written. Arguments: ring.
ring_proposed = Signal()

# The moderation decided to hide a reported chat message. Arguments: report, at (the moment it is hidden).
reported_message_hidden = Signal()
