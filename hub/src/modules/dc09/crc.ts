/**
 * The DC-09 frame check: CRC-16/ARC (polynomial 0x8005, reflected, initial value 0, no final XOR),
 * computed over the bytes from the opening quote of the id token up to the end of the message
 * (everything between the length field and the closing CR).
 */
const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

export function crc16arc(data: Uint8Array): number {
  let crc = 0;
  for (const b of data) crc = (crc >>> 8) ^ TABLE[(crc ^ b) & 0xff]!;
  return crc;
}

/** Four upper-case hex digits, as the frame carries it. */
export const crcHex = (data: Uint8Array): string => crc16arc(data).toString(16).toUpperCase().padStart(4, '0');
