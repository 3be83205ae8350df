import re

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.read import Boilerplate, repair_encoding, sentence_key, strip_markup


@pytest.mark.parametrize("broken, fixed", [
    ("generative AIâ€“powered recommendations", "generative AI–powered recommendations"),
    ("donâ€™t", "don't"),
    ("classificationâ€” can", "classification— can"),
    ("plain text", "plain text"),
])
def test_repair_encoding_fixes_mojibake(broken, fixed):
    assert repair_encoding(broken) == fixed


@pytest.mark.parametrize("line, clean", [
    ("Learn about [RAG](https://aws.amazon.com/what-is/rag/) today", "Learn about RAG today"),
    ("![Instance Types](instance_types.png) Types", "Types"),
    ("See https://docs.aws.amazon.com/sagemaker/ for details", "See for details"),
    ("<https://docs.aws.amazon.com/x.html>", ""),
    ("**Bold** and __also__ and *em*", "Bold and also and em"),
    ("<ul style=\"x\"><li>One</li></ul>", "One"),
    ("Tom &amp; Jerry", "Tom & Jerry"),
    ("Use the `@step` decorator", "Use the @step decorator"),
    ("[Whizlabs FREE TEST](#)", ""),
    ("*NOTE: CNNs are hard*", "NOTE: CNNs are hard"),
    ("about [Monitor](notes/a\tb)s", "about [Monitor](notes/a b)s"),  # no link spans a tab (a cell break)
])
def test_strip_markup_keeps_link_text_and_drops_the_rest(line, clean):
    assert strip_markup(line) == clean


@pytest.mark.parametrize("line, dropped", [
    ("Learn more about [Feature Store](https://x)", True),
    ("Reference:", True),
    ("Quick Bytes for you before the exam!", True),
    ("800+ Hands-on-Labs and Cloud Sandbox", True),
    ("Model Monitor learns more every day", False),
    ("References to S3 objects are stored in the catalog.", False),
])
def test_boilerplate_patterns(line, dropped):
    boilerplate = Boilerplate([r"learn more\b", r"references?\s*:?\s*$", r"quick bytes\b", r"\d+\+? hands-on-labs\b"])
    assert boilerplate(line) is dropped


def test_sentence_key_ignores_case_spacing_and_punctuation():
    assert sentence_key("IAM roles  provide permissions.") == sentence_key("iam roles provide permissions")


_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["plain words", " ", "\t", "\n", "\r", "\r\n", "\x1b[31m", "\u202e", "â€“", "\x80",
                                 "\x93", "\u201c", "&amp;", "\u2028", "\x0b", "\x00", "\ufeff", "Ã©", "é", "ﬁ", "ｗ"]),
                max_size=30).map("".join))
def test_repairing_only_the_lines_that_need_it_gives_what_ftfy_gives_on_the_whole_text(text):
    assert repair_encoding(text) == _CONTROLS.sub("", ftfy.fix_text(text, unescape_html=False))
