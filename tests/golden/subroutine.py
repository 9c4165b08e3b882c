"""BASIC SUBROUTINE ADD.TAG, transpiled by pick2py. Do not edit: change the BASIC.

Source: subroutine.bas
Source SHA-256: 7667ef6b13d9412dd9d4903c5f850c7390eb5712cd0cf64b6ef10691f8f5c540
Output SHA-256: e082bafe7edd02cf1639e7195db8d4b9191edb24bba0f28179657b1d8e3baaf6
"""

from runtime_lib import rt

__basic__ = rt.ItemInfo(
    name="ADD.TAG",
    kind="SUBROUTINE",
    source="subroutine.bas",
    names={"ADD_TAG": "ADD.TAG", "TAG_TEXT": "TAG.TEXT"},
)


@rt.subroutine(__basic__)
def ADD_TAG(N, TAG_TEXT):
    """BASIC SUBROUTINE ADD.TAG(N, TAG.TEXT)."""
    # 1: SUBROUTINE ADD.TAG(N, TAG.TEXT)
    # * By-reference parameters come back as a tuple.
    # 3: N = N + 10
    N = rt.add(N, 10)
    # 4: TAG.TEXT<-1> = "done"
    TAG_TEXT = rt.replace(TAG_TEXT, -1, 0, 0, "done")
    # 5: RETURN
    return (N, TAG_TEXT)
    # 6: END
    return (N, TAG_TEXT)
