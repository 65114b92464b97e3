"""Reading-order replay: sentences in order, each relation at its first stated sentence."""

import numpy as np

from mapviewer.extract.sentences import sentence_spans
from mapviewer.model import Actor, Article, Relation, RelationMap, locate
from mapviewer.replay import Replay, first_sentences
from mapviewer.seeds import default_seed

TEXT = (
    "Ruritania and Borduria signed a gas deal. Syldavia protested.  "
    "Later Syldavia threatened Borduria. Ruritania sold rifles to Syldavia. "
    "Finally, Ruritania and Borduria renewed the gas deal."
)


def build() -> RelationMap:
    def ev(needle, occurrence=1):
        return locate(TEXT, needle, article="a", occurrence=occurrence)

    actors = [Actor("R", "Ruritania"), Actor("B", "Borduria"), Actor("S", "Syldavia")]
    rels = [
        # stated last in the list but first in the text: the earliest span counts
        Relation("R", "B", evidence=[ev("Finally, Ruritania and Borduria renewed"), ev("signed a gas deal")]),
        Relation("S", "B", evidence=[ev("Later Syldavia threatened Borduria.")]),
        Relation("R", "S", evidence=[ev("Ruritania sold rifles")]),
        Relation("S", "R"),  # no evidence: appears at the last step
    ]
    return RelationMap([Article("a", TEXT)], actors, rels)


def test_sentences_in_reading_order():
    rp = Replay(build())
    assert rp.spans.tolist() == [list(s) for s in sentence_spans(TEXT)]
    assert rp.n_steps == 5
    assert TEXT[slice(*rp.sentence_span(1))] == "Syldavia protested."
    assert all(a[1] <= b[0] for a, b in zip(rp.spans[:-1], rp.spans[1:], strict=True))


def test_first_evidence_offset_and_sentence():
    m = build()
    rp = Replay(m)
    assert rp.first_offset[0] == TEXT.index("signed a gas deal")
    assert rp.first_offset[3] == -1
    assert rp.first_sentence.tolist() == [0, 2, 3, 4]
    assert np.array_equal(first_sentences(m), rp.first_sentence)


def test_relations_visible_at_each_step():
    rp = Replay(build())
    assert np.flatnonzero(rp.relations_visible_at(0)).tolist() == [0]
    assert np.flatnonzero(rp.relations_visible_at(1)).tolist() == [0]
    assert np.flatnonzero(rp.relations_visible_at(2)).tolist() == [0, 1]
    assert rp.relations_visible_at(rp.last_step).all()
    assert rp.relations_new_at(3).tolist() == [2]


def test_step_at_offset_including_the_gap_between_sentences():
    rp = Replay(build())
    gap = TEXT.index("  Later")  # the double space after sentence 1
    assert rp.step_at(gap) == 1
    assert rp.step_at(TEXT.index("Later")) == 2
    assert rp.step_at(0) == 0 and rp.step_at(len(TEXT)) == rp.last_step


def test_map_without_article_has_no_steps():
    m = RelationMap([], [Actor("R", "R"), Actor("B", "B")], [Relation("R", "B")])
    rp = Replay(m)
    assert rp.n_steps == 0
    assert rp.relations_visible_at(0).all()


def test_seed_replay_grows_to_the_whole_map():
    m = default_seed().curated_map()
    rp = Replay(m)
    text = m.article().text
    counts = [int(rp.relations_visible_at(k).sum()) for k in range(rp.n_steps)]
    assert counts == sorted(counts) and counts[-1] == len(m.relations)
    assert counts[0] < len(m.relations) // 2
    for i, r in enumerate(m.relations):
        s, e = rp.sentence_span(int(rp.first_sentence[i]))
        first = min(r.evidence, key=lambda ev: ev.start)
        assert s <= first.start < e or text[e : first.start].strip() == ""
