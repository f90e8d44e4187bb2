import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { PeerTakeover, type PeerTakeoverOptions } from './peer-takeover.js';

/** The hub registry as a table in memory, with the repository's semantics (heartbeat, atomic claim, release). */
class Registry {
  rows = new Map<string, { heartbeatAt: number; takenOverBy: string | null }>();
  down = false;
  async heartbeat(hubId: string, now: Date): Promise<void> {
    if (this.down) throw new Error('connection refused');
    const r = this.rows.get(hubId) ?? { heartbeatAt: 0, takenOverBy: null };
    this.rows.set(hubId, { ...r, heartbeatAt: now.getTime() });
  }
  async claimStale(hubId: string, staleBefore: Date): Promise<string[]> {
    const out: string[] = [];
    for (const [id, r] of this.rows) {
      if (id === hubId || r.heartbeatAt >= staleBefore.getTime()) continue;
      const holderAlive =
        r.takenOverBy !== null && (this.rows.get(r.takenOverBy)?.heartbeatAt ?? 0) >= staleBefore.getTime();
      if (r.takenOverBy === hubId || holderAlive) continue;
      r.takenOverBy = hubId;
      out.push(id);
    }
    return out;
  }
  async release(hubId: string, peerId: string): Promise<void> {
    const r = this.rows.get(peerId);
    if (r?.takenOverBy === hubId) r.takenOverBy = null;
  }
}

function setup() {
  let now = 1_000_000;
  const clock = { now: () => now };
  const registry = new Registry();
  const opened: string[] = [];
  const ends = new Map<string, () => void>();
  const options: PeerTakeoverOptions = {
    hubId: 'b',
    repo: registry,
    clock,
    staleAfterMs: 10_000,
    openSession: async (peerId, onEnd) => {
      opened.push(peerId);
      ends.set(peerId, onEnd);
      return { close: async () => onEnd() };
    },
  };
  const takeover = new PeerTakeover(options, createLogger('silent'));
  const advance = async (ms: number) => {
    now += ms;
    await takeover.tick();
    await new Promise((r) => setImmediate(r));
  };
  return { registry, opened, ends, takeover, advance, at: () => now };
}

describe('PeerTakeover', () => {
  it('takes over a peer silent for the timeout, once, and gives it back when the broker ends the session', async () => {
    const { registry, opened, ends, takeover, advance, at } = setup();
    await registry.heartbeat('a', new Date(at()));
    await advance(0);
    await advance(5_000);
    expect(opened).toEqual([]); // a is silent for 5 s only
    await advance(6_000);
    expect(opened).toEqual(['a']);
    expect(takeover.holding).toEqual(['a']);
    await advance(2_000);
    expect(opened).toEqual(['a']); // not twice
    ends.get('a')!(); // a came back: its connection took the session over
    await new Promise((r) => setImmediate(r));
    expect(takeover.holding).toEqual([]);
    expect(registry.rows.get('a')!.takenOverBy).toBeNull();
  });

  it('right after its own database outage it waits a full timeout before claiming anyone', async () => {
    const { registry, opened, advance, at } = setup();
    await registry.heartbeat('a', new Date(at()));
    await advance(0);
    registry.down = true;
    await advance(30_000); // nobody could beat: everyone looks silent afterwards
    registry.down = false;
    await advance(2_000);
    expect(opened).toEqual([]);
    await registry.heartbeat('a', new Date(at())); // a is alive and beats again
    await advance(9_000);
    expect(opened).toEqual([]);
  });

  it('does not claim a peer that another live hub already holds', async () => {
    const { registry, opened, advance, at } = setup();
    await registry.heartbeat('a', new Date(at()));
    await registry.heartbeat('c', new Date(at()));
    registry.rows.get('a')!.takenOverBy = 'c';
    await advance(0);
    for (let i = 0; i < 6; i++) {
      await registry.heartbeat('c', new Date(at()));
      await advance(2_000);
    }
    expect(opened).toEqual([]);
  });

  it('on shutdown closes the sessions it holds and releases them for another hub', async () => {
    const { registry, takeover, advance, at } = setup();
    await registry.heartbeat('a', new Date(at()));
    await advance(0);
    await advance(11_000);
    expect(takeover.holding).toEqual(['a']);
    await takeover.close();
    expect(takeover.holding).toEqual([]);
    expect(registry.rows.get('a')!.takenOverBy).toBeNull();
  });
});
