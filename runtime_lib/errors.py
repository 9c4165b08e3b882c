"""Runtime errors raised by BASIC code, with ScarletDME's message texts.

A BASIC program that fails stops with one line naming the fault, the BASIC
item and the line, as ScarletDME prints it::

    Non-numeric where numeric required in B at line 6 of PROG

The runtime raises these exceptions without knowing the item or line; the
program runner (``runtime_lib.program``) fills both in from the traceback,
using the line comments the transpiler leaves in generated modules.
"""

from __future__ import annotations


class BasicError(Exception):
    """A fatal BASIC runtime error (ScarletDME stops the program with it).

    ``text`` is ScarletDME's message without the location; ``variable`` names
    the BASIC variable involved where ScarletDME names one ("in B").
    ``item`` and ``line`` are filled in by the program runner.
    """

    text = "Run time error"

    def __init__(self, text: str | None = None, *, variable: str | None = None):
        super().__init__(text or self.text)
        if text is not None:
            self.text = text
        self.variable = variable
        self.item: str | None = None
        self.line: int | None = None
        self.path: str | None = None

    def message(self) -> str:
        """Return the message as ScarletDME prints it, with what is known."""
        parts = [self.text, self.subject()]
        if self.line is not None:
            parts.append(f" at line {self.line}")
        if self.item:
            parts.append(f" of {self.item}")
        return "".join(parts)

    def subject(self) -> str:
        """What the message is about, as ScarletDME words it (" in B")."""
        return f" in {self.variable}" if self.variable else ""

    def __str__(self) -> str:
        return self.message()


class NonNumericError(BasicError):
    """Non-numeric data where a number is needed (ScarletDME error 1104)."""

    text = "Non-numeric where numeric required"

    def __init__(self, value: object = None, *, variable: str | None = None):
        super().__init__(variable=variable)
        self.value = value


class DataTypeError(BasicError):
    """A value of the wrong type, say a string where a select list variable
    must be (ScarletDME error 1113)."""

    text = "Incorrect data type"


class UnassignedError(BasicError):
    """A variable was read before anything was assigned to it (error 1105)."""

    text = "Unassigned variable"

    def __init__(self, name: str = "", marker: object = None, **kwargs):
        super().__init__(**kwargs)
        self.name = name
        # The unassigned value that was read: the program runner names the
        # variable that holds it where the error happened (a subroutine's
        # parameter rather than the caller's variable it came from).
        self.marker = marker

    def subject(self) -> str:
        return f" {self.name}" if self.name else ""


class DivideByZeroError(BasicError):
    """Division by zero with `/`, `//`, DIV, IDIV or RDIV (error 1108)."""

    text = "Divide by zero error"


class SubscriptError(BasicError):
    """A matrix index outside its DIM bounds."""

    text = "Array subscript out of range"

    def subject(self) -> str:
        return f" in variable {self.variable}" if self.variable else ""


class GosubDepthError(BasicError):
    """More than 256 nested GOSUBs (ScarletDME's MAX_GOSUB_DEPTH)."""

    text = "GOSUBs nested too deeply"


class ReturnWithoutGosubError(BasicError):
    """RETURN TO with no GOSUB to return from."""

    text = "RETURN without GOSUB"


class AbortError(BasicError):
    """ABORT: the program ends with ScarletDME's "Abort" error line."""

    text = "Abort"


class ArgumentCountError(BasicError):
    """CALL with a different number of arguments than the SUBROUTINE takes.

    With the routine's name and both counts it reads as ScarletDME's
    message 1005, "Argument count mismatch calling S (Call=2, subr=1)".
    """

    text = "Argument count mismatch"

    def __init__(self, name: str = "", call: int = 0, subr: int = 0):
        super().__init__(
            f"{self.text} calling {name} (Call={call}, subr={subr})" if name else None
        )


class NotCataloguedError(BasicError):
    """CALL, DEFFUN, SUBR() or OBJECT() of an item that cannot be loaded.

    ScarletDME's k_call stops with message 1002 when it finds no object
    code for the name, upper-cased: "Unable to load 'NAME' object code".
    Here that is an item no catalogue folder has, or one that does not
    transpile; ``reason`` then holds its diagnostics, shown on the lines
    after the message so the BASIC location stays on the message line.
    """

    def __init__(self, name: str, reason: str = ""):
        super().__init__(f"Unable to load '{name.upper()}' object code")
        self.name = name
        self.reason = reason

    def message(self) -> str:
        text = super().message()
        return f"{text}\n{self.reason}" if self.reason else text


class UnsupportedAtRuntime(BasicError):
    """A statement or value the runtime cannot handle in this configuration."""


class StopProgram(Exception):
    """STOP or END: the program ends normally; not an error.

    ``message`` is STOP's optional text, already printed by the runtime.
    """

    def __init__(self, message: str | None = None):
        super().__init__(message or "")
        self.message = message


class ChainProgram(Exception):
    """CHAIN: the current program ends and ``command`` runs in its place.

    ENTER ($MODE PICK.ENTER) names a catalogued routine rather than a
    command; ``entry`` is then what runs, with no arguments.
    """

    def __init__(self, command: str, entry=None):
        super().__init__(command)
        self.command = command
        self.entry = entry
