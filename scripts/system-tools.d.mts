/** The system tools the tests and the demo use: undefined when all are there, else what to run. */
export function ensureSystemTools(): string | undefined;
/** The tools that are missing, as [name, how to find it, Debian package]. */
export function missingTools(): Array<[string, unknown, string]>;
