import { mount } from 'svelte';
import './app.css';
import EmbedApp from './EmbedApp.svelte';
import { installGlobalErrorGuard } from './lib/platform/errors.ts';

installGlobalErrorGuard();
const app = mount(EmbedApp, { target: document.getElementById('app')! });
export default app;
