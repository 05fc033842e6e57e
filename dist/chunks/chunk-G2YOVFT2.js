import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  SPEC_METADATA_VERSIONS,
  canonicalVersion,
  isValidProjectName,
  normalizeProjectName,
  parseDistributionFilename,
  versionsEqual
} from "./chunk-S7NFOUJH.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  DistributionError
} from "./chunk-W3DSJ3DT.js";

// src/distributions/inspect.ts
import { basename } from "node:path";

// src/distributions/sdist-archive.ts
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInflateRaw, crc32 } from "node:zlib";

// src/distributions/archive-checks.ts
var METADATA_MAX_BYTES = 4 * 1024 * 1024;
var MAX_ENTRY_NAME_LENGTH = 1024;
var HINT = "Build the distribution with a standard backend from a clean checkout; never release an archive you did not build.";
function hostileArchive(filename, why) {
  return new DistributionError(`${quote(filename)} is refused: ${why}.`, {
    subject: filename,
    hint: HINT
  });
}
function unsafeEntryName(name) {
  const entry = `entry ${quote(name)}`;
  if (name === "") return "an entry has an empty name";
  if (name.length > MAX_ENTRY_NAME_LENGTH)
    return `${entry} has a name longer than ${MAX_ENTRY_NAME_LENGTH} characters`;
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name))
    return `${entry} has control characters in its name`;
  if (name.includes("\\")) return `${entry} has a backslash in its name`;
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return `${entry} has an absolute path`;
  if (name.split("/").includes("..")) return `${entry} has a ".." path segment`;
  return void 0;
}
function inflationLimit(filename, what, limit) {
  return new DistributionError(
    `${quote(filename)} is refused: ${what}, over the action's limit of ${formatLimit(limit)} uncompressed (a decompression bomb, or far larger than any real distribution).`,
    {
      subject: filename,
      hint: `The limit protects the runner and is far above real distributions (the largest wheels on PyPI inflate to a few GiB). Rebuild the file; if it really must be this large, split the data into several projects or download it at run time.`
    }
  );
}
function formatLimit(bytes) {
  const gib = bytes / 1024 ** 3;
  return Number.isInteger(gib) ? `${gib} GiB (${bytes} bytes)` : `${Math.round(bytes / 1024 ** 2)} MiB (${bytes} bytes)`;
}

// src/distributions/byte-reader.ts
var ByteReader = class {
  iterator;
  chunks = [];
  buffered = 0;
  done = false;
  constructor(source) {
    this.iterator = source[Symbol.asyncIterator]();
  }
  /** Buffers at least `length` bytes; false when the stream ends first. */
  async fill(length) {
    while (this.buffered < length && !this.done) {
      const next = await this.iterator.next();
      if (next.done) this.done = true;
      else if (next.value.length > 0) {
        this.chunks.push(next.value);
        this.buffered += next.value.length;
      }
    }
    return this.buffered >= length;
  }
  /** The next `length` bytes, or undefined when fewer are left. */
  async take(length) {
    if (!await this.fill(length)) return void 0;
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    const rest = all.subarray(length);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return all.subarray(0, length);
  }
  /** Passes the next `length` bytes to `onChunk` piece by piece; false when they run out. */
  async stream(length, onChunk) {
    let offset = 0;
    while (offset < length) {
      if (this.buffered === 0 && !await this.fill(1)) return false;
      const chunk = this.chunks.shift();
      const piece = chunk.subarray(0, length - offset);
      if (piece.length < chunk.length) this.chunks.unshift(chunk.subarray(piece.length));
      this.buffered -= piece.length;
      onChunk(piece, offset);
      offset += piece.length;
    }
    return true;
  }
  /** Reads to the end; true when every byte left is zero. */
  async restIsZero() {
    let zero = true;
    for (; ; ) {
      for (const chunk of this.chunks) if (zero && chunk.some((b) => b !== 0)) zero = false;
      this.chunks = [];
      this.buffered = 0;
      if (this.done) return zero;
      await this.fill(1);
    }
  }
};

