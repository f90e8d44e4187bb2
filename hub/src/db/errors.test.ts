/** Outage versus bad data: only an outage may send events to the degraded-mode spool. */
import { describe, expect, it } from 'vitest';
import { isConnectionError, isConnectWaitTimeout } from './errors.js';
import { isDataError } from '../ingest/batch-writer.js';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isConnectionError', () => {
  it('recognises network failures, broken connections and a server going down', () => {
    for (const e of [
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      pgError('ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('08006'),
      pgError('53300', 'too many connections'),
      Object.assign(new Error('wrapped'), { cause: pgError('ECONNREFUSED') }),
      Object.assign(new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')]), { code: undefined }),
    ])
      expect(isConnectionError(e), String(e.message)).toBe(true);
  });

  it('does not mistake data or statement errors for an outage', () => {
    for (const e of [
      pgError('23505', 'duplicate key'),
      pgError('22P02', 'invalid input syntax'),
      pgError('42P01', 'relation does not exist'),
      new Error('something else'),
      null,
      undefined,
      'string',
    ]) {
      expect(isConnectionError(e)).toBe(false);
    }
    expect(isDataError(pgError('23505'))).toBe(true);
    expect(isDataError(pgError('ECONNREFUSED'))).toBe(false);
  });
});

describe('isConnectWaitTimeout', () => {
  it('recognises the pool waiting past its connect timeout, also wrapped', () => {
    expect(isConnectWaitTimeout(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isConnectWaitTimeout(new Error('Connection terminated due to connection timeout'))).toBe(true);
    expect(
      isConnectWaitTimeout(
        Object.assign(new Error('Failed query'), { cause: new Error('timeout exceeded when trying to connect') }),
      ),
    ).toBe(true);
  });

  it('leaves refused, broken and data errors alone', () => {
    for (const e of [
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      new Error('Connection terminated unexpectedly'),
      pgError('23505', 'duplicate key'),
      null,
    ])
      expect(isConnectWaitTimeout(e)).toBe(false);
  });
});
