/**
 * Device clocks: the hub never times anything by them, but a device whose clock is wrong sends
 * misleading "occurred at" times and must be fixed, so it is reported as a device-health item.
 *
 * A timestamp ahead of the hub's clock by more than the limit, or before 2020, is wrong at once. One
 * behind by more than the limit may be a message the device held while offline and sends late, so
 * a clock is judged slow only when every message for at least `confirmMs` (by the hub's clock) is
 * behind; a message within the limit clears the suspicion. Each device is reported at most once per
 * `quietMs`.
 */
const PLAUSIBLE_SINCE = Date.UTC(2020, 0, 1);

export interface ClockVerdict {
  /** Device time minus the hub's time at receipt (positive: the device clock is ahead). */
  skewMs: number;
}

export class ClockSkewMonitor {
  private readonly behindSince = new Map<string, number>();
  private readonly reportedAt = new Map<string, number>();

  constructor(private readonly opts: { confirmMs?: number; quietMs?: number; maxDevices?: number } = {}) {}

  /** Returns a verdict when this message shows the device's clock to be wrong (and it was not just reported). */
  observe(deviceId: string, deviceTs: number, receivedAt: number, limitMs: number): ClockVerdict | null {
    const skewMs = deviceTs - receivedAt;
    if (Math.abs(skewMs) <= limitMs && deviceTs >= PLAUSIBLE_SINCE) {
      this.behindSince.delete(deviceId);
      return null;
    }
    let wrong = skewMs > limitMs || deviceTs < PLAUSIBLE_SINCE;
    if (!wrong) {
      const since = this.behindSince.get(deviceId);
      if (since === undefined) {
        if (this.behindSince.size >= (this.opts.maxDevices ?? 100_000)) this.behindSince.clear();
        this.behindSince.set(deviceId, receivedAt);
      }
      wrong = since !== undefined && receivedAt - since >= (this.opts.confirmMs ?? 60_000);
    }
    if (!wrong) return null;
    const last = this.reportedAt.get(deviceId);
    if (last !== undefined && receivedAt - last < (this.opts.quietMs ?? 6 * 3600_000)) return null;
    if (this.reportedAt.size >= (this.opts.maxDevices ?? 100_000)) this.reportedAt.clear();
    this.reportedAt.set(deviceId, receivedAt);
    return { skewMs };
  }
}
