"""Build-time helpers for the guide's pages: plain Python, no MkDocs imports.

The MkDocs hooks in overrides/hooks/ stay thin and call in here, so the same data
can be produced by any other build step (Material's successor ignores hooks).
"""
