"""Command line: ``mapviewer [PATH]``, ``mapviewer export``, ``mapviewer extract``.

Errors meant for the user print one line on stderr and exit with status 2; there is
never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .errors import MapviewerError

__all__ = ["main"]

EXIT_USAGE = 2


def _fail(msg: str) -> int:
    print(f"mapviewer: error: {msg}", file=sys.stderr)
    return EXIT_USAGE


def _load(path: str | None):
    from .documents import open_map, open_seed

    return open_seed() if path is None else open_map(path)


def _check_output(out: Path) -> None:
    """Refuse an output path that cannot be written before any work is done (and before the
    writer's temporary file name would show up in the message)."""
    from .errors import InputError

    parent = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise InputError(f"{out}: is a folder; name the file to write")
    if not parent.is_dir():
        raise InputError(f"{out}: the folder {parent} does not exist")


# -- subcommands ---------------------------------------------------------------------
def _cmd_export(ns: argparse.Namespace) -> int:
    from .export import export_map, supported_suffixes

    out = Path(ns.output)
    if not any(out.name.lower().endswith(s) for s in supported_suffixes()):
        return _fail(f"cannot export to {out.name!r}: use one of {', '.join(supported_suffixes())}")
    _check_output(out)
    m = _load(ns.input)
    export_map(m, out)
    print(f"wrote {out}")
    return 0


def _cmd_extract(ns: argparse.Namespace) -> int:
    from . import relmap
    from .documents import map_file_for, map_stem
    from .extract import is_suggested, map_article

    art = Path(ns.article)
    if art.name.endswith(relmap.SUFFIX) or art.suffix.lower() == ".json":
        map_file_for(art)  # a missing file or a folder is said as such
        return _fail(
            f"{art}: is a map, not an article; open it with `mapviewer {art}` "
            "or convert it with `mapviewer export`"
        )
    out = Path(ns.output) if ns.output else art.with_name(map_stem(art) + ".auto" + relmap.SUFFIX)
    if out.suffix.lower() != ".json":
        return _fail(
            f"{out.name}: the map is written as .relmap.json; for other formats use `mapviewer export`"
        )
    _check_output(out)
    m = map_article(art)
    relmap.save(m, out)
    n_sug = sum(1 for r in m.relations if is_suggested(r))
    print(
        f"wrote {out}: {len(m.actors)} actors, {len(m.relations)} relations"
        + (f" ({n_sug} suggested by the learned pass: check their quotes)" if n_sug else "")
    )
    return 0


def _cmd_open(ns: argparse.Namespace) -> int:
    if ns.self_test:
        from .selftest import run_self_test

        return run_self_test()
    # Validate the input before Qt starts, so a bad path fails fast on the command line.
    path = ns.path
    if path is not None and not os.path.exists(path):
        return _fail(f"{path}: no such file")
    from .ui.app import run_app

    return run_app(path)


_COMMANDS: dict[
    str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
] = {}


def _export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "input", help="a .relmap.json file, or an article (its curated map is used where one exists)"
    )
    p.add_argument("-o", "--output", required=True, help="output file; its extension chooses the format")


def _extract_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", help="article file (.txt, .md, .html, .pdf)")
    p.add_argument("-o", "--output", help="output .relmap.json (default: ARTICLE.auto.relmap.json)")


_COMMANDS["export"] = (
    "write a map in the format the output's extension names (.json relmap, .png, .svg, .graphml, .gexf, .csv, "
    ".md, .html), without a display",
    _export_args,
    _cmd_export,
)
_COMMANDS["extract"] = (
    "map an article automatically and write the map as .relmap.json",
    _extract_args,
    _cmd_extract,
)


def _parser_for(command: str | None) -> argparse.ArgumentParser:
    if command is None:
        p = argparse.ArgumentParser(
            prog="mapviewer",
            description="Open an article or a .relmap.json map in the viewer (the seed article if none is given).",
            epilog="Other commands: "
            + "; ".join(f"mapviewer {c} -h: {h}" for c, (h, _, _) in _COMMANDS.items()),
        )
        p.add_argument("path", nargs="?", help="a .relmap.json map or an article file")
        p.add_argument("--self-test", action="store_true", help="check the installation offscreen and exit")
        p.add_argument("--version", action="version", version=f"mapviewer {__version__}")
        return p
    help_, add_args, _ = _COMMANDS[command]
    p = argparse.ArgumentParser(prog=f"mapviewer {command}", description=help_)
    add_args(p)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mapviewer`` command. Returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args and args[0] in _COMMANDS else None
    parser = _parser_for(command)
    ns = parser.parse_args(args[1:] if command else args)
    run = _COMMANDS[command][2] if command else _cmd_open
    try:
        return run(ns)
    except MapviewerError as exc:
        return _fail(str(exc))
    except OSError as exc:  # e.g. an output folder that is not writable
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}")
    except KeyboardInterrupt:
        return 130
