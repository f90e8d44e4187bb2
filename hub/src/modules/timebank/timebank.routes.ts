import { createRoute, z } from '@hono/zod-openapi';
import {
  accountBodySchema,
  accountQuerySchema,
  accountSchema,
  donationBodySchema,
  giftBodySchema,
  giftRecipientQuerySchema,
  giftRecipientSchema,
  organisationBodySchema,
  organisationSchema,
  programBodySchema,
  programPatchSchema,
  programSchema,
  programTotalsSchema,
  reconciliationSchema,
  redemptionBodySchema,
  reversalBodySchema,
  statementQuerySchema,
  statementSchema,
  transferQuerySchema,
  transferSchema,
  volunteerBodySchema,
  volunteerSchema,
  type Role,
  rolesWith,
} from '@eldercare/shared';
import {
  conflictResponse,
  errorResponses,
  json,
  jsonBody,
  notFoundResponse,
  router,
  security,
} from '../../http/openapi.js';
import { requireRole } from '../auth/auth.middleware.js';
import type { LedgerService } from './ledger.service.js';
import type { MembersService } from './members.service.js';
import { statementCsv } from './statement.js';

const idParams = z.object({ id: z.uuid() });
const programFilter = z.object({ programId: z.uuid().optional() });
/** Everyone with a part in the time bank; the services narrow what each one sees. */
export const TIMEBANK_ROLES: Role[] = rolesWith('timebank.use');
const STAFF: Role[] = rolesWith('timebank.manage');
const posted = { 201: json(transferSchema, 'Posted (or the original transfer, for a repeated idempotency key)') };