// src/distributions/install-paths.ts
var SCHEMES = {
  purelib: "",
  platlib: "",
  scripts: "\0scripts/",
  headers: "\0headers/",
  data: "\0data/"
};
var BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
var WINDOWS_CHARACTERS = /[<>:"|?*]/;
var WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
function unportableName(name) {
  const unsafe = unsafeEntryName(name);
  if (unsafe) return unsafe;
  const entry = `entry ${quote(name)}`;
  if (BIDI.test(name)) return `${entry} has bidirectional control characters in its name`;
  const segments = name.replace(/\/$/, "").split("/");
  for (const segment of segments) {
    if (segment === "" || segment === ".")
      return `${entry} has an empty or "." path segment (it lands where another name does)`;
    if (WINDOWS_CHARACTERS.test(segment))
      return `${entry} has a character Windows does not allow in file names (< > : " | ? *)`;
    if (/[. ]$/.test(segment))
      return `${entry} has a segment ending in a dot or space (Windows drops it)`;
    if (WINDOWS_DEVICES.test(segment))
      return `${entry} has the Windows device name ${quote(segment)} as a segment`;
  }
  return void 0;
}
function installedAt(name, layout, fail2) {
  if (!layout) return name;
  const [top = "", scheme, ...rest] = name.split("/");
  if (top.endsWith(".dist-info") && top !== `${layout.stem}.dist-info`)
    throw fail2(
      `entry ${quote(name)} is in a second metadata folder (only ${quote(`${layout.stem}.dist-info`)} is allowed)`
    );
  if (!top.endsWith(".data")) return name;
  if (top !== `${layout.stem}.data`)
    throw fail2(
      `entry ${quote(name)} is in a data folder of another name (only ${quote(`${layout.stem}.data`)} is allowed)`
    );
  if (scheme === void 0 || scheme === "") return name;
  const prefix = SCHEMES[scheme];
  if (prefix === void 0)
    throw fail2(`entry ${quote(name)} uses the unknown install scheme ${quote(scheme)}`);
  if (scheme === "data" && rest.some((s) => /^(site|dist)-packages$/i.test(s)))
    throw fail2(`entry ${quote(name)} installs into site-packages through the data scheme`);
  return rest.length === 0 ? name : `${prefix}${rest.join("/")}`;
}
function checkInstallPaths(filename, entries, layout) {
  const fail2 = (why) => hostileArchive(filename, why);
  const files2 = /* @__PURE__ */ new Map();
  const folders = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  for (const { name, isDirectory } of entries) {
    const problem = unportableName(name);
    if (problem) throw fail2(problem);
    if (seen.has(name)) throw fail2(`entry ${quote(name)} appears twice`);
    seen.add(name);
    const path = installedAt(name.replace(/\/$/, ""), layout, fail2);
    const key = path.normalize("NFC").toLowerCase();
    const other = files2.get(key) ?? (isDirectory ? void 0 : folders.get(key));
    if (other !== void 0)
      throw fail2(
        other === name ? `entry ${quote(name)} appears twice` : `entries ${quote(other)} and ${quote(name)} install to the same path (on some filesystems)`
      );
    if (isDirectory) folders.set(key, name);
    else files2.set(key, name);
    const segments = key.split("/");
    for (let depth = 1; depth < segments.length; depth++)
      folders.set(segments.slice(0, depth).join("/"), name);
  }
  for (const [key, name] of files2) {
    const folder = folders.get(key);
    if (folder !== void 0)
      throw fail2(`entry ${quote(name)} is a file where entry ${quote(folder)} needs a folder`);
  }
}

// src/distributions/metadata.ts
var KNOWN_METADATA_VERSIONS = SPEC_METADATA_VERSIONS;
var SINGLE_USE_FIELDS = [
  "metadata-version",
  "name",
  "version",
  "summary",
  "description",
  "description-content-type",
  "keywords",
  "home-page",
  "download-url",
  "author",
  "author-email",
  "maintainer",
  "maintainer-email",
  "license",
  "license-expression",
  "requires-python"
];
var NEVER_DYNAMIC = ["name", "version", "metadata-version"];
var HEADER = /^([\x21-\x39\x3b-\x7e]+):(.*)$/;
var REBUILD_HINT = "Rebuild with a current build backend: metadata must be UTF-8 with one Metadata-Version, Name and Version (https://packaging.python.org/en/latest/specifications/core-metadata/).";
function fail(source, why, hint = REBUILD_HINT) {
  throw new DistributionError(`${quote(source)} has invalid core metadata: ${why}.`, {
    subject: source,
    hint
  });
}
function decode(input, source) {
  if (typeof input === "string") return input;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    return fail(source, "it is not valid UTF-8");
  }
}
function splitHeaders(text, source) {
  const lines = text.split(/\r\n|\r|\n/);
  const headers = [];
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index];
    if (line === "") break;
    const last = headers.at(-1);
    if (/^[ \t]/.test(line)) {
      if (!last) fail(source, "it starts with a continuation line");
      last[1] += `
${line}`;
      continue;
    }
    const match = HEADER.exec(line);
    if (!match) fail(source, `line ${index + 1} is neither a header nor a continuation line`);
    headers.push([match[1].toLowerCase(), match[2].replace(/^[ \t]+/, "")]);
  }
  return { headers, body: lines.slice(index + 1).join("\n") };
}
function parseCoreMetadata(input, source) {
  const text = decode(input, source);
  if (text.includes("\0")) fail(source, "it contains a NUL byte");
  if (text.startsWith("\uFEFF")) fail(source, "it starts with a byte order mark");
  const { headers, body } = splitHeaders(text, source);
  const fields = /* @__PURE__ */ new Map();
  for (const [name, value] of headers) fields.set(name, [...fields.get(name) ?? [], value]);
  for (const name of SINGLE_USE_FIELDS) {
    if ((fields.get(name)?.length ?? 0) > 1)
      fail(source, `the ${name} field appears more than once`);
  }
  const one = (name) => fields.get(name)?.[0] ?? fail(source, `the ${name} field is missing`);
  const metadataVersion = one("metadata-version");
  if (!KNOWN_METADATA_VERSIONS.includes(metadataVersion)) {
    fail(
      source,
      `Metadata-Version ${quote(metadataVersion)} is unknown (known: ${KNOWN_METADATA_VERSIONS.join(", ")})`
    );
  }
  const dynamic = (fields.get("dynamic") ?? []).map((field) => field.trim().toLowerCase());
  const forbidden = NEVER_DYNAMIC.find((field) => dynamic.includes(field));
  if (forbidden)
    fail(
      source,
      `'${forbidden}' is not allowed as a dynamic field (PyPI refuses it with these words)`,
      `The build backend wrote "Dynamic: ${forbidden}" into the built metadata, which the specification forbids (Name, Version and Metadata-Version are never dynamic in a built distribution; \`dynamic\` in pyproject.toml is another thing: the backend fills those fields in). Upgrade or change the build backend and rebuild (https://packaging.python.org/en/latest/specifications/core-metadata/#dynamic-multiple-use).`
    );
  const hasBody = body.trim() !== "";
  if (hasBody && fields.has("description"))
    fail(source, "the description is given both as a Description field and as the body");
  const metadata = {
    metadataVersion,
    name: one("name"),
    version: one("version"),
    fields
  };
  if (hasBody) metadata.body = body;
  return metadata;
}

