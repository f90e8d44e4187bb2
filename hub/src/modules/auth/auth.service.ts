/** Users, logins and sessions. Plain TypeScript: no SQL, no HTTP. */
import { createHash, randomBytes } from 'node:crypto';
import type { CreateUserBody, Role, User, UserSummary } from '@eldercare/shared';
import { can } from '@eldercare/shared';
import { AppError, conflict, forbidden, invalidField, unauthorized } from '../../http/errors.js';
import type { Clock } from '../../clock.js';
import type { AuthRepo, UserRow } from './auth.repo.js';
import { hashPassword, verifyPassword } from './password.js';

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 15 * 60_000;

const locked = () => new AppError(423, 'account locked after repeated failed logins; try again later');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    tenantId: row.tenantId,
    institutionId: row.institutionId,
    residentId: row.residentId,
  };
}

export class AuthService {
  constructor(
    private readonly repo: AuthRepo,
    private readonly clock: Clock,
    private readonly sessionTtlMs: number,
  ) {}

  async login(email: string, password: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    const row = await this.repo.findUserByEmail(email);
    const now = this.clock.now();
    if (!row) {
      // Spend the same time as a real check so a caller cannot probe which emails exist.
      await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Ww3iVkxcJ8uwSydZsJ35rQ', password);
      throw unauthorized('wrong email or password');
    }
    if (row.lockedUntil && row.lockedUntil.getTime() > now) {
      throw locked();
    }
    if (!(await verifyPassword(row.passwordHash, password))) {
      const after = await this.repo.recordFailedLogin(
        row.id,
        new Date(now),
        MAX_FAILED_LOGINS,
        new Date(now + LOCKOUT_MS),
      );
      // An attempt that was already under way when a parallel one locked the account is told so.
      if (after?.wasLocked) throw locked();
      throw unauthorized('wrong email or password');
    }
    if (row.disabledAt) throw forbidden('this account is disabled');
    if (!(await this.repo.resetFailedLoginsUnlessLocked(row.id, new Date(now)))) throw locked();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now + this.sessionTtlMs);
    await this.repo.insertSession(hashToken(token), row.id, expiresAt);
    return { token, expiresAt, user: toUser(row) };
  }

  async authenticate(token: string): Promise<User | null> {
    if (!token || token.length > 200) return null;
    const row = await this.repo.findSessionUser(hashToken(token), new Date(this.clock.now()));
    return row && !row.disabledAt ? toUser(row) : null;
  }

  logout(token: string): Promise<void> {
    return this.repo.deleteSession(hashToken(token));
  }

  async createUser(tenantId: string, body: CreateUserBody): Promise<User> {
    if (body.role === 'institution_staff' && !body.institutionId) {
      throw invalidField('institutionId', 'is required for institution staff');
    }
    if (body.role === 'family' && !body.residentId) throw invalidField('residentId', 'is required for a family member');
    if (await this.repo.findUserByEmail(body.email)) throw conflict('a user with this email exists');
    const row = await this.repo.insertUser({
      tenantId,
      email: body.email,
      name: body.name,
      role: body.role,
      passwordHash: await hashPassword(body.password),
      institutionId: body.institutionId ?? null,
      residentId: body.residentId ?? null,
    });
    return toUser(row);
  }

  async listUsers(tenantId: string): Promise<User[]> {
    return (await this.repo.listUsers(tenantId)).map(toUser);
  }

  /**
   * The users of the viewer's tenant as that viewer may see them: whole for admins; for coordinators
   * only what linking a volunteer profile to a login needs (id, email, name, role); nobody else.
   */
  async listUsersFor(viewer: User): Promise<User[] | UserSummary[]> {
    const all = await this.listUsers(viewer.tenantId);
    if (can(viewer.role, 'users.manage')) return all;
    if (can(viewer.role, 'users.list')) return all.map(({ id, email, name, role }) => ({ id, email, name, role }));
    throw forbidden();
  }

  /** Creates the first admin from HUB_ADMIN_EMAIL / HUB_ADMIN_PASSWORD when no such user exists. */
  async ensureAdmin(tenantId: string, email: string, password: string): Promise<boolean> {
    if (await this.repo.findUserByEmail(email)) return false;
    await this.createUser(tenantId, { email, password, name: 'Administrator', role: 'admin' });
    return true;
  }
}
