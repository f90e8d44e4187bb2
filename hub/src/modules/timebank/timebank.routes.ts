import { router } from '../../http/openapi.js';
import * as contracts from './timebank.contracts.js';
import type { LedgerService } from './ledger.service.js';
import type { MembersService } from './members.service.js';
import { statementCsv } from './statement.js';

export function timebankRoutes(members: MembersService, ledger: LedgerService, timeZone: (tenantId: string) => string) {
  return (
    router()
      // ---- programs ----
      .openapi(contracts.listPrograms, async (c) => c.json({ items: await members.listPrograms(c.get('user')) }, 200))
      .openapi(contracts.createProgram, async (c) =>
        c.json(await members.createProgram(c.get('user'), c.req.valid('json')), 201),
      )
      .openapi(contracts.updateProgram, async (c) =>
        c.json(await members.updateProgram(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(contracts.programTotals, async (c) =>
        c.json(await ledger.totals(c.get('user'), c.req.valid('param').id), 200),
      )
      .openapi(contracts.programReconciliation, async (c) =>
        c.json(await ledger.reconcile(c.get('user'), c.req.valid('param').id), 200),
      )
      // ---- volunteers and organisations ----
      .openapi(contracts.listVolunteers, async (c) =>
        c.json({ items: await members.listVolunteers(c.get('user'), c.req.valid('query').programId) }, 200),
      )
      .openapi(contracts.registerVolunteer, async (c) =>
        c.json(await members.registerVolunteer(c.get('user'), c.req.valid('json')), 201),
      )
      .openapi(contracts.listOrganisations, async (c) =>
        c.json({ items: await members.listOrganisations(c.get('user'), c.req.valid('query').programId) }, 200),
      )
      .openapi(contracts.createOrganisation, async (c) => {
        const b = c.req.valid('json');
        return c.json(await members.createOrganisation(c.get('user'), b.programId, b.name), 201);
      })
      // ---- accounts ----
      .openapi(contracts.listAccounts, async (c) =>
        c.json({ items: await members.listAccounts(c.get('user'), c.req.valid('query')) }, 200),
      )
      .openapi(contracts.openAccount, async (c) => {
        const b = c.req.valid('json');
        return c.json(await members.openAccount(c.get('user'), b.programId, b.kind, b.ownerId), 201);
      })
      .openapi(contracts.getAccount, async (c) => {
        const a = await members.accountFor(c.get('user'), c.req.valid('param').id);
        return c.json(
          (await members.listAccounts(c.get('user'), { programId: a.programId })).find((x) => x.id === a.id)!,
          200,
        );
      })
      .openapi(contracts.accountStatement, async (c) =>
        c.json(await ledger.statement(c.get('user'), c.req.valid('param').id, c.req.valid('query')), 200),
      )
      .openapi(contracts.accountStatementCsv, async (c) => {
        const user = c.get('user');
        const s = await ledger.statement(user, c.req.valid('param').id, c.req.valid('query'));
        c.header('content-type', 'text/csv; charset=utf-8');
        c.header('content-disposition', `attachment; filename="statement-${s.account.id.slice(0, 8)}.csv"`);
        return c.body(statementCsv(s, timeZone(user.tenantId)), 200);
      })
      .openapi(contracts.giftRecipients, async (c) =>
        c.json(
          { items: await ledger.giftRecipients(c.get('user'), c.req.valid('param').id, c.req.valid('query')) },
          200,
        ),
      )
      // ---- transfers ----
      .openapi(contracts.listTransfers, async (c) =>
        c.json(await ledger.listTransfers(c.get('user'), c.req.valid('query')), 200),
      )
      .openapi(contracts.getTransfer, async (c) =>
        c.json(await ledger.transfer(c.get('user'), c.req.valid('param').id), 200),
      )
      .openapi(contracts.reverseTransfer, async (c) =>
        c.json(await ledger.reverse(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
      )
      .openapi(contracts.giveHours, async (c) => c.json(await ledger.gift(c.get('user'), c.req.valid('json')), 201))
      .openapi(contracts.donateHours, async (c) => c.json(await ledger.donate(c.get('user'), c.req.valid('json')), 201))
      .openapi(contracts.redeemHours, async (c) => c.json(await ledger.redeem(c.get('user'), c.req.valid('json')), 201))
  );
}