// src/distributions/tar-structure.ts
import { createHash } from "node:crypto";
var MAX_EXTENDED_BYTES = 1024 * 1024;
var PAX_REFUSED = /^(path|linkpath|size|hdrcharset|GNU\.sparse\..*)$/;
var TYPES = {
  "1": "a hard link",
  "2": "a symbolic link",
  "3": "a character device",
  "4": "a block device",
  "6": "a FIFO",
  S: "a GNU sparse file",
  K: "a GNU long link name",
  V: "a GNU volume header",
  M: "a GNU multi-volume continuation"
};
function nts(block, from, to) {
  const field = block.subarray(from, to);
  const nul = field.indexOf(0);
  return nul < 0 ? field : field.subarray(0, nul);
}
function octal(block, from, to, what, fail2, empty = false) {
  if (block[from] & 128) throw fail2(`a tar header has a base-256 ${what}`);
  const text = nts(block, from, to).toString("latin1");
  if (!(empty ? /^ *[0-7]* *$/ : /^ *[0-7]+ *$/).test(text))
    throw fail2(`a tar header has a malformed ${what} field`);
  return text.trim() === "" ? 0 : parseInt(text.trim(), 8);
}
var NUMERIC_FIELDS = [
  [100, 108, "mode"],
  [108, 116, "uid"],
  [116, 124, "gid"],
  [136, 148, "mtime"],
  [329, 337, "devmajor"],
  [337, 345, "devminor"]
];
function utf8(bytes, fail2) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw fail2(`tar entry ${quote(bytes.toString("latin1"))} has a name that is not UTF-8`);
  }
}
function paxKeys(data, fail2) {
  const keys = [];
  for (let at = 0; at < data.length; ) {
    const space = data.indexOf(32, at);
    const lengthText = space < 0 ? "" : data.subarray(at, space).toString("latin1");
    const length = /^[1-9]\d{0,6}$/.test(lengthText) ? Number(lengthText) : 0;
    const record = data.subarray(at, at + length);
    const equals = record.indexOf(61);
    if (length === 0 || record.length !== length || record.at(-1) !== 10 || equals < 0)
      throw fail2(
        "a pax header has a malformed record (tar readers would stop or read on differently)"
      );
    keys.push(record.subarray(space - at + 1, equals).toString("utf8"));
    at += length;
  }
  return keys;
}
async function readTarMembers(reader, fail2, {
  keep,
  keepLimit,
  maxEntries
}) {
  const members = [];
  let longName;
  let pax = false;
  for (; ; ) {
    const block = await reader.take(512);
    if (!block) throw fail2("its tar stream ends without an end-of-archive block");
    if (block.every((byte) => byte === 0)) {
      if (longName !== void 0 || pax) throw fail2("its tar stream ends after an extended header");
      if (!await reader.restIsZero())
        throw fail2("it has data after its tar end-of-archive block (hidden from tar readers)");
      return members;
    }
    const type = String.fromCharCode(block[156]);
    const { name, size, linkname } = parseHeader(block, type, fail2);
    if (type === "x" || type === "g" || type === "L") {
      if (size > MAX_EXTENDED_BYTES) throw fail2("it has an oversized extended tar header");
      if (longName !== void 0 || pax)
        throw fail2(
          "it has a GNU long name and a pax header (or two) for one member (tar readers apply them in different orders)"
        );
      const data = await reader.take(Math.ceil(size / 512) * 512);
      if (!data) throw fail2("its tar stream ends inside a header");
      const body = data.subarray(0, size);
      if (type === "L") {
        longName = utf8(nts(body, 0, body.length), fail2);
        continue;
      }
      const refused = paxKeys(body, fail2).find((key) => PAX_REFUSED.test(key));
      if (refused)
        throw fail2(
          `it has a pax ${quote(refused)} record (tar readers disagree on what it changes)`
        );
      if (type === "x") pax = true;
      continue;
    }
    const finalName = longName ?? name;
    longName = void 0;
    pax = false;
    const what = `entry ${quote(finalName)}`;
    if (type === "1" || type === "2")
      throw fail2(
        `${what} is ${TYPES[type]} to ${quote(linkname)} (links are refused in sdists: extracting one can write outside the target folder)`
      );
    if (TYPES[type])
      throw fail2(`${what} is ${TYPES[type]} (only files and folders are allowed in sdists)`);
    if (type === "5") {
      if (size !== 0)
        throw fail2(`${what} is a folder that carries data (tar readers skip it differently)`);
    } else if (type === "0" || type === "\0" || type === "7") {
      if (finalName.endsWith("/"))
        throw fail2(
          `${what} is a file entry named like a folder (tar readers disagree on its data)`
        );
    } else throw fail2(`${what} has the unknown tar type ${quote(type)}`);
    if (members.length >= maxEntries) throw fail2(`it has more than ${maxEntries} entries`);
    members.push(
      await readData(reader, finalName, type === "5", size, keep(finalName) ? keepLimit : -1, fail2)
    );
  }
}
async function readData(reader, name, isDirectory, size, keepLimit, fail2) {
  const hash = createHash("sha256");
  const kept = [];
  const keep = keepLimit >= 0;
  if (keep && size > keepLimit)
    throw fail2(`its ${name.split("/").pop() ?? name} is larger than ${keepLimit} bytes`);
  const complete = await reader.stream(Math.ceil(size / 512) * 512, (chunk, offset) => {
    const useful = chunk.subarray(0, Math.max(0, size - offset));
    hash.update(useful);
    if (keep) kept.push(Buffer.from(useful));
  });
  if (!complete) throw fail2(`its tar stream ends inside entry ${quote(name)}`);
  return {
    name: isDirectory ? name.replace(/\/+$/, "") : name,
    isDirectory,
    size,
    sha256: hash.digest("hex"),
    ...keep ? { data: Buffer.concat(kept) } : {}
  };
}
function parseHeader(block, type, fail2) {
  const stored = octal(block, 148, 156, "checksum", fail2);
  let sum = 8 * 32;
  for (let i = 0; i < 512; i++) if (i < 148 || i >= 156) sum += block[i];
  if (stored !== sum) throw fail2("a tar header has a bad checksum (tar readers would stop there)");
  const magic = block.subarray(257, 265).toString("latin1");
  const posix = magic === "ustar\x0000";
  if (!posix && magic !== "ustar  \0")
    throw fail2("a tar header is neither POSIX nor GNU (old formats are read differently)");
  const prefix = nts(block, 345, 500);
  if (!posix && block.subarray(345, 500).some((byte) => byte !== 0))
    throw fail2("a GNU tar header has data in the POSIX name prefix field");
  const size = octal(block, 124, 136, "size", fail2);
  for (const [from, to, what] of NUMERIC_FIELDS) octal(block, from, to, what, fail2, true);
  const base = utf8(nts(block, 0, 100), fail2);
  const name = prefix.length > 0 && type !== "L" ? `${utf8(prefix, fail2)}/${base}` : base;
  const linkname = nts(block, 157, 257).toString("latin1");
  if (linkname.length > 0 && !TYPES[type])
    throw fail2(`tar entry ${quote(name)} has a link name but is not a link`);
  return { name, size, linkname };
}

