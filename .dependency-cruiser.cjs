/**
 * The import rule of the architecture (README "架构 · Architecture"), checked by `npm run check`:
 *   ui (*.svelte) → session (*.svelte.ts) → adapters (src/platform, features/<area>/{worker,convert}, *-pdf.ts,
 *   features/photo/service.ts) → the area's pure core (features/<area>/*.ts) → src/lib (image, jpeg: the bottom).
 * Words live in src/i18n and are chosen at the edge (adapters, sessions, ui), never in the pure core.
 */
const CORE = '^src/features/[^/]+/.+[.]ts$';
const NOT_CORE = ['^src/features/[^/]+/(?:ui|worker|convert)/', '[.]svelte[.]ts$', '-pdf[.]ts$', '^src/features/photo/service[.]ts$', '^src/features/[^/]+/index[.]ts$'];
const ADAPTER = ['^src/platform/', '^src/features/[^/]+/(?:worker|convert)/', '^src/features/[^/]+/[^/]+-pdf\\.ts$', '^src/features/photo/service\\.ts$'];
const SESSION = '\\.svelte\\.ts$';
const UI = '\\.svelte$';
const BROWSER_PACKAGES = '^(?:node_modules/)?(?:@mediapipe|jspdf|workbox-window|libheif-js|browser-image-compression|svelte)(?:/|$)';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Modules must not import each other in a loop.', from: {}, to: { circular: true } },
    {
      name: 'lib-is-the-bottom', severity: 'error',
      comment: 'src/lib (image, jpeg) is pure and at the bottom: it imports nothing else of the app.',
      from: { path: '^src/lib/' }, to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'core-is-pure', severity: 'error',
      comment: 'An area\'s pure core returns codes and numbers: no words (i18n), no browser adapters, sessions, UI or browser packages.',
      from: { path: CORE, pathNot: NOT_CORE },
      to: { path: [...ADAPTER, SESSION, UI, '^src/shell/', BROWSER_PACKAGES] },
    },
    {
      name: 'core-has-no-words', severity: 'error',
      comment: 'The pure core may take a translator as a parameter (type-only import), never load a dictionary.',
      from: { path: CORE, pathNot: NOT_CORE }, to: { path: '^src/i18n/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'adapters-do-not-reach-up', severity: 'error',
      comment: 'Platform code, workers and PDF builders serve sessions; they never import a session or a component.',
      from: { path: ADAPTER }, to: { path: [SESSION, UI] },
    },
    {
      name: 'sessions-do-not-import-ui', severity: 'error',
      comment: 'A session (rune class) is driven by components, never the other way round.',
      from: { path: SESSION }, to: { path: UI },
    },
    {
      name: 'ui-talks-to-its-session', severity: 'error',
      comment: 'Components do no platform calls: they go through their area\'s session (or the shell\'s app session).',
      from: { path: UI }, to: { path: ADAPTER, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'features-are-separate', severity: 'error',
      comment: 'An area does not import another area; what they share lives in src/lib, src/platform or src/shell.',
      from: { path: '^src/features/([^/]+)/' }, to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'only-the-photo-worker-loads-mediapipe', severity: 'error',
      comment: '@mediapipe/tasks-vision is loaded in the photo worker only.',
      from: { pathNot: '^src/features/photo/worker/' }, to: { path: '@mediapipe' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^static/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'svelte'], extensions: ['.ts', '.js', '.mjs', '.svelte', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
