/**
 * The alarm sound, by WebAudio, while a tone is set: a critical alarm beeps sharply every ~2 s; a
 * high one (wandering, night door, vitals, welfare) chimes softly every ~6 s — told apart by ear.
 * Browsers block audio until the user interacts with the page; then `blocked` is true and the
 * screen shows "click to enable".
 */
export type AlarmTone = 'critical' | 'high';
const TONES: Record<AlarmTone, { periodMs: number; wave: OscillatorType; notes: [number, number][]; gain: number }> = {
  critical: {
    periodMs: 2000,
    wave: 'square',
    notes: [
      [0, 880],
      [0.3, 660],
    ],
    gain: 0.2,
  },
  high: {
    periodMs: 6000,
    wave: 'sine',
    notes: [
      [0, 523],
      [0.45, 659],
    ],
    gain: 0.12,
  },
};

class AlarmSound {
  /** The tone ringing now, or null. */
  tone = $state<AlarmTone | null>(null);
  blocked = $state(false);
  private ctx: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  get ringing(): boolean {
    return this.tone !== null;
  }

  set(tone: AlarmTone | null): void {
    if (tone === this.tone) return;
    this.tone = tone;
    clearInterval(this.timer);
    if (!tone) {
      this.blocked = false;
      return;
    }
    this.beep();
    this.timer = setInterval(() => this.beep(), TONES[tone].periodMs);
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
    const tone = TONES[this.tone ?? 'critical'];
    const t0 = ctx.currentTime;
    for (const [offset, freq] of tone.notes) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = tone.wave;
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t0 + offset);
      gain.gain.exponentialRampToValueAtTime(tone.gain, t0 + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + offset + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0 + offset);
      osc.stop(t0 + offset + 0.26);
    }
  }
}

export const alarm = new AlarmSound();
