"""The memoised import of spaCy's French data compiles the same tokenizer as a plain import."""

from __future__ import annotations

import subprocess
import sys

from .conftest import EXAMPLES

_TOKENS = """
import sys
if sys.argv[1] == "memoised":
    from medgloss.spacy_french import import_french
    import_french()
    assert "spacy.lang.fr" in sys.modules
import spacy
text = sys.stdin.read()
print("|".join(t.text for t in spacy.blank("fr")(text)))
"""


def test_memoised_import_tokenizes_as_the_plain_one() -> None:
    text = (
        "Auto-immune, anti-inflammatoire, entr'ouvert, faux-vampire, saut-de-ski, c'est-à-dire, "
        "rendez-vous, peut-être, sous-cutané, l'inhibiteur, aujourd'hui, vis-à-vis, Saint-Étienne.\n"
        + EXAMPLES[0].read_text("utf-8")
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", _TOKENS, how], input=text, capture_output=True, text=True, check=True
        ).stdout
        for how in ("memoised", "plain")
    ]
    assert runs[0] == runs[1]
    assert "|saut-de-ski|" in runs[0]  # kept whole by the token_match expression the import compiles
