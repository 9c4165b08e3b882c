"""Sequential files: OPENSEQ, READSEQ, WRITESEQ, READBLK, SEEK and friends.

The rules are ScarletDME's ``op_seqio.c``:

- ``OPENSEQ path`` opens an OS file by path; ``OPENSEQ file, rec`` opens
  record ``rec`` of the directory file ``file`` (registry name). A file that
  does not exist yet takes ELSE with STATUS() 0 but still sets the file
  variable: WRITESEQ, WRITEBLK, WEOFSEQ or CREATE then create it (and any
  missing folders on its path).
- OPENSEQ takes an update lock on the record (a shared one when read-only),
  keyed like a directory file's record locks, so another process's OPENSEQ
  of the same file waits or takes its LOCKED clause; CLOSESEQ, RELEASE and
  the end of the process free it. Devices and FIFOs are not locked.
- Lines end with LF; READSEQ keeps any CR. The last line may lack its LF.
  WRITESEQ writes at the current position, overwriting what is there;
  WEOFSEQ truncates the file at the current position.
- Character devices and FIFOs (``/dev/stdin``, ``/dev/tty``, named pipes)
  are read as streams; a FIFO line cut off by end of input is dropped, as
  ScarletDME drops it.
"""

from __future__ import annotations

import itertools
import os
import select as _select_module
import stat

from runtime_lib.clauses import ELSE, LOCKED, ON_ERROR, THEN
from runtime_lib.errors import BasicError
from runtime_lib.files import codes
from runtime_lib.files.account import current_account
from runtime_lib.files.codes import fail
from runtime_lib.files.dirfile import map_id
from runtime_lib.files.locks import LockSpace, lock_key_for_path, space_for
from runtime_lib.files.storage import backend_for
from runtime_lib.state import state
from runtime_lib.values import UNASSIGNED, Unassigned, to_int, to_num, to_str

__all__ = [
    "SeqFile",
    "closeseq",
    "create",
    "deleteseq",
    "flush",
    "nobuf",
    "openseq",
    "readblk",
    "readseq",
    "seek",
    "timeout",
    "weofseq",
    "writeblk",
    "writeseq",
]

_BLOCK = 65536
_seq_numbers = itertools.count(1)


