"""The wording machinery: reading the shape of what a reader typed (shapes, doubts,
languages), fitting it to sentence frames (fitting), the greeting's name and the small
pieces of language the templates use (greeting, pieces). The word tables and frames of
a language live in a folder of their own: en/ for English, the only one so far."""
