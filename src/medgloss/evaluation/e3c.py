"""E3C layer-1 documents: UIMA CAS XMI exported by WebAnno.

The text is the ``sofaString`` of ``cas:Sofa``; gold mentions are ``custom:CLINENTITY`` elements
with ``begin``/``end`` character offsets and an ``entityID`` (a UMLS CUI or ``CUILESS``). A
discontinuous mention is given by its extent. Every mention gets the group ``E3C_GROUP`` (DISO).
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree

from ..i18n import _
from .categories import E3C_GROUP
from .documents import CorpusError, Document, GoldSpan

__all__ = ["read_e3c", "read_e3c_folder"]

_CAS = "{http:///uima/cas.ecore}"
_CUSTOM = "{http:///webanno/custom.ecore}"


def read_e3c(path: str | Path) -> Document:
    """The document and clinical-entity mentions of one E3C XMI file."""
    p = Path(path)
    try:
        root = ElementTree.parse(p).getroot()
    except FileNotFoundError:
        raise CorpusError(_("no such file"), p) from None
    except ParseError as err:
        raise CorpusError(_("malformed XML: {error}").format(error=err.msg), p, err.position[0]) from None
    sofa = root.find(f"{_CAS}Sofa")
    text = sofa.get("sofaString") if sofa is not None else None
    if text is None:
        raise CorpusError(_("no cas:Sofa text in this XMI file"), p)
    spans = []
    for element in root.iter(f"{_CUSTOM}CLINENTITY"):
        try:
            start, end = int(element.get("begin", "")), int(element.get("end", ""))
        except ValueError:
            raise CorpusError(_("CLINENTITY without integer begin/end"), p) from None
        if not 0 <= start < end <= len(text):
            raise CorpusError(
                _("CLINENTITY offsets {start}-{end} outside the text").format(start=start, end=end), p
            )
        cui = element.get("entityID")
        spans.append(
            GoldSpan(
                start=start,
                end=end,
                label=E3C_GROUP,
                text=text[start:end],
                cui=cui if cui and cui != "CUILESS" else None,
                discontinuous=element.get("discontinuous") is not None,
            )
        )
    spans.sort(key=lambda s: (s.start, -s.end))
    return Document(p.stem, text, spans, str(p))


def read_e3c_folder(folder: str | Path) -> list[Document]:
    """Every ``*.xml`` document of an E3C layer folder, in name order."""
    root = Path(folder)
    if not root.is_dir():
        raise CorpusError(_("no such corpus folder"), root)
    return [read_e3c(path) for path in sorted(root.glob("*.xml"))]
