/**
 * `node bench/artifact-upload.ts <name> <dir>`: the bare upload a workflow could do instead of
 * `collect`: every file of `dir` as one artifact through `@actions/artifact`, stored as the
 * action stores them (wheels and sdists are compressed already), nothing checked.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';

const [name, dir] = process.argv.slice(2);
if (!name || !dir) throw new Error('usage: artifact-upload.ts <name> <dir>');
const files = (await readdir(dir)).map((file) => join(dir, file));
await new DefaultArtifactClient().uploadArtifact(name, files, dir, { compressionLevel: 0 });
