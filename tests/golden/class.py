"""BASIC CLASS ACCOUNT, transpiled by pick2py. Do not edit: change the BASIC.

Source: class.bas
Source SHA-256: 7be61551d0261b4a1747313c6d6a9577eb11a1c3d8a6c2bf3fbae7e3b300acfe
Output SHA-256: e4ed7aab2a33612617736a80a64150c0ce4e6359f1c7b8d23c1b228af9514881
"""

from runtime_lib import rt

__basic__ = rt.ItemInfo(
    name="ACCOUNT",
    kind="CLASS",
    source="class.bas",
    names={"AMOUNT_POSTED": "AMOUNT.POSTED", "NEW_BALANCE": "NEW.BALANCE"},
)
_FRAME = rt.frame_layout(AMOUNT_POSTED="AMOUNT.POSTED")


# * A QM class: persistent variables are attributes, routines are methods,
# * a LOCAL routine shares the calling method's variables through a Frame.
@rt.basic_class(
    __basic__,
    variables=(
        rt.Variable("LEDGER", "LEDGER"),
        rt.Variable("OWNER", "OWNER", public=True),
        rt.Variable("BALANCE", "BALANCE", public=True, readonly=True),
        rt.Variable("HISTORY", "HISTORY"),
    ),
    inherits=(("LEDGER", "LEDGER"),),
)
class ACCOUNT(rt.BasicObject):
    """BASIC CLASS ACCOUNT."""

    @rt.method("SUBROUTINE", "CREATE.OBJECT")
    def CREATE_OBJECT(self, NAME):
        """BASIC PUBLIC SUBROUTINE CREATE.OBJECT(NAME)."""
        # 8: OWNER = NAME
        self.OWNER = rt.stored_copy(NAME)
        # 9: BALANCE = 0
        self.BALANCE = 0
        return (NAME,)

    @rt.method("FUNCTION", "DEPOSIT")
    def DEPOSIT(self, AMOUNT, NEW_BALANCE):
        """BASIC PUBLIC FUNCTION DEPOSIT(AMOUNT, NEW.BALANCE)."""
        _v = rt.Frame(_FRAME)
        # 13: AMOUNT.POSTED = AMOUNT
        _v.AMOUNT_POSTED = rt.stored_copy(AMOUNT)
        # 14: GOSUB POST
        self.l_POST(_v)
        # 15: NEW.BALANCE = BALANCE
        NEW_BALANCE = rt.stored_copy(self.BALANCE)
        # 16: RETURN ME->BALANCE
        return rt.get_property(self, "BALANCE"), (AMOUNT, NEW_BALANCE)

    @rt.method("GET", "ENTRY")
    def get_ENTRY(self, I):
        """BASIC GET ENTRY(I)."""
        # 20: RETURN HISTORY<I>
        return rt.extract(self.HISTORY, I), (I,)

    @rt.method("SET", "ENTRY")
    def set_ENTRY(self, I, TEXT):
        """BASIC SET ENTRY(I, TEXT)."""
        # 24: HISTORY<I> = TEXT
        self.HISTORY = rt.replace(self.HISTORY, I, 0, 0, TEXT)
        return (I, TEXT)

    def l_POST(self, _v):
        """BASIC LOCAL SUBROUTINE POST."""
        # 28: BALANCE += AMOUNT.POSTED
        self.BALANCE = rt.add(self.BALANCE, _v.AMOUNT_POSTED)
        # 29: HISTORY<-1> = AMOUNT.POSTED
        self.HISTORY = rt.replace(self.HISTORY, -1, 0, 0, _v.AMOUNT_POSTED)
        # 30: RETURN
        return
