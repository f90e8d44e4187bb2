/** Svelte options for the dashboard (vite-plugin-svelte and svelte-check read this). */
export default {};
