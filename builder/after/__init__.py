"""After the ask: what the reader records (progress: sent on, the reply, each meeting),
the drafts each stage calls for (drafts), keeping the agreement (agreement), the
meetings as calendar events and files (invites, ics) and the whole arrangement as
notes (notes)."""
