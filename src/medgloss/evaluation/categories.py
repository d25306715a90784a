"""How medgloss categories compare with the UMLS semantic groups of third-party corpora.

QUAERO and Mantra label each mention with a UMLS semantic group; E3C's clinical entities
(diseases, signs, symptoms and findings) are treated as ``DISO``. Each medgloss category maps to
at most one group:

============================================================  =====
medgloss category                                             group
============================================================  =====
disorder, sign-symptom                                        DISO
drug, drug-class, substance, pharmaceutical-form              CHEM
procedure, test                                               PROC
anatomy                                                       ANAT
physiology                                                    PHYS
organism                                                      LIVB
device                                                        DEVI
public-health, research, other                                (none)
============================================================  =====

Categories without a group (professions and institutions fall in UMLS's LIVB or ORGA, research
vocabulary in CONC or PROC) count in the all-category figures but in no per-group row. UMLS
groups without a medgloss counterpart (GEOG, OBJC, PHEN…) can only be missed.
"""

from __future__ import annotations

__all__ = ["E3C_GROUP", "GROUP_OF_CATEGORY", "UMLS_GROUPS", "group_of"]

UMLS_GROUPS = {
    "ACTI": "Activities & Behaviors",
    "ANAT": "Anatomy",
    "CHEM": "Chemicals & Drugs",
    "CONC": "Concepts & Ideas",
    "DEVI": "Devices",
    "DISO": "Disorders",
    "GENE": "Genes & Molecular Sequences",
    "GEOG": "Geographic Areas",
    "LIVB": "Living Beings",
    "OBJC": "Objects",
    "OCCU": "Occupations",
    "ORGA": "Organizations",
    "PHEN": "Phenomena",
    "PHYS": "Physiology",
    "PROC": "Procedures",
}
"""The UMLS semantic groups (McCray et al. 2001), by abbreviation."""

GROUP_OF_CATEGORY = {
    "disorder": "DISO",
    "sign-symptom": "DISO",
    "drug": "CHEM",
    "drug-class": "CHEM",
    "substance": "CHEM",
    "pharmaceutical-form": "CHEM",
    "procedure": "PROC",
    "test": "PROC",
    "anatomy": "ANAT",
    "physiology": "PHYS",
    "organism": "LIVB",
    "device": "DEVI",
}

E3C_GROUP = "DISO"
"""The group E3C's ``CLINENTITY`` mentions are compared with."""


def group_of(category: str | None) -> str | None:
    """The UMLS group of a medgloss category, or None.

    >>> group_of("sign-symptom"), group_of("drug-class"), group_of("research")
    ('DISO', 'CHEM', None)
    """
    return GROUP_OF_CATEGORY.get(category or "")
