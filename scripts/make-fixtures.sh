#!/usr/bin/env bash
# Builds the small real wheels and sdists under fixtures/dists/ with Debian's build
# backends (python3-build, python3-hatchling, flit, python3-setuptools). Re-runnable: builds in
# a temporary folder and replaces the fixtures only when every build succeeded.
# With SOURCE_DATE_EPOCH, hatchling and flit builds (and the setuptools wheel) are
# byte-identical across runs; setuptools sdists are not (file times), so commit the output.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fixtures/dists
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000
# Debian's Python sees Debian's backends; `python3` on PATH may be a pyenv that does not.
py=/usr/bin/python3
build() { (cd "$work/$1" && $py -m build --no-isolation --skip-dependency-check --outdir "$work/dist" >/dev/null 2>&1); }

# hatchling: PEP 625 sdist name (hatch_demo-0.1.0.tar.gz), metadata 2.x with a README body.
mkdir -p "$work/hatch/src/hatch_demo"
cat >"$work/hatch/pyproject.toml" <<'TOML'
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"
[project]
name = "hatch-demo"
version = "0.1.0"
description = "A tiny project for release-action tests"
readme = "README.md"
requires-python = ">=3.9"
# Metadata 2.1 (hatchling 1.12) may not carry License-Expression (2.4+): PyPI refuses that.
license = { text = "MIT" }
keywords = ["demo", "release"]
classifiers = ["Programming Language :: Python :: 3"]
dependencies = ["packaging>=21"]
[project.urls]
Source = "https://github.com/octo-org/octo-repo"
TOML
printf '# hatch-demo\n\nA demo.\n' >"$work/hatch/README.md"
printf '__version__ = "0.1.0"\n' >"$work/hatch/src/hatch_demo/__init__.py"
build hatch

# flit: a py2.py3 compressed tag set in the wheel name.
mkdir -p "$work/flit/flit_demo"
cat >"$work/flit/pyproject.toml" <<'TOML'
[build-system]
requires = ["flit_core >=3.2,<4"]
build-backend = "flit_core.buildapi"
[project]
name = "flit_demo"
version = "2.0"
description = "A tiny flit project"
TOML
printf '"""Flit demo."""\n' >"$work/flit/flit_demo/__init__.py"
build flit

# setuptools: the dashed sdist name (st-demo-1.0.tar.gz) and a second PKG-INFO in egg-info.
mkdir -p "$work/st/st_demo"
cat >"$work/st/setup.py" <<'PY'
from setuptools import setup
setup(name="st-demo", version="1.0", packages=["st_demo"], description="A tiny setuptools project")
PY
: >"$work/st/st_demo/__init__.py"
build st

# A platform wheel and a build-tag wheel of the hatch release: the same files with WHEEL's
# Tag/Build/Root-Is-Purelib lines and RECORD rewritten to match the new names.
retag() {
  $py - "$work/dist/hatch_demo-0.1.0-py3-none-any.whl" "$work/dist/$1" "$2" "${@:3}" <<'PY'
import base64, csv, hashlib, io, sys, zipfile
source, target, build, tags = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
with zipfile.ZipFile(source) as wheel:
    infos = wheel.infolist()
    data = {info.filename: wheel.read(info) for info in infos}
wheel_file = next(name for name in data if name.endswith('.dist-info/WHEEL'))
record_file = next(name for name in data if name.endswith('.dist-info/RECORD'))
keep = [line for line in data[wheel_file].decode().splitlines()
        if not line.startswith(('Tag:', 'Build:', 'Root-Is-Purelib:'))]
keep.append('Root-Is-Purelib: ' + ('true' if tags == ['py3-none-any'] else 'false'))
keep += [f'Build: {build}'] if build else []
keep += [f'Tag: {tag}' for tag in tags]
data[wheel_file] = ('\n'.join(keep) + '\n').encode()
def digest(content):
    return 'sha256=' + base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b'=').decode()
rows = [[name, digest(content), len(content)] for name, content in data.items() if name != record_file]
text = io.StringIO()
csv.writer(text, lineterminator='\n').writerows(rows + [[record_file, '', '']])
data[record_file] = text.getvalue().encode()
with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as wheel:
    for info in infos:
        entry = zipfile.ZipInfo(info.filename, info.date_time)
        entry.external_attr = info.external_attr
        entry.compress_type = zipfile.ZIP_DEFLATED
        wheel.writestr(entry, data[info.filename])
PY
}
retag hatch_demo-0.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl '' \
  cp311-cp311-manylinux_2_17_x86_64 cp311-cp311-manylinux2014_x86_64
retag hatch_demo-0.1.0-1-py3-none-any.whl 1 py3-none-any

mkdir -p "$out"
rm -f "$out"/*.whl "$out"/*.tar.gz
cp "$work"/dist/*.whl "$work"/dist/*.tar.gz "$out/"
chmod 644 "$out"/*
ls -l "$out"
