"""medgloss: find, link and check the medical vocabulary of French health articles (FR→EN)."""

__version__ = "0.1.0"
