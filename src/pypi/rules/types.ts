/** Shapes of the PyPI rules: what a check is given about a file and what it answers. */
import type { CoreMetadata, DistributionFilename } from '../../distributions/types.ts';

/**
 * Whose rules apply: PyPI's, TestPyPI's (the same Warehouse code), or none for a private
 * index, whose own rules the action cannot know.
 */
export type IndexTarget = 'pypi' | 'testpypi' | 'none';

/** Everything the rules look at about one distribution file. */
export interface DistributionFacts {
  parsed: DistributionFilename;
  metadata: CoreMetadata;
  /** Bytes on disk. */
  size: number;
  /** Member names of the archive as stored (files and folders). */
  members: readonly string[];
  /** Zip only: the sum of the entries' declared uncompressed sizes. */
  uncompressedBytes?: number;
  /** Wheel only: `{N}-{V}.dist-info/entry_points.txt` when present. */
  entryPoints?: Uint8Array;
}

/** One refusal: PyPI's own words, and what to do. */
export interface IndexRefusal {
  /** A short stable name of the rule, e.g. `classifier`. */
  rule: string;
  filename: string;
  /** The message PyPI answers (without the "See … core-metadata" tail it adds). */
  message: string;
  fix: string;
}

/** What the rules found: refusals (the upload would fail) and warnings (it may). */
export interface IndexVerdict {
  refusals: IndexRefusal[];
  warnings: string[];
}

/** Options of a check. */
export interface IndexCheckOptions {
  /**
   * True when the project is known not to exist on the index yet (a first release): the
   * new-project name rules then refuse; when unknown (undefined) they only warn.
   */
  newProject?: boolean;
}

/** Collects refusals and warnings for one file. */
export class Findings {
  readonly refusals: IndexRefusal[] = [];
  readonly warnings: string[] = [];
  readonly filename: string;
  constructor(filename: string) {
    this.filename = filename;
  }

  refuse(rule: string, message: string, fix: string): void {
    this.refusals.push({ rule, filename: this.filename, message, fix });
  }

  warn(message: string): void {
    this.warnings.push(message);
  }
}
