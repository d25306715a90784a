"""Every built-in rule, by id, in the order they are documented."""

from __future__ import annotations

from .abbreviation_rules import abbreviation_before_definition, undefined_abbreviation
from .equivalent_rules import missing_equivalent
from .number_rules import number_format, number_mismatch, unit_mismatch, unit_notation
from .registry import Rule
from .term_rules import (
    deprecated_term,
    forbidden_term,
    inconsistent_variant,
    mixed_variant,
    register,
    wrong_variant,
)

__all__ = ["RULES"]

RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        forbidden_term,
        deprecated_term,
        inconsistent_variant,
        undefined_abbreviation,
        abbreviation_before_definition,
        register,
        mixed_variant,
        wrong_variant,
        number_format,
        unit_notation,
        missing_equivalent,
        number_mismatch,
        unit_mismatch,
    )
}
