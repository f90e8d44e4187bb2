/**
 * The district day's script: a seeded, repeatable list of what happens when, in simulated time from
 * local midnight. Each entry is one line of data; what an entry does and what it makes the hub show
 * lives in `items.ts` (one handler per kind), so a new kind of happening (a phone-in call, a staffing
 * check) is one new kind there and one entry here.
 */
import { createRng } from '../rng.js';

const MIN = 60_000;
const H = 3_600_000;

/** Acknowledgement bands: the seed picks the exact second inside the band, the band fixes the SLA class. */
export const BANDS = {
  fast: [15, 58],
  slow: [62, 175],
  late: [185, 240],
} as const;
export type Band = keyof typeof BANDS;

export type ItemKind =
  | 'sos'
  | 'sos_cancelled'
  | 'pull_cord'
  | 'fall'
  | 'fall_cancelled'
  | 'night_bed_exit'
  | 'vitals'
  | 'quiet_house'
  | 'offline_status'
  | 'offline_silent'
  | 'low_battery'
  | 'clock_drift'
  | 'storm_sos'
  | 'hub_restart'
  | 'db_outage'
  | 'missed_meal'
  | 'shift_change'
  | 'welfare_visits'
  | 'service_request'
  | 'dinner_run_unstarted'
  | 'phone_in'
  | 'wandering'
  | 'staffing_check'
  | 'staffing_handover'
  | 'broker_restart';

export interface ScriptItem {
  /** Stable name used in every report line about it, e.g. `03-fall`. */
  id: string;
  kind: ItemKind;
  /** Milliseconds after local midnight. */
  at: number;
  /** Seconds from the alarm reaching dispatch to a dispatcher claiming it; null: nobody claims it. */
  ackSeconds: number | null;
  /** The dispatcher closes the incident (helped at home) this long after claiming; null: left open. */
  resolveAfterMs: number | null;
  /** Dispatch a ladder of responders: the first declines, the second accepts. */
  responders?: boolean;
  /** The elder has a family member with the app (Web Push), who must be told of it — and of nothing else. */
  family?: boolean;
  /** Free text for the report. */
  note: string;
}

interface Entry {
  kind: ItemKind;
  at: number;
  band?: Band;
  leaveOpen?: boolean;
  responders?: boolean;
  family?: boolean;
  note: string;
}

