"""The helpers behind the pick2py file subcommands."""

from __future__ import annotations

import pytest

import runtime_lib.files as rt
from runtime_lib.clauses import THEN
from runtime_lib.files import admin, reset_session
from runtime_lib.values import FM, VM


@pytest.fixture
def account(tmp_path, monkeypatch):
    folder = tmp_path / "acct"
    folder.mkdir()
    monkeypatch.chdir(tmp_path)
    reset_session()
    yield folder
    reset_session()


def test_create_and_list(account):
    messages = admin.create_file("ORDERS", account=account)
    assert messages[-1] == "Added default '@ID' record to dictionary"
    admin.create_file("BP", "directory", account=account)
    entries = {e.name: e for e in admin.list_files(account=account)}
    assert entries["ORDERS"] == admin.FileEntry(
        "ORDERS", "DYNAMIC", "ORDERS", "ORDERS.DIC", 0
    )
    assert entries["BP"].kind == "DIRECTORY"
    assert entries["VOC"].kind == "DIRECTORY"
    with pytest.raises(admin.AdminError, match="DATA part of file already exists"):
        admin.create_file("ORDERS", account=account)
    with pytest.raises(admin.AdminError, match="unknown file kind"):
        admin.create_file("X", "HASHED", account=account)


def test_admin_leaves_current_account_alone(account, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    rt.set_account(other)
    admin.create_file("F", account=account)
    assert rt.current_account().path == str(other)


def test_export_then_import_round_trip(account, tmp_path):
    admin.create_file("ORDERS", account=account)
    rt.set_account(account)
    f = rt.open_file("", "ORDERS")[1]
    records = {"A1": "x" + FM + "y" + VM + "z", ".dot": "d", "B*2": ""}
    for id, record in records.items():
        rt.write(record, f, id)
    folder = tmp_path / "SCARLET.DIR"
    assert admin.export_records("ORDERS", folder, account=account) == 3
    assert (folder / "A1").read_bytes() == b"x\ny\xfdz\n"
    assert (folder / "%ddot").read_bytes() == b"d\n"  # ScarletDME's name mapping
    admin.create_file("COPY", account=account)
    assert admin.import_records(folder, "COPY", account=account) == 3
    g = rt.open_file("", "COPY")[1]
    for id, record in records.items():
        assert rt.read(g, id) == (THEN, record)
    assert admin.import_records(folder, "COPY", overwrite=False, account=account) == 0
    assert admin.import_records(folder, "COPY", ids=["A1"], account=account) == 1


def test_register_existing_folder(account, tmp_path):
    bp = tmp_path / "BP"
    bp.mkdir()
    (bp / "PROG").write_bytes(b"PRINT 1\nEND\n")
    admin.register_file("BP", bp, account=account)
    rt.set_account(account)
    f = rt.open_file("", "BP")[1]
    assert rt.read(f, "PROG") == (THEN, "PRINT 1" + FM + "END")
    with pytest.raises(admin.AdminError, match="already in the registry"):
        admin.register_file("BP", bp, account=account)
    with pytest.raises(admin.AdminError, match="is not a folder"):
        admin.register_file("NOPE", tmp_path / "missing", account=account)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda a, t: admin.export_records("NOPE", t / "x", account=a), "not a file"),
        (
            lambda a, t: admin.import_records(t / "missing", "F", account=a),
            "is not a folder",
        ),
        (
            lambda a, t: admin.export_records("F", t / "x", ids=["ZZ"], account=a),
            "record 'ZZ' is not in",
        ),
    ],
)
def test_admin_errors(account, tmp_path, call, message):
    admin.create_file("F", account=account)
    with pytest.raises(admin.AdminError, match=message):
        call(account, tmp_path)


def test_import_refuses_scarletdme_hashed_file(account, tmp_path):
    dh = tmp_path / "DH"
    dh.mkdir()
    (dh / "~0").write_bytes(b"")
    admin.create_file("F", account=account)
    with pytest.raises(admin.AdminError, match="ScarletDME hashed file"):
        admin.import_records(dh, "F", account=account)
