import { mount } from 'svelte';
import './app.css';
import App from './shell/App.svelte';
import { installGlobalErrorGuard } from './platform/errors.ts';

installGlobalErrorGuard();
const app = mount(App, { target: document.getElementById('app')! });
export default app;

// Test/diagnostic hook, only with ?debug=1: raw face detection on a Blob (used by the landmark accuracy e2e test).
if (new URLSearchParams(location.search).get('debug') === '1') {
  void Promise.all([import('./features/photo/worker/client.ts'), import('./features/photo/service.ts')]).then(([c, s]) => {
    (globalThis as Record<string, unknown>).__zkDebug = { detectFaces: c.detectFaces, segmentPerson: c.segmentPerson, warmup: c.warmup, analyzePhoto: s.analyzePhoto, fixPhoto: s.fixPhoto };
  });
}
