/// <reference lib="webworker" />
/**
 * The uploads worker (module worker): reading, sniffing, PDF inspection, picture decoding, sharpness and JPEG
 * encoding of the uploads area all run here, off the main thread, so a hostile file can freeze only this worker —
 * which the client (client.ts) terminates when a stage exceeds its time limit. Progress = the Stage reached.
 */
import { serveWorker } from '../../../platform/worker-bridge.ts';
import { processFile, checkPage, encodePage, type Stage } from '../convert/process.ts';
import type { UploadsProtocol } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

serveWorker<UploadsProtocol>(self, {
  process: ({ file, fallbackName }, progress) => processFile(file, { fallbackName, onStage: (s: Stage) => progress(s) }),
  page: ({ file }, progress) => checkPage(file, { onStage: (s: Stage) => progress(s) }),
  'encode-page': ({ blob, kind, budget }, progress) => encodePage(blob, kind, budget, { onStage: (s: Stage) => progress(s) }),
});