class SeqFile:
    """An open sequential file: what OPENSEQ assigns to a file variable."""

    def __init__(
        self, path: str, fd: int | None, readonly: bool, kind: str, created: bool
    ):
        self.path = path
        self.fd = fd
        self.created = created
        self.wfd: int | None = None
        self.readonly = readonly
        self.kind = kind  # "file", "device" or "fifo"
        self.posn = 0
        self.line = 1
        self.nobuf = kind != "file"
        self.timeout = -1
        self.closed = False
        self.index = -next(_seq_numbers)
        self.space: LockSpace | None = None
        self.lock_name = ""
        self._rbase = 0
        self._rbuf = b""
        self._wstart = 0
        self._wbuf = bytearray()
        self._stream = bytearray()

    def __repr__(self) -> str:
        return f"SeqFile({self.path!r})"

    def basic_str(self) -> str:
        """Return the text a sequential file variable shows: its path."""
        return self.path

    # --- buffering ---------------------------------------------------------

    def flush_buffer(self) -> None:
        """Write out buffered data."""
        if self._wbuf and self.fd is not None:
            os.pwrite(self.fd, self._wbuf, self._wstart)
        self._wbuf = bytearray()

    def put(self, data: bytes) -> None:
        """Write bytes at the current position."""
        self._rbuf = b""
        if self.kind == "fifo":
            if self.wfd is None:
                self.wfd = os.open(self.path, os.O_WRONLY)
            os.write(self.wfd, data)
            return
        if self.kind != "file":
            os.write(self.fd, data)  # type: ignore[arg-type]
            return
        if self.nobuf:
            self.flush_buffer()
            os.pwrite(self.fd, data, self.posn)  # type: ignore[arg-type]
        elif self._wbuf and self.posn == self._wstart + len(self._wbuf):
            self._wbuf += data
        else:
            self.flush_buffer()
            self._wstart = self.posn
            self._wbuf = bytearray(data)
        self.posn += len(data)
        if len(self._wbuf) >= _BLOCK:
            self.flush_buffer()

    def _cache_at(self, pos: int) -> tuple[bytes, int]:
        if self._rbase <= pos < self._rbase + len(self._rbuf):
            return self._rbuf, pos - self._rbase
        self._rbase = pos
        self._rbuf = os.pread(self.fd, _BLOCK, pos)  # type: ignore[arg-type]
        return self._rbuf, 0

    def get_line(self) -> bytes | None:
        """Read up to the next LF (not included); None at end of file."""
        if self.kind != "file":
            return self._stream_line()
        self.flush_buffer()
        parts = []
        while True:
            buf, off = self._cache_at(self.posn)
            if off >= len(buf):
                return b"".join(parts) if parts else None
            end = buf.find(b"\n", off)
            if end >= 0:
                parts.append(buf[off:end])
                self.posn += end - off + 1
                self.line += 1
                return b"".join(parts)
            parts.append(buf[off:])
            self.posn += len(buf) - off

    def get_block(self, n: int) -> bytes:
        """Read up to n bytes."""
        if self.kind != "file":
            while len(self._stream) < n and self._fill():
                pass
            data = bytes(self._stream[:n])
            del self._stream[:n]
            return data
        self.flush_buffer()
        parts = []
        while n > 0:
            buf, off = self._cache_at(self.posn)
            if off >= len(buf):
                break
            chunk = buf[off : off + n]
            parts.append(chunk)
            self.posn += len(chunk)
            n -= len(chunk)
        return b"".join(parts)

    def _fill(self) -> bool:
        if self.fd is None:
            # A FIFO's read end is opened on first read, so that opening it
            # waits for a writer only when the program reads.
            self.fd = os.open(self.path, os.O_RDONLY)
        if self.timeout >= 0:
            ready, _, _ = _select_module.select([self.fd], [], [], self.timeout)
            if not ready:
                return False
        data = os.read(self.fd, _BLOCK)  # type: ignore[arg-type]
        self._stream += data
        return bool(data)

    def _stream_line(self) -> bytes | None:
        while True:
            end = self._stream.find(b"\n")
            if end >= 0:
                line = bytes(self._stream[:end])
                del self._stream[: end + 1]
                self.line += 1
                return line
            if not self._fill():
                if self.kind == "device" and self._stream:
                    line = bytes(self._stream)
                    self._stream.clear()
                    return line
                self._stream.clear()
                return None

    def size(self) -> int:
        """Return the file size, counting buffered data."""
        if not self.created:
            return -1
        if self.fd is None:
            return 0
        size = os.fstat(self.fd).st_size
        if self._wbuf:
            size = max(size, self._wstart + len(self._wbuf))
        return size

    # --- life cycle --------------------------------------------------------

    def create_now(self) -> bool:
        """Create the file (and missing folders); False if that fails."""
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:
            return False
        self.created = True
        return True

    def closeseq(self) -> None:
        """Flush, release the lock and close (CLOSESEQ)."""
        if self.closed:
            return
        self.closed = True
        try:
            self.flush_buffer()
        finally:
            for fd in (self.fd, self.wfd):
                if fd is not None:
                    os.close(fd)
            self.fd = self.wfd = None
            if self.space is not None:
                self.space.unlock_record(self.lock_name)

    def seq_fileinfo(self, key: int) -> object:
        """Answer FILEINFO() for a sequential file."""
        if key == 2:
            return self.path
        if key == 3:
            return 5
        if key == 14:
            return self.line
        if key == 1001:
            return 1 if self.readonly else 0
        if key == 1003:
            return float(self.size())
        if key == 1006:
            return self.posn
        return 0

    def __del__(self) -> None:
        # ScarletDME closes a file variable that is overwritten or goes out of
        # scope; buffered lines must reach the file.
        try:
            self.closeseq()
        except Exception:
            pass


def _seqfile(f: object) -> SeqFile | None:
    if type(f) is SeqFile and not f.closed:  # type: ignore[union-attr]
        return f  # type: ignore[return-value]
    if isinstance(f, Unassigned):
        raise f.fail()
    return None


def _not_seq() -> int:
    state.status = codes.ER_NSEQ
    return ELSE


