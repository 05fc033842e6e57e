"""Prints, as JSON, what CPython and pip see in archives: the independent oracle.

Usage: python3 cpython-members.py FILE...  (.whl files via zipfile and pip's unzip_file,
.tar.gz via tarfile and pip's untar_file). For each file: {"zipfile"|"tarfile": [...] or
{"error": ...}, "pip": [...] or {"error": ...}}, members as [name, size, sha256] for regular
files only, in archive order (pip: sorted paths of the unpacked tree).
"""

import hashlib
import json
import os
import sys
import tarfile
import tempfile
import zipfile

from pip._internal.utils.unpacking import untar_file, unzip_file


def sha(data):
    return hashlib.sha256(data).hexdigest()


def with_zipfile(path):
    with zipfile.ZipFile(path) as archive:
        return [
            [info.filename, info.file_size, sha(archive.read(info))]
            for info in archive.infolist()
            if not info.is_dir()
        ]


def with_tarfile(path):
    with tarfile.open(path, "r:gz") as archive:
        members = []
        for info in archive.getmembers():
            if info.isfile():
                members.append([info.name, info.size, sha(archive.extractfile(info).read())])
            elif not info.isdir():
                members.append([info.name, -1, "type " + info.type.decode("latin1")])
        return members


def with_pip(path):
    with tempfile.TemporaryDirectory() as target:
        if path.endswith(".whl"):
            unzip_file(path, target, flatten=False)
        else:
            untar_file(path, target)
        found = []
        for root, _dirs, files in os.walk(target):
            for name in files:
                full = os.path.join(root, name)
                with open(full, "rb") as handle:
                    data = handle.read()
                found.append([os.path.relpath(full, target).replace(os.sep, "/"), len(data), sha(data)])
        return sorted(found)


def guarded(read, path):
    try:
        return read(path)
    except BaseException as error:  # the oracle reports, it does not judge
        return {"error": type(error).__name__ + ": " + str(error)[:200]}


result = {}
for path in sys.argv[1:]:
    reader = with_zipfile if path.endswith(".whl") else with_tarfile
    result[path] = {
        "stdlib": guarded(reader, path),
        "pip": guarded(with_pip, path),
    }
print(json.dumps(result))
