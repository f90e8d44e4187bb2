/**
 * Reads the event codes out of a DC-09 data block: Ademco Contact ID (`ADM-CID`,
 * `#acct|QEEE GG ZZZ`) and SIA DCS (`SIA-DCS`, `#acct|Nri1/FA129/…`). Pure functions.
 */

export interface PanelEvent {
  protocol: 'cid' | 'sia';
  /** CID: three digits (e.g. `101`); SIA: two letters (e.g. `FA`). */
  code: string;
  /** CID qualifier: 1 new event / opening, 3 restore / closing, 6 previously reported, still present. */
  qualifier: '1' | '3' | '6' | null;
  /** CID group / SIA area (`ri`), when sent. */
  area: string | null;
  /** CID zone or user; SIA address (zone, user, …) after the code. */
  zone: string | null;
}

export type ParseEvents = { ok: true; events: PanelEvent[] } | { ok: false; reason: string };

/** The account inside the data block (`#1234|…`), when the panel repeats it there. */
function stripAccount(data: string): string {
  const bar = data.indexOf('|');
  return data.startsWith('#') && bar > 0 ? data.slice(bar + 1) : data;
}

export function parseContactId(data: string): ParseEvents {
  const body = stripAccount(data).trim();
  const m = /^([136])([0-9A-Fa-f]{3}) ?([0-9A-Fa-f]{2}) ?([0-9A-Fa-f]{3})$/.exec(body);
  if (!m) return { ok: false, reason: 'Contact ID data is not QEEE GG ZZZ' };
  return {
    ok: true,
    events: [
      {
        protocol: 'cid',
        qualifier: m[1] as '1' | '3' | '6',
        code: m[2]!.toUpperCase(),
        area: m[3]!,
        zone: m[4]!,
      },
    ],
  };
}

export function parseSiaDcs(data: string): ParseEvents {
  let body = stripAccount(data).trim();
  // N = new event; O = old (buffered) event. Both are events the panel has not had acknowledged.
  if (/^[NO]/.test(body)) body = body.slice(1);
  const events: PanelEvent[] = [];
  let area: string | null = null;
  for (const raw of body.split('/')) {
    // Lower-case two-letter modifiers (ri area, id user, pi peripheral, ti time, …) and their values.
    let block = raw;
    for (;;) {
      const mod = /^([a-z]{2})([^A-Z/]*)/.exec(block);
      if (!mod) break;
      if (mod[1] === 'ri') area = mod[2] || null;
      block = block.slice(mod[0].length);
    }
    if (block === '') continue;
    const ev = /^([A-Z]{2})([0-9A-Za-z^ .-]{0,32})$/.exec(block);
    if (!ev) return { ok: false, reason: `SIA DCS block not understood: ${raw.slice(0, 40)}` };
    events.push({ protocol: 'sia', code: ev[1]!, qualifier: null, area, zone: ev[2] || null });
  }
  if (!events.length) return { ok: false, reason: 'SIA DCS message without an event code' };
  return { ok: true, events };
}