// src/distributions/sdist-archive.ts
var MAX_SDIST_UNCOMPRESSED_BYTES = 4 * 1024 ** 3;
var MAX_TAR_ENTRIES = 1e5;
async function readSdistMetadata(path, parsed, limits = {}) {
  return (await inspectSdistArchive(path, parsed, limits)).metadata;
}
async function inspectSdistArchive(path, parsed, { maxInflatedBytes = MAX_SDIST_UNCOMPRESSED_BYTES } = {}) {
  const { filename } = parsed;
  const fail2 = (why) => hostileArchive(filename, why);
  const { size, headerLength } = await readGzipHeader(path, fail2);
  const top = `${parsed.name}-${parsed.version}`;
  const inflate = createInflateRaw();
  const source = createReadStream(path, { start: headerLength });
  let inflated = 0;
  let crc = 0;
  const feeding = (async () => {
    try {
      for await (const chunk of source) {
        if (inflate.destroyed) break;
        if (!inflate.write(chunk)) await drained(inflate);
      }
    } finally {
      inflate.end();
    }
  })();
  async function* counted() {
    for await (const chunk of inflate) {
      const bytes = chunk;
      inflated += bytes.length;
      crc = crc32(bytes, crc);
      if (inflated > maxInflatedBytes)
        throw inflationLimit(
          filename,
          `its gzip stream inflates past ${maxInflatedBytes} bytes`,
          maxInflatedBytes
        );
      yield bytes;
    }
  }
  let members;
  try {
    members = await readTarMembers(new ByteReader(counted()), fail2, {
      keep: (name) => name === `${top}/PKG-INFO`,
      keepLimit: METADATA_MAX_BYTES,
      maxEntries: MAX_TAR_ENTRIES
    });
  } catch (error) {
    if (error instanceof DistributionError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw fail2(`it is not a readable .tar.gz archive (${quote(message)})`);
  } finally {
    inflate.destroy();
    source.destroy();
    await feeding.catch(() => void 0);
  }
  await checkGzipTrailer(path, size, headerLength + inflate.bytesWritten, crc, inflated, fail2);
  return { metadata: checkLayout(filename, top, members), members: files(members) };
}
var files = (members) => members.filter((m) => !m.isDirectory).map(({ name, size, sha256 }) => ({ name, size, sha256 }));
function checkLayout(filename, top, members) {
  const fail2 = (why) => hostileArchive(filename, why);
  if (members.length === 0) throw fail2("the archive is empty");
  checkInstallPaths(
    filename,
    members.map(({ name, isDirectory }) => ({
      name: isDirectory ? `${name}/` : name,
      isDirectory
    }))
  );
  for (const { name, isDirectory } of members)
    if (name.split("/")[0] !== top || name === top && !isDirectory)
      throw fail2(
        `entry ${quote(name)} is outside the top-level folder ${quote(top)} (an sdist holds exactly one folder, named as the file)`
      );
  const pkgInfo = members.find((m) => m.name === `${top}/PKG-INFO` && !m.isDirectory);
  if (!pkgInfo?.data) throw fail2(`${quote(`${top}/PKG-INFO`)} is missing`);
  return parseCoreMetadata(pkgInfo.data, filename);
}
function drained(stream) {
  return new Promise((resolve) => {
    stream.once("drain", resolve);
    stream.once("close", resolve);
  });
}
async function readGzipHeader(path, fail2) {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    const notGzip = () => fail2("it is not a readable .tar.gz archive (not a gzip stream)");
    if (head.length < 18 || head[0] !== 31 || head[1] !== 139 || head[2] !== 8) throw notGzip();
    const flags = head[3];
    if (flags & 224) throw notGzip();
    let at = 10;
    if (flags & 4) at += 2 + head.readUInt16LE(at);
    for (const bit of [8, 16])
      if (flags & bit) {
        const nul = head.indexOf(0, at);
        if (nul < 0) throw notGzip();
        at = nul + 1;
      }
    if (flags & 2) at += 2;
    if (at + 8 > head.length) throw notGzip();
    return { size, headerLength: at };
  } finally {
    await handle.close();
  }
}
async function checkGzipTrailer(path, size, at, crc, inflated, fail2) {
  if (at + 8 > size) throw fail2("it is not a readable .tar.gz archive (truncated gzip stream)");
  const handle = await open(path, "r");
  try {
    const trailer = Buffer.alloc(8);
    await handle.read(trailer, 0, 8, at);
    if (trailer.readUInt32LE(0) !== crc >>> 0 || trailer.readUInt32LE(4) !== inflated % 2 ** 32)
      throw fail2("its gzip checksum does not match its contents");
    if (at + 8 !== size)
      throw fail2(
        `it has ${size - at - 8} bytes after its gzip stream (a second gzip member or trailing data)`
      );
  } finally {
    await handle.close();
  }
}

// src/distributions/wheel-archive.ts
import { open as open2 } from "node:fs/promises";

