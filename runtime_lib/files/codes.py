"""ScarletDME status codes and message texts used by the file layer.

The numbers are ScarletDME's ``err.h`` values, which programs see through
STATUS(); the texts are its ``MESSAGES`` records, which a program shows when
a file statement fails without an ON ERROR clause. Both are behaviour to
reproduce, so they live here once, by name.
"""

from __future__ import annotations

from runtime_lib.clauses import ON_ERROR
from runtime_lib.errors import BasicError
from runtime_lib.state import state

# Command-level codes (negated into @SYSTEM.RETURN.CODE by commands).
ER_ARGS = 1
ER_NO_DIR = 5
ER_NOT_CREATED = 6
ER_STOPPED = 7

# General codes.
ER_TIMEOUT = 1011

# File system codes.
ER_IID = 3000  # illegal record id
ER_SFNF = 3001  # subfile (here: hashed store) not found
ER_NAM = 3002  # bad file name
ER_FNF = 3003  # file not found
ER_NDIR = 3004  # not a directory file
ER_RNF = 3006  # record not found
ER_NVR = 3007  # no VOC record
ER_NPN = 3008  # no pathname in VOC record
ER_VNF = 3009  # VOC record not F type
ER_IOE = 3010  # I/O error
ER_LCK = 3011  # lock held by another process
ER_NLK = 3012  # lock not held by this process
ER_NSEQ = 3013  # not a sequential file
ER_SQRD = 3015  # sequential record read before creation
ER_SQNC = 3016  # sequential record not created
ER_SQEX = 3017  # sequential record already exists (CREATE)
ER_RDONLY = 3018  # update to read-only file
ER_NOLOCK = 3023  # write/delete in a transaction without a lock
ER_SQSEEK = 3028  # seek to an invalid offset
ER_SQREL = 3029  # invalid seek relto
ER_EOF = 3030  # end of file
ER_PERM = 3035  # permissions error
ER_WRITE_ERROR = 3037  # write error

# Messages (ScarletDME MESSAGES record number in the comment).
MSG_OPEN = "Error {} opening file"  # 1402
MSG_CREATE = "Error {} creating file"  # 1401
MSG_CLEARFILE_RDONLY = "CLEARFILE on read-only file"  # 1403
MSG_CLEARFILE = "Error {} clearing file"  # 1404
MSG_DELETE = "Error {} deleting record"  # 1405
MSG_READ = "Error {} (o/s {}) reading record"  # 1406
MSG_WRITE = "Error {} (o/s {}) writing record (Possible full disk?)"  # 1407
MSG_WRITEV = "Error {} updating record"  # 1408
MSG_READNEXT = "Error {} in READNEXT"  # 1412
MSG_SELECT_TYPE = "Illegal file type for SELECT"  # 1413
MSG_SELECT = "Error {} selecting records"  # 1414
MSG_OPENSEQ = "Error {} opening sequential file record"  # 1416
MSG_READSEQ = "Error {} reading sequential file record"  # 1417
MSG_WEOF_NOT_SEQ = "WEOFSEQ on non-sequential file"  # 1418
MSG_WEOF_RDONLY = "WEOFSEQ on read-only sequential file"  # 1419
MSG_WEOF = "Error {} writing sequential file EOF"  # 1420
MSG_WRITESEQ = "Error {} writing line to sequential file"  # 1421
MSG_TXN_WRITE = "Write error in transaction commit"  # 1422
MSG_TXN_END = "END TRANSACTION when not in trasnaction"  # 1424, typo as shipped
MSG_MATREAD_TARGET = "MATREAD target is not a matrix"  # 1232
MSG_ILLEGAL_ID = "Illegal record id"  # 1107
MSG_NEEDS_FILE = "Requires file variable"  # 1200
MSG_SELECT_RANGE = "Select list number out of range"  # 1118
MSG_IN_TXN = "File operation not allowed in transaction"  # 1119


def fail(code: int, message: str, has_on_error: bool) -> int:
    """Set STATUS() to ``code`` and return ON_ERROR, or raise the fatal error.

    ScarletDME takes the ON ERROR clause when the statement has one and
    otherwise stops the program with the statement's message.
    """
    state.status = code
    if has_on_error:
        return ON_ERROR
    raise BasicError(message)
