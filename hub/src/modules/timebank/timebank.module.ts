/** The time bank: members (volunteers, organisations, accounts), the ledger and service requests, with their jobs. */
import type { HubContext } from '../module.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import { LedgerRepo } from './ledger.repo.js';
import { LedgerService } from './ledger.service.js';
import { MembersRepo } from './members.repo.js';
import { MembersService } from './members.service.js';
import { RequestsRepo } from './requests.repo.js';
import { RequestsService, type RecordContact } from './requests.service.js';
import { timebankRoutes } from './timebank.routes.js';
import { requestsRoutes } from './requests.routes.js';

export function createTimebankModule(
  ctx: HubContext,
  d: {
    audit: RegisterAudit;
    timeZone(tenantId: string): string;
    /** A confirmed service at an elder's home counts as a contact (welfare visits). */
    recordContact: RecordContact;
  },
) {
  const log = ctx.log.child({ mod: 'timebank' });
  const db = ctx.database.db;
  const members = new MembersService(new MembersRepo(db), ctx.clock, d.audit);
  const ledger = new LedgerService(new LedgerRepo(db), members, ctx.clock, log, d.timeZone);
  const requests = new RequestsService(new RequestsRepo(db), members, ledger, ctx.clock, log, d.recordContact);
  /** Auto-confirmation of unrated services, then expiry of old credit. */
  const runJobs = async () => ({ confirmed: await requests.autoConfirmDue(), expired: await ledger.expire() });
  ctx.scheduler.every(10 * 60_000, 'timebank', runJobs);
  return {
    members,
    ledger,
    requests,
    routes: [timebankRoutes(members, ledger, d.timeZone), requestsRoutes(requests, members)],
    runJobs,
  };
}
