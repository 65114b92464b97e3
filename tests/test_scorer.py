"""The learned pair scorer: what it adds to the rules, what it leaves alone, and its model file."""

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from mapviewer.errors import MapviewerError
from mapviewer.extract import article_from_text, extract_relations, is_suggested
from mapviewer.extract._scorer import FEATURES, PairModel
from mapviewer.extract.relations import MIN_SCORED_SENTENCES, _Extractor

ROOT = Path(__file__).resolve().parent.parent

# The Kenya-Uganda sentence states a relation no rule reads ("is building a depot on Ugandan
# land, under a protocol"); the forum sentence is a list and the Malawi one a negation.
ARTICLE = """Southern Africa's quiet dependencies

LUSAKA - The region's smaller economies have grown used to living in the shadow of their neighbours.
South Africa accounts for more than half of Lesotho's imports and most of its electricity.
Kenya is building a rail depot on Ugandan land, under a protocol signed in 2023, to speed cargo inland.
Tanzania's ports handle most of Zambia's copper, and officials in Dar es Salaam want a larger share.
Delegations from Brazil, India and China attended the regional trade forum in Lusaka last week.
Malawi has not joined the customs scheme.
Economists expect the pattern to hold for years.
"""


def by_pair(m):
    return {frozenset((r.source, r.target)): r for r in m.relations}


def test_the_scorer_adds_a_pair_the_rules_miss_and_says_so():
    article = article_from_text(ARTICLE)
    rules = by_pair(_Extractor(article, scorer=None).run(None, None))
    full = by_pair(extract_relations(article))
    kenya_uganda = frozenset(("KEN", "UGA"))
    assert kenya_uganda not in rules and kenya_uganda in full
    r = full[kenya_uganda]
    assert is_suggested(r) and not r.directed
    assert r.confidence >= PairModel.default().threshold
    assert [e.quote for e in r.evidence] == [e.check(article.text) and e.quote for e in r.evidence]
    assert any("rail depot on Ugandan land" in e.quote for e in r.evidence)
    # What the rules found is kept as the rules found it, with no note.
    for key, rel in rules.items():
        assert full[key].types == rel.types and full[key].note == "" and not is_suggested(full[key])


def test_a_pair_the_rules_relate_later_leaves_nothing_to_score():
    # The depot sentence makes KEN-UGA a candidate; the next sentence's rule relates them, so at
    # the end no candidate is left (this used to crash on an empty feature matrix).
    text = """East Africa's rail ambitions

NAIROBI - The region's governments have spent a decade talking about railways.
Kenya is building a rail depot on Ugandan land, under a protocol signed in 2023, to speed cargo inland.
Kenya signed a trade deal with Uganda in March.
Economists expect the pattern to hold for years.
Engineers say the work will take time.
Few expect the line to open before 2030.
"""
    article = article_from_text(text)
    rel = by_pair(extract_relations(article))[frozenset(("KEN", "UGA"))]
    assert not is_suggested(rel) and "trade" in rel.types
    # Read for training (every pair's features at once), the depot sentence is a candidate ...
    t = _Extractor(article, scorer=None)
    t.keep_candidates = True
    t.run(None, None)
    assert any({a, b} == {"KEN", "UGA"} for _, a, b, _, _ in t._cands)
    # ... but when extracting, its features wait for the end of the text, and by then the rules
    # have related the pair: nothing is left to score.
    x = _Extractor(article)
    x.run(None, None)
    assert x._cands == [] and x._pending_sents == []
    cands, rows = x.candidates({"KEN": 2, "UGA": 2}, skip=x._related)
    assert cands == [] and rows.shape == (0, len(FEATURES))


def test_clauses_with_subjects_of_their_own_are_kept_apart():
    text = ARTICLE.replace(
        "Economists expect the pattern to hold for years.",
        "Zambia threatened to walk out and Malawi signed a deal. Zambia objected, but Malawi lobbied for the plan.",
    )
    x = _Extractor(article_from_text(text))
    x.run(None, None)
    first = next(i for i, (s, e) in enumerate(x.spans) if "walk out" in text[s:e])
    pairs_in = {si: {(a, b) for s2, a, b, _, _ in x._cands if s2 == si} for si in (first, first + 1)}
    assert ("MWI", "ZMB") not in pairs_in[first]  # "and Malawi signed": a clause of its own
    assert ("MWI", "ZMB") in pairs_in[first + 1]  # "..., but Malawi lobbied": weighed, across "but"


def test_lists_and_negations_are_not_suggested():
    full = by_pair(extract_relations(article_from_text(ARTICLE)))
    for a, b in (("BRA", "IND"), ("BRA", "CHN"), ("IND", "CHN"), ("MWI", "ZMB"), ("MWI", "ZAF")):
        assert frozenset((a, b)) not in full


