"""mapviewer: offline relation maps of the actors in foreign-affairs articles.

The core (this package outside :mod:`mapviewer.ui`) is pure Python and never imports Qt.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
