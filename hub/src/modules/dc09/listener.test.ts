import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.js';
import { buildFrame } from './frame.js';
import { cutFrames, startListener, type Dc09Listener } from './listener.js';

const log = createLogger('silent');
let listener: Dc09Listener | null = null;
afterEach(async () => {
  await listener?.close();
  listener = null;
});

describe('cutting frames out of a TCP stream', () => {
  it('finds whole frames, skips noise between them and keeps a partial frame for the next chunk', () => {
    const a = buildFrame('"NULL"0001L0#1234[]');
    const b = buildFrame('"NULL"0002L0#1234[]');
    const { frames, rest, overflow } = cutFrames(
      Buffer.concat([Buffer.from('xx\r'), a, Buffer.from('noise'), b, b.subarray(0, 7)]),
    );
    expect(frames.map((f) => f.toString())).toEqual([a.toString(), b.toString()]);
    expect(rest.toString()).toBe(b.subarray(0, 7).toString());
    expect(overflow).toBe(false);
    // A stray LF before the frame does not swallow it.
    expect(cutFrames(Buffer.concat([Buffer.from('\n\x01\x02'), a])).frames[0]!.toString()).toBe(a.toString());
    expect(cutFrames(Buffer.concat([Buffer.from('\n'), Buffer.alloc(3000, 0x41)])).overflow).toBe(true);
  });
});

describe('frames with a binary CRC (two bytes) in a TCP stream', () => {
  /** A NULL poll whose CRC has `byte` (LF or CR) in it: the cutter must not take it for the frame's edge. */
  const withCrcByte = (byte: number) => {
    for (let seq = 1; seq < 10_000; seq++) {
      const f = buildFrame(`"NULL"${String(seq).padStart(4, '0')}L0#1234[]`, 'binary');
      if (f[1] === byte || f[2] === byte) return f;
    }
    throw new Error('no such sequence');
  };

  it('cuts them by their length, even when a CRC byte is CR or LF, whole or split anywhere', () => {
    for (const f of [withCrcByte(0x0d), withCrcByte(0x0a), buildFrame('"NULL"0007L0#1234[]', 'binary')]) {
      const stream = Buffer.concat([f, f]);
      expect(cutFrames(stream).frames.map((x) => x.toString('hex'))).toEqual([f.toString('hex'), f.toString('hex')]);
      for (let split = 1; split < f.length; split++) {
        const first = cutFrames(stream.subarray(0, split));
        const second = cutFrames(Buffer.concat([first.rest, stream.subarray(split)]));
        expect(
          [...first.frames, ...second.frames].map((x) => x.toString('hex')),
          `split at ${split}`,
        ).toEqual([f.toString('hex'), f.toString('hex')]);
      }
    }
  });
});

describe('TCP listener', () => {
  it('answers frames in order on one connection, even when they arrive split and back to back', async () => {
    const seen: string[] = [];
    listener = await startListener({
      host: '127.0.0.1',
      tcpPort: 0,
      log,
      handler: {
        async receive(frame) {
          const text = Buffer.from(frame).toString('latin1');
          seen.push(text);
          // The first one is slow: answers must still come in order.
          if (seen.length === 1) await new Promise((r) => setTimeout(r, 50));
          return Buffer.from(`answer:${seen.length}\n`);
        },
      },
    });
    const s = net.connect(listener.tcpPort!, '127.0.0.1');
    const got: string[] = [];
    s.on('data', (d: Buffer) => got.push(d.toString()));
    await new Promise((r) => s.once('connect', r));
    const a = buildFrame('"NULL"0001L0#1234[]');
    const b = buildFrame('"NULL"0002L0#1234[]');
    s.write(a.subarray(0, 5));
    await new Promise((r) => setTimeout(r, 20));
    s.write(Buffer.concat([a.subarray(5), b]));
    await expect.poll(() => got.join('')).toBe('answer:1\nanswer:2\n');
    s.destroy();
  });

  it('closes a connection that sends an over-long frame, and stays up for others', async () => {
    listener = await startListener({
      host: '127.0.0.1',
      tcpPort: 0,
      log,
      handler: { receive: async () => Buffer.from('ok') },
    });
    const bad = net.connect(listener.tcpPort!, '127.0.0.1');
    bad.on('error', () => undefined);
    const closed = new Promise((r) => bad.once('close', r));
    await new Promise((r) => bad.once('connect', r));
    bad.write(Buffer.concat([Buffer.from('\n'), Buffer.alloc(4000, 0x41)]));
    await closed;
    const good = net.connect(listener.tcpPort!, '127.0.0.1');
    const answer = new Promise<string>((r) => good.once('data', (d: Buffer) => r(d.toString())));
    good.write(buildFrame('"NULL"0001L0#1234[]'));
    expect(await answer).toBe('ok');
    good.destroy();
  });
});
