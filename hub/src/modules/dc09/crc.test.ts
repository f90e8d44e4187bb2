import { describe, expect, it } from 'vitest';
import { crc16arc, crcHex } from './crc.js';

describe('DC-09 CRC (CRC-16/ARC)', () => {
  it('matches the published check value of CRC-16/ARC ("123456789" → 0xBB3D)', () => {
    expect(crc16arc(Buffer.from('123456789'))).toBe(0xbb3d);
  });

  it('is zero for no data and differs for one changed byte', () => {
    expect(crc16arc(Buffer.alloc(0))).toBe(0);
    const a = crcHex(Buffer.from('"SIA-DCS"0002R1L232#78919[1234|NFA129]'));
    const b = crcHex(Buffer.from('"SIA-DCS"0002R1L232#78919[1234|NFA128]'));
    expect(a).toMatch(/^[0-9A-F]{4}$/);
    expect(a).not.toBe(b);
  });
});
