"""Turning files, stdin and bytes into decoded documents.

1. Read the bytes (stdin for '-'), gunzip when the bytes say gzip.
2. Sniff the kind from the content first, the name second: WARC, HTML, text.
3. Reject what cannot be an article, with the reason: empty, binary,
   too large, undecodable, truncated.
4. Decode: BOM, the page's declared charset, UTF-8, then the best guess
   (cp1252, latin-1, ...) from charset-normalizer. A UTF-8 file with a
   few bad bytes stays UTF-8: they become U+FFFD and a warning says how
   many (`Decoded.warnings`); a legacy code page is used only when the
   bytes are not mostly UTF-8.
5. HTML: a tag with more than MAX_ATTRIBUTES attributes keeps its first
   ones (with a warning): HTML parsers and date finders are quadratic in
   the attributes of one element (10^5 of them took minutes).

WARC files are not read whole: `newsgraph.readers.warc` streams them.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import zlib
from dataclasses import dataclass

from .errors import BinaryInput, EmptyInput, TooLargeInput, TruncatedInput, UndecodableInput, UnknownInputKind

MAX_DOCUMENT_BYTES = 50_000_000
"""A single text or HTML document of this size or more is refused (WARCs are streamed)."""

_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"RIFF",
                 b"\x00\x00\x01\x00", b"BZh", b"\xfd7zXZ", b"OggS", b"ID3", b"SQLite format 3")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|article|p|section)\b",
                         re.I | re.S)
_HTML_ANYWHERE = re.compile(rb"<(?:html|body|article|div|p)\b[^>]*>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_KINDS = ("text", "html", "warc")
MAX_ATTRIBUTES = 100
"""Attributes an HTML tag keeps; the rest are dropped before parsing (`tame_html`)."""
TAME_FROM = 20_000
"""Pages with fewer '=' than this are not searched for such tags (the search costs ~2 ms a page; ordinary pages
have up to ~23,000 '=', a tag slow to parse has tens of thousands on its own)."""
_LONG_TAG = re.compile(r"<([A-Za-z][\w:.-]*)(\s[^<>]{2000,})>")  # only tags this long can hold that many
_ATTRIBUTE = re.compile(r"""\s+[^\s"'<>/=]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)""")
UTF8_MAJORITY = 2
"""A file stays UTF-8 when its well-formed multi-byte characters are at least this many times its bad bytes."""


@dataclass
class RawInput:
    """The bytes of one input before decoding."""

    name: str
    data: bytes
    kind: str
    text: str | None = None  # set when the caller handed over text already decoded

    @property
    def content_id(self) -> str:
        return hashlib.sha256(self.data).hexdigest()[:16]


def is_gzip(head: bytes) -> bool:
    return head[:2] == b"\x1f\x8b"


def sniff_kind(head: bytes, name: str = "") -> str:
    """'warc', 'html' or 'text', from the first bytes (decompressed) and then the name."""
    stripped = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"WARC/"):
        return "warc"
    if _HTML_START.match(stripped) or _HTML_ANYWHERE.search(head[:65536]):
        return "html"
    lowered = name.lower().removesuffix(".gz")
    if lowered.endswith((".warc", ".arc")):
        return "warc"
    if lowered.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"


def peek(path: str, size: int = 65536) -> bytes:
    """The first bytes of a file, decompressed when it is gzip."""
    with open(path, "rb") as fh:
        return gunzip_head(fh.read(size))


def gunzip_head(head: bytes, size: int = 65536) -> bytes:
    if is_gzip(head):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, size)
        except zlib.error:
            return b""
    return head


def read_input(path: str, kind: str | None = None) -> RawInput:
    """Read one text or HTML file whole, gunzipped and size-checked (stdin is read by `newsgraph.api`)."""
    with open(path, "rb") as fh:
        head = fh.read(2)
        size = os.fstat(fh.fileno()).st_size
        if size >= MAX_DOCUMENT_BYTES and not is_gzip(head):
            raise TooLargeInput(f"file of {size:,} bytes is over the {MAX_DOCUMENT_BYTES:,}-byte limit for one "
                                "document", path)
        data = head + fh.read(MAX_DOCUMENT_BYTES + 1 - len(head))
    return raw_input(data, path, kind)


def raw_input(data: bytes, name: str = "-", kind: str | None = None) -> RawInput:
    """Check and gunzip in-memory bytes; sniff the kind unless given."""
    if is_gzip(data):
        data = gunzip(data, name)
    if len(data) >= MAX_DOCUMENT_BYTES:
        raise TooLargeInput(f"document of {len(data):,} bytes or more is over the "
                            f"{MAX_DOCUMENT_BYTES:,}-byte limit", name)
    if kind is not None and kind not in _KINDS:
        raise UnknownInputKind(f"unknown input kind {kind!r} (use one of {', '.join(_KINDS)})", name)
    if not data.strip():
        raise EmptyInput("empty input", name)
    return RawInput(name, data, kind or sniff_kind(data[:65536], name))


def gunzip(data: bytes, name: str) -> bytes:
    """Decompress gzip bytes (all members), at most to the document limit."""
    parts, size = [], 0
    while data:
        stream = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            part = stream.decompress(data, MAX_DOCUMENT_BYTES - size)
        except zlib.error as exc:
            raise TruncatedInput(f"corrupt gzip data ({exc})", name) from None
        if stream.unconsumed_tail:
            raise TooLargeInput(f"decompresses to {MAX_DOCUMENT_BYTES:,} bytes or more", name)
        if not stream.eof:
            raise TruncatedInput("truncated gzip: the compressed stream ends early", name)
        parts.append(part)
        size += len(part)
        data = stream.unused_data
    return b"".join(parts)


