/**
 * Support for unit tests of services: a settable clock, a silent logger, and `asRepo`, which hands
 * an in-memory fake to a service that takes the repository class.
 *
 * A fake implements every public method of the repository (`RepoShape<Repo>`), so a repository
 * that gains, loses or changes a method breaks its fake at compile time. Only the type is cast:
 * a class with private fields (the pool) is not structurally assignable from another object, and a
 * service can reach nothing of its repository but the public methods.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { createLogger, type Logger } from '../logger.js';

/** The public methods of a repository class. */
export type RepoShape<Repo> = { [K in keyof Repo]: Repo[K] };

export const asRepo = <Repo>(fake: RepoShape<Repo>): Repo => fake as Repo;

/** A clock tests move by hand. */
export class TestClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export const silentLog = (): Logger => createLogger('silent');

export const newId = (): string => randomUUID();

/** An error shaped like node-postgres's for a violated constraint (what `constraintOf` reads). */
export function constraintError(constraint: string, code = '23505'): Error {
  return Object.assign(new Error(`violates constraint "${constraint}"`), { code, constraint });
}
