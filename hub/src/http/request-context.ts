/**
 * Where the current HTTP request came from (client address, request id), for the register's audit
 * log: set once per request by the app, read by the audit recorder, so domain services need not
 * thread it through every call. Outside a request (jobs, start-up seeding) there is none.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestOrigin {
  requestId: string;
  clientAddress: string;
}

const storage = new AsyncLocalStorage<RequestOrigin>();

export function runInRequest<T>(origin: RequestOrigin, fn: () => Promise<T>): Promise<T> {
  return storage.run(origin, fn);
}

export function currentRequest(): RequestOrigin | undefined {
  return storage.getStore();
}