def looks_binary(data: bytes) -> str | None:
    """Why the bytes are not text, or None when they may be."""
    head = data[:4096]
    if head.startswith(_BINARY_MAGIC):
        return "binary file (signature of an image, archive or executable), not text or HTML"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte-order mark
    nul = head.count(b"\x00")
    if nul and _utf16_without_bom(head) is None:
        return f"binary data ({nul} NUL bytes in the first {len(head)})"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte is NUL, as in ASCII text in UTF-16."""
    even, odd = head[0::2], head[1::2]
    for enc, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if len(zeros) > 8 and zeros.count(0) >= 0.9 * len(zeros):
            return enc
    return None


@dataclass(frozen=True)
class Decoded:
    """Decoded text, and what the reader should know about how it was decoded."""

    text: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes, name: str = "-", kind: str = "text") -> str:
    """Decoded text: BOM, declared charset (HTML), UTF-8, then the best guess."""
    return decode_text(data, name, kind).text


def decode_text(data: bytes, name: str = "-", kind: str = "text") -> Decoded:
    """`decode`, with warnings: bytes that are not UTF-8 replaced in an otherwise UTF-8 file, HTML tags trimmed."""
    decoded = _decode(data, name, kind)
    if kind != "html" or data.count(b"=") < TAME_FROM:
        return decoded
    text, trimmed = tame_html(decoded.text)
    if not trimmed:
        return decoded
    return Decoded(text, (*decoded.warnings, _trimmed_warning(trimmed)))


def given_text(text: str, kind: str) -> Decoded:
    """Text handed over already decoded, HTML tamed as `decode_text` does."""
    if kind != "html" or text.count("=") < TAME_FROM:
        return Decoded(text)
    tamed, trimmed = tame_html(text)
    return Decoded(tamed, (_trimmed_warning(trimmed),) if trimmed else ())


def _trimmed_warning(trimmed: int) -> str:
    return f"{trimmed} HTML tags with more than {MAX_ATTRIBUTES} attributes kept their first {MAX_ATTRIBUTES}"


def tame_html(html: str) -> tuple[str, int]:
    """HTML whose tags keep at most MAX_ATTRIBUTES attributes each; how many tags were trimmed."""
    trimmed = 0

    def trim(match: re.Match) -> str:
        nonlocal trimmed
        if match.group(2).count("=") <= MAX_ATTRIBUTES:
            return match.group(0)  # most long tags: a long URL, a data: image, a script's string
        attributes = _ATTRIBUTE.findall(match.group(2))
        if len(attributes) <= MAX_ATTRIBUTES:
            return match.group(0)
        trimmed += 1
        closing = "/" if match.group(2).rstrip().endswith("/") else ""
        return f"<{match.group(1)}{''.join(attributes[:MAX_ATTRIBUTES])}{closing}>"

    return _LONG_TAG.sub(trim, html), trimmed


def _decode(data: bytes, name: str, kind: str) -> Decoded:
    why = looks_binary(data)
    if why:
        raise BinaryInput(why, name)
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return Decoded(_clean(data.decode(enc), name))
            except UnicodeDecodeError as exc:
                raise UndecodableInput(f"bytes do not match their {enc} byte-order mark ({exc.reason})", name) from None
    candidates = ["utf-8"]
    bomless = _utf16_without_bom(data[:4096])
    if bomless:
        candidates.insert(0, bomless)
    if kind == "html":
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            candidates.insert(0, declared.group(1).decode("ascii", "replace"))
    for enc in candidates:
        if _is_utf8(enc):
            decoded = _mostly_utf8(data)
            if decoded is not None:
                return Decoded(_clean(decoded.text, name), decoded.warnings)
            continue
        try:
            return Decoded(_clean(data.decode(enc), name))
        except (UnicodeDecodeError, LookupError):
            continue
    return Decoded(_clean(_guess_decode(data, name), name))


def _is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 text, with bad bytes replaced when well-formed multi-byte characters outnumber them; else None.

    A legacy 8-bit file almost never holds a valid multi-byte sequence (its accents are lone high bytes),
    so a file whose non-ASCII bytes mostly pair up as UTF-8 is UTF-8 with some damage.
    """
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    well_formed = sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd")
    if well_formed < UTF8_MAJORITY * replaced:
        return None
    plural = "s" if replaced != 1 else ""
    return Decoded(text, (f"{replaced} byte sequence{plural} not UTF-8 in an otherwise UTF-8 input, "
                          "replaced with U+FFFD",))


def _guess_decode(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    encodings = [best.encoding] if best is not None else []
    for enc in (*encodings, "cp1252"):
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    raise UndecodableInput("no text encoding fits the bytes (not UTF-8, UTF-16 or a legacy 8-bit encoding)", name)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _clean(text: str, name: str) -> str:
    """Refuse decoded text that is mostly control characters."""
    sample = text[:20000]
    bad = len(_CONTROL.findall(sample))
    if sample and bad > max(8, len(sample) // 50):
        raise UndecodableInput(f"decodes to unreadable control characters ({bad} in the first {len(sample)})", name)
    if not text.strip():
        raise EmptyInput("empty input (only whitespace after decoding)", name)
    return text
