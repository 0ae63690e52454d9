"""Words that attribute speech, writing, belief or stance to a source (the cue of a quote).

Lemmas, grouped by what they report. The list is general English reporting vocabulary, not
tuned to any page.
"""

from __future__ import annotations

from newsgraph.wordsets import words

SPEECH = words(
    "say tell add state declare announce explain remark comment reply respond answer retort "
    "ask inquire question write tweet post blog report testify recount recall reveal disclose "
    "note observe point mention stress emphasize emphasise underline repeat reiterate insist "
    "maintain contend argue assert claim allege charge accuse deny dispute reject refute "
    "rebut counter concede admit acknowledge confirm affirm agree disagree warn caution "
    "threaten promise pledge vow swear predict forecast estimate suggest propose recommend "
    "urge call demand appeal plead beg complain protest lament criticize criticise condemn "
    "denounce blast slam praise hail applaud welcome thank apologize apologise boast brag "
    "joke quip shout yell scream whisper murmur mutter conclude summarize summarise describe "
    "characterize characterise dub label brand term cite quote tout defend explain assure "
    "inform notify advise instruct order command tell announce signal indicate imply hint "
    "concede grant counter wonder muse speculate surmise reckon estimate calculate "
    "highlight underscore clarify elaborate share"
)
COGNITION = words(
    "believe think feel consider expect hope fear worry doubt suspect know realize realise "
    "understand guess assume presume suppose imagine recognize recognise conclude find "
    "decide judge deem view regard see"
)
# What evidence says ("a poll shows that ...").
EVIDENCE = words("show indicate demonstrate suggest reveal find estimate")
# Stances towards something ("she wants to triple the program", "Trump attacked Machado").
STANCE = words(
    "want plan support oppose refuse attack back endorse favor favour propose defend blame"
)
CUES = SPEECH | COGNITION | EVIDENCE | STANCE

# Verbs with an everyday sense besides reporting ("the paper added 600,000 subscribers", "the
# school has maintained its ranking", "the tape adds grip", "the lines labelled JR"): a cue
# only in a reporting frame — a clause they govern ("added that ..."), a quotation in what
# they govern or next to them ("“…,” she added"), a colon ("added:"), or a parenthetical
# ("the plan, he added, is late").
FRAME_ONLY = words(
    "add maintain note point explain observe stress emphasize emphasise underline underscore "
    "highlight repeat reiterate find see know feel consider expect understand realize realise "
    "recognize recognise decide judge view regard imagine count calculate estimate forecast "
    "predict charge boast tout share post order command grant counter signal indicate imply "
    "label brand term dub write recall"
)
# Evidence that speaks only through a source: "the study shows that ...", not "the overall
# score shows how ...".
EVIDENCE_ONLY = EVIDENCE - SPEECH - COGNITION - STANCE
# Verbs that name something: with a relative object ("what researchers call X") they give a
# name, not a statement.
NAMING = words("call dub label term brand name")
