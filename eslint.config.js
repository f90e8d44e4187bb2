import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const SQL = {
  paths: ['pg', 'pg-copy-streams'],
  patterns: [
    { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'SQL belongs in a repository (*.repo.ts) or hub/src/db/' },
  ],
};
const MQTT = { paths: ['mqtt'], patterns: [{ group: ['aedes', 'aedes-*'], message: 'MQTT belongs in hub/src/mqtt/' }] };
const OTHER_REPOS = {
  group: ['../**/*.repo.js'],
  message: "another module's repository: use its services (or what its module file exports)",
};

function restrict(...what) {
  const paths = what
    .flatMap((w) => w.paths ?? [])
    .map((name) => ({ name, message: 'not in this layer (eslint.config.js)' }));
  const patterns = [...what.flatMap((w) => w.patterns ?? []), OTHER_REPOS];
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

function layering() {
  const repos = ['hub/src/**/*.repo.ts', 'hub/src/db/**/*.ts'];
  const mqtt = ['hub/src/mqtt/**/*.ts'];
  // Demo data: a synthetic incident history bulk-written in one transaction (no module writes history).
  const demoSql = ['hub/src/demo/seed-history.ts'];
  return [
    { files: ['hub/src/**/*.ts'], ignores: [...repos, ...mqtt, ...demoSql], rules: restrict(SQL, MQTT) },
    { files: repos, rules: restrict(MQTT) },
    { files: mqtt, rules: restrict(SQL) },
    { files: demoSql, rules: restrict(MQTT) },
  ];
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'hub/drizzle/**',
      'bench/results/**',
      'dashboard/src/lib/api-schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The hub's layering, stated where it is enforced:
  // - SQL only in repositories (`*.repo.ts`) and `hub/src/db/`: services never import pg or drizzle;
  // - MQTT only in `hub/src/mqtt/` (the broker and the hub's client; ingest gets checked topic and
  //   payload from there and never speaks MQTT itself);
  // - a module's repositories only from its own folder: other modules go through its services or
  //   what its module file exports.
  ...layering(),
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
);
