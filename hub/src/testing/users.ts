/** Logins for unit tests of services: a user of a role in a tenant, with what the session carries. */
import type { User } from '@eldercare/shared';
import { newId } from './fakes.js';

export function testUser(
  tenantId: string,
  role: User['role'],
  name: string,
  o: Partial<Pick<User, 'institutionId' | 'residentId'>> = {},
): User {
  return {
    id: newId(),
    email: `${name.toLowerCase().replace(/\s+/g, '.')}@test.local`,
    name,
    role,
    tenantId,
    institutionId: o.institutionId ?? null,
    residentId: o.residentId ?? null,
  };
}
