/**
 * The Warehouse stand-in's Python worker fails closed: every way of not getting an answer
 * (Python missing, the script ending, no answer in time, an answer that is not JSON, the
 * script's own failure) is a typed failure, and the next request gets a fresh process.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PythonWorker } from '../../sandbox/python-worker.ts';

const dir = await mkdtemp(join(tmpdir(), 'python-worker-'));
const script = join(dir, 'worker.py');
await writeFile(
  script,
  `import json, sys, time
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    op = json.loads(line)["op"]
    if op == "junk":
        print("not json", flush=True)
    elif op == "crash":
        sys.stderr.write("boom\\n")
        sys.exit(3)
    elif op == "sleep":
        time.sleep(5)
    elif op == "fail":
        print(json.dumps({"failure": "cannot tell"}), flush=True)
    else:
        print(json.dumps({"echo": op}), flush=True)
`,
);
const worker = new PythonWorker(script, 300);
afterAll(async () => {
  worker.stop();
  await rm(dir, { recursive: true, force: true });
});

it('answers, and fails with what went wrong, each time with a fresh process after', async () => {
  const ask = (op: string) => worker.ask({ op });
  const echo = { echo: 'echo' };
  await expect(ask('echo')).resolves.toEqual(echo);
  await expect(ask('fail')).rejects.toMatchObject({ kind: 'failure', message: 'cannot tell' });
  await expect(ask('junk')).rejects.toMatchObject({ kind: 'unreadable' });
  await expect(ask('echo')).resolves.toEqual(echo);
  await expect(ask('crash')).rejects.toMatchObject({ kind: 'ended', message: /\(3\): boom$/ });
  await expect(ask('echo')).resolves.toEqual(echo);
  await expect(ask('sleep')).rejects.toMatchObject({ kind: 'timeout' });
  await expect(ask('echo')).resolves.toEqual(echo);
  worker.use('/nonexistent/python3');
  await expect(ask('echo')).rejects.toMatchObject({ kind: 'unstartable', message: /ENOENT/ });
  worker.use();
  await expect(ask('echo')).resolves.toEqual(echo);
});