# --- OPENSEQ ---------------------------------------------------------------------


def _locate(path: object, rec: object) -> tuple[int, str, str, str]:
    """Return (status, full path, folder, lock name) for OPENSEQ's operands."""
    if rec is None:
        name = to_str(path)
        if not name or name.endswith("/"):
            return codes.ER_NAM, "", "", ""
        full = os.path.abspath(name)
        folder, record = os.path.split(full)
        return 0, full, folder, record
    file_name, record = to_str(path), to_str(rec)
    mapped = map_id(record)
    if mapped is None:
        return codes.ER_IID, "", "", ""
    if not file_name:
        return codes.ER_NAM, "", "", ""
    status, folder = current_account().resolve(file_name, False)
    if status:
        return status, "", "", ""
    if not os.path.exists(folder):
        return codes.ER_FNF, "", "", ""
    if (
        not os.path.isdir(folder)
        or backend_for(folder) is not None
        or os.path.exists(os.path.join(folder, "~0"))
    ):
        return codes.ER_NDIR, "", "", ""
    return 0, os.path.join(folder, mapped), folder, record


def openseq(
    path: object,
    rec: object = None,
    *,
    mode: str | None = None,
    has_locked: bool = False,
    has_on_error: bool = False,
) -> tuple[int, object]:
    """Return (outcome, file variable) for OPENSEQ.

    ``OPENSEQ path [APPEND|OVERWRITE|READONLY] TO f`` and ``OPENSEQ file, rec
    ...``. THEN when the file exists; ELSE with STATUS() 0 and the file
    variable set when it does not (it is created by the first write); ELSE
    with the file variable unassigned and STATUS() 3002 (bad name), 3000
    (bad record name), 3007 (unknown registry name), 3003 (no such file),
    3004 (not a directory file) or 3013 (a folder, not a file). APPEND
    starts at the end, OVERWRITE empties the file, READONLY refuses writes
    (as does a file without write permission). LOCKED (STATUS() 3011) when
    another process has the file open and there is a LOCKED clause.
    """
    state.status = 0
    status, full, folder, lock_name = _locate(path, rec)
    if status:
        state.status = status
        return ELSE, UNASSIGNED
    mode = (mode or "").upper()
    readonly = mode == "READONLY"
    try:
        st = os.stat(full)
    except OSError:
        st = None
    kind = "file"
    fd: int | None = None
    if st is not None:
        if stat.S_ISCHR(st.st_mode):
            kind = "device"
        elif stat.S_ISFIFO(st.st_mode):
            kind = "fifo"
        elif not stat.S_ISREG(st.st_mode):
            state.status = codes.ER_NSEQ
            return ELSE, UNASSIGNED
        if not os.access(full, os.W_OK):
            readonly = True
        try:
            # A FIFO's ends are opened when first read or written: holding
            # both would hide the end of input, and opening one end waits
            # for the other side.
            if kind != "fifo":
                fd = os.open(full, os.O_RDONLY if readonly else os.O_RDWR)
        except OSError:
            try:
                fd = os.open(full, os.O_RDONLY)
                readonly = True
            except OSError:
                state.status = codes.ER_FNF
                return ELSE, UNASSIGNED
    sf = SeqFile(full, fd, readonly, kind, st is not None)
    if kind == "file":
        space = space_for(lock_key_for_path(folder))
        blocker = space.lock_record(
            lock_name, not readonly, not has_locked, sf.index, 0
        )
        if blocker:
            if fd is not None:
                os.close(fd)
            sf.fd = None
            sf.created = False
            sf.closed = True
            state.status = codes.ER_LCK
            return LOCKED, UNASSIGNED
        sf.space, sf.lock_name = space, lock_name
    if fd is not None and kind == "file":
        if mode == "APPEND":
            sf.posn = os.fstat(fd).st_size
        elif mode == "OVERWRITE" and not readonly:
            os.ftruncate(fd, 0)
    return (THEN if sf.created else ELSE), sf


# --- reading -------------------------------------------------------------------


