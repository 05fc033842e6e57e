"""The Warehouse stand-in's archive reader: what PyPI finds inside an uploaded file, read with
CPython's own zipfile, tarfile, csv and configparser, as Warehouse reads it (reference
pypi-upload-rules.md sections 2, 3 and 6). Written for the stand-in from the reference; it is
the tests' model of PyPI, not a copy of Warehouse's code.

A long-lived helper (python-worker.ts's protocol): {"ready": true} first, then one JSON request
per line on stdin, one JSON answer per line on stdout, in order, {"failure": ...} when a request
cannot be answered. Requests:

  {"op": "check", "path": P, "filename": F, "filetype": "sdist" | "bdist_wheel",
   "license_files": [...]}
      -> {"archive": V, "contents": V}, V being null (passes) or {"status": N, "message": M}.
         "archive" is the framing verdict (checked before the filename rules); "contents" the
         License-File / RECORD / entry points / METADATA verdict (checked after them).
  {"op": "stdlib", "name": N}
      -> {"stdlib": true | false}: whether a new project may not take the name N.

Any error this reader does not expect is answered as Warehouse answers an uncaught one: 500.
"""

import configparser
import csv
import json
import os
import re
import sys
import sysconfig
import tarfile
import zipfile
import zlib

MIB = 1024 * 1024
RATIO_MIN_INFLATED = 64 * MIB
RATIO_LIMIT = 50
SUPPORTED_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
ENTRY_POINT_NAME = re.compile(r"[\w.-]+")


class Refused(Exception):
    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


def common_path(names):
    return os.path.commonpath(names) if names else ""


def name_and_version(filename):
    """The first two dash-separated fields of a wheel's filename, verbatim."""
    parts = os.path.basename(filename).split("-", 2)
    if len(parts) < 3:
        raise Refused("Unable to parse name and version from wheel filename")
    return parts[0], parts[1]


def member_exists(zf, name):
    try:
        zf.getinfo(name)
    except KeyError:
        return False
    return True


def framing_zip(path, filename):
    """Returns an error reason, None for "Invalid distribution file. None", or "" (passes)."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            inflated = sum(info.file_size for info in infos)
            if inflated > RATIO_MIN_INFLATED and inflated / os.path.getsize(path) > RATIO_LIMIT:
                return f"File exceeds compression ratio of {RATIO_LIMIT}"
            if any(info.compress_type not in SUPPORTED_COMPRESSION for info in infos):
                return "File does not use a supported compression type"
            if filename.endswith(".zip"):
                top = common_path(zf.namelist())
                if top in (".", "/", ""):
                    return "Incorrect number of top-level directories in sdist"
                target = os.path.join(top, "PKG-INFO")
                if not member_exists(zf, target):
                    return f"PKG-INFO not found at {target}"
                zf.read(target)
            else:
                try:
                    name, version = name_and_version(filename)
                except Refused as refused:
                    return str(refused)
                target = f"{name}-{version}.dist-info/WHEEL"
                if not member_exists(zf, target):
                    return f"WHEEL not found at {target}"
                zf.read(target)
            # The malware scan reads every Python source member with zipfile (the rules
            # themselves are not modelled): its read errors are the answer "None".
            for info in infos:
                if info.filename.endswith((".py", ".pye")):
                    zf.read(info)
    except zipfile.BadZipFile:
        return None
    return ""


def framing_tar(path):
    try:
        with tarfile.open(path, "r:gz") as tf:
            members = tf.getmembers()
            top = common_path([m.name for m in members])
            if any(m.issparse() for m in members):
                return (
                    "tar archive not accepted: Sparse members are not allowed. "
                    "See https://docs.pypi.org/archives for more information"
                )
            if top in (".", "/", ""):
                return "Incorrect number of top-level directories in sdist"
            target = os.path.join(top, "PKG-INFO")
            try:
                tf.getmember(target)
            except KeyError:
                return f"PKG-INFO not found at {target}"
    except (tarfile.ReadError, EOFError, zlib.error):
        return None
    return ""


def check_archive(path, filename):
    """The archive checks, in Warehouse's order; None when the file passes."""
    is_zip = zipfile.is_zipfile(path)
    is_tar = tarfile.is_tarfile(path)
    if is_zip and is_tar:
        reason = "File is both a zip and a tar file"
    elif filename.endswith((".zip", ".whl")):
        reason = framing_zip(path, filename) if is_zip else "File is not a zipfile"
    elif filename.endswith(".tar.gz"):
        reason = framing_tar(path) if is_tar else "File is not a tarfile"
    else:
        reason = ""
    if reason == "":
        return None
    raise Refused(f"Invalid distribution file. {reason}")


def check_sdist_contents(path, filename, license_files):
    if not license_files or not filename.endswith(".tar.gz"):
        return
    with tarfile.open(path, "r:gz") as tf:
        top = common_path(tf.getnames())
        for license_file in license_files:
            target = os.path.join(top, license_file)
            try:
                tf.getmember(target)
            except KeyError:
                raise Refused(
                    f"License-File {license_file} does not exist in distribution file "
                    f"{filename} at {target}"
                )


def read_entry_points(text):
    class CaseSensitive(configparser.ConfigParser):
        def optionxform(self, optionstr):
            return optionstr

    parser = CaseSensitive(delimiters=("=",))
    parser.read_string(text)
    return parser