/** The day, in order. Most alarm items fall in the first nine hours so the shortened form shows them. */
const DAY: Entry[] = [
  { kind: 'night_bed_exit', at: 20 * MIN, band: 'fast', note: 'resident with dementia leaves bed at night' },
  { kind: 'sos', at: 50 * MIN, band: 'fast', note: 'SOS pressed at home' },
  { kind: 'pull_cord', at: 70 * MIN, band: 'fast', note: 'pull cord in a nursing-home room' },
  {
    kind: 'sos_cancelled',
    at: 100 * MIN,
    family: true,
    note: 'SOS pressed by accident, cancelled by the elder after 8 s',
  },
  {
    kind: 'fall_cancelled',
    at: 130 * MIN,
    family: true,
    note: 'fall detected, cancelled by the elder after 12 s',
  },
  {
    kind: 'fall',
    at: 160 * MIN,
    band: 'slow',
    responders: true,
    family: true,
    note: 'fall, nobody cancels; family declines, neighbour accepts',
  },
  {
    kind: 'wandering',
    at: 175 * MIN,
    band: 'fast',
    family: true,
    note: 'an elder with dementia opens her front door at night and walks out of her safe zone; found and brought home',
  },
  {
    kind: 'staffing_check',
    at: 185 * MIN,
    note: 'staffing vs ratio on the night shift (the second home has a nurse off sick)',
  },
  { kind: 'vitals', at: 195 * MIN, band: 'fast', note: 'heart rate 150 sustained' },
  { kind: 'offline_status', at: 230 * MIN, note: 'smoke sensor reports offline, back after 40 min' },
  { kind: 'hub_restart', at: 245 * MIN, band: 'fast', note: 'the hub restarts; an SOS is pressed while it is down' },
  {
    kind: 'db_outage',
    at: 252 * MIN,
    band: 'fast',
    note: 'the database is unreachable for 30 s; an SOS is pressed in it (PostgreSQL only)',
  },
  {
    kind: 'broker_restart',
    at: 256 * MIN,
    band: 'fast',
    note: 'the MQTT broker restarts; an SOS is pressed while it is down (external broker, with its restart commands)',
  },
  { kind: 'low_battery', at: 260 * MIN, family: true, note: 'pendant battery at 12 %' },
  { kind: 'clock_drift', at: 280 * MIN, note: 'device clock 10 min fast' },
  { kind: 'offline_silent', at: 300 * MIN, note: 'device stops sending (no last will)' },
  {
    kind: 'storm_sos',
    at: 330 * MIN,
    band: 'fast',
    note: 'faulty GPS watch storms (14 "left the safe zone" in 42 s) with a real SOS in it; claimed after the SOS',
  },
  { kind: 'sos', at: 370 * MIN, band: 'late', note: 'SOS acknowledged after more than 180 s' },
  { kind: 'sos', at: 420 * MIN, band: 'slow', note: 'SOS acknowledged after more than 60 s' },
  {
    kind: 'staffing_handover',
    at: 7 * H + 40 * MIN,
    note: 'the day shift comes on in both homes; the night shift goes home at 08:00',
  },
  {
    kind: 'quiet_house',
    at: 8 * H,
    band: 'fast',
    family: true,
    note: 'living alone, no activity since midnight: inactivity at 08:00; reached by phone, she sits still until 10:00 (quiet period)',
  },
  { kind: 'staffing_check', at: 8 * H + 10 * MIN, note: 'staffing vs ratio on the day shift' },
  { kind: 'shift_change', at: 8 * H + 30 * MIN, note: 'day dispatcher takes over from the night dispatcher' },
  { kind: 'welfare_visits', at: 9 * H, note: 'welfare visits by phone and at home' },
  { kind: 'missed_meal', at: 10 * H, band: 'fast', note: 'lunch run: one door not answered' },
  { kind: 'service_request', at: 11 * H, note: 'service request through the four orders; 90 min credited' },
  {
    kind: 'phone_in',
    at: 13 * H,
    note: 'an elder phones the centre (no device): found by her number, the call taker records it',
  },
  { kind: 'sos', at: 14 * H, band: 'fast', note: 'SOS in the afternoon' },
  { kind: 'fall', at: 15 * H + 20 * MIN, band: 'fast', note: 'fall in the afternoon' },
  { kind: 'sos_cancelled', at: 16 * H, note: 'SOS pressed by accident, cancelled' },
  { kind: 'sos', at: 18 * H, band: 'slow', note: 'SOS in the evening' },
  { kind: 'dinner_run_unstarted', at: 19 * H, note: 'the dinner delivery run is never started' },
  { kind: 'sos', at: 21 * H, band: 'fast', note: 'SOS late evening' },
  {
    kind: 'sos',
    at: 23 * H + 35 * MIN,
    band: 'fast',
    leaveOpen: true,
    note: 'SOS claimed near midnight, still being handled',
  },
];

/**
 * The script for a seed, cut to the first `hours` hours. In a shortened day the last alarm before the
 * cut is left open (claimed, unresolved), so the final board always has something the script expects.
 */
export function buildScript(
  seed: number,
  hours = 24,
  o: { databaseOutage?: boolean; brokerRestart?: boolean } = {},
): ScriptItem[] {
  const rng = createRng(seed).fork('district-day');
  const end = hours * H;
  // The outage cuts a TCP link to PostgreSQL; the embedded database has no such link.
  // The broker restart needs an external broker the scenario can stop and start.
  const day = DAY.filter(
    (e) => (e.kind !== 'db_outage' || o.databaseOutage) && (e.kind !== 'broker_restart' || o.brokerRestart),
  );
  const items = day
    .filter((e) => e.at < end - 20 * MIN)
    .map((e, i): ScriptItem => {
      const ack = e.band ? rng.int(BANDS[e.band][0], BANDS[e.band][1]) : null;
      return {
        id: `${String(i + 1).padStart(2, '0')}-${e.kind}`,
        kind: e.kind,
        // The quiet house's moment is the hub's (its 08:00 inactivity check), not a press: no jitter.
        at: e.at + (e.kind === 'quiet_house' ? 0 : rng.int(0, 59) * 1000),
        ackSeconds: ack,
        resolveAfterMs: e.band ? (e.leaveOpen ? null : rng.int(3, 9) * MIN) : null,
        ...(e.responders ? { responders: true } : {}),
        ...(e.family ? { family: true } : {}),
        note: e.note,
      };
    });
  if (!items.some((i) => i.ackSeconds !== null && i.resolveAfterMs === null)) {
    const last = [...items].reverse().find((i) => i.kind === 'sos');
    if (last) last.resolveAfterMs = null;
  }
  return items;
}
