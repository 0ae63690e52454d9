"""Site chrome that survives main-content extraction, recognised line by line.

These are generic interface strings (share, comment, subscribe, cookie, navigation prompts),
not anything specific to one site. A line is boilerplate only when the *whole* line is such a
prompt, so that an article sentence which happens to mention "comments" is never dropped.
"""

from __future__ import annotations

import re

_NETWORK = (
    r"(facebook|twitter|x|linkedin|whatsapp|reddit|telegram|email|pinterest|flipboard|bluesky)"
)
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# a date or time, and nothing else: "March 3, 2024", "3 Mar 2024 10:02 GMT", "2024-03-03"
_DATE_LIKE = (
    rf"(\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    r"([ ,t|-]+(at )?\d{1,2}[:.]\d{2}( ?[ap]\.?m\.?)?( [a-z]{2,4})?)?"
)

# Whole-line interface prompts (matched case-insensitively against a stripped line).
_LINE_PATTERNS = [
    # show more / read more / load more
    r"(show|read|load|see|view) (more|less|all|full (story|article))( (stories|articles|news|"
    r"comments|news from \S+))?",
    r"continue reading( below)?|click (here )?to (read|continue|expand)( more)?",
    r"back to top( button)?|scroll to top|go to top|to top|top of page",
    # comment forms
    r"leave a (reply|comment)|post a comment|add (a|your) comment|write a comment",
    r"(show|view|hide|load) comments?|comments? \(\d+\)|\d+ comments?|no comments( yet)?",
    r"cancel reply|submit comment|post comment|reply",
    r"your email address will not be published\.?( required fields are marked \*?)?",
    r"required fields are marked \*?|(name|email|website|comment) \*",
    r"save my name, email, and website in this browser for the next time i comment\.?",
    r"you must be logged in to post a comment\.?|log ?in to (comment|reply)",
    r"this site uses akismet to reduce spam\..*",
    # share buttons
    r"share|tweet|email|print|copy link|copy url|pin it|whatsapp|facebook|twitter|linkedin|"
    r"reddit|telegram|x|flipboard",
    rf"(share|tweet|post|pin|email)( this( article| story| page| post)?)?"
    rf"( (on|via|to) {_NETWORK})?",
    r"(share|email|print) (this )?(article|story|page|post)",
    rf"share (on|via) {_NETWORK}",
    r"(click|tap) to share.*",
    r"link copied( to clipboard)?!?",
    # newsletters / subscription / sign-in
    r"(sign up|subscribe)( (to|for) (our|the) \w+( newsletter)?)?( now| today| here)?[.!]?",
    r"sign up for (our|the) [\w ]+newsletter[.!]?|subscribe to (our|the) [\w ]+newsletter[.!]?",
    r"(sign|log) ?in|register|create (a free )?account|already a subscriber\?.*",
    r"get (the|our) [\w ]+ (newsletter|app)[.!]?",
    # cookies / consent / ads
    r"(this|our) (web)?site uses cookies.*|we use cookies.*|accept (all )?cookies|"
    r"cookie (settings|policy|preferences)|manage (cookies|preferences|consent)",
    r"advertisement|advertising|sponsored( content)?|ad|ads by \w+|story continues below "
    r"(this )?(advertisement|ad)|article continues (below|after (this )?advertisement)",
    # related content / navigation
    r"(related|recommended|more|most (read|popular|viewed|shared)|trending|latest|top)"
    r"( (stories|articles|news|posts|reads|videos|content|headlines|on \S+))?:?",
    r"(you (may|might) (also )?like|read also|see also|also read|more from \S+)[:.]?",
    r"(previous|next)( (article|post|story))?|skip to (main )?content|main menu|menu|search",
    r"follow us( on [\w ,]+)?|follow @\S+",
    r"(all|©|\(c\)|copyright)\s.*rights reserved\.?|©.*",
    r"(photo|image|picture|video|credit)s?:? ?(getty images|reuters|ap|afp|shutterstock)?",
    r"(report|flag) (an? )?(error|typo|correction)|spotted an error\?.*",
    rf"(updated|published|posted|last updated)( on)?:? {_DATE_LIKE}",
    r"tags?:.*|topics?:.*|filed under:.*|categories:.*",
]

_BOILERPLATE_LINE = re.compile(
    r"^(?:" + "|".join(f"(?:{p})" for p in _LINE_PATTERNS) + r")$", re.IGNORECASE
)

# A line that opens the comment area: everything after it in a scraped copy is chrome.
_COMMENT_AREA = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|\d+ comments?|comments?|"
    r"add (?:a|your) comment|join the (?:conversation|discussion))\s*:?$",
    re.IGNORECASE,
)


def is_boilerplate_line(line: str) -> bool:
    """True when the whole line is an interface prompt, not article prose."""
    s = " ".join(line.split()).strip(" |·•-–—>»›")
    if not s:
        return True
    if len(s) > 160:
        return False
    return bool(_BOILERPLATE_LINE.match(s))


def opens_comment_area(line: str) -> bool:
    return bool(_COMMENT_AREA.match(" ".join(line.split())))


__all__ = ["is_boilerplate_line", "opens_comment_area"]
