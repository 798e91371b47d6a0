import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { installGlobalErrorGuard } from './lib/platform/errors.ts';

installGlobalErrorGuard();
const app = mount(App, { target: document.getElementById('app')! });
export default app;