def readseq(f: object, *, has_on_error: bool = False) -> tuple[int, str]:
    """Return (outcome, line) for READSEQ.

    ``READSEQ var FROM f``: the next line without its LF. ELSE at end of
    file (STATUS() 3006), on a file not yet created (3015) and on a variable
    that is not a sequential file (3013).
    """
    state.status = 0
    sf = _seqfile(f)
    if sf is None:
        return _not_seq(), ""
    if not sf.created:
        state.status = codes.ER_SQRD
        return ELSE, ""
    line = sf.get_line()
    if line is None:
        state.status = codes.ER_TIMEOUT if sf.kind == "fifo" else codes.ER_RNF
        return ELSE, ""
    return THEN, line.decode("latin-1")


def readblk(f: object, n: object, *, has_on_error: bool = False) -> tuple[int, str]:
    """Return (outcome, data) for READBLK: up to n bytes.

    ``READBLK var FROM f, n``. Asking for 0 bytes gives THEN and "". ELSE at
    end of file (STATUS() 3030; 1011 for a device or FIFO), on a file not
    yet created (3015) and on a variable that is not a sequential file.
    """
    state.status = 0
    count = to_int(n)
    sf = _seqfile(f)
    if sf is None:
        return _not_seq(), ""
    if count <= 0:
        return THEN, ""
    if not sf.created:
        state.status = codes.ER_SQRD
        return ELSE, ""
    data = sf.get_block(count)
    if not data:
        state.status = codes.ER_EOF if sf.kind == "file" else codes.ER_TIMEOUT
        return ELSE, ""
    return THEN, data.decode("latin-1")


# --- writing -------------------------------------------------------------------


def _writable(sf: SeqFile | None) -> int:
    """Return 0 if sf can be written (creating it if needed), else a status."""
    if sf is None:
        return codes.ER_NSEQ
    if sf.readonly:
        return codes.ER_RDONLY
    if not sf.created and not sf.create_now():
        return -codes.ER_SQNC
    return 0


def _write(
    f: object, data: bytes, fsync: bool, message: str, has_on_error: bool
) -> int:
    state.status = 0
    sf = _seqfile(f)
    status = _writable(sf)
    if status > 0:
        state.status = status
        return ELSE
    if status < 0:
        return fail(status, message.format(-status), has_on_error)
    try:
        sf.put(data)  # type: ignore[union-attr]
        if fsync and sf.kind == "file":  # type: ignore[union-attr]
            sf.flush_buffer()  # type: ignore[union-attr]
            os.fsync(sf.fd)  # type: ignore[union-attr, arg-type]
    except OSError:
        state.status = codes.ER_WRITE_ERROR
        return ELSE
    return THEN


def writeseq(
    value: object, f: object, *, flush: bool = False, has_on_error: bool = False
) -> int:
    """Return the outcome of WRITESEQ (WRITESEQF with flush=True).

    ``WRITESEQ expr TO f``: writes the value and an LF at the current
    position. ELSE with STATUS() 3013 if f is not a sequential file, 3018 if
    it is read-only. WRITESEQF also forces the data to disk.
    """
    data = (to_str(value) + "\n").encode("latin-1")
    return _write(f, data, flush, codes.MSG_WRITESEQ, has_on_error)


def writeblk(value: object, f: object, *, has_on_error: bool = False) -> int:
    """Return the outcome of WRITEBLK: the bytes written, no line end added."""
    data = to_str(value).encode("latin-1")
    return _write(f, data, False, codes.MSG_WRITESEQ, has_on_error)


def weofseq(f: object, *, has_on_error: bool = False) -> int:
    """Truncate the file at the current position (WEOFSEQ); return THEN.

    Fatal on a variable that is not a sequential file or a read-only one.
    """
    state.status = 0
    sf = _seqfile(f)
    if sf is None:
        raise BasicError(codes.MSG_WEOF_NOT_SEQ)
    if sf.readonly:
        raise BasicError(codes.MSG_WEOF_RDONLY)
    if not sf.created and not sf.create_now():
        return fail(-codes.ER_SQNC, codes.MSG_WEOF.format(codes.ER_SQNC), has_on_error)
    if sf.kind == "file":
        sf.flush_buffer()
        sf._rbuf = b""
        os.ftruncate(sf.fd, sf.posn)  # type: ignore[arg-type]
    return THEN


