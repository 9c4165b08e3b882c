"""Lowering database, select-list and sequential-file statements.

Each statement calls its runtime function (see :mod:`runtime_lib.files`),
which returns an outcome code and the values the statement assigns; the
generated code stores the values, then runs the clause the outcome names::

    _o1, REC = rt.read(F, ID, lock="U", has_locked=True)
    if _o1 == rt.THEN: ...
    elif _o1 == rt.LOCKED: ...

A statement without a LOCKED clause waits for a lock, and one without ON
ERROR treats a fault as fatal; the runtime does both when told the clause is
missing (``has_locked``, ``has_on_error``).
"""

from __future__ import annotations

import libcst as cst

from transpiler import ast as A
from transpiler.lower import pybuild as P

_OUTCOME_ORDER = (
    ("then", "THEN"),
    ("else_", "ELSE"),
    ("locked", "LOCKED"),
    ("on_error", "ON_ERROR"),
)

_READS = {
    "READ": None,
    "READL": "L",
    "READU": "U",
    "READV": None,
    "READVL": "L",
    "READVU": "U",
    "MATREAD": None,
    "MATREADL": "L",
    "MATREADU": "U",
}


class FileStatements:
    """Mixin for :class:`transpiler.lower.statements.StmtLowerer`."""

    def flags(self, node: A.FileStmt, locked: bool = False) -> dict:
        kwargs = {}
        clauses = node.clauses
        if locked and clauses is not None and clauses.locked is not None:
            kwargs["has_locked"] = P.name("True")
        if clauses is not None and clauses.on_error is not None:
            kwargs["has_on_error"] = P.name("True")
        return kwargs

    def outcome(
        self,
        node: A.FileStmt,
        call: cst.BaseExpression,
        targets: list[A.Expr],
        extra: int = 0,
    ) -> list:
        """Run a statement's call, store its results, branch on the outcome."""
        clauses = node.clauses
        present = [
            (n, code)
            for n, code in _OUTCOME_ORDER
            if clauses is not None and getattr(clauses, n) is not None
        ]
        if not targets and not extra:
            if not present:
                return [P.expr_stmt(call)]
            flag = self.scope.temp()
            out = [P.assign(flag, call)]
        else:
            flag = self.scope.temp()
            names = [flag] + [self.scope.temp() for _ in range(len(targets) + extra)]
            out = [P.assign(names, call)]
            stores: list = []
            for target, name in zip(targets, names[1:]):
                stores += self.assign_to(target, P.name(name))
            if node.keyword in _READS and self.scope.mode("PICK.READ"):
                # The target keeps its value when the read fails.
                then = P.compare(P.name(flag), "==", P.rt("THEN"))
                stores = [P.if_(then, stores)]
            out += stores
        branch = None
        for name, code in reversed(present):
            body = self.body(getattr(clauses, name).body)
            test = P.compare(P.name(flag), "==", P.rt(code))
            branch = P.if_(test, body, [branch] if branch is not None else None)
        if branch is not None:
            out.append(branch)
        return out

    def lower_FileStmt(self, node: A.FileStmt) -> list:
        keyword = node.keyword
        handler = getattr(
            self, "file_" + keyword.replace(".", "_").replace(" ", "_"), None
        )
        if handler is None:
            self.scope.unsupported(node, f"the {keyword} statement")
            return []
        return handler(node)

    def args(self, node: A.FileStmt) -> list[cst.BaseExpression]:
        return [self.value(a) for a in node.args]

    # --- opening ---------------------------------------------------------------

    def file_OPEN(self, node):
        args = self.args(node)
        if len(args) == 1:
            args.insert(0, P.string(""))
        kwargs = self.flags(node)
        if "READONLY" in node.options:
            kwargs["readonly"] = P.name("True")
        return self.outcome(node, P.rt_call("open_file", *args, **kwargs), node.targets)

    def file_OPENPATH(self, node):
        kwargs = self.flags(node)
        if "READONLY" in node.options:
            kwargs["readonly"] = P.name("True")
        return self.outcome(
            node, P.rt_call("openpath", *self.args(node), **kwargs), node.targets
        )

    def file_OPENSEQ(self, node):
        kwargs = self.flags(node, locked=True)
        if node.options:
            kwargs["mode"] = P.string(node.options[0])
        return self.outcome(
            node, P.rt_call("openseq", *self.args(node), **kwargs), node.targets
        )

    # --- records ---------------------------------------------------------------

    def read_kwargs(self, node):
        kwargs = self.flags(node, locked=True)
        lock = _READS[node.keyword]
        if lock:
            kwargs["lock"] = P.string(lock)
        return kwargs

    def file_READ(self, node):
        call = P.rt_call("read", *self.args(node), **self.read_kwargs(node))
        return self.outcome(node, call, node.targets)

    file_READL = file_READU = file_READ

    def file_READV(self, node):
        call = P.rt_call("readv", *self.args(node), **self.read_kwargs(node))
        return self.outcome(node, call, node.targets)

    file_READVL = file_READVU = file_READV

    def file_MATREAD(self, node):
        matrix = self.scope.matrix(node.targets[0].name, node)
        call = P.rt_call("matread", matrix, *self.args(node), **self.read_kwargs(node))
        return self.outcome(node, call, [])

    file_MATREADL = file_MATREADU = file_MATREAD

    def write_kwargs(self, node):
        kwargs = self.flags(node)
        if node.keyword.endswith("U"):
            kwargs["keep_lock"] = P.name("True")
        return kwargs

    def file_WRITE(self, node):
        return self.outcome(
            node, P.rt_call("write", *self.args(node), **self.write_kwargs(node)), []
        )

    file_WRITEU = file_WRITE

    def file_WRITEV(self, node):
        return self.outcome(
            node, P.rt_call("writev", *self.args(node), **self.write_kwargs(node)), []
        )

    file_WRITEVU = file_WRITEV

    def file_MATWRITE(self, node):
        matrix = self.scope.matrix(node.args[0].name, node)
        rest = [self.value(a) for a in node.args[1:]]
        return self.outcome(
            node, P.rt_call("matwrite", matrix, *rest, **self.write_kwargs(node)), []
        )

    file_MATWRITEU = file_MATWRITE

    def file_DELETE(self, node):
        call = P.rt_call("delete_record", *self.args(node), **self.write_kwargs(node))
        return self.outcome(node, call, [])

    file_DELETEU = file_DELETE

    def file_RELEASE(self, node):
        return self.outcome(node, P.rt_call("release", *self.args(node)), [])

    def file_RECORDLOCKL(self, node):
        kind = P.string(node.keyword[-1])
        call = P.rt_call(
            "recordlock", *self.args(node), kind, **self.flags(node, locked=True)
        )
        return self.outcome(node, call, [])

    file_RECORDLOCKU = file_RECORDLOCKL

    def file_FILELOCK(self, node):
        call = P.rt_call("filelock", *self.args(node), **self.flags(node, locked=True))
        return self.outcome(node, call, [])

    def file_FILEUNLOCK(self, node):
        return self.outcome(
            node, P.rt_call("fileunlock", *self.args(node), **self.flags(node)), []
        )

    def file_LOCK(self, node):
        # Without ELSE, LOCK waits for the task lock (BCOMP's retry loop).
        kwargs = {}
        if node.clauses is not None and node.clauses.else_ is not None:
            kwargs["has_else"] = P.name("True")
        return self.outcome(node, P.rt_call("lock", *self.args(node), **kwargs), [])

    def file_UNLOCK(self, node):
        return self.outcome(node, P.rt_call("unlock", *self.args(node)), [])

    def file_CLEARFILE(self, node):
        return self.outcome(
            node, P.rt_call("clearfile", *self.args(node), **self.flags(node)), []
        )

    def file_CLOSE(self, node):
        return self.outcome(
            node, P.rt_call("close", *self.args(node), **self.flags(node)), []
        )

    def file_CREATE_FILE(self, node):
        kind = node.options[0] if node.options else "DYNAMIC"
        call = P.rt_call(
            "create_file", *self.args(node)[:1], P.string(kind), **self.flags(node)
        )
        return self.outcome(node, call, [])

    # --- select lists ----------------------------------------------------------

    def file_SELECT(self, node):
        if node.keyword == "SELECT" and self.scope.mode("SELECTV"):
            return self.file_SELECTV(node)
        function = {"SELECT": "select", "SSELECT": "sselect", "SELECTN": "select"}.get(
            node.keyword
        )
        if function is None:
            self.scope.unsupported(node, f"the {node.keyword} statement")
            return []
        return self.outcome(
            node, P.rt_call(function, *self.args(node), **self.flags(node)), []
        )

    file_SSELECT = file_SELECTN = file_SELECT

    def file_SELECTV(self, node):
        """SELECTV f TO var: the list goes into a select list variable."""
        if len(node.args) != 2:
            self.scope.error(node, "TO not found where expected", "E-SYNTAX")
            return []
        if not isinstance(node.args[1], A.Var):
            self.scope.error(node.args[1], "this cannot be assigned to", "E-TARGET")
            return []
        call = P.rt_call("selectv", self.value(node.args[0]), **self.flags(node))
        return self.outcome(node, call, [node.args[1]])

    def file_SELECTE(self, node):
        """SELECTE TO var: what is left of list 0 moves into var."""
        if len(node.args) != 1 or not isinstance(node.args[0], A.Var):
            self.scope.unsupported(node, "SELECTE without TO variable")
            return []
        return self.assign_to(node.args[0], P.rt_call("selecte"))

    def file_STATUS(self, node):
        """STATUS var FROM f: FILEINFO(f, FL$STATUS); BCOMP st.status always
        takes THEN, so an ELSE clause never runs."""
        info = P.rt_call("fileinfo", *self.args(node), P.number(1013))
        out = self.assign_to(node.targets[0], info)
        clauses = node.clauses
        if clauses is not None and clauses.then is not None:
            out += self.body(clauses.then.body)
        return out

    def file_READNEXT(self, node):
        flags = self.flags(node)
        if len(node.targets) == 1 and self.scope.mode("COMPOSITE.READNEXT"):
            flags["composite"] = P.name("True")
        call = P.rt_call("readnext", *self.args(node), **flags)
        extra = 3 - len(node.targets)
        if extra < 0:
            self.scope.unsupported(node, "READNEXT with more than three variables")
            return []
        return self.outcome(node, call, node.targets, extra=extra)

    def file_READLIST(self, node):
        return self.outcome(node, P.rt_call("readlist", *self.args(node)), node.targets)

    def file_GETLIST(self, node):
        return self.outcome(node, P.rt_call("getlist", *self.args(node)), [])

    def file_SAVELIST(self, node):
        return self.outcome(node, P.rt_call("savelist", *self.args(node)), [])

    def file_CLEARSELECT(self, node):
        args = self.args(node) or ([P.string("ALL")] if "ALL" in node.options else [])
        return [P.expr_stmt(P.rt_call("clearselect", *args))]

    def file_WRITELIST(self, node):
        return self.outcome(node, P.rt_call("writelist", *self.args(node)), [])

    def file_FORMLIST(self, node):
        return [P.expr_stmt(P.rt_call("formlist", *self.args(node)))]

    # --- sequential files ------------------------------------------------------

    def file_READSEQ(self, node):
        return self.outcome(
            node,
            P.rt_call("readseq", *self.args(node), **self.flags(node)),
            node.targets,
        )

    def file_WRITESEQ(self, node):
        kwargs = self.flags(node)
        if node.keyword == "WRITESEQF":
            kwargs["flush"] = P.name("True")
        return self.outcome(node, P.rt_call("writeseq", *self.args(node), **kwargs), [])

    file_WRITESEQF = file_WRITESEQ

    def file_READBLK(self, node):
        return self.outcome(
            node,
            P.rt_call("readblk", *self.args(node), **self.flags(node)),
            node.targets,
        )

    def file_WRITEBLK(self, node):
        return self.outcome(
            node, P.rt_call("writeblk", *self.args(node), **self.flags(node)), []
        )

    def file_SEEK(self, node):
        return self.outcome(node, P.rt_call("seek", *self.args(node)), [])

    def file_WEOFSEQ(self, node):
        return self.outcome(
            node, P.rt_call("weofseq", *self.args(node), **self.flags(node)), []
        )

    def file_CLOSESEQ(self, node):
        return self.outcome(
            node, P.rt_call("closeseq", *self.args(node), **self.flags(node)), []
        )

    def file_CREATE(self, node):
        return self.outcome(
            node, P.rt_call("create", *self.args(node), **self.flags(node)), []
        )

    def file_OSREAD(self, node):
        return self.outcome(
            node,
            P.rt_call("osread", *self.args(node), **self.flags(node)),
            node.targets,
        )

    def file_OSWRITE(self, node):
        return self.outcome(
            node, P.rt_call("oswrite", *self.args(node), **self.flags(node)), []
        )

    def file_OSDELETE(self, node):
        return self.outcome(
            node, P.rt_call("osdelete", *self.args(node), **self.flags(node)), []
        )

    def file_FLUSH(self, node):
        return self.outcome(node, P.rt_call("flush", *self.args(node)), [])

    def file_NOBUF(self, node):
        return self.outcome(node, P.rt_call("nobuf", *self.args(node)), [])

    def file_DELETESEQ(self, node):
        return self.outcome(
            node, P.rt_call("deleteseq", *self.args(node), **self.flags(node)), []
        )

    # --- transactions ----------------------------------------------------------

    def file_TRANSACTION_START(self, node):
        return self.outcome(node, P.rt_call("transaction_start"), [])

    def file_TRANSACTION_COMMIT(self, node):
        return self.transaction_end(
            node, self.outcome(node, P.rt_call("transaction_commit"), [])
        )

    file_COMMIT = file_TRANSACTION_COMMIT

    def file_TRANSACTION_ABORT(self, node):
        return self.transaction_end(node, [P.expr_stmt(P.rt_call("transaction_abort"))])

    file_ROLLBACK = file_TRANSACTION_ABORT

    # --- IN, parsed like a file statement ----------------------------------------

    def file_IN(self, node):
        """IN var [FOR t] [THEN/ELSE]: var = the next key's code, 0 after t
        tenths of a second; THEN when it is not 0 (BCOMP st.in, _IN)."""
        code = self.scope.temp()
        out = [P.assign(code, P.rt_call("in_", *self.args(node)))]
        out += self.assign_to(node.targets[0], P.name(code))
        return out + self.clauses_on_bool(code, node.clauses)
