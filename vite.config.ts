/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { resolve } from 'node:path';
import scrubUrls from './scripts/vite/scrub-urls.mjs';
import previewHeaders from './scripts/vite/headers.mjs';

const outDir = process.env.E2E_OUTDIR || 'dist';

export default defineConfig({
  // Relative base: the built site works from any sub-path of the official site.
  base: './',
  publicDir: 'public',
  build: {
    outDir,
    target: 'es2022',
    // Never inline: the wasm, the model and fonts must stay separate precached files.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
      },
    },
  },
  worker: { format: 'es' },
  preview: { port: Number(process.env.E2E_PORT || 4173), strictPort: true },
  plugins: [
    svelte(),
    svelteTesting(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: '自考毕业申请预检',
        short_name: '毕业预检',
        description: '安徽省高等教育自学考试毕业申请：照片、材料、条件与登记表的本机预检（不上传任何数据）',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d5fa8',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,task,tflite,ttf,png,svg,ico,webmanifest,json}'],
        maximumFileSizeToCacheInBytes: 48 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // The first install controls the open page at once (offline without a reload); updates still wait for the
        // user's "新版本可用，点击更新" (registerType 'prompt': no skipWaiting).
        clientsClaim: true,
        // Our pages are static; query parameters (?kiosk=1, ?origin=…, ?lang=en) are read by the app, so any of them
        // must still be served from the precache when offline.
        ignoreURLParametersMatching: [/.*/],
        navigateFallback: null,
      },
    }),
    scrubUrls(),
    previewHeaders(),
  ],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
