/** `node bench/hash.ts <sha256|blake2b> <file>`: the action's own streaming digest code. */
import { blake2b256File, sha256File } from '../src/digests/digest.ts';

const [algorithm, file] = process.argv.slice(2);
if (!file) throw new Error('usage: hash.ts <sha256|blake2b> <file>');
console.log(algorithm === 'sha256' ? await sha256File(file) : await blake2b256File(file));
