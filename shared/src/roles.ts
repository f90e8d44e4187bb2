/**
 * Who may do what: every capability of the hub and the roles that hold it, in one table. The hub
 * authorizes with it (route middleware and service checks) and the dashboard decides from it which
 * buttons and screens it shows, so the two cannot drift apart. Changing a row changes a permission:
 * roles.test.ts pins every row so such a change is deliberate.
 */
import { ROLES, type Role } from './domain.js';

const CAPABILITY_TABLE = {
  // ---- alerts and dispatch ----
  /** See the live alert queue and its socket (institution staff: their own institution's alerts). */
  'alerts.watch': ['admin', 'coordinator', 'dispatcher', 'supervisor', 'institution_staff'],
  /** Claim an alert and work it through its lifecycle. */
  'alerts.handle': ['admin', 'dispatcher', 'supervisor', 'institution_staff'],
  /** Act on an alert someone else has claimed. */
  'alerts.override': ['admin', 'supervisor'],
  /** The dispatch centre: every institution's alerts, the dispatch room, phone-in incidents in the service. */
  'alerts.dispatch': ['admin', 'coordinator', 'dispatcher', 'supervisor'],
  /** Take a call and record it as an incident (the route; the dashboard's call button). */
  'alerts.phoneIn': ['admin', 'dispatcher', 'supervisor'],
  /** On the premises: go on scene from any claimed step, without a dispatch. */
  'alerts.onSite': ['institution_staff'],
  /** Hear of escalations and of a screen nobody watches. */
  'alerts.escalations': ['admin', 'supervisor'],
  /** The dashboard rings for waiting alarms. */
  'alerts.ring': ['dispatcher', 'supervisor', 'institution_staff'],
  /** Edit the action plans (checklists) of incidents. */
  'actionPlans.write': ['admin', 'coordinator'],
  /** The SLA report. */
  'sla.read': ['admin', 'coordinator', 'supervisor', 'dispatcher'],
  /** Give the reason an incident missed its target. */
  'sla.reasons': ['admin', 'supervisor'],
  /** Set the SLA targets. */
  'sla.targets': ['admin'],
  /** Read the shift handovers. */
  'handover.read': ['admin', 'coordinator', 'supervisor', 'dispatcher'],
  /** Write and acknowledge shift handovers. */
  'handover.write': ['admin', 'supervisor', 'dispatcher'],
  /** The incident history and its export (institution staff: their institution's). */
  'history.read': ['admin', 'coordinator', 'supervisor', 'dispatcher', 'institution_staff'],

  // ---- registry ----
  /** Read residents, devices and institutions; institution staff and family are scoped by the services. */
  'registry.read': ['admin', 'coordinator', 'dispatcher', 'supervisor', 'institution_staff', 'family'],
  /** Create and edit residents, devices, institutions and regions. */
  'registry.write': ['admin', 'coordinator'],
  /** Admit and edit residents: the registry's writers and the staff of the resident's institution (scoped by the service). */
  'residents.write': ['admin', 'coordinator', 'institution_staff'],
  /** The region tree and its figures. */
  'regions.read': ['admin', 'coordinator', 'dispatcher', 'supervisor', 'institution_staff', 'official'],
  /** Refused device messages. */
  'devices.deadLetters': ['admin'],
  /** Every device's broker credentials and the topic ACL (the Mosquitto export). */
  'devices.credentials': ['admin'],
  /** An institution's live board. */
  'institutions.board': ['admin', 'coordinator', 'supervisor', 'dispatcher', 'institution_staff'],
  /** Start and end anyone's shift. */
  'shifts.manage': ['admin', 'coordinator', 'supervisor'],
  /** Start and end shifts (institution staff: their own). */
  'shifts.write': ['admin', 'coordinator', 'supervisor', 'institution_staff'],
  /** Record a care assessment. */
  'assessments.write': ['admin', 'coordinator', 'institution_staff'],
  /** Read care assessments. */
  'assessments.read': ['admin', 'coordinator', 'supervisor', 'institution_staff'],

  // ---- welfare ----
  /** An elder's subsidy entitlements (whoever may see the elder). */
  'subsidies.entitlements': ['admin', 'coordinator', 'supervisor', 'dispatcher', 'institution_staff', 'family'],
  /** The subsidy figures and the register's counts. */
  'subsidies.figures': ['admin', 'coordinator', 'supervisor', 'official'],
  'subsidies.write': ['admin', 'coordinator'],
  'leftBehind.read': ['admin', 'coordinator', 'supervisor'],
  'leftBehind.write': ['admin', 'coordinator'],
  'waitingList.read': ['admin', 'coordinator', 'institution_staff'],
  'waitingList.write': ['admin', 'coordinator'],

  // ---- meals, visits, time bank ----
  /** Plan meals, kitchens and runs. */
  'meals.manage': ['admin', 'coordinator'],
  /** Deliver a meal run. */
  'meals.run': ['admin', 'coordinator', 'volunteer'],
  'meals.reports': ['admin', 'coordinator', 'supervisor'],
  /** Plan welfare visits. */
  'visits.plan': ['admin', 'coordinator'],
  /** Log a visit. */
  'visits.log': ['admin', 'coordinator', 'volunteer'],
  /** The visit intervals and rate targets. */
  'visits.settings': ['admin', 'coordinator', 'supervisor', 'dispatcher', 'volunteer'],
  /** Visit plans and the visit log (family: their elder's; volunteers: the elders they visit). */
  'visits.read': ['admin', 'coordinator', 'supervisor', 'dispatcher', 'volunteer', 'family'],
  'visits.reports': ['admin', 'coordinator', 'supervisor', 'dispatcher'],
  /** Members' time bank. */
  'timebank.use': ['admin', 'coordinator', 'volunteer', 'family'],
  /** Run the time bank: programs, accounts, any request's steps. */
  'timebank.manage': ['admin', 'coordinator'],
  /** Order a service for an elder, open an elder's or family member's account (family: their own elder). */
  'timebank.order': ['admin', 'coordinator', 'family'],
  /** The family page: their elder's open incident, devices and last activity. */
  'family.status': ['family'],

  // ---- oversight ----
  /** The civil-affairs indicators and oversight figures. */
  'oversight.read': ['admin', 'coordinator', 'supervisor', 'official'],
  /** Record inspections and their findings. */
  'inspections.write': ['admin', 'coordinator', 'official'],

  // ---- administration ----
  /** The notification settings of the tenant (defaults, contacts, webhooks). */
  'notifications.configure': ['admin', 'coordinator'],
  /** The audit log. */
  'audit.read': ['admin', 'coordinator'],
  /** The audit log's entries about user accounts. */
  'audit.users': ['admin'],
  /** The list of users (summaries). */
  'users.list': ['admin', 'coordinator'],
  /** User accounts in full: create, edit, disable. */
  'users.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITY_TABLE;
export const CAPABILITIES = Object.keys(CAPABILITY_TABLE) as Capability[];

/** The roles that hold a capability, in the order of ROLES. */
export function rolesWith(capability: Capability): Role[] {
  const holders: readonly Role[] = CAPABILITY_TABLE[capability];
  return ROLES.filter((r) => holders.includes(r));
}

/** Whether a role holds a capability. */
export function can(role: Role | string | null | undefined, capability: Capability): boolean {
  return !!role && (CAPABILITY_TABLE[capability] as readonly string[]).includes(role);
}