// src/distributions/record.ts
var RECORD_ALGORITHMS = ["sha256", "sha384", "sha512"];
var UNHASHED = ["RECORD", "RECORD.jws", "RECORD.p7s"];
function splitCsvLine(line) {
  const fields = [];
  let at = 0;
  for (; ; ) {
    let field = "";
    if (line[at] === '"') {
      at++;
      for (; ; ) {
        const quote2 = line.indexOf('"', at);
        if (quote2 < 0) return void 0;
        field += line.slice(at, quote2);
        at = quote2 + 1;
        if (line[at] !== '"') break;
        field += '"';
        at++;
      }
    } else {
      const comma = line.indexOf(",", at);
      field = line.slice(at, comma < 0 ? line.length : comma);
      if (field.includes('"')) return void 0;
      at += field.length;
    }
    fields.push(field);
    if (at === line.length) return fields;
    if (line[at] !== ",") return void 0;
    at++;
  }
}
function parseRecord(text, filename, info) {
  const fail2 = (why) => hostileArchive(filename, `its RECORD ${why}`);
  const rows = /* @__PURE__ */ new Map();
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  for (const [index, line] of lines.entries()) {
    const fields = splitCsvLine(line);
    if (!fields || fields.length !== 3) throw fail2(`line ${index + 1} is not a path,hash,size row`);
    const [path, hash, size] = fields;
    if (rows.has(path)) throw fail2(`lists ${quote(path)} twice`);
    if (UNHASHED.some((name) => path === `${info}/${name}`) && hash === "" && size === "") {
      rows.set(path, null);
      continue;
    }
    const match = /^([a-z0-9]+)=([A-Za-z0-9_-]+)$/.exec(hash);
    if (!match || !RECORD_ALGORITHMS.includes(match[1]))
      throw fail2(
        `gives ${quote(path)} the hash ${quote(hash)} (expected sha256=, sha384= or sha512=)`
      );
    if (!/^\d{1,15}$/.test(size)) throw fail2(`gives ${quote(path)} the size ${quote(size)}`);
    const digest = Buffer.from(match[2], "base64url").toString("hex");
    rows.set(path, { algorithm: match[1], digest, size: Number(size) });
  }
  return rows;
}
function parseHeaders(text, fail2) {
  const headers = /* @__PURE__ */ new Map();
  for (const line of text.split(/\r?\n/)) {
    if (line === "") continue;
    const match = /^([A-Za-z0-9-]+):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!match) throw fail2(`has a line that is not a header: ${quote(line)}`);
    const key = match[1].toLowerCase();
    headers.set(key, [...headers.get(key) ?? [], match[2]]);
  }
  return headers;
}
function checkWheelFile(text, parsed) {
  const fail2 = (why) => hostileArchive(parsed.filename, `its WHEEL file ${why}`);
  const headers = parseHeaders(text, fail2);
  const one = (key, name) => {
    const values = headers.get(key) ?? [];
    if (values.length !== 1)
      throw fail2(values.length === 0 ? `has no ${name}` : `has ${name} more than once`);
    return values[0];
  };
  const version = one("wheel-version", "Wheel-Version");
  if (!/^1\.\d+$/.test(version))
    throw fail2(`says Wheel-Version ${quote(version)} (installers read only 1.x)`);
  const purelib = one("root-is-purelib", "Root-Is-Purelib");
  if (purelib !== "true" && purelib !== "false")
    throw fail2(`says Root-Is-Purelib ${quote(purelib)} (expected true or false)`);
  const expected = new Set(
    parsed.pythonTags.flatMap(
      (python) => parsed.abiTags.flatMap((abi) => parsed.platformTags.map((p) => `${python}-${abi}-${p}`))
    )
  );
  const tags = headers.get("tag") ?? [];
  const actual = new Set(tags);
  if (actual.size !== expected.size || [...expected].some((tag) => !actual.has(tag)))
    throw fail2(
      `lists the tags ${quote(tags.join(", "))}, but the filename says ${quote([...expected].join(", "))}`
    );
  const build = headers.get("build");
  if (build && (build.length !== 1 || build[0] !== parsed.build))
    throw fail2(
      `says Build ${quote(build.join(", "))}, the filename says ${quote(parsed.build ?? "")}`
    );
}

// src/distributions/zip-reader.ts
import { createHash as createHash2 } from "node:crypto";
import { createInflateRaw as createInflateRaw2, crc32 as crc322 } from "node:zlib";
var READ_CHUNK_BYTES = 1024 * 1024;
async function readZipEntry(handle, entry, filename, { algorithms = [], keep = 0 } = {}) {
  const where = `entry ${quote(entry.name)}`;
  const fail2 = (why) => hostileArchive(filename, `${where} ${why}`);
  const hashes = new Map(
    ["sha256", ...algorithms].map((algorithm) => [algorithm, createHash2(algorithm)])
  );
  const kept = [];
  let size = 0;
  let crc = 0;
  const take = (chunk) => {
    size += chunk.length;
    if (size > entry.uncompressedSize) throw fail2("inflates past its declared size");
    crc = crc322(chunk, crc);
    for (const hash of hashes.values()) hash.update(chunk);
    if (entry.uncompressedSize <= keep) kept.push(chunk);
  };
  if (entry.method === 0) {
    const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, entry.compressedSize));
    for (let at = 0; at < entry.compressedSize; ) {
      const want = Math.min(buffer.length, entry.compressedSize - at);
      const { bytesRead } = await handle.read(buffer, 0, want, entry.dataOffset + at);
      if (bytesRead === 0) break;
      at += bytesRead;
      const chunk = buffer.subarray(0, bytesRead);
      take(entry.uncompressedSize <= keep ? Buffer.from(chunk) : chunk);
    }
  } else {
    const raw = entry.compressedSize === 0 ? [] : handle.createReadStream({
      start: entry.dataOffset,
      end: entry.dataOffset + entry.compressedSize - 1,
      autoClose: false,
      highWaterMark: READ_CHUNK_BYTES
    });
    const inflate = createInflateRaw2();
    const feeding = (async () => {
      try {
        for await (const chunk of raw) {
          if (inflate.destroyed) break;
          if (!inflate.write(chunk)) await waitDrain(inflate);
        }
      } finally {
        inflate.end();
      }
    })();
    try {
      for await (const chunk of inflate) take(chunk);
    } catch (error) {
      if (error instanceof DistributionError) throw error;
      throw fail2(`cannot be inflated (${quote(error instanceof Error ? error.message : "")})`);
    } finally {
      inflate.destroy();
      await feeding.catch(() => void 0);
    }
    if (inflate.bytesWritten !== entry.compressedSize)
      throw fail2("has a deflate stream that does not fill its declared compressed size");
  }
  if (size !== entry.uncompressedSize) throw fail2("inflates to less than its declared size");
  if (crc >>> 0 !== entry.crc32) throw fail2("does not match its CRC-32");
  const digests = new Map([...hashes].map(([name, hash]) => [name, hash.digest("hex")]));
  return {
    digests,
    size,
    ...entry.uncompressedSize <= keep ? { data: Buffer.concat(kept) } : {}
  };
}
function waitDrain(stream) {
  return new Promise((resolve) => {
    stream.once("drain", resolve);
    stream.once("close", resolve);
  });
}

