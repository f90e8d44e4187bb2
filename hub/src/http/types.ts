import type { User } from '@eldercare/shared';
import type { TenantRefs } from '../modules/tenants/tenant-refs.js';

export interface AppEnv {
  Variables: {
    requestId: string;
    user: User;
    /** Checks written references against the writer's tenant (http/tenant-references.ts). */
    tenantRefs: TenantRefs;
  };
}
