import { mount } from 'svelte';
import './app.css';
import EmbedApp from './shell/EmbedApp.svelte';
import { installGlobalErrorGuard } from './platform/errors.ts';

installGlobalErrorGuard();
const app = mount(EmbedApp, { target: document.getElementById('app')! });
export default app;
