import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema.js';

export type UserRow = typeof users.$inferSelect;
export type UserPatch = Partial<Pick<UserRow, 'name' | 'role' | 'institutionId' | 'residentId' | 'disabledAt'>>;

/** User accounts as administrators manage them (logins and sessions are in auth.repo). */
export class UsersRepo {
  constructor(private readonly db: Db) {}

  list(tenantId: string, includeDisabled: boolean): Promise<UserRow[]> {
    return this.db
      .select()
      .from(users)
      .where(and(eq(users.tenantId, tenantId), includeDisabled ? undefined : isNull(users.disabledAt)))
      .orderBy(users.email);
  }

  async get(tenantId: string, id: string): Promise<UserRow | undefined> {
    const [row] = await this.db
      .select()
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
    return row;
  }

  /** Applies the patch; disabling also ends every session of the user, in the same transaction. */
  async update(tenantId: string, id: string, patch: UserPatch): Promise<UserRow | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = Object.keys(patch).length
        ? await tx
            .update(users)
            .set(patch)
            .where(and(eq(users.tenantId, tenantId), eq(users.id, id)))
            .returning()
        : await tx
            .select()
            .from(users)
            .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
      if (row?.disabledAt) await tx.delete(sessions).where(eq(sessions.userId, id));
      return row;
    });
  }
}
