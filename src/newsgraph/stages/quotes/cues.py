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
    "concede grant counter wonder muse speculate surmise reckon estimate calculate"
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
