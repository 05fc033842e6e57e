/**
 * The Warehouse stand-in's PEP 740 checks on a thread of their own (see
 * warehouse-attestations.ts): the index's event loop goes on receiving other uploads while an
 * upload's attestations are verified.
 */
import { parentPort } from 'node:worker_threads';
import { verifyAttestations } from './warehouse-attestations.ts';
import type { TrustedPublisher } from './warehouse.ts';

export interface VerifyRequest {
  id: number;
  text: string;
  file: { filename: string; sha256: string };
  /** Sent once per trusted root (with its number), then referred to by `rootId` alone. */
  root?: Record<string, unknown>;
  rootId: number;
  publisher: TrustedPublisher;
}

export interface VerifyAnswer {
  id: number;
  result: unknown[] | string;
}

const roots = new Map<number, Record<string, unknown>>();

parentPort?.on('message', (request: VerifyRequest) => {
  if (request.root) roots.set(request.rootId, request.root);
  const root = roots.get(request.rootId);
  let result: unknown[] | string;
  try {
    result = root
      ? verifyAttestations(request.text, request.file, root, request.publisher)
      : 'the stand-in lost its trusted root';
  } catch (error) {
    result = `Could not verify the uploaded artifact: ${(error as Error).message}`;
  }
  parentPort?.postMessage({ id: request.id, result } satisfies VerifyAnswer);
});
