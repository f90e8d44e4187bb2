/** The district day's report, as JSON (for machines and CI) and as markdown (for the quality officer). */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportLine } from './checks.js';
import type { ScriptItem } from './script.js';

export interface ReportData {
  seed: number;
  hours: number;
  day: string;
  startedAt: string;
  wallSeconds: number;
  script: ScriptItem[];
  lines: ReportLine[];
  passed: number;
  failed: number;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

export function toMarkdown(r: ReportData): string {
  const out = [
    `# District day — ${r.failed ? `${r.failed} FAILED` : 'all passed'}`,
    '',
    `Day ${r.day} (${r.hours} simulated hours from local midnight), seed ${r.seed}; played in ${r.wallSeconds} s of wall time. ${r.passed} of ${r.lines.length} lines pass.`,
    '',
  ];
  if (r.failed) {
    out.push('## Failed lines', '', '| section | line | expected | observed |', '| --- | --- | --- | --- |');
    for (const l of r.lines.filter((x) => !x.pass))
      out.push(`| ${cell(l.section)} | ${cell(l.name)} | ${cell(l.expected)} | ${cell(l.observed)} |`);
    out.push('');
  }
  out.push('## Every line', '', '| | section | line | expected | observed |', '| --- | --- | --- | --- | --- |');
  for (const l of r.lines)
    out.push(
      `| ${l.pass ? 'pass' : '**FAIL**'} | ${cell(l.section)} | ${cell(l.name)} | ${cell(l.expected)} | ${cell(l.observed)} |`,
    );
  out.push(
    '',
    '## The script',
    '',
    '| item | local time | acknowledged after | closed after | what |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const i of r.script)
    out.push(
      `| ${i.id} | ${clock(i.at)} | ${i.ackSeconds === null ? '—' : `${i.ackSeconds} s`} | ${i.ackSeconds === null ? '—' : i.resolveAfterMs === null ? 'left open' : `${i.resolveAfterMs / 60_000} min`} | ${cell(i.note)} |`,
    );
  return `${out.join('\n')}\n`;
}

/** Writes report.json and report.md into `dir`; returns their paths. */
export async function writeReport(dir: string, r: ReportData): Promise<{ json: string; md: string }> {
  await mkdir(dir, { recursive: true });
  const json = path.join(dir, 'report.json');
  const md = path.join(dir, 'report.md');
  await writeFile(json, `${JSON.stringify(r, null, 2)}\n`);
  await writeFile(md, toMarkdown(r));
  return { json, md };
}
