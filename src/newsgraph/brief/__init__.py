"""The brief: everything newsgraph found in one article, on one page a person can read.

collect.brief_of   the Document as the brief's sections, each item linked to its spans
markdown.render    Markdown
html.render        one self-contained HTML file: every item links to its place in the
                   article text below it, where its spans are highlighted
"""

from newsgraph.brief.collect import Brief, brief_of
from newsgraph.brief.html import render as render_html
from newsgraph.brief.markdown import render as render_markdown

__all__ = ["Brief", "brief_of", "render_html", "render_markdown"]
