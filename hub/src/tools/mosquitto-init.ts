/**
 * `npm run mosquitto:init`: writes deploy/mosquitto/passwd (the hub's own login, from MQTT_USERNAME /
 * MQTT_PASSWORD) and deploy/mosquitto/acl, so Mosquitto can start before any device is registered.
 * Devices are added later from GET /api/devices/export/mosquitto (docs/deploy.md).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { hashDeviceSecret, mosquittoAclFile, mosquittoPasswordFile } from '../mqtt/credentials.js';

const config = loadConfig();
if (!config.MQTT_PASSWORD) {
  console.error('MQTT_PASSWORD is not set (put it in .env)');
  process.exit(2);
}
const user = config.MQTT_USERNAME ?? 'hub';
const dir = path.resolve(import.meta.dirname, '../../../deploy/mosquitto');
await writeFile(
  path.join(dir, 'passwd'),
  mosquittoPasswordFile([{ id: user, secretHash: hashDeviceSecret(config.MQTT_PASSWORD) }]),
  { mode: 0o600 },
);
await writeFile(path.join(dir, 'acl'), mosquittoAclFile(user));
console.log(`wrote ${dir}/passwd (user ${user}) and ${dir}/acl`);