// src/distributions/zip-structure.ts
var MAX_ZIP_ENTRIES = 1e5;
var MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;
var END = 101010256;
var END64 = 101075792;
var LOCATOR64 = 117853008;
var CENTRAL = 33639248;
var LOCAL = 67324752;
var ZIP64_EXTRA = 1;
var UNICODE_PATH_EXTRA = 28789;
var UTF8_FLAG = 2048;
var ALLOWED_FLAGS = 2054;
var U16 = 65535;
var MAX_EXTRACT_VERSION = 63;
var U32 = 4294967295;
async function readZipStructure(handle, size, filename) {
  const fail2 = (why) => hostileArchive(filename, why);
  const read = async (at, length) => {
    if (at < 0 || length < 0 || at + length > size)
      throw fail2(`a zip record at byte ${at} runs past the end of the file`);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, at);
    if (bytesRead !== length) throw fail2(`the file changed size while being read`);
    return buffer;
  };
  if (size < 22) throw fail2("it is not a readable zip archive (too short for an end record)");
  const endAt = size - 22;
  const end = await read(endAt, 22);
  if (end.readUInt32LE(0) !== END)
    throw fail2(
      "it does not end with a zip end-of-central-directory record (archive comments and trailing bytes are refused)"
    );
  const classic = {
    disk: end.readUInt16LE(4),
    directoryDisk: end.readUInt16LE(6),
    onDisk: end.readUInt16LE(8),
    total: end.readUInt16LE(10),
    directorySize: end.readUInt32LE(12),
    directoryOffset: end.readUInt32LE(16)
  };
  if (end.readUInt16LE(20) !== 0) throw fail2("it has an archive comment");
  let { total, directorySize, directoryOffset } = classic;
  let directoryEnd = endAt;
  const zip64 = classic.total === U16 || classic.directorySize === U32 || classic.directoryOffset === U32;
  if (zip64 || endAt >= 20 && (await read(endAt - 20, 4)).readUInt32LE(0) === LOCATOR64) {
    const record = await readZip64End(read, endAt, fail2);
    const agrees = (value, max, wide) => value === max || value === wide;
    if (!agrees(classic.onDisk, U16, record.onDisk) || !agrees(classic.total, U16, record.total) || !agrees(classic.directorySize, U32, record.directorySize) || !agrees(classic.directoryOffset, U32, record.directoryOffset) || !agrees(classic.disk, U16, record.disk) || !agrees(classic.directoryDisk, U16, record.directoryDisk))
      throw fail2("its zip64 end record disagrees with the classic end record");
    ({ total, directorySize, directoryOffset } = record);
    directoryEnd = record.at;
    classic.onDisk = record.onDisk;
    classic.disk = record.disk;
    classic.directoryDisk = record.directoryDisk;
  }
  if (classic.disk !== 0 || classic.directoryDisk !== 0 || classic.onDisk !== total)
    throw fail2("it is a multi-disk zip archive");
  if (total > MAX_ZIP_ENTRIES)
    throw fail2(`it has ${total} entries, over the limit of ${MAX_ZIP_ENTRIES}`);
  if (directoryOffset + directorySize !== directoryEnd)
    throw fail2(
      "its central directory does not end where the end record begins (zip readers would disagree on where it is)"
    );
  if (directorySize > MAX_DIRECTORY_BYTES)
    throw fail2(`its central directory is larger than ${MAX_DIRECTORY_BYTES} bytes`);
  const directory = await read(directoryOffset, directorySize);
  const entries = parseDirectory(directory, total, fail2);
  await checkLocalHeaders(entries, read, directoryOffset, fail2);
  return entries;
}
function u64(buffer, at, fail2) {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw fail2(`a zip64 field holds the impossible value ${value}`);
  return Number(value);
}
async function readZip64End(read, endAt, fail2) {
  if (endAt < 20 + 56) throw fail2("its zip64 end record is missing");
  const locator = await read(endAt - 20, 20);
  if (locator.readUInt32LE(0) !== LOCATOR64) throw fail2("its zip64 end locator is missing");
  const at = u64(locator, 8, fail2);
  if (locator.readUInt32LE(4) !== 0 || locator.readUInt32LE(16) !== 1)
    throw fail2("it is a multi-disk zip archive");
  if (at !== endAt - 20 - 56)
    throw fail2("its zip64 end record is not right before its locator (bytes between them)");
  const record = await read(at, 56);
  if (record.readUInt32LE(0) !== END64) throw fail2("its zip64 end locator points at no record");
  if (record.readBigUInt64LE(4) !== 44n) throw fail2("its zip64 end record has extensible data");
  return {
    at,
    disk: record.readUInt32LE(16),
    directoryDisk: record.readUInt32LE(20),
    onDisk: u64(record, 24, fail2),
    total: u64(record, 32, fail2),
    directorySize: u64(record, 40, fail2),
    directoryOffset: u64(record, 48, fail2)
  };
}
function parseExtra(extra, where, fail2) {
  const fields = /* @__PURE__ */ new Map();
  for (let at = 0; at < extra.length; ) {
    if (at + 4 > extra.length) throw fail2(`${where} has a malformed extra field`);
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (at + 4 + length > extra.length) throw fail2(`${where} has a malformed extra field`);
    if (fields.has(id)) throw fail2(`${where} repeats the extra field 0x${id.toString(16)}`);
    fields.set(id, extra.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}
function resolveZip64(sizes, field, where, fail2) {
  const wanted = ["uncompressedSize", "compressedSize", "offset"].filter(
    (key) => sizes[key] === U32
  );
  if (!field) {
    if (wanted.length > 0) throw fail2(`${where} needs a zip64 extra field and has none`);
    return sizes;
  }
  if (field.length !== wanted.length * 8)
    throw fail2(`${where} has a zip64 extra field that does not match its 32-bit fields`);
  const resolved = { ...sizes };
  wanted.forEach((key, index) => resolved[key] = u64(field, index * 8, fail2));
  return resolved;
}
function decodeName(raw, flags, fail2) {
  const shown = quote(raw.toString("latin1"));
  if ((flags & UTF8_FLAG) === 0) {
    if (raw.some((byte) => byte >= 128))
      throw fail2(`entry ${shown} has a non-ASCII name without the UTF-8 flag`);
    return raw.toString("latin1");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    throw fail2(`entry ${shown} has a name that is not UTF-8`);
  }
}
function checkUnicodePath(name, field, fail2) {
  if (!field) return;
  const alias = field.length > 5 ? field.subarray(5).toString("utf8") : "";
  if (field.length < 5 || field[0] !== 1 || alias !== name)
    throw fail2(`entry ${quote(name)} carries a second, different name (a Unicode Path field)`);
}
function parseDirectory(directory, total, fail2) {
  const entries = [];
  let at = 0;
  while (at < directory.length) {
    if (entries.length >= total)
      throw fail2(
        `its central directory holds more entries than the end record's ${total} (zip readers would disagree on its contents)`
      );
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL)
      throw fail2(`its central directory is broken at byte ${at}`);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directory.length) throw fail2(`its central directory is broken at byte ${at}`);
    const flags = directory.readUInt16LE(at + 8);
    const rawName = Buffer.from(directory.subarray(at + 46, at + 46 + nameLength));
    const name = decodeName(rawName, flags, fail2);
    const where = `entry ${quote(name)}`;
    if (commentLength !== 0) throw fail2(`${where} has a comment`);
    if (directory.readUInt16LE(at + 6) > MAX_EXTRACT_VERSION)
      throw fail2(`${where} needs zip version ${directory.readUInt16LE(at + 6) / 10} to extract`);
    if (directory.readUInt16LE(at + 34) !== 0) throw fail2("it is a multi-disk zip archive");
    const extra = parseExtra(
      directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
      where,
      fail2
    );
    checkUnicodePath(name, extra.get(UNICODE_PATH_EXTRA), fail2);
    const sizes = resolveZip64(
      {
        compressedSize: directory.readUInt32LE(at + 20),
        uncompressedSize: directory.readUInt32LE(at + 24),
        offset: directory.readUInt32LE(at + 42)
      },
      extra.get(ZIP64_EXTRA),
      where,
      fail2
    );
    entries.push({
      name,
      rawName,
      method: directory.readUInt16LE(at + 10),
      flags,
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: sizes.compressedSize,
      uncompressedSize: sizes.uncompressedSize,
      localOffset: sizes.offset,
      dataOffset: 0,
      externalAttributes: directory.readUInt32LE(at + 38)
    });
    at = next;
  }
  if (entries.length !== total)
    throw fail2(
      `its end record counts ${total} entries but its central directory holds ${entries.length} (zip readers would disagree on its contents)`
    );
  return entries;
}
async function checkLocalHeaders(entries, read, directoryOffset, fail2) {
  for (const entry of entries) {
    const where = `entry ${quote(entry.name)}`;
    if ((entry.flags & ~ALLOWED_FLAGS) !== 0)
      throw fail2(
        entry.flags & 1 ? `${where} is encrypted` : entry.flags & 8 ? `${where} uses a data descriptor (its sizes are not in its header)` : `${where} has unsupported flags 0x${entry.flags.toString(16)}`
      );
    if (entry.method !== 0 && entry.method !== 8)
      throw fail2(`${where} uses compression method ${entry.method} (only stored and deflate)`);
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize)
      throw fail2(`${where} is stored but its two sizes differ`);
    if (entry.localOffset + 30 > directoryOffset)
      throw fail2(`${where} has a local header offset past the entries`);
    const header = await read(entry.localOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL) throw fail2(`${where} has no local header at its offset`);
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const rest = await read(entry.localOffset + 30, nameLength + extraLength);
    const extra = parseExtra(rest.subarray(nameLength), `${where} (local header)`, fail2);
    checkUnicodePath(entry.name, extra.get(UNICODE_PATH_EXTRA), fail2);
    const local = resolveZip64(
      { compressedSize: header.readUInt32LE(18), uncompressedSize: header.readUInt32LE(22) },
      extra.get(ZIP64_EXTRA),
      `${where} (local header)`,
      fail2
    );
    const differs = !rest.subarray(0, nameLength).equals(entry.rawName) ? "name" : header.readUInt16LE(6) !== entry.flags ? "flags" : header.readUInt16LE(8) !== entry.method ? "compression method" : header.readUInt32LE(14) !== entry.crc32 ? "CRC-32" : local.compressedSize !== entry.compressedSize || local.uncompressedSize !== entry.uncompressedSize ? "sizes" : void 0;
    if (differs)
      throw fail2(
        `${where}: its local header and central directory disagree on its ${differs} (zip readers would read different files)`
      );
    entry.dataOffset = entry.localOffset + 30 + nameLength + extraLength;
  }
  checkLayout2(entries, directoryOffset, fail2);
}
function checkLayout2(entries, directoryOffset, fail2) {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const entry of sorted) {
    if (entry.localOffset !== expected)
      throw fail2(
        entry.localOffset < expected ? `entry ${quote(entry.name)} overlaps the entry before it` : `it has ${entry.localOffset - expected} unlisted bytes before entry ${quote(entry.name)}`
      );
    expected = entry.dataOffset + entry.compressedSize;
  }
  if (expected !== directoryOffset)
    throw fail2(
      expected > directoryOffset ? "its last entry runs into the central directory" : `it has ${directoryOffset - expected} unlisted bytes before its central directory`
    );
}

