"""DIR(path): a folder's entries as op_dir (op_dio4.c) lists them."""

from __future__ import annotations

import os
import socket

import pytest

from runtime_lib.files.osdir import dir_
from runtime_lib.values import FM, VM


def entries(path) -> list[str]:
    """DIR()'s fields in sorted order (the operating system's order varies)."""
    text = dir_(str(path))
    return sorted(text.split(FM)) if text else []


def test_files_and_folders(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inner").write_text("y")
    assert entries(tmp_path) == ["a.txt" + VM + "F", "sub" + VM + "D"]
    # A trailing slash makes no difference.
    assert entries(f"{tmp_path}/") == entries(tmp_path)


def test_links_are_followed_and_broken_ones_left_out(tmp_path):
    (tmp_path / "target").mkdir()
    os.symlink(tmp_path / "target", tmp_path / "link")
    os.symlink(tmp_path / "missing", tmp_path / "broken")
    assert entries(tmp_path) == ["link" + VM + "D", "target" + VM + "D"]


def test_fifos_are_left_out_and_sockets_count_as_files(tmp_path):
    # op_dir tests the S_IFREG bit, which a socket's type also has.
    os.mkfifo(tmp_path / "fifo")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock"))
        assert entries(tmp_path) == ["sock" + VM + "F"]
    finally:
        server.close()


def test_latin1_names_round_trip(tmp_path):
    name = "caf\xe9"
    (tmp_path / name.encode("latin-1").decode("utf-8", "surrogateescape")).write_text(
        ""
    )
    assert entries(tmp_path) == [name + VM + "F"]


@pytest.mark.parametrize(
    "path",
    ["", "/no/such/folder", "x" * 256],
)
def test_nothing_to_list_is_empty(path):
    assert dir_(path) == ""


def test_a_file_is_not_a_folder(tmp_path):
    (tmp_path / "f").write_text("")
    assert dir_(str(tmp_path / "f")) == ""
