import pytest

from mapviewer.model import Actor, Article, Evidence, Relation, RelationMap, locate

TEXT = "Alpha   armed\nBeta. Gamma mediated between Alpha and Beta. Alpha armed Beta again."


def test_locate_slices_the_quote_from_the_text():
    ev = locate(TEXT, "Alpha armed Beta.", article="x")
    assert ev.quote == "Alpha   armed\nBeta."  # white space as in the text, not as typed
    assert TEXT[ev.start : ev.end] == ev.quote and ev.check(TEXT)


def test_locate_occurrence_and_missing():
    second = locate(TEXT, "Alpha armed", article="x", occurrence=2)
    assert second.start == TEXT.rindex("Alpha armed")
    with pytest.raises(ValueError, match="not found"):
        locate(TEXT, "Delta", article="x")


def test_evidence_check_rejects_mismatch_and_out_of_range():
    assert not Evidence("x", 0, 5, "Alphx").check(TEXT)
    assert not Evidence("x", 0, 10_000, TEXT).check(TEXT)


def test_queries():
    m = RelationMap(
        [Article("x", TEXT)],
        [Actor("A", "Alpha"), Actor("B", "Beta"), Actor("G", "Gamma")],
        [
            Relation(
                "A",
                "B",
                True,
                "cooperative",
                ("arms trade",),
                [locate(TEXT, "Alpha armed Beta again.", article="x")],
            ),
            Relation("G", "A", True, "cooperative", ("mediation",)),
            Relation("G", "B", True, "cooperative", ("mediation",)),
        ],
    )
    assert m.neighbours("A") == {"B", "G"}
    assert [r.target for r in m.relations_of("G")] == ["A", "B"]
    assert m.evidence_of(0)[0].quote == "Alpha armed Beta again."
    assert m.quote_text(m.relations[0].evidence[0]) == "Alpha armed Beta again."
    assert m.actor("G").name == "Gamma"
    with pytest.raises(KeyError):
        m.actor("Z")
    assert Relation("B", "A").key == Relation("A", "B").key
    assert Relation("B", "A", directed=True).key != Relation("A", "B", directed=True).key
    g = m.to_networkx()
    assert g.number_of_edges() == 3 and g.edges["A", "G"]["relations"] == [1]