def test_a_snippet_is_left_to_the_rules():
    # The scorer weighs how an article names its actors; a sentence or two is no article.
    snippet = "Kenya is building a rail depot on Ugandan land, under a protocol signed in 2023, to speed cargo inland."
    assert MIN_SCORED_SENTENCES > 1
    assert not extract_relations(article_from_text(snippet)).relations


def test_without_a_model_the_extractor_is_the_rules_alone():
    article = article_from_text(ARTICLE)
    x = _Extractor(article, scorer=None)
    m = x.run(None, None)
    assert x._cands == [] and not any(r.note for r in m.relations)


def _train_module():
    spec = importlib.util.spec_from_file_location("train_pair_model", ROOT / "resources" / "scripts" / "train_pair_model.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_shipped_model_is_what_the_training_script_fits():
    shipped = PairModel.default()
    train = _train_module()
    model, table = train.train()
    assert model.threshold == shipped.threshold
    for name in ("mean", "scale", "weights"):
        np.testing.assert_allclose(getattr(model, name), getattr(shipped, name), atol=1e-4)
    # The threshold is the lowest that keeps the cross-validated precision at the floor.
    assert model.info["cv_with_scorer"]["precision"] >= train.PRECISION_FLOOR
    lower = [t for t in table if t < model.threshold]
    assert all(table[t]["precision"] < train.PRECISION_FLOOR for t in lower)
    assert model.info["cv_with_scorer"]["recall"] > model.info["cv_rules_alone"]["recall"]
    assert model.info == shipped.info and table[model.threshold] == model.info["cv_with_scorer"]


def test_the_model_never_trains_on_held_out_articles():
    gold = json.loads((ROOT / "tests" / "fixtures" / "articles" / "gold.json").read_text(encoding="utf-8"))
    held = [n for n in gold if "_heldout." in n]
    trained = [n for n in gold if not n.startswith("_") and "_heldout." not in n]
    assert held and PairModel.default().info["articles"] == len(trained)


def test_probabilities_follow_the_weights():
    n = len(FEATURES)
    w = np.zeros(n)
    w[0] = 2.0  # the bias column
    m = PairModel(np.zeros(n), np.ones(n), w, threshold=0.5, info={})
    rows = np.zeros((3, n))
    rows[:, 0] = [0.0, 1.0, -1.0]
    np.testing.assert_allclose(m.probabilities(rows), [0.5, 1 / (1 + np.exp(-2)), 1 / (1 + np.exp(2))])
    back = PairModel.from_json(m.to_json())
    np.testing.assert_allclose(back.weights, w)


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[1, 2]",
        json.dumps({"features": ["bias"], "mean": [0], "scale": [1], "weights": [0], "threshold": 0.5}),
        json.dumps({"features": list(FEATURES), "mean": [0] * len(FEATURES), "scale": [1] * len(FEATURES),
                    "weights": [float("nan")] * len(FEATURES), "threshold": 0.5}),
    ],
)
def test_a_damaged_model_is_a_clear_error(text):
    with pytest.raises(MapviewerError):
        PairModel.from_json(text)


def test_the_command_line_counts_the_suggested_relations(tmp_path, capsys):
    from mapviewer import relmap
    from mapviewer.cli import main

    art = tmp_path / "southern_africa.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.relmap.json"
    assert main(["extract", str(art), "-o", str(out)]) == 0
    m = relmap.load(out)
    n = sum(1 for r in m.relations if is_suggested(r))
    assert n >= 1  # the note survives the file
    assert f"({n} suggested by the learned pass: check their quotes)" in capsys.readouterr().out


def test_no_stretch_of_any_fixture_breaks_the_extractor():
    # Windows of a few sentences cut from every fixture article: short texts, texts that start
    # mid-story, pairs related only after they were candidates. None may raise.
    import random

    from mapviewer.extract import read_article, sentence_spans

    rng = random.Random(0)
    fixtures = sorted(p for p in (ROOT / "tests" / "fixtures" / "articles").iterdir() if p.suffix in (".txt", ".md", ".html"))
    n_maps = 0
    for path in fixtures:
        text = read_article(path).text
        spans = sentence_spans(text)
        for _ in range(3):
            k = rng.randint(MIN_SCORED_SENTENCES, MIN_SCORED_SENTENCES + 6)
            i = rng.randrange(max(1, len(spans) - k))
            chunk = text[spans[i][0] : spans[min(len(spans), i + k) - 1][1]]
            m = extract_relations(article_from_text(chunk))
            assert all(e.check(chunk) for r in m.relations for e in r.evidence)
            n_maps += 1
    assert n_maps == 3 * len(fixtures)
