/**
 * The time bank's route contracts: programs, volunteers, organisations, accounts and transfers
 * (handlers in timebank.routes.ts).
 */
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
} from '@eldercare/shared';
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.uuid() });
const programFilter = z.object({ programId: z.uuid().optional() });
const posted = { 201: json(transferSchema, 'Posted (or the original transfer, for a repeated idempotency key)') };
const tags = ['time bank'];

export const listPrograms = createRoute({
  method: 'get',
  path: '/timebank/programs',
  tags,
  summary: "The district's time-bank programs and their policy",
  security,
  middleware: [requireCapability('timebank.use')] as const,
  responses: { 200: json(z.object({ items: z.array(programSchema) }), 'Programs'), ...errorResponses },
});

export const createProgram = createRoute({
  method: 'post',
  path: '/timebank/programs',
  tags,
  summary: 'Create a program (with its issuance and community-fund accounts)',
  security,
  middleware: [requireCapability('timebank.manage')] as const,
  request: { body: jsonBody(programBodySchema) },
  responses: { 201: json(programSchema, 'Created'), ...errorResponses },
});

export const updateProgram = createRoute({
  method: 'patch',
  path: '/timebank/programs/{id}',
  tags,
  summary: 'Change a program name or policy',
  security,
  middleware: [requireCapability('timebank.manage')] as const,
  request: { params: idParams, body: jsonBody(programPatchSchema) },
  responses: { 200: json(programSchema, 'Updated'), ...errorResponses, ...notFoundResponse },
});

export const programTotals = createRoute({
  method: 'get',
  path: '/timebank/programs/{id}/totals',
  tags,
  summary: 'Program totals: hours owed, fund, members, per transfer kind and per organisation',
  security,
  middleware: [requireCapability('timebank.manage')] as const,
  request: { params: idParams },
  responses: { 200: json(programTotalsSchema, 'Totals'), ...errorResponses, ...notFoundResponse },
});

export const programReconciliation = createRoute({
  method: 'get',
  path: '/timebank/programs/{id}/reconciliation',
  tags,
  summary: 'Compares every cached balance with the sum of its entries and reports drift',
  security,
  middleware: [requireCapability('timebank.manage')] as const,
  request: { params: idParams },
  responses: { 200: json(reconciliationSchema, 'Reconciliation'), ...errorResponses, ...notFoundResponse },
});

export const listVolunteers = createRoute({
  method: 'get',
  path: '/timebank/volunteers',
  tags,
  summary: 'Volunteers (a volunteer: their own profile)',
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { query: programFilter },
  responses: { 200: json(z.object({ items: z.array(volunteerSchema) }), 'Volunteers'), ...errorResponses },
});

export const registerVolunteer = createRoute({
  method: 'post',
  path: '/timebank/volunteers',
  tags,
  summary: 'Register a volunteer (checked against the minimum age) and open their account',
  security,
  middleware: [requireCapability('timebank.manage')] as const,
  request: { body: jsonBody(volunteerBodySchema) },
  responses: { 201: json(volunteerSchema, 'Registered'), ...errorResponses, ...conflictResponse },
});

export const listOrganisations = createRoute({
  method: 'get',
  path: '/timebank/organisations',
  tags,
  summary: 'Volunteer organisations',
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { query: programFilter },
  responses: { 200: json(z.object({ items: z.array(organisationSchema) }), 'Organisations'), ...errorResponses },
});

export const createOrganisation = createRoute({
  method: 'post',
  path: '/timebank/organisations',
  tags,
  summary: 'Add a volunteer organisation (with its account)',
  security,
  middleware: [requireCapability('timebank.manage')] as const,
  request: { body: jsonBody(organisationBodySchema) },
  responses: { 201: json(organisationSchema, 'Created'), ...errorResponses, ...conflictResponse },
});

export const listAccounts = createRoute({
  method: 'get',
  path: '/timebank/accounts',
  tags,
  summary: 'Accounts with balances (volunteers and family: only their own)',
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { query: accountQuerySchema },
  responses: { 200: json(z.object({ items: z.array(accountSchema) }), 'Accounts'), ...errorResponses },
});

