"""UniVerse's DIGEST() function: message digests with hashlib.

ScarletDME has no DIGEST; UniVerse programs use it (``--dialect universe``,
see :mod:`transpiler.dialects`) to hash a string or a file's contents.
"""

from __future__ import annotations

import hashlib

from runtime_lib.values import to_int, to_str

__all__ = ["digest"]

# UniVerse's algorithm names and hashlib's.
_ALGORITHMS = {
    "MD5": "md5",
    "SHA1": "sha1",
    "SHA": "sha1",
    "SHA224": "sha224",
    "SHA256": "sha256",
    "SHA384": "sha384",
    "SHA512": "sha512",
}


def digest(algorithm: object, data: object, data_loc: object) -> tuple[int, str]:
    """Return (status, digest) for ``status = DIGEST(algorithm, data, dataLoc, result)``.

    ``algorithm`` is a name such as MD5, SHA1 or SHA256 (any case, with or
    without a hyphen); ``data_loc`` 1 means ``data`` is the string to hash,
    2 that it names a file whose bytes are hashed. The digest is the raw
    bytes, one character per byte (``OCONV(result, "MX0C")`` shows it in
    hex). Status 0 on success, 1 for an unknown algorithm, 2 for a bad
    ``data_loc``, 3 when the file cannot be read; the digest is then "".
    """
    name = _ALGORITHMS.get(to_str(algorithm).upper().replace("-", ""))
    if name is None:
        return 1, ""
    where = to_int(data_loc)
    if where == 1:
        payload = to_str(data).encode("latin-1")
    elif where == 2:
        try:
            with open(to_str(data), "rb") as handle:
                payload = handle.read()
        except OSError:
            return 3, ""
    else:
        return 2, ""
    return 0, hashlib.new(name, payload).digest().decode("latin-1")