def create(f: object, *, has_on_error: bool = False) -> int:
    """Return the outcome of CREATE: make the file OPENSEQ did not find.

    ELSE with STATUS() 3017 if it already exists, 3018 if read-only, 3013
    if f is not a sequential file.
    """
    state.status = 0
    sf = _seqfile(f)
    if sf is None:
        return _not_seq()
    if sf.readonly:
        state.status = codes.ER_RDONLY
        return ELSE
    if sf.created:
        state.status = codes.ER_SQEX
        return ELSE
    if not sf.create_now():
        state.status = -codes.ER_SQNC
        return ON_ERROR if has_on_error else ELSE
    return THEN


# --- positioning and buffering -----------------------------------------------


def seek(f: object, offset: object = 0, relto: object = 0) -> int:
    """Return the outcome of SEEK f, offset, relto.

    relto 0 counts from the start, 1 from the current position and 2 back
    from the end (ScarletDME subtracts the offset from the size). ELSE with
    STATUS() 3029 for another relto, 3028 for a position outside the file,
    3015 for a file not yet created.
    """
    state.status = 0
    sf = _seqfile(f)
    if sf is None:
        return _not_seq()
    if not sf.created:
        state.status = codes.ER_SQRD
        return ELSE
    number = to_num(offset)
    distance = int(number)
    base = to_int(relto)
    if sf.kind != "file":
        state.status = codes.ER_SQSEEK
        return ELSE
    size = sf.size()
    if base == 0:
        target = distance
    elif base == 1:
        target = sf.posn + distance
    elif base == 2:
        target = size - distance
    else:
        state.status = codes.ER_SQREL
        return ELSE
    if not 0 <= target <= size:
        state.status = codes.ER_SQSEEK
        return ELSE
    sf.posn = target
    return THEN


def flush(f: object) -> int:
    """Return the outcome of FLUSH: buffered data forced to disk."""
    state.status = 0
    sf = _seqfile(f)
    if sf is None:
        return _not_seq()
    if sf.fd is not None:
        sf.flush_buffer()
        if sf.kind == "file":
            os.fsync(sf.fd)
    return THEN


def nobuf(f: object) -> int:
    """Return the outcome of NOBUF: later writes go straight to the file."""
    state.status = 0
    sf = _seqfile(f)
    if sf is None:
        return _not_seq()
    sf.flush_buffer()
    sf.nobuf = True
    return THEN


def timeout(f: object, seconds: object) -> None:
    """TIMEOUT f, n: READSEQ/READBLK on a device or FIFO wait n seconds."""
    sf = _seqfile(f)
    if sf is None:
        state.status = codes.ER_NSEQ
        return
    sf.timeout = to_int(seconds)
    state.status = 0


def closeseq(f: object, *, has_on_error: bool = False) -> int:
    """Flush and close a sequential file, releasing its lock; return THEN.

    CLOSESEQ is ScarletDME's CLOSE, so a record file variable is closed too.
    """
    if type(f) is SeqFile:
        f.closeseq()
        return THEN
    from runtime_lib.files.records import close

    return close(f, has_on_error=has_on_error)


def deleteseq(path: object, rec: object = None, *, has_on_error: bool = False) -> int:
    """Return the outcome of DELETESEQ path or DELETESEQ file, rec.

    ELSE with STATUS() 3003 if there is no such file, 3013 if it is not a
    plain file, 3018 without write permission.
    """
    state.status = 0
    record = "" if rec is None else to_str(rec)
    if record:
        status, full, _, _ = _locate(path, record)
    else:
        name = to_str(path)
        status, full = (codes.ER_NAM, "") if not name else (0, os.path.abspath(name))
    if status:
        state.status = status
        return ELSE
    try:
        st = os.stat(full)
    except OSError:
        state.status = codes.ER_FNF
        return ELSE
    if not stat.S_ISREG(st.st_mode):
        state.status = codes.ER_NSEQ
        return ELSE
    if not os.access(full, os.W_OK):
        state.status = codes.ER_RDONLY
        return ELSE
    try:
        os.remove(full)
    except FileNotFoundError:
        pass
    except OSError:
        return fail(
            -codes.ER_PERM, codes.MSG_OPENSEQ.format(codes.ER_PERM), has_on_error
        )
    return THEN