export const openAccount = createRoute({
  method: 'post',
  path: '/timebank/accounts',
  tags,
  summary: "Open an elder's or a family member's account (returns the existing one if open)",
  security,
  middleware: [requireCapability('timebank.order')] as const,
  request: { body: jsonBody(accountBodySchema) },
  responses: { 201: json(accountSchema, 'The account'), ...errorResponses },
});

export const getAccount = createRoute({
  method: 'get',
  path: '/timebank/accounts/{id}',
  tags,
  summary: 'One account',
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { params: idParams },
  responses: { 200: json(accountSchema, 'The account'), ...errorResponses, ...notFoundResponse },
});

export const accountStatement = createRoute({
  method: 'get',
  path: '/timebank/accounts/{id}/statement',
  tags,
  summary: 'Statement of an account: opening, every entry with running balance, closing, totals by kind',
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { params: idParams, query: statementQuerySchema },
  responses: { 200: json(statementSchema, 'Statement'), ...errorResponses, ...notFoundResponse },
});

export const accountStatementCsv = createRoute({
  method: 'get',
  path: '/timebank/accounts/{id}/statement.csv',
  tags,
  summary: 'The statement as CSV (UTF-8), for download',
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { params: idParams, query: statementQuerySchema },
  responses: {
    200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' },
    ...errorResponses,
    ...notFoundResponse,
  },
});

export const giftRecipients = createRoute({
  method: 'get',
  path: '/timebank/accounts/{id}/gift-recipients',
  tags,
  summary:
    "Whom this account may give hours to under its program's gift policy, by name or account number (name, account, kind)",
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { params: idParams, query: giftRecipientQuerySchema },
  responses: {
    200: json(z.object({ items: z.array(giftRecipientSchema) }), 'Allowed recipients, by name'),
    ...errorResponses,
    ...notFoundResponse,
  },
});

export const listTransfers = createRoute({
  method: 'get',
  path: '/timebank/transfers',
  tags,
  summary: 'Transfers with their entries, newest first (volunteers and family: those of their accounts)',
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { query: transferQuerySchema },
  responses: {
    200: json(z.object({ items: z.array(transferSchema), total: z.number() }), 'Transfers'),
    ...errorResponses,
  },
});

export const getTransfer = createRoute({
  method: 'get',
  path: '/timebank/transfers/{id}',
  tags,
  summary: 'One transfer',
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { params: idParams },
  responses: { 200: json(transferSchema, 'The transfer'), ...errorResponses, ...notFoundResponse },
});

export const reverseTransfer = createRoute({
  method: 'post',
  path: '/timebank/transfers/{id}/reverse',
  tags,
  summary: 'Reverse a transfer: a correction naming the original, the reason and who did it',
  security,
  middleware: [requireCapability('timebank.manage')] as const,
  request: { params: idParams, body: jsonBody(reversalBodySchema) },
  responses: { ...posted, ...errorResponses, ...notFoundResponse, ...conflictResponse },
});

export const giveHours = createRoute({
  method: 'post',
  path: '/timebank/gifts',
  tags,
  summary: 'Give hours to another member, e.g. a volunteer to their own parents (per the gift policy)',
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { body: jsonBody(giftBodySchema) },
  responses: { ...posted, ...errorResponses, ...conflictResponse },
});

export const donateHours = createRoute({
  method: 'post',
  path: '/timebank/donations',
  tags,
  summary: 'Donate hours to the community fund',
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { body: jsonBody(donationBodySchema) },
  responses: { ...posted, ...errorResponses, ...conflictResponse },
});

export const redeemHours = createRoute({
  method: 'post',
  path: '/timebank/redemptions',
  tags,
  summary: 'Redeem hours for a service for the holder (never below zero, even with concurrent requests)',
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { body: jsonBody(redemptionBodySchema) },
  responses: { ...posted, ...errorResponses, ...conflictResponse },
});
