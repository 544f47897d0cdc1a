"""English: the sentence frames the reader's words are fitted into (frames), the words
the fitting needs to know (lexicon) and the common words it treats as ordinary
(common_words). A second language would be a sibling folder with the same modules."""
