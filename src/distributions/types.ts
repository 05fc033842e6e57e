/** Shapes shared by the distribution parsers and the steps that use them. */

export type DistributionKind = 'wheel' | 'sdist';

/** A wheel filename split per PEP 427 / PEP 491 (binary-distribution-format). */
export interface WheelFilename {
  kind: 'wheel';
  filename: string;
  /** The distribution part as written in the filename, e.g. `Foo_Bar`. */
  name: string;
  /** PEP 503 normalized project name, e.g. `foo-bar`. */
  project: string;
  /** The version as written in the filename. */
  version: string;
  /** Build tag, e.g. `1` or `2abc`, when present. */
  build?: string;
  /** Compressed tag sets expanded: `py2.py3` -> [`py2`, `py3`]. */
  pythonTags: string[];
  abiTags: string[];
  platformTags: string[];
}

/** An sdist filename: PEP 625 `name-version.tar.gz` or the dashed form older backends write. */
export interface SdistFilename {
  kind: 'sdist';
  filename: string;
  name: string;
  project: string;
  version: string;
}

export type DistributionFilename = WheelFilename | SdistFilename;

/** Core metadata (METADATA / PKG-INFO) as read from the archive. */
export interface CoreMetadata {
  metadataVersion: string;
  name: string;
  version: string;
  /** Every header, keyed by its lowercased name, values in file order (multi-use fields). */
  fields: Map<string, string[]>;
  /** The message body (long description), when present. */
  body?: string;
}

/** A distribution file that passed every structural check. */
export interface InspectedDistribution {
  /** Absolute path on disk. */
  path: string;
  parsed: DistributionFilename;
  metadata: CoreMetadata;
}
