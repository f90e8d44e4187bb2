/**
 * Packet-size limits for the embedded broker, checked on each packet's fixed header, before its
 * body is buffered: MQTT's remaining length says how much will follow, and the parser (mqtt-packet,
 * which Aedes creates per connection) would otherwise collect all of it, up to 256 MB, in memory.
 *
 * - Until its login is accepted, a connection's first packet must be a CONNECT of at most
 *   `maxConnectBytes`; any other packet then may not exceed `maxPacketBytes`.
 * - After it, no packet may exceed `maxPacketBytes`.
 *
 * A packet over its limit closes the connection at once: what the sender streams after the header
 * is never read. (Aedes has no option for this; the check wraps the parser's length state, the
 * point where the parser has read the fixed header and nothing more of the packet.)
 */

export interface PacketLimits {
  /** Largest remaining length of any packet. */
  maxPacketBytes: number;
  /** Largest remaining length of the CONNECT packet. */
  maxConnectBytes: number;
}

export type OversizeReason = 'connect_too_large' | 'packet_too_large' | 'not_connect_first';

/** The parts of mqtt-packet's per-connection parser this relies on. */
interface PacketParser {
  packet: { cmd?: string; length: number };
  _parseLength(): boolean;
  _emitError(err: Error): void;
}

/** The parts of an Aedes client this relies on. */
interface GuardedClient {
  connected: boolean;
  _parser?: PacketParser;
}

/**
 * Installs the limits on one Aedes client's parser. `onOversize` is told of each connection cut
 * (before the client's error handling closes it). Throws when the parser is not the one this was
 * written for, so an Aedes or mqtt-packet upgrade that moves it fails loudly at the first
 * connection (and in the tests) instead of silently dropping the limit.
 */
export function guardPacketSizes(
  client: GuardedClient,
  limits: PacketLimits,
  onOversize: (reason: OversizeReason, declaredBytes: number) => void,
): void {
  const parser = client._parser;
  if (!parser || typeof parser._parseLength !== 'function' || typeof parser._emitError !== 'function') {
    throw new Error('mqtt packet guard: unexpected parser (aedes/mqtt-packet changed?)');
  }
  const parseLength = parser._parseLength;
  let packets = 0;
  parser._parseLength = function guardedParseLength(this: PacketParser): boolean {
    if (!parseLength.call(this)) return false;
    const { cmd, length } = this.packet;
    const first = packets++ === 0;
    let reason: OversizeReason | null = null;
    if (!client.connected && first) {
      if (cmd !== 'connect') reason = 'not_connect_first';
      else if (length > limits.maxConnectBytes) reason = 'connect_too_large';
    } else if (length > limits.maxPacketBytes) {
      reason = 'packet_too_large';
    }
    if (!reason) return true;
    onOversize(reason, length);
    // Sets the parser's error (its loop stops) and has Aedes close the connection.
    this._emitError(new Error(`mqtt packet refused: ${reason} (${length} bytes declared)`));
    return false;
  };
}
