/**
 * Scale-out of the live channel: with REDIS_URL set, socket.io rooms span every hub through the
 * Redis adapter, so a dashboard on any hub receives every alert of its rooms exactly once.
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { HubIo } from './socket.js';

export async function useRedisAdapter(io: HubIo, url: string, log: Logger): Promise<() => Promise<void>> {
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
  const sub = pub.duplicate();
  for (const c of [pub, sub]) c.on('error', (err: Error) => log.warn({ err }, 'redis connection error'));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  log.info('socket.io rooms shared through Redis');
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
