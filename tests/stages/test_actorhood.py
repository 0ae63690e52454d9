"""Actorhood: a name no table codes is an actor only with evidence (sentences written here)."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Document
from newsgraph.stages.actors import ActorsStage
from newsgraph.stages.nlp import NlpStage

_NLP = NlpStage()


def names(text: str) -> set[str]:
    doc = ActorsStage()(_NLP(Document(id="t", article=Article(text=text))))
    return {e.name for e in doc.entities}


@pytest.mark.parametrize(
    "text",
    [
        # a drug, a database: things the parser takes for names
        "Patients in the trial took Zorvex every week. After a year Zorvex had reduced their "
        "weight by a tenth.",
        "The app runs on Quillbox, a database written in Rust. Quillbox stores every order.",
    ],
)
def test_a_product_is_not_an_actor(text: str) -> None:
    assert not {"Zorvex", "Quillbox"} & names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quillbox announced on Monday that it had hired 40 engineers.", "Quillbox"),
        ("Mara Quill, a spokesperson for Quillbox, said the database was safe.", "Quillbox"),
        ("Brenmore Inc. makes ladders in three sizes.", "Brenmore Inc."),
        ("Izee, a student from Leeds, said she liked the course.", "Izee"),
        ("Plato argued that justice is a kind of harmony.", "Plato"),
    ],
)
def test_what_it_does_its_name_or_its_people_make_an_actor(text: str, name: str) -> None:
    assert name in names(text)


def test_people_named_in_full_need_no_evidence() -> None:
    assert "Odo Vance" in names("The photograph shows Odo Vance on the pier in 1990.")
