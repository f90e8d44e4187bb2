/** Typed calls to the hub's REST API, one function per endpoint. */
import type {
  Alert,
  AlertActionBody,
  AlertDetail,
  CreateDeviceBody,
  CreateInstitutionBody,
  CreatedDevice,
  Device,
  Institution,
  LoginResponse,
  Resident,
  ResidentBody,
  SlaReport,
  User,
  VitalsResponse,
} from '@eldercare/shared';
import { api, queryString, type RequestOptions } from './api';

export interface ListResponse<T> {
  items: T[];
  total?: number;
}
export type VitalsRange = VitalsResponse['range'];

export interface ResidentQuery {
  q?: string;
  risk?: string;
  community?: string;
  institutionId?: string;
  limit?: number;
  offset?: number;
}

export const auth = {
  login: (email: string, password: string) =>
    api.post<LoginResponse>('/api/auth/login', { email, password }, { authRedirect: false }),
  logout: () => api.post<void>('/api/auth/logout', undefined, { authRedirect: false }),
  me: () => api.get<{ user: User }>('/api/auth/me', { authRedirect: false }),
};

export const institutions = {
  list: (opts?: RequestOptions) => api.get<ListResponse<Institution>>('/api/institutions', opts),
  get: (id: string) => api.get<Institution>(`/api/institutions/${encodeURIComponent(id)}`),
  create: (body: CreateInstitutionBody) => api.post<Institution>('/api/institutions', body),
};

export const residents = {
  list: (query: ResidentQuery = {}, opts?: RequestOptions) =>
    api.get<{ items: Resident[]; total: number }>(`/api/residents${queryString({ ...query })}`, opts),
  get: (id: string) => api.get<Resident>(`/api/residents/${encodeURIComponent(id)}`),
  create: (body: ResidentBody) => api.post<Resident>('/api/residents', body),
  update: (id: string, body: Partial<ResidentBody>) =>
    api.patch<Resident>(`/api/residents/${encodeURIComponent(id)}`, body),
  vitals: (id: string, range: VitalsRange, opts?: RequestOptions) =>
    api.get<VitalsResponse>(`/api/residents/${encodeURIComponent(id)}/vitals${queryString({ range })}`, opts),
};

export const devices = {
  list: (query: { residentId?: string; institutionId?: string } = {}, opts?: RequestOptions) =>
    api.get<{ items: Device[]; total: number }>(`/api/devices${queryString(query)}`, opts),
  create: (body: CreateDeviceBody) => api.post<CreatedDevice>('/api/devices', body),
};

export type AlertQueue = Alert['queue'];

export const alerts = {
  list: (
    query: { state?: 'active' | 'closed' | 'all'; queue?: AlertQueue; residentId?: string } = {},
    opts?: RequestOptions,
  ) => api.get<{ items: Alert[] }>(`/api/alerts${queryString(query)}`, opts),
  get: (id: string, opts?: RequestOptions) => api.get<AlertDetail>(`/api/alerts/${encodeURIComponent(id)}`, opts),
  claim: (id: string) => api.post<Alert>(`/api/alerts/${encodeURIComponent(id)}/claim`),
  act: (id: string, body: AlertActionBody) => api.post<Alert>(`/api/alerts/${encodeURIComponent(id)}/actions`, body),
};

export const reports = {
  sla: (query: { from?: string; to?: string } = {}, opts?: RequestOptions) =>
    api.get<SlaReport>(`/api/reports/sla${queryString(query)}`, opts),
};
