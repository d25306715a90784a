"""``python -m medgloss``."""

from .cli import main

main()
