/** Typed calls for the incident history, the SLA report and the shift handover. */
import type {
  Handover,
  HandoverDraft,
  HandoverPage,
  HistoryPage,
  HistoryQuery,
  OnDuty,
  SlaQuery,
  SlaReport,
  SlaTargets,
} from '@eldercare/shared';
import { api, queryString, type RequestOptions } from './api';

type Q = Record<string, string | number | undefined>;

export const history = {
  list: (query: HistoryQuery, opts?: RequestOptions) =>
    api.get<HistoryPage>(`/api/incidents/history${queryString(query as Q)}`, opts),
  dispatchers: (opts?: RequestOptions) =>
    api.get<{ items: { id: string; name: string }[] }>('/api/incidents/history/dispatchers', opts),
  csvUrl: (query: HistoryQuery) =>
    `/api/incidents/history.csv${queryString({ ...(query as Q), limit: undefined, offset: undefined })}`,
};

export type SlaTable = 'periods' | 'dispatchers' | 'communities' | 'exceptions';

export const sla = {
  get: (query: SlaQuery, opts?: RequestOptions) =>
    api.get<SlaReport>(`/api/reports/sla${queryString(query as Q)}`, opts),
  csvUrl: (query: SlaQuery, table: SlaTable) => `/api/reports/sla.csv${queryString({ ...(query as Q), table })}`,
  reason: (alertId: string, reason: string) =>
    api.post<void>(`/api/reports/sla/exceptions/${encodeURIComponent(alertId)}/reason`, { reason }),
  setTargets: (targets: SlaTargets) => api.put<SlaTargets>('/api/reports/sla/targets', targets),
};

export const shifts = {
  onDuty: (opts?: RequestOptions) => api.get<OnDuty>('/api/shifts/on-duty', opts),
  draft: (opts?: RequestOptions) => api.get<HandoverDraft>('/api/shifts/handover-draft', opts),
  list: (query: { limit?: number; offset?: number } = {}, opts?: RequestOptions) =>
    api.get<HandoverPage>(`/api/shifts/handovers${queryString(query)}`, opts),
  create: (body: { note: string; toUserId?: string }) => api.post<Handover>('/api/shifts/handovers', body),
  acknowledge: (id: string, note = '') =>
    api.post<Handover>(`/api/shifts/handovers/${encodeURIComponent(id)}/acknowledge`, { note }),
};
