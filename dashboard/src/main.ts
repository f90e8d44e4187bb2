import './lib/deep-link';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { i18n } from './lib/i18n/i18n.svelte';
import { registerServiceWorker } from './lib/service-worker';

document.documentElement.lang = i18n.lang;
const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
registerServiceWorker();
export default mount(App, { target });
