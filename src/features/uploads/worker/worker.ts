/// <reference lib="webworker" />
/**
 * The uploads worker (module worker): reading, sniffing, PDF inspection, picture decoding, sharpness and JPEG
 * encoding of the uploads area all run here, off the main thread, so a hostile file can freeze only this worker —
 * which the client (client.ts) terminates when a stage exceeds its time limit.
 * Messages: { id, op, ...payload } → { id, stage } (progress) | { id, ok: true, result } | { id, ok: false, error }.
 */
import { processFile, checkPage, encodePage, type Stage } from '../convert/process.ts';
import type { FileKind } from '../index.ts';

declare const self: DedicatedWorkerGlobalScope;

export type UploadsRequest =
  | { op: 'process'; file: File; fallbackName?: string }
  | { op: 'page'; file: File }
  | { op: 'encode-page'; blob: Blob; kind: FileKind; budget: number };

self.onmessage = async (e: MessageEvent<UploadsRequest & { id: number }>) => {
  const { id } = e.data;
  const onStage = (stage: Stage) => self.postMessage({ id, stage });
  try {
    const m = e.data;
    let result: unknown;
    if (m.op === 'process') result = await processFile(m.file, { fallbackName: m.fallbackName, onStage });
    else if (m.op === 'page') result = await checkPage(m.file, { onStage });
    else if (m.op === 'encode-page') result = await encodePage(m.blob, m.kind, m.budget, { onStage });
    else throw new Error(`unknown op ${(m as { op: string }).op}`);
    self.postMessage({ id, ok: true, result });
  } catch (err) {
    self.postMessage({ id, ok: false, error: { code: (err as { code?: string })?.code ?? 'internal', message: err instanceof Error ? err.message : String(err) } });
  }
};
