// Each connection's start-up on the embedded database's wire server (wire-server.mjs), run by the
// server and never by PGlite: the StartupMessage (after any SSLRequest, which is declined), then
// SCRAM-SHA-256 (RFC 5802/7677) against the one password the server was given. Every other user
// and password is refused alike; only a session that proved the password is admitted to the
// backend (`server.admit`).
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  CANCEL_REQUEST,
  GSS_REQUEST,
  PROTOCOL_3,
  READY_IDLE,
  SSL_REQUEST,
  message,
  startupParameters,
} from './wire-protocol.mjs';

const SCRAM_ITERATIONS = 4096;

/** The SCRAM-SHA-256 verifier of `password` (RFC 5802/7677), with a fresh salt. */
export function scramSecret(password) {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, SCRAM_ITERATIONS, 32, 'sha256');
  return { salt, storedKey: sha256(hmac(salted, 'Client Key')), serverKey: hmac(salted, 'Server Key') };
}
const hmac = (key, text) => createHmac('sha256', key).update(text).digest();
const sha256 = (bytes) => createHash('sha256').update(bytes).digest();

/** An Authentication message (R) with its sub-code. */
function authentication(code, body) {
  const b = Buffer.alloc(4);
  b.writeInt32BE(code);
  return message('R', Buffer.concat([b, body]));
}

/**
 * One untyped message of `session`'s start-up phase (StartupMessage, SSLRequest, GSSENCRequest,
 * CancelRequest): a StartupMessage sets the session's application name, priority and kind, and
 * asks for SCRAM-SHA-256.
 */
export function startupMessage(session, code, msg) {
  const server = session.server;
  if (code === SSL_REQUEST || code === GSS_REQUEST) {
    session.socket.write('N');
    return;
  }
  if (code === CANCEL_REQUEST) {
    session.socket.end();
    return;
  }
  if (code !== PROTOCOL_3) {
    server.onRefused('unsupported protocol');
    session.fail('08P01', 'unsupported frontend protocol');
    return;
  }
  const params = startupParameters(msg);
  session.urgent = !!server.urgentApplicationName && params.application_name === server.urgentApplicationName;
  session.low = !!server.lowApplicationName && params.application_name === server.lowApplicationName;
  session.applicationName = params.application_name ?? '';
  session.backupSession = params.replication === 'database' || params.replication === 'true';
  session.user = params.user ?? '';
  session.phase = 'sasl-initial';
  session.socket.write(authentication(10, Buffer.from('SCRAM-SHA-256\0\0')));
}

/** A PasswordMessage / SASLInitialResponse / SASLResponse ('p') of `session`. */
export function passwordMessage(session, body) {
  const server = session.server;
  const refuse = () => {
    server.onRefused('wrong password');
    session.fail('28P01', `password authentication failed for user "${session.user.slice(0, 63)}"`);
  };
  if (session.phase === 'sasl-initial') {
    const nameEnd = body.indexOf(0);
    if (nameEnd < 0 || body.subarray(0, nameEnd).toString() !== 'SCRAM-SHA-256' || body.length < nameEnd + 5)
      return refuse();
    const len = body.readInt32BE(nameEnd + 1);
    const clientFirst = body.subarray(nameEnd + 5, nameEnd + 5 + Math.max(len, 0)).toString('utf8');
    const m = /^([ny]),,(n=[^,]*,r=([!-+\--~]+))$/.exec(clientFirst);
    if (!m) return refuse();
    const nonce = m[3] + randomBytes(18).toString('base64');
    const serverFirst = `r=${nonce},s=${server.scram.salt.toString('base64')},i=${SCRAM_ITERATIONS}`;
    session.scram = { header: `${m[1]},,`, clientFirstBare: m[2], serverFirst, nonce };
    session.phase = 'sasl-final';
    session.socket.write(authentication(11, Buffer.from(serverFirst)));
    return;
  }
  if (session.phase !== 'sasl-final' || !session.scram) return refuse();
  const clientFinal = body.toString('utf8');
  const m = /^(c=([^,]*),r=([^,]*)),p=([A-Za-z0-9+/=]+)$/.exec(clientFinal);
  if (!m || m[3] !== session.scram.nonce || Buffer.from(m[2], 'base64').toString() !== session.scram.header)
    return refuse();
  const authMessage = `${session.scram.clientFirstBare},${session.scram.serverFirst},${m[1]}`;
  const proof = Buffer.from(m[4], 'base64');
  const signature = hmac(server.scram.storedKey, authMessage);
  if (proof.length !== signature.length) return refuse();
  const clientKey = Buffer.alloc(proof.length);
  for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i] ^ signature[i];
  // The user is checked only now, so a wrong user and a wrong password look the same.
  const userOk = session.user === server.user;
  if (!timingSafeEqual(sha256(clientKey), server.scram.storedKey) || !userOk) return refuse();
  if (!server.admit(session)) return;
  const serverSignature = hmac(server.scram.serverKey, authMessage).toString('base64');
  session.phase = 'ready';
  session.started = true;
  session.socket.write(
    Buffer.concat([
      authentication(12, Buffer.from(`v=${serverSignature}`)),
      authentication(0, Buffer.alloc(0)),
      server.parameters,
      message('S', Buffer.from(`application_name\0${session.applicationName.replaceAll('\0', '')}\0`)),
      message('K', randomBytes(8)),
      READY_IDLE,
    ]),
  );
}