// src/distributions/wheel-archive.ts
var MAX_WHEEL_UNCOMPRESSED_BYTES = 8 * 1024 ** 3;
var RECORD_MAX_BYTES = 32 * 1024 * 1024;
var S_IFMT = 61440;
var S_IFLNK = 40960;
var S_IFREG = 32768;
var S_IFDIR = 16384;
async function readWheelMetadata(path, parsed) {
  return (await inspectWheelArchive(path, parsed)).metadata;
}
async function inspectWheelArchive(path, parsed) {
  const { filename } = parsed;
  const handle = await open2(path, "r");
  try {
    const { size } = await handle.stat();
    const entries = await readZipStructure(handle, size, filename);
    checkEntries(filename, entries);
    const stem = `${parsed.name}-${parsed.version}`;
    checkInstallPaths(
      filename,
      entries.map((e) => ({ name: e.name, isDirectory: e.name.endsWith("/") })),
      { stem }
    );
    const info = `${stem}.dist-info`;
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    const required = (file, limit) => {
      const entry = byName.get(`${info}/${file}`);
      if (!entry) throw hostileArchive(filename, `${quote(`${info}/${file}`)} is missing`);
      if (entry.uncompressedSize > limit)
        throw hostileArchive(filename, `its ${file} is larger than ${limit} bytes`);
      return entry;
    };
    const metadataEntry = required("METADATA", METADATA_MAX_BYTES);
    const wheelEntry = required("WHEEL", METADATA_MAX_BYTES);
    const recordEntry = required("RECORD", RECORD_MAX_BYTES);
    const recordBytes = (await readZipEntry(handle, recordEntry, filename, { keep: RECORD_MAX_BYTES })).data;
    const record = parseRecord(utf82(recordBytes, filename, "RECORD"), filename, info);
    const kept = /* @__PURE__ */ new Map();
    const members = [];
    for (const entry of entries) {
      if (entry.name.endsWith("/")) continue;
      const row = record.get(entry.name);
      if (row === void 0 && !/\/RECORD\.(jws|p7s)$/.test(entry.name))
        throw hostileArchive(filename, `entry ${quote(entry.name)} is not listed in its RECORD`);
      const keep = entry === metadataEntry || entry === wheelEntry ? METADATA_MAX_BYTES : 0;
      const algorithms = row && row.algorithm !== "sha256" ? [row.algorithm] : [];
      const content = await readZipEntry(handle, entry, filename, { algorithms, keep });
      if (row) checkRow(filename, entry.name, row, content.digests, content.size);
      if (content.data) kept.set(entry.name, content.data);
      members.push({
        name: entry.name,
        size: content.size,
        sha256: content.digests.get("sha256")
      });
    }
    for (const path2 of record.keys())
      if (!byName.has(path2) || path2.endsWith("/"))
        throw hostileArchive(filename, `its RECORD lists ${quote(path2)}, which it does not hold`);
    checkWheelFile(utf82(kept.get(wheelEntry.name), filename, "WHEEL"), parsed);
    const metadata = parseCoreMetadata(kept.get(metadataEntry.name), filename);
    return { metadata, members };
  } finally {
    await handle.close();
  }
}
function utf82(bytes, filename, what) {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw hostileArchive(filename, `its ${what} is not valid UTF-8`);
  }
}
function checkRow(filename, name, row, digests, size) {
  if (digests.get(row.algorithm) !== row.digest || size !== row.size)
    throw hostileArchive(
      filename,
      `entry ${quote(name)} does not match its RECORD ${row.digest && digests.get(row.algorithm) !== row.digest ? "hash" : "size"} (the wheel is not what its own manifest says)`
    );
}
function checkEntries(filename, entries) {
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > MAX_WHEEL_UNCOMPRESSED_BYTES)
    throw inflationLimit(
      filename,
      `its entries declare ${total} bytes in all`,
      MAX_WHEEL_UNCOMPRESSED_BYTES
    );
  for (const entry of entries) {
    const what = `entry ${quote(entry.name)}`;
    const type = entry.externalAttributes >>> 16 & S_IFMT;
    if (type === S_IFLNK)
      throw hostileArchive(filename, `${what} is a symbolic link (links are refused in wheels)`);
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR)
      throw hostileArchive(filename, `${what} is a special file (mode 0o${type.toString(8)})`);
    if (entry.name.endsWith("/") && (entry.uncompressedSize !== 0 || type === S_IFREG))
      throw hostileArchive(filename, `${what} is a folder that holds data`);
    if (!entry.name.endsWith("/") && type === S_IFDIR)
      throw hostileArchive(filename, `${what} is marked as a folder but named as a file`);
  }
}