def check_wheel_contents(path, filename, license_files):
    name, version = name_and_version(filename)
    info = f"{name}-{version}.dist-info"
    with zipfile.ZipFile(path) as zf:
        for license_file in license_files:
            target = f"{info}/licenses/{license_file}"
            if not member_exists(zf, target):
                raise Refused(
                    f"License-File {license_file} does not exist in distribution file "
                    f"{filename} at {target}"
                )
            zf.read(target)
        record = f"{info}/RECORD"
        missing_record = Refused(
            f"Wheel '{filename}' does not contain the required RECORD file: {record}"
        )
        if not member_exists(zf, record):
            raise missing_record
        try:
            rows = list(csv.reader(zf.read(record).decode().splitlines()))
        except (UnicodeError, csv.Error):
            raise missing_record
        # An empty row (an empty line) cannot be unpacked: Warehouse fails with a server error.
        if any(not row for row in rows):
            raise Refused("Internal Server Error: an empty line in RECORD", 500)
        # RECORD listing other paths than the archive's: accepted (PyPI e-mails the owners).
        entry_points = f"{info}/entry_points.txt"
        if member_exists(zf, entry_points):
            invalid = Refused(
                f"Wheel '{filename}' has invalid entry points defined in the "
                "entry_points.txt file"
            )
            try:
                parser = read_entry_points(zf.read(entry_points).decode())
            except (UnicodeError, configparser.Error):
                raise invalid
            for section in ("console_scripts", "gui_scripts"):
                if parser.has_section(section):
                    if any(not ENTRY_POINT_NAME.fullmatch(key) for key in parser[section]):
                        raise invalid
        metadata = f"{info}/METADATA"
        if not member_exists(zf, metadata):
            raise Refused(
                f"Wheel '{filename}' does not contain the required METADATA file: {metadata}"
            )
        zf.read(metadata)


def verdict(step):
    try:
        step()
    except Refused as refused:
        return {"status": refused.status, "message": str(refused)}
    except Exception as error:  # Warehouse has no handler for these: a server error.
        return {"status": 500, "message": f"Internal Server Error: {type(error).__name__}"}
    return None


def check(request):
    path, filename = request["path"], request["filename"]
    license_files = request.get("license_files") or []
    archive = verdict(lambda: check_archive(path, filename))
    if archive is not None:
        return {"archive": archive, "contents": None}
    if request["filetype"] == "sdist":
        contents = verdict(lambda: check_sdist_contents(path, filename, license_files))
    else:
        contents = verdict(lambda: check_wheel_contents(path, filename, license_files))
    return {"archive": None, "contents": contents}


# Module names this interpreter cannot show but stdlib-list (every Python version from 2.7 on,
# from the documentation's module index) holds: documented aliases, modules of other versions.
OTHER_STDLIB_NAMES = """
os.path
__builtin__ future_builtins exceptions
BaseHTTPServer CGIHTTPServer ConfigParser Cookie DocXMLRPCServer HTMLParser MimeWriter Queue
SimpleHTTPServer SimpleXMLRPCServer SocketServer StringIO Tkinter UserDict UserList UserString
anydbm commands compiler cookielib copy_reg cPickle cStringIO dbhash dircache dl dumbdbm
fpformat gdbm htmlentitydefs htmllib httplib imputil md5 mhlib mimetools mimify multifile
mutex new popen2 posixfile repr rfc822 robotparser sets sgmllib sha statvfs thread
dummy_thread dummy_threading urllib2 urlparse user whichdb xmlrpclib hotshot bsddb Bastion
rexec
formatter parser symbol macpath binhex _dummy_thread
_pyrepl dbm.sqlite3 _colorize
annotationlib compression compression.zstd string.templatelib concurrent.interpreters
""".split()


def stdlib_names():
    """This interpreter's standard-library module names and their dotted prefixes, plus the
    names above, stripped of leading and trailing -_. and PEP 503-normalized."""
    names = set(sys.stdlib_module_names) | set(sys.builtin_module_names)
    names.update(OTHER_STDLIB_NAMES)
    root = sysconfig.get_paths()["stdlib"]
    for folder, dirs, files in os.walk(root):
        relative = os.path.relpath(folder, root)
        parts = [] if relative == "." else relative.split(os.sep)
        if parts and (
            parts[0] in ("site-packages", "dist-packages", "__pycache__")
            or any(p.startswith(("_", "test_")) or "-" in p or "." in p for p in parts)
            or not os.path.exists(os.path.join(folder, "__init__.py"))
        ):
            dirs[:] = []
            continue
        if parts:
            names.add(".".join(parts))
        for file in files:
            stem, ext = os.path.splitext(file)
            if ext == ".py" and stem != "__init__" and not stem.startswith(("_", "test_")):
                names.add(".".join([*parts, stem]))
    prefixes = set()
    for name in names:
        parts = name.split(".")
        prefixes.update(".".join(parts[: i + 1]) for i in range(len(parts)))
    return {re.sub(r"[-_.]+", "-", p.strip("-_.")).lower() for p in prefixes}


def main():
    stdlib = None
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            if request["op"] == "check":
                answer = check(request)
            elif request["op"] == "stdlib":
                if stdlib is None:
                    stdlib = stdlib_names()
                name = re.sub(r"[-_.]+", "-", request["name"].strip("-_.")).lower()
                answer = {"stdlib": name in stdlib}
            else:
                answer = {"failure": f"unknown op {request['op']!r}"}
        except Exception as error:
            answer = {"failure": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
