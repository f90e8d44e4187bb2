/**
 * `npm run api:types`: writes the dashboard's API types (dashboard/src/lib/api-schema.d.ts) from
 * the hub's OpenAPI document, built offline (no hub, no database). `--check` writes nothing and
 * fails when the file is not what the hub's routes give (part of `npm run check`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { apiDocument } from './openapi-document.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const API_TYPES_FILE = path.join(ROOT, 'dashboard/src/lib/api-schema.d.ts');

const HEADER =
  '/**\n' +
  " * The hub's API as types: generated from its OpenAPI document by `npm run api:types`; do not edit.\n" +
  " * `npm run check` fails when this file is out of date with the hub's routes.\n" +
  ' */\n';

/** The file's text for the hub's current routes (formatted as the repository formats TypeScript). */
export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(apiDocument() as Parameters<typeof openapiTS>[0], {
    alphabetize: false,
    exportType: true,
  });
  const options = await resolveConfig(API_TYPES_FILE);
  return format(HEADER + astToString(ast), { ...options, filepath: API_TYPES_FILE });
}

async function main(): Promise<void> {
  const text = await renderApiTypes();
  if (process.argv.includes('--check')) {
    const current = await readFile(API_TYPES_FILE, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(
        `${path.relative(ROOT, API_TYPES_FILE)} is out of date with the hub's routes: run npm run api:types`,
      );
      process.exit(1);
    }
    return;
  }
  await writeFile(API_TYPES_FILE, text);
  console.log(`wrote ${path.relative(ROOT, API_TYPES_FILE)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
