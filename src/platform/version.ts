/** App version reported by `zk-precheck:ready` (package.json version, injected at build time). */
export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? '0.1.0';
