"""Bad input: a clear error naming the file and the reason; legacy encodings decoded."""

from __future__ import annotations

import gzip

import pytest

import newsgraph
from newsgraph import errors
from newsgraph.inputs import MAX_DOCUMENT_BYTES, decode, sniff_kind

STORY = "Flood closes river road\n\nThe river road was closed on Monday after heavy rain, the council said.\n"


@pytest.mark.parametrize("data, error, words", [
    (b"", errors.EmptyInput, "empty"),
    (b"   \n\t  \n", errors.EmptyInput, "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, errors.BinaryInput, "binary"),
    (bytes(range(256)) * 20, errors.BinaryInput, "NUL"),
    (b"\xef\xbb\xbf" + b"\x01\x02\x03\x04\x05\x06\x07\x08" * 50, errors.UndecodableInput, "control"),
])
def test_bad_bytes_name_the_reason(data, error, words):
    with pytest.raises(error) as info:
        newsgraph.extract(data, source="bad.txt")
    assert "bad.txt" in str(info.value) and words in str(info.value)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_legacy_encodings_are_decoded(encoding):
    text = STORY.replace("council said", "café owner said “enough”") if encoding != "latin-1" \
        else STORY.replace("council", "café")
    article = newsgraph.extract(text.encode(encoding))
    assert "café" in article.paragraphs[0]
    assert article.headline == "Flood closes river road"


def test_truncated_gzip_is_reported(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(STORY.encode() * 50)[:-30])
    results = list(newsgraph.extract_files([str(path)]))
    assert isinstance(results[0], newsgraph.Failure)
    assert "truncated gzip" in results[0].reason and results[0].source == str(path)


def test_gzip_text_is_read(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(STORY.encode()))
    [article] = newsgraph.extract_files([str(path)])
    assert article.headline == "Flood closes river road"


def test_huge_document_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(MAX_DOCUMENT_BYTES)
    [failure] = newsgraph.extract_files([str(path)])
    assert isinstance(failure, newsgraph.Failure) and "limit" in failure.reason


def test_missing_file_and_directory(tmp_path):
    results = list(newsgraph.extract_files([str(tmp_path / "nope.txt"), str(tmp_path)]))
    assert [r.reason for r in results] == ["no such file", "not a regular file"]


def test_malformed_html_still_extracts():
    html = "<html><body><div><p>" + "</div>".join(
        f"<p>The committee met for the {n} time on the disputed bridge and heard residents for an hour" for n in
        ("first", "second", "third", "fourth", "fifth")) + "<b><i>unclosed"
    article = newsgraph.extract(html, kind="html")
    assert "disputed bridge" in article.text


@pytest.mark.parametrize("head, name, kind", [
    (b"WARC/1.1\r\n", "x.bin", "warc"),
    (b"<!DOCTYPE html><html>", "story.txt", "html"),
    (b"  <html lang='en'>", "", "html"),
    (b"Headline\n\nBody text.", "story.html", "html"),
    (b"Headline\n\nBody text.", "story", "text"),
])
def test_kind_is_sniffed_from_content_then_name(head, name, kind):
    assert sniff_kind(head, name) == kind


def test_declared_charset_wins_for_html():
    html = '<html><head><meta charset="windows-1255"></head><body>\xf9\xec\xe5\xed</body></html>'.encode("latin-1")
    assert "שלום" in decode(html, "x.html", "html")


# --- issue 13 item 5: a few bad bytes in a UTF-8 file keep it UTF-8 ------------------------------------------

UTF8_STORY = ("Ceremony in Beersheba honours “the bravest” officers\n\nThe commander, Zoë Adler, said the unit’s "
              "work in Netivot “saved lives” on Saturday. Residents of Ofakim — and of Sderot — thanked them.\n")


@pytest.mark.parametrize("stray", [b"\xff", b"\x92", b"\xe9t\xe9"])
def test_a_stray_byte_keeps_utf8_and_is_counted_in_warnings(stray):
    data = UTF8_STORY.encode("utf-8")
    at = data.index(b"The commander")
    article = newsgraph.extract(data[:at] + stray + data[at:])
    assert "“saved lives”" in article.text and "Zoë Adler" in article.text  # nothing garbled
    assert "\ufffd" in article.text
    assert any("not UTF-8" in w and "replaced" in w for w in article.warnings), article.warnings


def test_a_clean_utf8_file_has_no_warnings():
    assert newsgraph.extract(UTF8_STORY.encode("utf-8")).warnings == []


def test_a_legacy_file_with_several_accents_is_still_legacy():
    text = UTF8_STORY.replace("“", '"').replace("”", '"').replace("’", "'").replace("—", "-")
    article = newsgraph.extract(text.replace("Residents", "Les résidents, déçus,").encode("cp1252"))
    assert "résidents, déçus" in article.text and "Zoë Adler" in article.text and not article.warnings
