/**
 * Measures the hub's memory (RSS of a hub process started for the purpose) before, during and
 * after an oversized-packet attack on its embedded broker, the way it was reported: sockets that
 * each declare a 60 MB packet and stream it, unauthenticated (CONNECT) and logged in as a device
 * (PUBLISH), repeated for ATTACK_SECONDS. Prints the numbers and how much the attackers got sent.
 *
 *   npx tsx test/attack/mqtt-oversize-memory.ts   (SOCKETS=8 ATTACK_SECONDS=20)
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { demoDevices } from '../support/devices.js';
import { freePort, spawnHub } from '../support/processes.js';
import {
  CONNECT_HEADER,
  PUBLISH_QOS0_HEADER,
  connectPacket,
  login,
  openSocket,
  streamOversized,
} from '../support/mqtt-raw.js';

const SOCKETS = Number(process.env.SOCKETS ?? 8);
const ATTACK_SECONDS = Number(process.env.ATTACK_SECONDS ?? 20);
const MB = 1024 * 1024;
const DECLARED = 60 * MB;

const rssMb = async (pid: number) => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-attack-'));
const mqttPort = await freePort();
const hub = await spawnHub({ DATA_DIR: dataDir, MQTT_PORT: String(mqttPort), LOG_LEVEL: 'error' });
try {
  await hub.ready();
  const pid = hub.proc.pid!;
  const devices = (await demoDevices(dataDir)).filter((d) => d.residentId).slice(0, SOCKETS);
  await sleep(5_000);
  const baseline = await rssMb(pid);
  let peak = baseline;
  const sampler = setInterval(() => {
    rssMb(pid).then(
      (v) => (peak = Math.max(peak, v)),
      () => undefined,
    );
  }, 100);

  let sent = 0; // bytes the attackers wrote into their sockets (the hub reads only what it parses);
  let connections = 0;
  let cut = 0;
  const until = Date.now() + ATTACK_SECONDS * 1000;
  const attacker = async (i: number, loggedIn: boolean) => {
    while (Date.now() < until) {
      const s = await openSocket(mqttPort);
      if (loggedIn) {
        const d = devices[i % devices.length]!;
        if ((await login(s, connectPacket(d.deviceId, d.deviceId, d.password))) !== 0) throw new Error('login refused');
      }
      const r = await streamOversized(s, loggedIn ? PUBLISH_QOS0_HEADER : CONNECT_HEADER, DECLARED, DECLARED, 1_000);
      connections++;
      sent += r.written;
      if (r.cut) cut++;
      s.destroy();
    }
  };
  await Promise.all(Array.from({ length: SOCKETS }, (_, i) => [attacker(i, false), attacker(i, true)]).flat());
  const during = peak;
  clearInterval(sampler);
  await sleep(10_000);
  const after = await rssMb(pid);
  const healthy = await fetch(`${hub.base}/healthz`).then((r) => r.status);
  console.log(
    JSON.stringify(
      {
        sockets: `${SOCKETS} unauthenticated CONNECT + ${SOCKETS} logged-in PUBLISH, each declaring ${DECLARED / MB} MB`,
        attackSeconds: ATTACK_SECONDS,
        connections,
        cutByHub: cut,
        attackerWrittenMb: Math.round((sent / MB) * 10) / 10,
        rssMb: { baseline: Math.round(baseline), peakDuring: Math.round(during), tenSecondsAfter: Math.round(after) },
        healthz: healthy,
      },
      null,
      2,
    ),
  );
} finally {
  await hub.kill();
  await rm(dataDir, { recursive: true, force: true });
}
