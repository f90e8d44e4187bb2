/** Calls for the incident history, the SLA report and the shift handover (typed from the hub's document). */
import { client, init, queryString, send, type RequestOptions } from './api';
import type { BodyOf, QueryOf } from './endpoints';

type Q = Record<string, string | number | undefined>;

export const history = {
  list: (query: QueryOf<'/api/incidents/history'>, opts?: RequestOptions) =>
    send(client.GET('/api/incidents/history', { params: { query }, ...init(opts) }), opts),
  dispatchers: (opts?: RequestOptions) => send(client.GET('/api/incidents/history/dispatchers', init(opts)), opts),
  csvUrl: (query: QueryOf<'/api/incidents/history.csv'>) =>
    `/api/incidents/history.csv${queryString({ ...(query as Q), limit: undefined, offset: undefined })}`,
};

export type SlaTable = NonNullable<QueryOf<'/api/reports/sla.csv'>['table']>;

export const sla = {
  get: (query: QueryOf<'/api/reports/sla'>, opts?: RequestOptions) =>
    send(client.GET('/api/reports/sla', { params: { query }, ...init(opts) }), opts),
  csvUrl: (query: QueryOf<'/api/reports/sla'>, table: SlaTable) =>
    `/api/reports/sla.csv${queryString({ ...(query as Q), table })}`,
  reason: (alertId: string, reason: string) =>
    send(
      client.POST('/api/reports/sla/exceptions/{id}/reason', { params: { path: { id: alertId } }, body: { reason } }),
    ),
  setTargets: (targets: BodyOf<'/api/reports/sla/targets', 'put'>) =>
    send(client.PUT('/api/reports/sla/targets', { body: targets })),
};

export const shifts = {
  onDuty: (opts?: RequestOptions) => send(client.GET('/api/shifts/on-duty', init(opts)), opts),
  draft: (opts?: RequestOptions) => send(client.GET('/api/shifts/handover-draft', init(opts)), opts),
  list: (query: QueryOf<'/api/shifts/handovers'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/shifts/handovers', { params: { query }, ...init(opts) }), opts),
  create: (body: BodyOf<'/api/shifts/handovers', 'post'>) => send(client.POST('/api/shifts/handovers', { body })),
  acknowledge: (handoverId: string, note = '') =>
    send(
      client.POST('/api/shifts/handovers/{id}/acknowledge', { params: { path: { id: handoverId } }, body: { note } }),
    ),
};
