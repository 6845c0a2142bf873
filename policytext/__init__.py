"""policytext: repair, segment and extract structured elements from Chinese policy texts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document

__version__ = "0.1.0"
__all__ = ["analyze", "__version__"]


def analyze(text: str | bytes, **options) -> Document:
    """Run every stage over one article (text or raw bytes) and return its `Document`."""
    from .pipeline import analyze as _analyze

    return _analyze(text, **options)
