/**
 * Secrets of the notification channels, generated once and kept in DATA_DIR: the VAPID key pair of
 * web push (vapid.json) and the key that signs reply links (notify-secret). Several hubs must share
 * them (a shared DATA_DIR, or VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY and NOTIFY_LINK_SECRET).
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import webpush from 'web-push';

export interface NotifyKeys {
  vapid: { publicKey: string; privateKey: string };
  linkSecret: Buffer;
}

async function readOrCreate(file: string, make: () => string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const v = make();
    // wx: two processes starting at once never overwrite each other's key.
    await writeFile(file, v, { mode: 0o600, flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
    return (await readFile(file, 'utf8')).trim();
  }
}

export async function loadNotifyKeys(
  dataDir: string,
  env: { vapidPublicKey?: string; vapidPrivateKey?: string; linkSecret?: string },
): Promise<NotifyKeys> {
  const vapid =
    env.vapidPublicKey && env.vapidPrivateKey
      ? { publicKey: env.vapidPublicKey, privateKey: env.vapidPrivateKey }
      : (JSON.parse(
          await readOrCreate(path.join(dataDir, 'vapid.json'), () => JSON.stringify(webpush.generateVAPIDKeys())),
        ) as { publicKey: string; privateKey: string });
  const secret =
    env.linkSecret ??
    (await readOrCreate(path.join(dataDir, 'notify-secret'), () => randomBytes(32).toString('base64url')));
  return { vapid, linkSecret: Buffer.from(secret, 'utf8') };
}