// src/distributions/inspect.ts
var REBUILD = "The file was renamed or built wrongly: rebuild it instead of renaming it.";
async function inspectDistribution(path) {
  const parsed = parseDistributionFilename(basename(path));
  const { filename } = parsed;
  const metadata = parsed.kind === "wheel" ? await readWheelMetadata(path, parsed) : await readSdistMetadata(path, parsed);
  if (!isValidProjectName(metadata.name)) {
    throw new DistributionError(
      `${quote(filename)}: its metadata Name ${quote(metadata.name)} is not a valid project name.`,
      {
        subject: filename,
        hint: "Project names are ASCII letters and digits, with . _ - inside (https://packaging.python.org/en/latest/specifications/name-normalization/)."
      }
    );
  }
  const version = canonicalVersion(metadata.version, filename);
  const mismatch = (what, inName, inMetadata) => new DistributionError(
    `${quote(filename)}: the filename says ${what} ${quote(inName)}, its metadata says ${quote(inMetadata)}.`,
    { subject: filename, hint: REBUILD }
  );
  if (normalizeProjectName(metadata.name) !== parsed.project)
    throw mismatch("project", parsed.name, metadata.name);
  if (!versionsEqual(version, parsed.version))
    throw mismatch("version", parsed.version, metadata.version);
  return { path, parsed, metadata };
}
function groupByRelease(list) {
  const groups = [];
  for (const { parsed, metadata } of list) {
    const version = canonicalVersion(metadata.version, parsed.filename);
    let group = groups.find(
      (g) => g.project === parsed.project && versionsEqual(g.version, version)
    );
    if (!group) groups.push(group = { project: parsed.project, version, files: [] });
    group.files.push(parsed.filename);
  }
  return groups;
}
function checkConsistency(list, expectedVersion) {
  const groups = groupByRelease(list);
  const first = list[0];
  if (!first)
    throw new DistributionError("There are no distributions to check.", {
      subject: "packages-dir",
      hint: "Build the wheels and sdist into `packages-dir` first."
    });
  if (groups.length > 1) {
    const detail = groups.map((g) => `${g.project} ${g.version} (${g.files.map(quote).join(", ")})`).join("; ");
    throw new DistributionError(
      `The files belong to ${groups.length} different releases: ${detail}.`,
      {
        subject: "packages-dir",
        hint: "Release one project version at a time: empty `packages-dir` before building."
      }
    );
  }
  const sdists = list.filter((dist) => dist.parsed.kind === "sdist");
  if (sdists.length > 1) {
    throw new DistributionError(
      `More than one sdist: ${sdists.map((d) => quote(d.parsed.filename)).join(", ")}.`,
      {
        subject: "packages-dir",
        hint: "PyPI takes one sdist per release: build the sdist in one job only."
      }
    );
  }
  const version = canonicalVersion(first.metadata.version, first.parsed.filename);
  if (expectedVersion !== void 0) {
    const expected = canonicalVersion(expectedVersion.replace(/^[vV]/, ""), "expected-version");
    if (!versionsEqual(expected, version))
      throw new DistributionError(
        `The files carry version ${version}, but expected-version is ${quote(expectedVersion)}.`,
        {
          subject: "expected-version",
          hint: `Tag the commit whose pyproject.toml says ${version} (e.g. v${version}), or set the version to match the tag and rebuild.`
        }
      );
  }
  return { project: first.parsed.project, name: first.metadata.name, version };
}

export {
  NEVER_DYNAMIC,
  inspectDistribution,
  checkConsistency
};
