/** The service-request state machine ("four orders"): which step is allowed from which status, by whom. */
import type { RequestStatus, Role } from '@eldercare/shared';
import { can } from '@eldercare/shared';

export type RequestAction =
  'dispatch' | 'decline' | 'accept' | 'checkIn' | 'checkOut' | 'confirm' | 'dispute' | 'resolve' | 'cancel';

/** From which statuses each step may run, and the status it leads to. */
export const FLOW: Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus }> = {
  dispatch: { from: ['requested', 'dispatched'], to: 'dispatched' },
  decline: { from: ['dispatched'], to: 'requested' },
  accept: { from: ['dispatched'], to: 'accepted' },
  checkIn: { from: ['accepted'], to: 'in_progress' },
  checkOut: { from: ['in_progress'], to: 'completed' },
  confirm: { from: ['completed'], to: 'confirmed' },
  dispute: { from: ['completed'], to: 'disputed' },
  resolve: { from: ['disputed'], to: 'confirmed' },
  cancel: { from: ['requested', 'dispatched', 'accepted'], to: 'cancelled' },
};

/** Who takes part in a request, as seen from one user. */
export interface Party {
  role: Role;
  /** The user is the volunteer the request is dispatched to. */
  assignee: boolean;
  /** The user is family of the request's elder. */
  family: boolean;
}

/** Whether this party may take this step (status aside). Coordinators act for anyone, elders never log in. */
export function mayAct(p: Party, action: RequestAction): boolean {
  if (can(p.role, 'timebank.manage')) return true;
  switch (action) {
    case 'decline':
    case 'accept':
    case 'checkIn':
    case 'checkOut':
      return p.role === 'volunteer' && p.assignee;
    case 'confirm':
    case 'dispute':
    case 'cancel':
      return p.role === 'family' && p.family;
    case 'dispatch':
    case 'resolve':
      return false;
  }
}

export const canStep = (status: RequestStatus, action: RequestAction): boolean => FLOW[action].from.includes(status);
