#!/usr/bin/env bash
# Builds the small real wheels and sdists the tests use, with Debian's build backends
# (python3-build, python3-hatchling, flit, python3-setuptools). Re-runnable; writes
# __tests__/fixtures/dists/. hatchling and flit builds are byte-identical across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
out=__tests__/fixtures/dists
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000 PIP_CONFIG_FILE=/dev/null
py=/usr/bin/python3
mkdir -p "$out"
rm -f "$out"/*.whl "$out"/*.tar.gz

# hatchling: PEP 625 sdist name (hatch_demo-0.1.0.tar.gz)
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
license = "MIT"
keywords = ["demo", "release"]
classifiers = ["Programming Language :: Python :: 3"]
dependencies = ["packaging>=21"]
[project.urls]
Source = "https://github.com/octo-org/octo-repo"
TOML
printf '# hatch-demo\n\nA demo.\n' >"$work/hatch/README.md"
printf '__version__ = "0.1.0"\n' >"$work/hatch/src/hatch_demo/__init__.py"
(cd "$work/hatch" && $py -m build --no-isolation --skip-dependency-check --outdir "$work/hatch-dist" >/dev/null)

# flit
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
(cd "$work/flit" && $py -m build --no-isolation --skip-dependency-check --outdir "$work/flit-dist" >/dev/null)

# setuptools: dashed sdist name in older versions, two PKG-INFO files
mkdir -p "$work/st/st_demo"
cat >"$work/st/setup.py" <<'PY'
from setuptools import setup
setup(name="st-demo", version="1.0", packages=["st_demo"], description="A tiny setuptools project")
PY
printf '' >"$work/st/st_demo/__init__.py"
(cd "$work/st" && $py -m build --no-isolation --skip-dependency-check --outdir "$work/st-dist" >/dev/null 2>&1)

cp "$work"/hatch-dist/* "$work"/flit-dist/* "$work"/st-dist/* "$out/"
# A platform wheel name and a build-tag wheel of the same release (same contents: the parser
# and the pipeline look at names, tags and metadata, not at compiled code).
cp "$out/hatch_demo-0.1.0-py3-none-any.whl" "$out/hatch_demo-0.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
cp "$out/hatch_demo-0.1.0-py3-none-any.whl" "$out/hatch_demo-0.1.0-1-py3-none-any.whl"
chmod 644 "$out"/*
ls -l "$out"
