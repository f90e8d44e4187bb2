/** Password hashing with Argon2id (a deliberately slow, memory-hard hash). */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const; // OWASP's Argon2id baseline

export const hashPassword = (password: string) => hash(password, OPTIONS);
export const verifyPassword = (stored: string, password: string) => verify(stored, password).catch(() => false);
