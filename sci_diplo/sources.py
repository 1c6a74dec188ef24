"""Finding and reading input documents: files, folders, standard input.

Every problem with one input becomes an ``InputError`` naming the file and the
reason, yielded in place of the document, so that one bad file never stops the
others. Text is decoded, never normalized: offsets in records point into it.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sci_diplo.errors import InputError
from sci_diplo.normalize.readable import INVISIBLE_CHARS

TEXT_SUFFIXES = (".txt", ".md")
META_SUFFIX = ".meta.json"
META_FIELDS = ("published", "url", "title", "outlet")

# Leading bytes of common binary formats (images, archives, documents, executables).
BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"PK\x05\x06", b"%PDF",
    b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ",
    b"II*\x00", b"MM\x00*", b"RIFF", b"OggS", b"ID3", b"\x00\x00\x01\x00",
)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Source:
    """A decoded input document and what is known of it."""

    path: str
    text: str
    encoding: str = "utf-8"
    meta: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def doc_id(self) -> str:
        return doc_id(self.text)


def doc_id(text: str) -> str:
    """Return the document id: the first 16 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


STDIN = "stdin:"  # the path prefix of texts read from standard input


def stdin_path(text: str) -> str:
    """Return the path a text read from stdin is stored under: "stdin:" and its document id.
    Each text piped in is a document of its own (one path for all would make each replace the
    last), and the same text piped again is recognised as unchanged."""
    return f"{STDIN}{doc_id(text)}"


def path_text(path: Path | str) -> str:
    """Return ``path`` as text that can be stored as JSON and printed. A name that is not valid
    UTF-8 reaches Python with its stray bytes as lone surrogates, which neither can hold: those
    bytes are shown as ``\\xNN`` escapes ("caf\\xe9.txt")."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


# A lone surrogate: a JSON sidecar may write one ("\ud800"), which no UTF-8 output can hold.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def looks_binary(sample: bytes) -> bool:
    """True when NUL bytes are more than 1% of ``sample``: text with stray control characters
    has a few, images, archives and BOM-less UTF-16 have many."""
    return sample.count(0) * 100 > len(sample)


def decode(data: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    """Return ``(text, encoding, warnings)`` for raw bytes; raise InputError if not text.

    UTF-8 (with or without BOM) and UTF-16 with a BOM decode as such. In other bytes
    that are not valid UTF-8, each byte that breaks UTF-8 decodes as Windows-1252 (or
    Latin-1), with a warning: a file of Windows-1252 text reads as Windows-1252, and a
    UTF-8 file with a few such bytes pasted in keeps its UTF-8 ("Perú" stays "Perú").
    Empty input, input of white space alone and binary formats are refused.
    """
    if not data.strip():
        raise InputError(path, "empty file" if not data else "file holds only white space")
    if data.startswith(UTF16_BOMS):
        try:
            text, encoding, warnings = data.decode("utf-16"), "utf-16", ()
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16 text ({exc.reason})") from None
    elif data.startswith(BINARY_MAGIC) or looks_binary(data[:8192]):
        raise InputError(path, "binary file, not text")
    else:
        try:
            text, encoding, warnings = data.decode("utf-8-sig"), "utf-8", ()
        except UnicodeDecodeError:
            if b"\x00" in data[:8192]:
                raise InputError(path, "binary file, not text") from None
            text = data.decode("utf-8-sig", _BYTE_AS_CP1252)
            if _UTF8_SEQUENCE.search(data):
                encoding = "utf-8 and windows-1252"
                warnings = (f"{path}: not all UTF-8: the bytes that are not were read as windows-1252",)
            else:
                encoding = "windows-1252"
                warnings = (f"{path}: not UTF-8, decoded as windows-1252",)
    if _blank(text):
        raise InputError(path, "file holds only white space")
    return text, encoding, warnings


def _blank(text: str) -> bool:
    """True when ``text`` holds only white space and characters that show nothing. Only its
    ends are read: a text of words stops the loop at once (reading the whole of every text
    slowed a re-run over an unchanged corpus, which reads them all, by half)."""
    prev = None
    while text != prev:
        prev, text = text, text.strip().strip(INVISIBLE_CHARS)
    return not text


# A multibyte UTF-8 sequence: a lead byte and its continuation bytes.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _byte_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Decode the bytes that break UTF-8 one by one as Windows-1252, else Latin-1."""
    assert isinstance(exc, UnicodeDecodeError)
    out = []
    for b in exc.object[exc.start : exc.end]:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))  # the five bytes Windows-1252 leaves undefined: Latin-1's C1 controls
    return "".join(out), exc.end


