"""Seed articles shipped with mapviewer (installed as the package ``mapviewer._seeds``)."""
