/**
 * Pure logic of the time-bank forms: hours typed by people ↔ whole minutes on the wire, one
 * idempotency key per submission (a double click or a retry never posts twice), the hub's ledger
 * errors in plain words, account numbers as pasted, and the program-policy form.
 */
import { GIFT_RECIPIENTS, type ProgramPolicy } from '@eldercare/shared';
import type { MessageKey } from '../../lib/i18n/zh';
import { newKey } from '../../lib/timebank';

/** The most one posting may move (the hub's `minutesSchema`): 1000 hours. */
export const MAX_MINUTES = 60_000;

/**
 * Hours as people type them — `1.5`, `1,5`, `2`, `1:30` (hours:minutes) — as whole minutes, rounded
 * to the nearest minute. Null for anything else, zero or negative.
 */
export function hoursToMinutes(input: string | number): number | null {
  const s = String(input).trim().replace(',', '.');
  let minutes: number;
  const hm = /^(\d+):([0-5]\d)$/.exec(s);
  if (hm) minutes = Number(hm[1]) * 60 + Number(hm[2]);
  else if (/^(\d+\.?\d*|\.\d+)$/.test(s)) minutes = Math.round(Number(s) * 60);
  else return null;
  return Number.isFinite(minutes) && minutes > 0 ? minutes : null;
}

/** Minutes as an hours value for an input: 90 → `1.5`, 100 → `1.67`, 120 → `2`. */
export function minutesToHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** Why an amount of hours cannot be moved out of an account holding `balance` minutes, or null. */
export function amountError(minutes: number | null, balance?: number): MessageKey | null {
  if (minutes === null) return 'hours.invalidAmount';
  if (minutes > MAX_MINUTES) return 'hours.tooMuch';
  if (balance !== undefined && minutes > balance) return 'hours.overBalance';
  return null;
}

/** A canonical text of a flat payload: the same fields and values give the same text, whatever their order. */
function fingerprint(payload: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(payload)
      .sort()
      .map((k) => [k, payload[k]]),
  );
}

/**
 * One idempotency key per form submission. While a submission is in flight, submitting again returns
 * the same promise (nothing is posted twice); after a failure, retrying the same payload sends the
 * same key (if the first attempt did post, the hub answers with the original transfer); a changed
 * payload or a success starts a new key, so the next, different gift really posts.
 */
export class SubmitOnce<P extends Record<string, unknown>> {
  private key: string | null = null;
  private print = '';
  private inFlight: Promise<unknown> | null = null;

  constructor(private readonly generate: () => string = newKey) {}

  /** Whether a submission is on its way (for disabling the button). */
  get busy(): boolean {
    return this.inFlight !== null;
  }

  /** The key the payload would be sent with now. */
  keyFor(payload: P): string {
    const print = fingerprint(payload);
    if (this.key === null || print !== this.print) {
      this.key = this.generate();
      this.print = print;
    }
    return this.key;
  }

  submit<T>(payload: P, post: (body: P & { idempotencyKey: string }) => Promise<T>): Promise<T> {
    if (this.inFlight) return this.inFlight as Promise<T>;
    const key = this.keyFor(payload);
    const run = (async () => {
      try {
        const result = await post({ ...payload, idempotencyKey: key });
        if (this.key === key) this.key = null;
        return result;
      } finally {
        this.inFlight = null;
      }
    })();
    this.inFlight = run;
    return run;
  }
}