_BYTE_AS_CP1252 = "sci_diplo.cp1252"
codecs.register_error(_BYTE_AS_CP1252, _byte_as_cp1252)


def read_meta(path: Path) -> tuple[dict[str, str], tuple[str, ...]]:
    """Return the fields of ``<stem>.meta.json`` beside ``path`` and any warning about it."""
    meta_path = path.with_name(path.name.rsplit(".", 1)[0] + META_SUFFIX)
    if not meta_path.is_file():
        return {}, ()
    try:
        raw = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, (f"{path_text(meta_path)}: sidecar ignored ({exc})",)
    if not isinstance(raw, dict):
        return {}, (f"{path_text(meta_path)}: sidecar ignored (not a JSON object)",)
    meta = {k: _LONE_SURROGATE.sub("\ufffd", str(raw[k])) for k in META_FIELDS if isinstance(raw.get(k), (str, int))}
    return meta, ()


def read_file(path: Path, shown: str) -> Source:
    """Read and decode one file; raise InputError naming it on any failure."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(shown, os_reason(exc)) from None
    text, encoding, warnings = decode(data, shown)
    meta, meta_warnings = read_meta(path)
    return Source(shown, text, encoding, meta, warnings + meta_warnings)


def os_reason(exc: OSError) -> str:
    """Return a short reason for an OS error ("permission denied", "symlink loop" ...)."""
    import errno

    reasons = {
        errno.ENOENT: "no such file or directory",
        errno.EACCES: "permission denied",
        errno.ELOOP: "symlink loop",
        errno.EISDIR: "is a directory",
    }
    return reasons.get(exc.errno, exc.strerror or str(exc)).lower()


def stored_path(shown: str) -> Path:
    """Return the path under which the file named ``shown`` is stored: ``shown`` with "." and
    ".." steps taken out, relative to the current folder when it lies inside it. So a file named
    as ``news/a.txt``, ``./news/a.txt`` or by its absolute path is one document, not three."""
    path = os.path.normpath(shown)
    if os.path.isabs(path):
        here = os.getcwd()
        if path.startswith(here.rstrip(os.sep) + os.sep):
            return Path(os.path.relpath(path, here))
    return Path(path)


def same_file(stored: str) -> str:
    """Return the path that a file stored as ``stored`` gets now: a store written before paths
    were made relative holds absolute ones, which must still name the same document."""
    return stored if stored.startswith(STDIN) else str(stored_path(stored))


def discover(paths: Iterable[str]) -> Iterator[Path | InputError]:
    """Yield the text files named by ``paths`` (folders recursively), or an error for each bad one."""
    for shown in paths:
        path = stored_path(shown)
        try:
            path.stat()
        except OSError as exc:
            yield InputError(path_text(shown), os_reason(exc))
            continue
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path | InputError]:
    found = False
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True, onerror=None):
        st = os.stat(root)
        if (st.st_dev, st.st_ino) in seen:  # a symlinked folder already walked: a loop
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # hidden folders (".git") as hidden files
        for name in sorted(files):
            if name.lower().endswith(TEXT_SUFFIXES) and not name.startswith("."):  # "a.TXT" too
                found = True
                yield Path(root) / name
    if not found:
        yield InputError(path_text(folder), "folder holds no .txt or .md files")


def iter_sources(paths: Iterable[str], read: Callable[[Path], bool] | None = None
                 ) -> Iterator[Source | InputError | Path]:
    """Yield each input as a decoded Source, or the InputError that stops it; ``-`` is stdin.

    With ``read``, a file for which ``read(path)`` is false is yielded unread, as its Path,
    for the caller to hand to ``read_source`` (in a worker process, say).
    """
    paths = list(paths)
    for item in discover(p for p in paths if p != "-"):
        unread = isinstance(item, InputError) or (read is not None and not read(item))
        yield item if unread else read_source(item)
    if "-" in paths:
        try:
            text, encoding, warnings = decode(sys.stdin.buffer.read(), "-")
            yield Source(stdin_path(text), text, encoding, {}, warnings)
        except InputError as exc:
            yield exc


def read_source(path: Path) -> Source | InputError:
    """Return the file at ``path`` read and decoded, or the InputError that stops it."""
    try:
        return read_file(path, path_text(path))
    except InputError as exc:
        return exc
