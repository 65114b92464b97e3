import itertools

from mapviewer.extract.sentences import sentence_spans, sentences


def test_spans_index_the_original_text_and_are_trimmed():
    text = "  Russia invaded Ukraine.  Kyiv held.\nNext line here. "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Russia invaded Ukraine.", "Kyiv held.", "Next line here."]
    assert all(s < e for s, e in spans) and all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_abbreviations_do_not_end_sentences():
    text = ("Gen. Abiy met Lt. Col. Doumbia and Mr. Smith. The U.K. Foreign Office and the E.U. said no. "
            "A deal was signed on Jan. 5 by Pres. Ruto. He visited St. Petersburg. J. R. Smith left.")
    assert sentences(text) == [
        "Gen. Abiy met Lt. Col. Doumbia and Mr. Smith.",
        "The U.K. Foreign Office and the E.U. said no.",
        "A deal was signed on Jan. 5 by Pres. Ruto.",
        "He visited St. Petersburg.",
        "J. R. Smith left.",
    ]


def test_a_dotted_acronym_ends_a_sentence_only_before_an_opener():
    assert sentences("Talks were held in the U.S. Secretary Blinken attended.") == [
        "Talks were held in the U.S. Secretary Blinken attended."
    ]
    assert sentences("Talks were held in the U.S. The allies did not attend.") == [
        "Talks were held in the U.S.",
        "The allies did not attend.",
    ]


def test_quotes_numbers_and_lowercase_continuations():
    text = '"We won!" he said. It cost $1.2 billion (i.e. a lot). Why? Because.'
    assert sentences(text) == ['"We won!" he said.', "It cost $1.2 billion (i.e. a lot).", "Why?", "Because."]


def test_line_breaks_are_hard_boundaries_for_headings_and_captions():
    text = "Azerbaijan's victory\n\nThe flags are waved. (photo: REUTERS)\nCaption without a period\nBody text."
    assert sentences(text) == [
        "Azerbaijan's victory",
        "The flags are waved.",
        "(photo: REUTERS)",
        "Caption without a period",
        "Body text.",
    ]


def test_hard_wrapped_text_is_joined_within_paragraphs():
    line = "word " * 13
    para = (f"Ethiopia and Eritrea signed a peace deal in 2018 and {line}\n"
            f"then their leaders met again in Asmara while {line}\n"
            f"the border stayed closed for years after {line.strip()}.\n")
    text = (para + "\n") * 3
    spans = sentence_spans(text)
    assert len(spans) == 3
    assert "\n" in text[spans[0][0] : spans[0][1]]  # one sentence across the wrapped lines


def test_empty_and_blank_text():
    assert sentence_spans("") == []
    assert sentence_spans(" \n\n\t") == []