/** The hub's ledger and registration refusals, as a message in the user's language (null: show the hub's own). */
export function ledgerErrorMessage(err: unknown): { key: MessageKey; params?: Record<string, string | number> } | null {
  const msg = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  let m: RegExpExecArray | null;
  if (/giver's own family only/.test(msg)) return { key: 'hours.err.familyOnly' };
  if (/does not allow gifts/.test(msg)) return { key: 'hours.err.noGifts' };
  if (/use a donation for the fund/.test(msg)) return { key: 'hours.err.notMember' };
  if (/cannot give to itself/.test(msg)) return { key: 'hours.err.self' };
  if (/toAccountId is not an account/.test(msg)) return { key: 'hours.err.unknownRecipient' };
  if ((m = /insufficient balance: .* holds (-?\d+) minutes/.exec(msg))) {
    return { key: 'hours.err.insufficient', params: { minutes: Number(m[1]) } };
  }
  if ((m = /redeemed from age (\d+) \(the holder is (\d+)\)/.exec(msg))) {
    return { key: 'hours.err.redeemAge', params: { min: Number(m[1]), age: Number(m[2]) } };
  }
  if ((m = /redeeming needs the holder's age \(at least (\d+)\)/.exec(msg))) {
    return { key: 'hours.err.redeemAgeUnknown', params: { min: Number(m[1]) } };
  }
  if (/already been reversed/.test(msg)) return { key: 'transfer.err.alreadyReversed' };
  if (/correction cannot be reversed/.test(msg)) return { key: 'transfer.err.correction' };
  if ((m = /must be at least (\d+) years old \(this one is (\d+)\)/.exec(msg))) {
    return { key: 'volunteers.err.tooYoung', params: { min: Number(m[1]), age: Number(m[2]) } };
  }
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An account number as pasted (spaces, braces or quotes around it dropped), or null. Finds a gift recipient. */
export function parseAccountNumber(input: string): string | null {
  const s = input.trim().replace(/^[{"'\s]+|[}"'\s]+$/g, '');
  return UUID.test(s) ? s.toLowerCase() : null;
}

/** The memo of a redemption: the service, for whom, and any note (`助洁 · 本人 · 周三上午`). */
export function redemptionMemo(service: string, forWhom: string, note: string): string {
  return [service, forWhom, note]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' · ');
}

// ---- the program-policy form ---------------------------------------------------------------

/** The policy as the form edits it: hours for durations, '' for "no limit". */
export interface PolicyForm {
  minVolunteerAge: string;
  minRedeemAge: string;
  capHours: string;
  expiryDays: string;
  giftRecipients: ProgramPolicy['giftRecipients'];
  autoConfirmDays: string;
  fundFloorHours: string;
}
export type PolicyErrors = Partial<Record<keyof PolicyForm, MessageKey>>;

export function policyToForm(p: ProgramPolicy): PolicyForm {
  return {
    minVolunteerAge: String(p.minVolunteerAge),
    minRedeemAge: String(p.minRedeemAge),
    capHours: p.capMinutes === null ? '' : minutesToHours(p.capMinutes),
    expiryDays: p.expiryDays === null ? '' : String(p.expiryDays),
    giftRecipients: p.giftRecipients,
    autoConfirmDays: String(p.autoConfirmDays),
    fundFloorHours: p.fundFloorMinutes === null ? '' : minutesToHours(p.fundFloorMinutes),
  };
}

function int(s: string, min: number, max: number): number | null {
  const v = s.trim();
  if (!/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
}

/** The form checked against the hub's rules: the policy to send, or the message of each bad field. */
export function formToPolicy(
  f: PolicyForm,
): { policy: ProgramPolicy; errors: null } | { policy: null; errors: PolicyErrors } {
  const errors: PolicyErrors = {};
  const minVolunteerAge = int(f.minVolunteerAge, 0, 100);
  if (minVolunteerAge === null) errors.minVolunteerAge = 'programs.err.volunteerAge';
  const minRedeemAge = int(f.minRedeemAge, 0, 120);
  if (minRedeemAge === null) errors.minRedeemAge = 'programs.err.redeemAge';
  const capMinutes = f.capHours.trim() === '' ? null : hoursToMinutes(f.capHours);
  if (capMinutes !== null && capMinutes < 60) errors.capHours = 'programs.err.cap';
  if (f.capHours.trim() !== '' && capMinutes === null) errors.capHours = 'programs.err.cap';
  const expiryDays = f.expiryDays.trim() === '' ? null : int(f.expiryDays, 30, 100_000);
  if (f.expiryDays.trim() !== '' && expiryDays === null) errors.expiryDays = 'programs.err.expiry';
  const autoConfirmDays = int(f.autoConfirmDays, 1, 60);
  if (autoConfirmDays === null) errors.autoConfirmDays = 'programs.err.autoConfirm';
  const floorText = f.fundFloorHours.trim().replace(',', '.');
  let fundFloorMinutes: number | null = null;
  if (floorText !== '') {
    const neg = floorText.startsWith('-');
    const abs = floorText.replace(/^-/, '');
    const m = abs === '0' ? 0 : hoursToMinutes(abs);
    if (m === null) errors.fundFloorHours = 'programs.err.fundFloor';
    else fundFloorMinutes = neg ? -m : m;
  }
  if (!(GIFT_RECIPIENTS as readonly string[]).includes(f.giftRecipients)) errors.giftRecipients = 'programs.err.gift';
  if (Object.keys(errors).length) return { policy: null, errors };
  return {
    policy: {
      minVolunteerAge: minVolunteerAge!,
      minRedeemAge: minRedeemAge!,
      capMinutes,
      expiryDays,
      giftRecipients: f.giftRecipients,
      autoConfirmDays: autoConfirmDays!,
      fundFloorMinutes,
    },
    errors: null,
  };
}

/** Age in whole years on `today` (YYYY-MM-DD) of someone born on `birthDate`, as the hub counts it; null if invalid. */
export function ageOn(birthDate: string, today: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const n = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!b || !n) return null;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const [ny, nm, nd] = [Number(n[1]), Number(n[2]), Number(n[3])];
  let age = ny - by;
  if (nm < bm || (nm === bm && nd < bd)) age--;
  return age;
}
