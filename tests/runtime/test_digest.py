"""UniVerse DIGEST(): status and raw digest bytes (runtime_lib/digest.py)."""

from __future__ import annotations

import hashlib

import pytest

from runtime_lib.digest import digest

# (algorithm, data, data location, expected status, expected digest)
CASES = [
    ("MD5", "abc", 1, 0, hashlib.md5(b"abc").digest()),  # a string
    ("md5", "abc", 1, 0, hashlib.md5(b"abc").digest()),  # names in any case
    ("SHA-256", "abc", 1, 0, hashlib.sha256(b"abc").digest()),  # hyphen allowed
    ("SHA1", "\xfe\xff", 1, 0, hashlib.sha1(b"\xfe\xff").digest()),  # marks are bytes
    ("SHA512", "", 1, 0, hashlib.sha512(b"").digest()),
    ("NOPE", "abc", 1, 1, b""),  # unknown algorithm
    ("MD5", "abc", 7, 2, b""),  # bad data location
    ("MD5", "/no/such/file", 2, 3, b""),  # unreadable file
]


@pytest.mark.parametrize("algorithm, data, where, status, expected", CASES)
def test_digest(algorithm, data, where, status, expected):
    assert digest(algorithm, data, where) == (status, expected.decode("latin-1"))


def test_digest_of_a_file(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"hello\n")
    assert digest("MD5", str(path), 2) == (
        0,
        hashlib.md5(b"hello\n").digest().decode("latin-1"),
    )
