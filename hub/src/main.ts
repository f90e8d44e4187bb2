/** `npm start`: runs the hub until SIGINT/SIGTERM, then flushes what it holds and exits. */
import { ConfigError, loadConfig } from './config.js';
import { createLogger, flushLogger } from './logger.js';
import { DEMO_LOGINS, startHub } from './hub.js';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
const log = createLogger(config.LOG_LEVEL);
process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));

const hub = await startHub(config, { log }).catch((err: Error) => {
  log.fatal({ err }, 'hub failed to start');
  process.exit(1);
});

const url = `http://localhost:${hub.httpPort}`;
const lines = [
  '',
  `  Eldercare hub is running`,
  `  Dashboard:  ${url}`,
  `  API:        ${url}/api/openapi.json`,
  `  MQTT:       ${hub.mqttUrl.replace('127.0.0.1', 'localhost')}${hub.mqttPort ? ' (embedded broker)' : ''}`,
  `  Database:   ${hub.database.embedded ? `embedded TimescaleDB in ${config.dataDir}` : 'DATABASE_URL'}`,
];
if (config.DEMO_DATA) {
  lines.push('  Demo logins:');
  for (const l of DEMO_LOGINS) lines.push(`    ${l.role.padEnd(18)} ${l.email} / ${l.password}`);
  lines.push(`  Demo device credentials: ${config.dataDir}/demo-devices.json`);
}
// Everything logged during start-up is written first: the banner is the last thing printed.
flushLogger(log);
console.log(lines.join('\n') + '\n');

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    log.info({ sig }, 'shutting down');
    hub.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
