import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema.js';

export type UserRow = typeof users.$inferSelect;

export class AuthRepo {
  constructor(private readonly db: Db) {}

  async findUserByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email})`);
    return row;
  }

  async findUserById(id: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id));
    return row;
  }

  async listUsers(tenantId: string): Promise<UserRow[]> {
    return this.db.select().from(users).where(eq(users.tenantId, tenantId)).orderBy(users.email);
  }

  async insertUser(values: typeof users.$inferInsert): Promise<UserRow> {
    const [row] = await this.db.insert(users).values(values).returning();
    return row!;
  }

  async countUsers(): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(users);
    return row!.n;
  }

  /**
   * Counts one failed login and locks the account once the count reaches `maxFailures`, in one
   * statement, so parallel attempts cannot all read the old count and skip the lock. Returns the
   * new count and lock, and whether the account was already locked before this attempt.
   */
  async recordFailedLogin(
    userId: string,
    now: Date,
    maxFailures: number,
    lockUntil: Date,
  ): Promise<{ failedLogins: number; lockedUntil: Date | null; wasLocked: boolean } | undefined> {
    const res = await this.db.$client.query<{ failed_logins: number; locked_until: Date | null; was_locked: boolean }>(
      `UPDATE users u
          SET failed_logins = u.failed_logins + 1,
              locked_until = CASE
                WHEN u.failed_logins + 1 >= $2 AND (u.locked_until IS NULL OR u.locked_until <= $3) THEN $4
                ELSE u.locked_until END
         FROM (SELECT id, coalesce(locked_until > $3, false) AS was_locked FROM users WHERE id = $1 FOR UPDATE) old
        WHERE u.id = old.id
      RETURNING u.failed_logins, u.locked_until, old.was_locked`,
      [userId, maxFailures, now, lockUntil],
    );
    const row = res.rows[0];
    return row && { failedLogins: row.failed_logins, lockedUntil: row.locked_until, wasLocked: row.was_locked };
  }

  /**
   * Clears the failure count after a right password, unless the account is locked now (a parallel
   * attempt may have locked it while this password was being checked). False when it is locked.
   */
  async resetFailedLoginsUnlessLocked(userId: string, now: Date): Promise<boolean> {
    const res = await this.db.$client.query(
      `UPDATE users SET failed_logins = 0, locked_until = NULL
        WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)`,
      [userId, now],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async insertSession(tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
    await this.db.insert(sessions).values({ tokenHash, userId, expiresAt });
  }

  async findSessionUser(tokenHash: string, now: Date): Promise<UserRow | undefined> {
    const [row] = await this.db
      .select({ user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
    return row?.user;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  }

  async deleteExpiredSessions(now: Date): Promise<void> {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, now));
  }
}