export function timebankRoutes(members: MembersService, ledger: LedgerService, timeZone: (tenantId: string) => string) {
  const app = router();
  const tags = ['time bank'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/timebank/programs',
      tags,
      summary: "The district's time-bank programs and their policy",
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      responses: { 200: json(z.object({ items: z.array(programSchema) }), 'Programs'), ...errorResponses },
    }),
    async (c) => c.json({ items: await members.listPrograms(c.get('user')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/timebank/programs',
      tags,
      summary: 'Create a program (with its issuance and community-fund accounts)',
      security,
      middleware: [requireRole(...STAFF)] as const,
      request: { body: jsonBody(programBodySchema) },
      responses: { 201: json(programSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await members.createProgram(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/timebank/programs/{id}',
      tags,
      summary: 'Change a program name or policy',
      security,
      middleware: [requireRole(...STAFF)] as const,
      request: { params: idParams, body: jsonBody(programPatchSchema) },
      responses: { 200: json(programSchema, 'Updated'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await members.updateProgram(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/timebank/programs/{id}/totals',
      tags,
      summary: 'Program totals: hours owed, fund, members, per transfer kind and per organisation',
      security,
      middleware: [requireRole(...STAFF)] as const,
      request: { params: idParams },
      responses: { 200: json(programTotalsSchema, 'Totals'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await ledger.totals(c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/timebank/programs/{id}/reconciliation',
      tags,
      summary: 'Compares every cached balance with the sum of its entries and reports drift',
      security,
      middleware: [requireRole(...STAFF)] as const,
      request: { params: idParams },
      responses: { 200: json(reconciliationSchema, 'Reconciliation'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await ledger.reconcile(c.get('user'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/timebank/volunteers',
      tags,
      summary: 'Volunteers (a volunteer: their own profile)',
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { query: programFilter },
      responses: { 200: json(z.object({ items: z.array(volunteerSchema) }), 'Volunteers'), ...errorResponses },
    }),
    async (c) => c.json({ items: await members.listVolunteers(c.get('user'), c.req.valid('query').programId) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/timebank/volunteers',
      tags,
      summary: 'Register a volunteer (checked against the minimum age) and open their account',
      security,
      middleware: [requireRole(...STAFF)] as const,
      request: { body: jsonBody(volunteerBodySchema) },
      responses: { 201: json(volunteerSchema, 'Registered'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await members.registerVolunteer(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/timebank/organisations',
      tags,
      summary: 'Volunteer organisations',
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { query: programFilter },
      responses: { 200: json(z.object({ items: z.array(organisationSchema) }), 'Organisations'), ...errorResponses },
    }),
    async (c) => c.json({ items: await members.listOrganisations(c.get('user'), c.req.valid('query').programId) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/timebank/organisations',
      tags,
      summary: 'Add a volunteer organisation (with its account)',
      security,
      middleware: [requireRole(...STAFF)] as const,
      request: { body: jsonBody(organisationBodySchema) },
      responses: { 201: json(organisationSchema, 'Created'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(await members.createOrganisation(c.get('user'), b.programId, b.name), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/timebank/accounts',
      tags,
      summary: 'Accounts with balances (volunteers and family: only their own)',
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { query: accountQuerySchema },
      responses: { 200: json(z.object({ items: z.array(accountSchema) }), 'Accounts'), ...errorResponses },
    }),
    async (c) => c.json({ items: await members.listAccounts(c.get('user'), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/timebank/accounts',
      tags,
      summary: "Open an elder's or a family member's account (returns the existing one if open)",
      security,
      middleware: [requireRole('admin', 'coordinator', 'family')] as const,
      request: { body: jsonBody(accountBodySchema) },
      responses: { 201: json(accountSchema, 'The account'), ...errorResponses },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(await members.openAccount(c.get('user'), b.programId, b.kind, b.ownerId), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/timebank/accounts/{id}',
      tags,
      summary: 'One account',
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { params: idParams },
      responses: { 200: json(accountSchema, 'The account'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const a = await members.accountFor(c.get('user'), c.req.valid('param').id);
      return c.json(
        (await members.listAccounts(c.get('user'), { programId: a.programId })).find((x) => x.id === a.id)!,
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/timebank/accounts/{id}/statement',
      tags,
      summary: 'Statement of an account: opening, every entry with running balance, closing, totals by kind',
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { params: idParams, query: statementQuerySchema },
      responses: { 200: json(statementSchema, 'Statement'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await ledger.statement(c.get('user'), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/timebank/accounts/{id}/statement.csv',
      tags,
      summary: 'The statement as CSV (UTF-8), for download',
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { params: idParams, query: statementQuerySchema },
      responses: {
        200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const user = c.get('user');
      const s = await ledger.statement(user, c.req.valid('param').id, c.req.valid('query'));
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="statement-${s.account.id.slice(0, 8)}.csv"`);
      return c.body(statementCsv(s, timeZone(user.tenantId)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/timebank/accounts/{id}/gift-recipients',
      tags,
      summary:
        "Whom this account may give hours to under its program's gift policy, by name or account number (name, account, kind)",
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { params: idParams, query: giftRecipientQuerySchema },
      responses: {
        200: json(z.object({ items: z.array(giftRecipientSchema) }), 'Allowed recipients, by name'),
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) =>
      c.json({ items: await ledger.giftRecipients(c.get('user'), c.req.valid('param').id, c.req.valid('query')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/timebank/transfers',
      tags,
      summary: 'Transfers with their entries, newest first (volunteers and family: those of their accounts)',
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { query: transferQuerySchema },
      responses: {
        200: json(z.object({ items: z.array(transferSchema), total: z.number() }), 'Transfers'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await ledger.listTransfers(c.get('user'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/timebank/transfers/{id}',
      tags,
      summary: 'One transfer',
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { params: idParams },
      responses: { 200: json(transferSchema, 'The transfer'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await ledger.transfer(c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/timebank/transfers/{id}/reverse',
      tags,
      summary: 'Reverse a transfer: a correction naming the original, the reason and who did it',
      security,
      middleware: [requireRole(...STAFF)] as const,
      request: { params: idParams, body: jsonBody(reversalBodySchema) },
      responses: { ...posted, ...errorResponses, ...notFoundResponse, ...conflictResponse },
    }),
    async (c) => c.json(await ledger.reverse(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/timebank/gifts',
      tags,
      summary: 'Give hours to another member, e.g. a volunteer to their own parents (per the gift policy)',
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { body: jsonBody(giftBodySchema) },
      responses: { ...posted, ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await ledger.gift(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/timebank/donations',
      tags,
      summary: 'Donate hours to the community fund',
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { body: jsonBody(donationBodySchema) },
      responses: { ...posted, ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await ledger.donate(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/timebank/redemptions',
      tags,
      summary: 'Redeem hours for a service for the holder (never below zero, even with concurrent requests)',
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { body: jsonBody(redemptionBodySchema) },
      responses: { ...posted, ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await ledger.redeem(c.get('user'), c.req.valid('json')), 201),
  );
  return app;
}
