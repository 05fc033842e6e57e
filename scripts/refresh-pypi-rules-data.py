#!/usr/bin/python3
"""Refreshes the data behind src/pypi/rules: PyPI's trove classifiers and the standard-library
module names PyPI will not give to a new project.

Usage (from the repository root, with Debian's python3-trove-classifiers and
python3-stdlib-list installed, or newer copies given by path):

    /usr/bin/python3 scripts/refresh-pypi-rules-data.py \
        [--trove-classifiers DIR] [--stdlib-list DIR] [--python /usr/bin/python3.X ...]

--trove-classifiers DIR: a folder holding a `trove_classifiers` package (an unpacked
    trove-classifiers wheel, or `src/` of a checkout); newer than Debian's is better: Warehouse
    pins 2026.6.1.19 (see shared reference pypi-upload-rules.md, section 4).
--stdlib-list DIR: likewise a folder holding a `stdlib_list` package (Warehouse pins 0.12.0).
--trove-classifiers-label TEXT: how to name that source (e.g. "2026.1.14.14, git 05cc151")
    when the folder has no dist-info to read the version from.
--python PATH: another interpreter whose `sys.stdlib_module_names` is added (3.10 and later).

Then format the output as the repository does: `npx prettier --write src/pypi/rules/data`.
The JSON files record where each list came from and when, so a reviewer can tell how current
they are.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "pypi", "rules", "data")

# Top-level modules and packages added in CPython 3.12-3.14 (What's New), for when no
# interpreter or stdlib-list of those versions is at hand. Sub-modules give their prefixes too.
LATER_ADDITIONS = {
    "3.14": ["annotationlib", "compression", "compression.zstd", "string.templatelib",
             "concurrent.interpreters", "_interpreters", "_interpqueues", "_interpchannels"],
}


def load(package, folder):
    if folder:
        sys.path.insert(0, os.path.abspath(folder))
    module = __import__(package)
    where = os.path.dirname(module.__file__)
    return module, where


def version_of(distribution, where):
    """The distribution's version from the dist-info or Debian's package database."""
    parent = os.path.dirname(where)
    for entry in os.listdir(parent):
        match = re.match(re.escape(distribution) + r"-([^-]+)\.(dist|egg)-info$", entry)
        if match:
            return match.group(1)
    try:
        deb = "python3-" + distribution.replace("_", "-")
        return "Debian " + subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", deb],
            capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def canonicalize(name):
    """PEP 503 normalization, as packaging.utils.canonicalize_name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def write(name, data):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=2, ensure_ascii=False, sort_keys=False)
        out.write("\n")
    print(f"wrote {os.path.relpath(path)}")


def classifiers(folder, label):
    module, where = load("trove_classifiers", folder)
    write("classifiers.json", {
        "source": "trove-classifiers " + (label or version_of("trove_classifiers", where)),
        "refreshed": datetime.date.today().isoformat(),
        "classifiers": sorted(module.classifiers),
        "deprecated": {k: list(v) for k, v in sorted(module.deprecated_classifiers.items())},
    })


def stdlib(folder, pythons):
    module, where = load("stdlib_list", folder)
    names, sources = set(), []
    versions = list(getattr(module, "long_versions", None) or module.short_versions)
    for version in versions:
        names.update(module.stdlib_list(version))
    sources.append(f"stdlib-list {version_of('stdlib_list', where)} ({', '.join(versions)})")
    for python in [sys.executable, *pythons]:
        out = subprocess.run(
            [python, "-c", "import sys; print(sys.version.split()[0]); "
             "print('\\n'.join(sorted(sys.stdlib_module_names)))"],
            capture_output=True, text=True, check=True).stdout.split()
        names.update(out[1:])
        sources.append(f"sys.stdlib_module_names of CPython {out[0]}")
    for version, added in LATER_ADDITIONS.items():
        names.update(added)
        sources.append(f"top-level modules new in {version} (What's New in Python {version})")
    # Warehouse: every module and each dotted prefix, stripped of -_. at both ends, normalized.
    normalized = set()
    for name in names:
        parts = name.split(".")
        for end in range(1, len(parts) + 1):
            prefix = ".".join(parts[:end]).strip("-_.")
            if prefix:
                normalized.add(canonicalize(prefix))
    write("stdlib-names.json", {
        "source": "; ".join(sources),
        "refreshed": datetime.date.today().isoformat(),
        "names": sorted(normalized),
    })


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trove-classifiers")
    parser.add_argument("--trove-classifiers-label",
                        help="names the source when DIR has no dist-info, e.g. a tag and commit")
    parser.add_argument("--stdlib-list")
    parser.add_argument("--python", action="append", default=[])
    args = parser.parse_args()
    classifiers(args.trove_classifiers, args.trove_classifiers_label)
    stdlib(args.stdlib_list, args.python)


if __name__ == "__main__":
    main()
