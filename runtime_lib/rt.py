"""The runtime facade: every name generated code uses, as ``rt.<name>``.

Generated modules do ``from runtime_lib import rt`` and call ``rt.add``,
``rt.extract``, ``rt.print_``, ... The functions live in topic modules
(values, arith, compare, strings, dynarray, conversions, files, terminal,
control, calls, ...); this module only gathers them. A name here is part of
the contract between the transpiler and the runtime.
"""

# ruff: noqa: F401, F403
from runtime_lib.arith import *
from runtime_lib.calls import (
    ItemInfo,
    arg,
    argument_list,
    named_args,
    set_arg,
    assigned,
    call,
    call_function,
    call_target,
    catalogued,
    clearcommon,
    common,
    enter,
    function_target,
    program,
    subr,
    unassigned_,
    var_args,
)
from runtime_lib.characters import *
from runtime_lib.clauses import ELSE, LOCKED, ON_ERROR, THEN
from runtime_lib.compare import *
from runtime_lib.control import (
    abort,
    aborte,
    done,
    done_value,
    for_range,
    for_test,
    gosub,
    on_index,
    on_index_in_range,
    return_to,
    return_to_without_gosub,
    run_sections,
    stop,
    stope,
)
from runtime_lib.conversions import *
from runtime_lib.digest import digest
from runtime_lib.dynarray import *
from runtime_lib.fields import Fields
from runtime_lib.execute import chain, execute, os_error, os_execute
from runtime_lib.files import *
from runtime_lib.files import delete as delete_record
from runtime_lib.files.itype import itype
from runtime_lib.files.osdir import dir_
from runtime_lib.files.trans import rtrans, trans
from runtime_lib.dynarray import delete  # DELETE() the function wins the short name
from runtime_lib.hashmap import hashmap_get, hashmap_init, hashmap_put
from runtime_lib.locate import *
from runtime_lib.matching import *
from runtime_lib.maths import *
from runtime_lib.matrix import Matrix, inmat
from runtime_lib.messages import get_messages, sysmsg
from runtime_lib.multivalue import *
from runtime_lib import como as _como  # registers the COMO command
from runtime_lib.removeptr import *
from runtime_lib import phantom as _phantom  # registers the PHANTOM command
from runtime_lib import run_verb as _run_verb  # registers the RUN command
from runtime_lib.pick_messages import errmsg
from runtime_lib.phantom import chgphant
from runtime_lib.process import exit_child, fork
from runtime_lib.objects import (
    BasicObject,
    Frame,
    Variable,
    basic_class,
    disinherit,
    frame_layout,
    get_property,
    get_property_args,
    inherit,
    method,
    object_,
    objinfo,
    set_property,
)
from runtime_lib.pycall import function, subroutine
from runtime_lib.session import (
    at,
    at_set,
    env,
    logmsg,
    nap,
    precision,
    sentence,
    set_exit_status,
    sleep,
    status,
    system,
    tclread,
)
from runtime_lib.settings import config, getnls, umask
from runtime_lib.sockets import *
from runtime_lib.smath import *
from runtime_lib.strings import *
from runtime_lib.terminal import (
    bindkey,
    break_,
    cleardata,
    clearinput,
    crt,
    cursor,
    data,
    echo,
    footing,
    getpu,
    heading,
    hush,
    in_,
    input_,
    input_at,
    input_at_status,
    input_status,
    inputcsv,
    inputblk,
    inputerr,
    keycode,
    keyedit,
    keyexit,
    keytrap,
    keyin,
    keyinc,
    keyinr,
    keyready,
    page,
    print_,
    print_on,
    printer,
    printer_close,
    printer_display,
    printer_file,
    printer_name,
    printer_setting,
    printerr,
    prompt,
    restore_screen,
    save_screen,
    setpu,
    ttyget,
    ttyset,
)
from runtime_lib.terminal import terminfo_ as terminfo
from runtime_lib.values import *
from runtime_lib.values import is_numeric


def num(value: object) -> int:
    """NUM(s): 1 if s is a number (ScarletDME's strict test), else 0."""
    return 1 if is_numeric(value) else 0
