"""Spanish: the catalog of the builder's words (catalog). Its drafts' frames and word
tables will sit beside it, as English's do in en/."""
