import { describe, expect, it } from 'vitest';
import { runSimulation } from './sim.js';

// Every case fails validation before any connection is attempted (the URL is unreachable anyway).
const base = { mqttUrl: 'mqtt://127.0.0.1:1', hubUrl: 'http://127.0.0.1:1', durationSec: 1 };

describe('runSimulation options', () => {
  it('refuses bad options before connecting anywhere', async () => {
    await expect(runSimulation({ ...base, multiplex: 10 })).rejects.toThrow(/multiplex .* only with --anonymous/);
    await expect(runSimulation({ ...base, anonymous: true, durationSec: 0 })).rejects.toThrow(
      /durationSec must be a positive/,
    );
    await expect(runSimulation({ ...base, anonymous: true, homes: 1.5 })).rejects.toThrow(/homes must be/);
    await expect(runSimulation({ ...base, anonymous: true, homes: 0 })).rejects.toThrow(/nothing to simulate/);
    await expect(runSimulation({ ...base, anonymous: true, scenarios: ['nope@1s'] })).rejects.toThrow(
      /unknown scenario/,
    );
    await expect(runSimulation({ ...base, anonymous: true, speed: -1 })).rejects.toThrow(/speed/);
  });

  it('reports an unreachable hub clearly when provisioning', async () => {
    await expect(runSimulation({ ...base, homes: 1, fleetFile: '/nonexistent-dir/fleet.json' })).rejects.toThrow(
      /is the hub running/,
    );
  });
});
