"""The Warehouse stand-in's view of PyPI's data, through the Python libraries PyPI itself uses.

A long-lived worker (started by warehouse-oracle.ts with Debian's /usr/bin/python3): one JSON
request per line on stdin, one JSON answer per line on stdout, in order. A request carries an
upload's classifiers, Author-email, Maintainer-email, description and its content type; the
answer lists Warehouse's own metadata errors among them as [field, message] (reference
pypi-upload-rules.md section 4, in Warehouse's order within a field) and whether the description
renders as PyPI renders it at upload (no fallback to plain text).

Libraries are Debian's, older than the ones PyPI pins: trove-classifiers 2023.4.18 (the
classifiers and deprecations added since are read from warehouse-classifiers.json),
email-validator 1.3.0 (refuses the same addresses as 2.3.0 in other words, so only the
message's beginning is PyPI's), readme_renderer 37.3 with docutils 0.19.

`--delta NEWER_INIT_PY VERSION` prints a fresh warehouse-classifiers.json from the
trove_classifiers/__init__.py of a newer release (VERSION: that release's number).
"""

import email.utils
import importlib.util
import json
import sys
from email.message import EmailMessage
from pathlib import Path

import trove_classifiers

DELTA_FILE = Path(__file__).with_name("warehouse-classifiers.json")


def classifier_facts():
    """Every classifier PyPI knows and the deprecated ones, Debian's list plus the delta."""
    delta = json.loads(DELTA_FILE.read_text(encoding="utf-8"))
    known = set(trove_classifiers.all_classifiers) | set(delta["added"])
    deprecated = {**trove_classifiers.deprecated_classifiers, **delta["deprecated"]}
    return known, deprecated


def classifier_errors(classifiers, known, deprecated):
    """Unknown ones first, then deprecated ones, each set sorted, as Warehouse lists them."""
    given = set(classifiers)
    errors = [f"{c!r} is not a valid classifier." for c in sorted(given - known)]
    for c in sorted(given & deprecated.keys()):
        if deprecated[c]:
            errors.append(f"The classifier {c!r} has been deprecated, use one of {deprecated[c]} instead.")
        else:
            errors.append(f"The classifier {c!r} has been deprecated.")
    return errors


def email_error(value):
    """PyPI parses the value as one address; several addresses parse to nothing, unchecked."""
    import email_validator

    _, address = email.utils.parseaddr(value)
    if not address:
        return None
    try:
        email_validator.validate_email(address, check_deliverability=False)
    except email_validator.EmailNotValidError as exc:
        return f"{address!r} is not a valid email address: {exc}"
    return None


def renders(description, content_type):
    """Whether Warehouse's upload-time rendering gives HTML: reST unless told otherwise."""
    import readme_renderer.markdown
    import readme_renderer.rst
    import readme_renderer.txt

    kind = content_type or "text/x-rst"
    # The media type as the e-mail package reads it, lowercased and without parameters.
    message = EmailMessage()
    message["content-type"] = kind
    kind = message.get_content_type()
    renderer = {
        "text/plain": readme_renderer.txt,
        "text/x-rst": readme_renderer.rst,
        "text/markdown": readme_renderer.markdown,
    }.get(kind, readme_renderer.txt)
    return renderer.render(description) is not None


def answer(request, known, deprecated):
    errors = [["classifier", e] for e in classifier_errors(request.get("classifiers") or [], known, deprecated)]
    for field in ("author-email", "maintainer-email"):
        value = request.get(field)
        if value and (error := email_error(value)):
            errors.append([field, error])
    description = request.get("description")
    rendered = renders(description, request.get("contentType")) if description else None
    return {"errors": errors, "rendered": rendered}


def serve():
    known, deprecated = classifier_facts()
    # Import the renderers now, so the first upload does not wait for docutils.
    renders("x", "text/x-rst")
    renders("x", "text/markdown")
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        try:
            reply = answer(json.loads(line), known, deprecated)
        except Exception as exc:  # reported to the caller, which refuses the upload
            reply = {"failure": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(reply), flush=True)


def delta(newer_init, version):
    spec = importlib.util.spec_from_file_location("newer_trove_classifiers", newer_init)
    newer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(newer)
    old = json.loads(DELTA_FILE.read_text(encoding="utf-8"))
    base = set(trove_classifiers.all_classifiers)
    fresh = {
        "about": old["about"],
        "base": old["base"],
        "version": version,
        "added": sorted(set(newer.all_classifiers) - base),
        "deprecated": {
            c: r
            for c, r in sorted(newer.deprecated_classifiers.items())
            if c not in trove_classifiers.deprecated_classifiers
        },
    }
    print(json.dumps(fresh, indent=1))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--delta":
        delta(sys.argv[2], sys.argv[3])
    else:
        serve()
