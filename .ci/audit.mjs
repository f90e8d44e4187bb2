// npm audit of the runtime dependencies: fails on a high or critical advisory (exceptions are
// documented in docs/security.md). When the registry's audit service cannot be reached (some
// sandboxes only allow package downloads), it says so loudly and does not fail the build.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error('npm audit printed no report:\n' + r.stderr);
  process.exit(1);
}
if (report.statusCode || report.error) {
  console.warn(
    `WARNING: npm audit could not reach the advisory service (${report.message ?? report.error?.summary}); audit NOT performed.`,
  );
  process.exit(0);
}
const v = report.metadata?.vulnerabilities ?? {};
console.log(`npm audit (runtime deps): ${JSON.stringify(v)}`);
if ((v.high ?? 0) + (v.critical ?? 0) > 0) {
  console.error('high or critical advisories in runtime dependencies: see `npm audit --omit=dev`');
  process.exit(1);
}
