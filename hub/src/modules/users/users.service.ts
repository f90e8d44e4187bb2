/**
 * Managing user accounts (admins): create, change name, role or scope, disable and re-enable. A
 * disabled user cannot log in and loses every session; the account stays, so the actions, visits
 * and ledger entries it made keep their author. Every change is recorded in the register audit.
 */
import type { CreateUserBody, Role, UpdateUserBody, User, UserAccount, UserSummary } from '@eldercare/shared';
import { can } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuthService } from '../auth/auth.service.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { UserRow, UsersRepo } from './users.repo.js';

export function toAccount(r: UserRow): UserAccount {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    tenantId: r.tenantId,
    institutionId: r.institutionId,
    residentId: r.residentId,
    disabledAt: r.disabledAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** What the audit log records of a user: never the password hash or lockout counters. */
const snapshot = (a: UserAccount) => ({
  email: a.email,
  name: a.name,
  role: a.role,
  institutionId: a.institutionId,
  residentId: a.residentId,
  disabledAt: a.disabledAt,
});

export class UsersService {
  constructor(
    private readonly repo: UsersRepo,
    private readonly auth: AuthService,
    private readonly audit: RegisterAudit,
    private readonly clock: Clock,
  ) {}

  /** Admins: whole accounts (disabled ones with `includeDisabled`); coordinators: summaries of active users. */
  async list(viewer: User, includeDisabled = false): Promise<UserAccount[] | UserSummary[]> {
    if (can(viewer.role, 'users.manage'))
      return (await this.repo.list(viewer.tenantId, includeDisabled)).map(toAccount);
    if (can(viewer.role, 'users.list'))
      return (await this.repo.list(viewer.tenantId, false)).map(({ id, email, name, role }) => ({
        id,
        email,
        name,
        role: role as Role,
      }));
    throw forbidden();
  }

  async create(actor: User, body: CreateUserBody): Promise<User> {
    const user = await this.auth.createUser(actor.tenantId, body);
    const row = await this.repo.get(actor.tenantId, user.id);
    await this.audit.record(actor, 'user', user.id, null, snapshot(toAccount(row!)));
    return user;
  }

  async update(actor: User, id: string, patch: UpdateUserBody): Promise<UserAccount> {
    const row = await this.repo.get(actor.tenantId, id);
    if (!row) throw notFound('user');
    if (id === actor.id && (patch.disabled || (patch.role && patch.role !== row.role)))
      throw conflict('you cannot disable your own account or change your own role');
    const role = patch.role ?? (row.role as Role);
    const institutionId = patch.institutionId !== undefined ? patch.institutionId : row.institutionId;
    const residentId = patch.residentId !== undefined ? patch.residentId : row.residentId;
    if (role === 'institution_staff' && !institutionId)
      throw badRequest('institution staff need an institutionId', [{ path: 'institutionId', message: 'required' }]);
    if (role === 'family' && !residentId)
      throw badRequest('a family member needs a residentId', [{ path: 'residentId', message: 'required' }]);
    const disabledAt =
      patch.disabled === undefined ? undefined : patch.disabled ? (row.disabledAt ?? new Date(this.clock.now())) : null;
    const updated = await this.repo.update(actor.tenantId, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.institutionId !== undefined ? { institutionId: patch.institutionId } : {}),
      ...(patch.residentId !== undefined ? { residentId: patch.residentId } : {}),
      ...(disabledAt !== undefined ? { disabledAt } : {}),
    });
    if (!updated) throw notFound('user');
    const after = toAccount(updated);
    await this.audit.record(actor, 'user', id, snapshot(toAccount(row)), snapshot(after));
    return after;
  }
}
