/**
 * The alarm sound: a WebAudio beep every ~2 s while `ringing`. Browsers block audio until the user
 * interacts with the page; then `blocked` is true and the screen shows "click to enable".
 */
const PERIOD_MS = 2000;

class AlarmSound {
  ringing = $state(false);
  blocked = $state(false);
  private ctx: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  set(ringing: boolean): void {
    if (ringing === this.ringing) return;
    this.ringing = ringing;
    clearInterval(this.timer);
    if (!ringing) {
      this.blocked = false;
      return;
    }
    this.beep();
    this.timer = setInterval(() => this.beep(), PERIOD_MS);
  }

  /** Called from a click: browsers allow audio after a user gesture. */
  async unlock(): Promise<void> {
    try {
      this.ctx ??= new AudioContext();
      await this.ctx.resume();
      this.blocked = this.ctx.state !== 'running';
      if (!this.blocked && this.ringing) this.beep();
    } catch {
      this.blocked = true;
    }
  }

  private beep(): void {
    try {
      this.ctx ??= new AudioContext();
    } catch {
      this.blocked = true;
      return;
    }
    const ctx = this.ctx;
    if (ctx.state !== 'running') {
      // Without a user gesture this stays suspended: show the "click to enable" cue.
      void ctx.resume().then(
        () => (this.blocked = ctx.state !== 'running'),
        () => (this.blocked = true),
      );
      this.blocked = true;
      return;
    }
    this.blocked = false;
    const t0 = ctx.currentTime;
    for (const [offset, freq] of [
      [0, 880],
      [0.3, 660],
    ] as const) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t0 + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, t0 + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + offset + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0 + offset);
      osc.stop(t0 + offset + 0.26);
    }
  }
}

export const alarm = new AlarmSound();
