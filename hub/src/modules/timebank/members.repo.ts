/** SQL of time-bank programs, organisations, volunteer profiles and account creation. */
import { MEMBER_KINDS } from '@eldercare/shared';
import { and, asc, eq, ilike, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { residents, tbAccounts, tbOrganisations, tbPrograms, tbVolunteers, users } from '../../db/schema.js';

export type ProgramRow = typeof tbPrograms.$inferSelect;
export type OrganisationRow = typeof tbOrganisations.$inferSelect;
export type VolunteerRow = typeof tbVolunteers.$inferSelect;
export type AccountRecord = typeof tbAccounts.$inferSelect;
/** A member account a gift could go to, with the elder it belongs to (an elder's own, or a family login's). */
export interface GiftCandidate {
  id: string;
  name: string;
  kind: string;
  ownerId: string | null;
  residentId: string | null;
}

/** An ILIKE pattern matching names that contain `text` literally. */
const contains = (text: string) => `%${text.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;

export class MembersRepo {
  constructor(private readonly db: Db) {}

  async programs(tenantId: string): Promise<ProgramRow[]> {
    return this.db
      .select()
      .from(tbPrograms)
      .where(eq(tbPrograms.tenantId, tenantId))
      .orderBy(asc(tbPrograms.createdAt));
  }

  async allPrograms(): Promise<ProgramRow[]> {
    return this.db.select().from(tbPrograms);
  }

  async program(id: string): Promise<ProgramRow | undefined> {
    const [row] = await this.db.select().from(tbPrograms).where(eq(tbPrograms.id, id));
    return row;
  }

  /** A program with its issuance and fund accounts, in one transaction. */
  async createProgram(tenantId: string, name: string, policy: object, fundFloor: number | null): Promise<ProgramRow> {
    return this.db.transaction(async (tx) => {
      const [p] = await tx.insert(tbPrograms).values({ tenantId, name, policy }).returning();
      await tx.insert(tbAccounts).values([
        { programId: p!.id, kind: 'issuance', name: `${name} · issuance`, floorMinutes: null },
        { programId: p!.id, kind: 'fund', name: `${name} · community fund`, floorMinutes: fundFloor },
      ]);
      return p!;
    });
  }

  /**
   * Changes only what is given: the name, the policy fields sent (merged into the stored policy),
   * the fund's floor. The fund's CHECK refuses a floor above what it holds (SQLSTATE 23514).
   */
  async updateProgram(
    id: string,
    c: { name?: string; policy?: object; fundFloor?: number | null },
  ): Promise<ProgramRow> {
    return this.db.transaction(async (tx) => {
      // A patch that sends neither the name nor the policy changes no program column.
      const [p] =
        c.name === undefined && c.policy === undefined
          ? await tx.select().from(tbPrograms).where(eq(tbPrograms.id, id))
          : await tx
              .update(tbPrograms)
              .set({
                name: c.name,
                policy: c.policy ? sql`${tbPrograms.policy} || ${JSON.stringify(c.policy)}::jsonb` : undefined,
              })
              .where(eq(tbPrograms.id, id))
              .returning();
      if (c.fundFloor !== undefined)
        await tx
          .update(tbAccounts)
          .set({ floorMinutes: c.fundFloor })
          .where(and(eq(tbAccounts.programId, id), eq(tbAccounts.kind, 'fund')));
      return p!;
    });
  }

  async systemAccounts(programIds: string[]): Promise<AccountRecord[]> {
    if (!programIds.length) return [];
    return this.db
      .select()
      .from(tbAccounts)
      .where(and(inArray(tbAccounts.programId, programIds), isNull(tbAccounts.ownerId)));
  }

  /** The account of an owner, created on first use (idempotent under concurrency). */
  async ensureAccount(programId: string, kind: string, ownerId: string, name: string): Promise<AccountRecord> {
    await this.db.insert(tbAccounts).values({ programId, kind, ownerId, name, floorMinutes: 0 }).onConflictDoNothing();
    const [row] = await this.db
      .select()
      .from(tbAccounts)
      .where(and(eq(tbAccounts.programId, programId), eq(tbAccounts.kind, kind), eq(tbAccounts.ownerId, ownerId)));
    return row!;
  }

  async accountById(id: string): Promise<AccountRecord | undefined> {
    const [row] = await this.db.select().from(tbAccounts).where(eq(tbAccounts.id, id));
    return row;
  }

  async accounts(f: {
    programIds: string[];
    kind?: string;
    ownerIds?: string[];
    q?: string;
  }): Promise<AccountRecord[]> {
    if (!f.programIds.length) return [];
    const where: SQL[] = [inArray(tbAccounts.programId, f.programIds)];
    if (f.kind) where.push(eq(tbAccounts.kind, f.kind));
    if (f.ownerIds) where.push(f.ownerIds.length ? inArray(tbAccounts.ownerId, f.ownerIds) : sql`false`);
    if (f.q) where.push(ilike(tbAccounts.name, contains(f.q)));
    return this.db
      .select()
      .from(tbAccounts)
      .where(and(...where))
      .orderBy(asc(tbAccounts.kind), asc(tbAccounts.name))
      .limit(1000);
  }

  /**
   * Member accounts of a program other than `exceptId`, by name: all of them, or with `residentIds`
   * only the accounts of those elders and of the family logins linked to them. `accountId` finds one
   * account by its number instead of a name.
   */
  async giftCandidates(f: {
    programId: string;
    exceptId: string;
    residentIds: readonly string[] | null;
    name?: string;
    accountId?: string;
    limit: number;
  }): Promise<GiftCandidate[]> {
    const residentId = sql<
      string | null
    >`CASE WHEN ${tbAccounts.kind} = 'elder' THEN ${tbAccounts.ownerId} ELSE ${users.residentId} END`;
    const where: SQL[] = [
      eq(tbAccounts.programId, f.programId),
      inArray(tbAccounts.kind, [...MEMBER_KINDS]),
      ne(tbAccounts.id, f.exceptId),
    ];
    if (f.residentIds) where.push(f.residentIds.length ? inArray(residentId, [...f.residentIds]) : sql`false`);
    if (f.accountId) where.push(eq(tbAccounts.id, f.accountId));
    if (f.name) where.push(ilike(tbAccounts.name, contains(f.name)));
    return this.db
      .select({
        id: tbAccounts.id,
        name: tbAccounts.name,
        kind: tbAccounts.kind,
        ownerId: tbAccounts.ownerId,
        residentId,
      })
      .from(tbAccounts)
      .leftJoin(users, and(eq(tbAccounts.kind, 'family'), eq(users.id, tbAccounts.ownerId)))
      .where(and(...where))
      .orderBy(asc(tbAccounts.name), asc(tbAccounts.id))
      .limit(f.limit);
  }

  async organisations(programIds: string[]): Promise<OrganisationRow[]> {
    if (!programIds.length) return [];
    return this.db
      .select()
      .from(tbOrganisations)
      .where(inArray(tbOrganisations.programId, programIds))
      .orderBy(tbOrganisations.name);
  }

  async organisation(id: string): Promise<OrganisationRow | undefined> {
    const [row] = await this.db.select().from(tbOrganisations).where(eq(tbOrganisations.id, id));
    return row;
  }

  async insertOrganisation(programId: string, name: string): Promise<OrganisationRow> {
    const [row] = await this.db.insert(tbOrganisations).values({ programId, name }).returning();
    return row!;
  }

  async volunteers(programIds: string[]): Promise<VolunteerRow[]> {
    if (!programIds.length) return [];
    return this.db
      .select()
      .from(tbVolunteers)
      .where(inArray(tbVolunteers.programId, programIds))
      .orderBy(tbVolunteers.name);
  }

  async volunteer(id: string): Promise<VolunteerRow | undefined> {
    const [row] = await this.db.select().from(tbVolunteers).where(eq(tbVolunteers.id, id));
    return row;
  }

  async volunteersOfUser(userId: string): Promise<VolunteerRow[]> {
    return this.db.select().from(tbVolunteers).where(eq(tbVolunteers.userId, userId));
  }

  async insertVolunteer(v: typeof tbVolunteers.$inferInsert): Promise<VolunteerRow> {
    const [row] = await this.db.insert(tbVolunteers).values(v).returning();
    return row!;
  }

  async user(id: string) {
    const [row] = await this.db
      .select({
        id: users.id,
        tenantId: users.tenantId,
        role: users.role,
        name: users.name,
        residentId: users.residentId,
      })
      .from(users)
      .where(eq(users.id, id));
    return row;
  }

  async resident(id: string) {
    const [row] = await this.db
      .select({ id: residents.id, tenantId: residents.tenantId, name: residents.name, birthDate: residents.birthDate })
      .from(residents)
      .where(eq(residents.id, id));
    return row;
  }
}
