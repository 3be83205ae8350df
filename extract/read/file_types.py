"""Tell text from binary files by their content, whatever their name says."""
from __future__ import annotations

__all__ = ["binary_kind"]

# Leading bytes of the binary formats most often saved or renamed by mistake as notes.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV sound", b"AVI ": "an AVI video"}
_SAMPLE = 65_536
_CONTROLS = bytes(byte for byte in [*range(32), 127] if byte not in b"\t\n\r\x0c")
_MAX_CONTROL_SHARE = 0.05  # text has next to none; random bytes have about one in nine
_MIN_CONTROLS = 8


def binary_kind(data: bytes) -> str | None:
    """What a file's bytes are when they are not text (``"a PNG image"``,
    ``"binary data"``), or None when they may be text.

    >>> binary_kind(b"\\x89PNG\\r\\n\\x1a\\n....")
    'a PNG image'
    >>> binary_kind("Amazon S3 stores objects. Café.".encode("latin-1")) is None
    True
    """
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if len(data) > 262 and data[257:262] == b"ustar":
        return "a tar archive"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text carries NUL bytes; decoding says what it is
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return "binary data (it contains NUL bytes)"
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    if controls > _MIN_CONTROLS and controls / len(sample) > _MAX_CONTROL_SHARE:
        return "binary data (it is full of control characters)"
    return None
