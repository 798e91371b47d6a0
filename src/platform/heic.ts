/**
 * HEIC/HEIF decoding in the browser, offline, from our own origin.
 *
 * Decoder: libheif-js 1.23.2 (libheif + libde265 compiled to WebAssembly; LGPL-3.0). Its two files
 * (`libheif.js` ≈ 91 KB, `libheif.wasm` ≈ 1.4 MB) are emitted by Vite as separate assets — never bundled into app
 * code, replaceable as LGPL requires — and fetched only when the first HEIC file arrives. They run in a classic
 * worker made from a tiny blob script (`importScripts` of our own asset URL), so decoding a 12 MP photo does not
 * freeze the page, and the same call works from the window and from a module worker (nested workers).
 *
 * Transformations stored in the file (irot/imir, the HEIF equivalent of EXIF orientation) are applied by libheif;
 * nothing else is changed. The primary picture is the largest top-level image.
 */
import heicJsUrl from 'libheif-js/libheif-wasm/libheif.js?url';
import heicWasmUrl from 'libheif-js/libheif-wasm/libheif.wasm?url';

export class HeicError extends Error {
  constructor(readonly code: 'no-image' | 'decode' | 'unavailable' | 'aborted', message: string) {
    super(message);
    this.name = 'HeicError';
  }
}

/** Absolute URLs of the decoder assets (for tests and the precache check). */
export function heicAssetUrls(): { js: string; wasm: string } {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  if (!base) return { js: heicJsUrl, wasm: heicWasmUrl };
  return { js: new URL(heicJsUrl, base).href, wasm: new URL(heicWasmUrl, base).href };
}

// The worker body is plain ES5-style JS run as a classic script; it only loads our own asset URLs.
const WORKER_SOURCE = `'use strict';
var lib = null;
function pickLargest(images) {
  var best = images[0];
  for (var i = 1; i < images.length; i++) {
    if (images[i].get_width() * images[i].get_height() > best.get_width() * best.get_height()) best = images[i];
  }
  return best;
}
self.onmessage = function (e) {
  var m = e.data;
  Promise.resolve().then(function () {
    if (!lib) {
      importScripts(m.jsUrl);
      // This emscripten build returns the module object and calls onRuntimeInitialized when the wasm is ready —
      // in a worker that can happen synchronously, before the factory returns; newer builds return a promise.
      return new Promise(function (resolve, reject) {
        var ready = false, mod = null;
        mod = self.libheif({
          locateFile: function () { return m.wasmUrl; },
          print: function () {}, printErr: function () {},
          onAbort: function (what) { reject({ code: 'decode', message: 'HEIC decoder aborted: ' + what }); },
          onRuntimeInitialized: function () { ready = true; if (mod) { lib = mod; resolve(); } }
        });
        if (mod && typeof mod.then === 'function') mod.then(function (l) { lib = l; resolve(); }, reject);
        else if (ready) { lib = mod; resolve(); }
      });
    }
  }).then(function () {
    var decoder = new lib.HeifDecoder();
    var images = decoder.decode(new Uint8Array(m.bytes));
    if (!images || !images.length) throw { code: 'no-image', message: 'no image in HEIF container' };
    var im = pickLargest(images);
    var w = im.get_width(), h = im.get_height();
    return new Promise(function (resolve, reject) {
      im.display({ data: new Uint8ClampedArray(w * h * 4), width: w, height: h }, function (out) {
        for (var i = 0; i < images.length; i++) { try { images[i].free(); } catch (x) {} }
        try { if (decoder.decoder) lib.heif_context_free(decoder.decoder); } catch (x) {}
        if (!out) reject({ code: 'decode', message: 'HEIF image could not be decoded' });
        else resolve({ width: w, height: h, data: out.data });
      });
    });
  }).then(function (r) {
    self.postMessage({ id: m.id, ok: true, width: r.width, height: r.height, buffer: r.data.buffer }, [r.data.buffer]);
  }, function (err) {
    self.postMessage({ id: m.id, ok: false, code: (err && err.code) || 'decode', message: String((err && err.message) || err) });
  });
};`;

let worker: Worker | null = null;
let seq = 0;
let idleTimer: ReturnType<typeof setTimeout> | null = null;
const pending = new Map<number, { resolve: (d: ImageData) => void; reject: (e: Error) => void }>();
/** The decoder stays warm this long after the last HEIC (the wasm instance holds ~30–100 MB). */
const IDLE_MS = 60_000;

function getWorker(): Worker {
  if (worker) return worker;
  if (typeof Worker === 'undefined') throw new HeicError('unavailable', 'Worker is not available in this context');
  const blobUrl = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const w = new Worker(blobUrl);
  URL.revokeObjectURL(blobUrl);
  w.onmessage = (e: MessageEvent) => {
    const m = e.data as { id: number; ok: boolean; width: number; height: number; buffer: ArrayBuffer; code: string; message: string };
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(new ImageData(new Uint8ClampedArray(m.buffer), m.width, m.height));
    else p.reject(new HeicError(m.code === 'no-image' ? 'no-image' : 'decode', m.message));
    scheduleIdle();
  };
  w.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    const err = new HeicError('unavailable', `HEIC decoder failed to load: ${e.message || 'worker error'}`);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    disposeHeic();
  };
  worker = w;
  return w;
}

function scheduleIdle() {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => { if (pending.size === 0) disposeHeic(); }, IDLE_MS);
}

/** Stop the decoder worker and free its memory (wipe, idle). The next HEIC starts it again. */
export function disposeHeic(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) p.reject(new HeicError('aborted', 'HEIC decoding was stopped'));
  pending.clear();
}

/**
 * Decode a HEIC/HEIF file to RGBA pixels (transformations applied). Rejects with a HeicError; never hangs:
 * an aborted signal rejects at once (the worker finishes the current picture and its result is dropped).
 */
export async function decodeHeic(blob: Blob, signal?: AbortSignal): Promise<ImageData> {
  if (signal?.aborted) throw new HeicError('aborted', 'aborted');
  const bytes = await blob.arrayBuffer();
  const { js, wasm } = heicAssetUrls();
  const w = getWorker();
  const id = ++seq;
  if (idleTimer) clearTimeout(idleTimer);
  return new Promise<ImageData>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    signal?.addEventListener('abort', () => {
      if (pending.delete(id)) reject(new HeicError('aborted', 'aborted'));
    }, { once: true });
    w.postMessage({ id, jsUrl: js, wasmUrl: wasm, bytes }, [bytes]);
  });
}

/** Decode to an ImageBitmap (convenient for canvas drawing). */
export async function decodeHeicToBitmap(blob: Blob, signal?: AbortSignal): Promise<ImageBitmap> {
  return createImageBitmap(await decodeHeic(blob, signal));
}
