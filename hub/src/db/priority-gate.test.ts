import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PriorityGate } from './priority-gate.js';

describe('PriorityGate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('bulk work starts at once when no alarm is running', async () => {
    const gate = new PriorityGate(200);
    let passed = false;
    void gate.idle().then(() => (passed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(passed).toBe(true);
  });

  it('bulk work waits until the alarms running have finished', async () => {
    const gate = new PriorityGate(200);
    let release!: () => void;
    const alarm = gate.urgent(() => new Promise<void>((r) => (release = r)));
    let passed = false;
    void gate.idle().then(() => (passed = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(passed).toBe(false);
    release();
    await alarm;
    await vi.advanceTimersByTimeAsync(0);
    expect(passed).toBe(true);
  });

  it('an endless stream of alarms delays bulk work by at most maxWaitMs', async () => {
    const gate = new PriorityGate(200);
    void gate.urgent(() => new Promise<void>(() => {}));
    let passed = false;
    void gate.idle().then(() => (passed = true));
    await vi.advanceTimersByTimeAsync(199);
    expect(passed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(passed).toBe(true);
  });

  it('a failing alarm still lets bulk work through', async () => {
    const gate = new PriorityGate(200);
    await expect(gate.urgent(() => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    let passed = false;
    void gate.idle().then(() => (passed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(passed).toBe(true);
  });
});
