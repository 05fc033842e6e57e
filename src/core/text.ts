/**
 * Untrusted strings (file names, metadata, server answers) pass through `quote` before they
 * reach a log line, an error message or an output, so they can never start a workflow command
 * (`::set-output`, `::add-mask`) on a line of their own nor add lines to GITHUB_OUTPUT.
 */

const MAX_QUOTED_LENGTH = 300;

/** JSON-quotes a string and escapes everything that is not printable ASCII or ordinary text. */
export function quote(value: string): string {
  const shortened =
    value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value;
  return JSON.stringify(shortened).replace(
    // JSON.stringify leaves U+2028/2029, DEL, C1 controls and bidi controls as they are.
    /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** True when a string holds a character that could break a log line or a workflow command. */
export function hasControlCharacters(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value);
}

const CONTROL_OR_BIDI =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Why a name from an input or a server answer cannot become one path segment, or undefined
 * when it can: not empty, not `.` or `..`, no separator, no control or bidi character.
 */
export function plainNameProblem(name: string): string | undefined {
  if (!name) return 'it is empty';
  if (name === '.' || name === '..') return `${quote(name)} names a folder, not a file`;
  if (/[/\\]/.test(name)) return 'it holds a path separator';
  if (CONTROL_OR_BIDI.test(name)) return 'it holds a control or bidirectional-text character';
  return undefined;
}

/** Formats a byte count for humans: 1.5 MB, 312 kB, 17 B. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
