/** Hash routes of the dashboard: `#/residents/abc?q=...`. Pure, so it is unit-tested. */
import { type Role, can, type Capability } from '@eldercare/shared';

export type Route =
  | { name: 'login' }
  | { name: 'overview' }
  | { name: 'dispatch' }
  | { name: 'history' }
  | { name: 'incident'; id: string }
  | { name: 'sla' }
  | { name: 'handover' }
  | { name: 'alarms' }
  | { name: 'actionPlans' }
  | { name: 'residents' }
  | { name: 'residentNew' }
  | { name: 'resident'; id: string }
  | { name: 'residentEdit'; id: string }
  | { name: 'devices' }
  | { name: 'deviceNew' }
  | { name: 'deadLetters' }
  | { name: 'device'; id: string }
  | { name: 'institutionEdit'; id: string }
  | { name: 'users' }
  | { name: 'audit' }
  | { name: 'institutions' }
  | { name: 'institutionNew' }
  | { name: 'institution'; id: string }
  | { name: 'requests' }
  | { name: 'tasks' }
  | { name: 'ledger' }
  | { name: 'statement'; id: string }
  | { name: 'timebankAdmin'; tab: TimebankTab }
  | { name: 'transfer'; id: string }
  | { name: 'hours' }
  | { name: 'visits' }
  | { name: 'meals'; tab: MealTab }
  | { name: 'myRuns' }
  | { name: 'respond' }
  | { name: 'family' }
  | { name: 'notifications' }
  | { name: 'notificationDefaults' }
  | { name: 'regions' }
  | { name: 'oversight' }
  | { name: 'subsidies' }
  | { name: 'leftbehind' }
  | { name: 'waiting' }
  | { name: 'notFound'; path: string };
export type RouteName = Route['name'];

/** The sub-screens of meal assistance for coordinators: `#/meals/<tab>`. */
export const MEAL_TABS = ['orders', 'runs', 'plans', 'kitchens', 'pickup', 'reports'] as const;
export type MealTab = (typeof MEAL_TABS)[number];
const isMealTab = (s: string): s is MealTab => (MEAL_TABS as readonly string[]).includes(s);

export interface Location {
  route: Route;
  query: URLSearchParams;
}

/** The time-bank administration screens for coordinators: `#/ledger/<tab>`. */
export const TIMEBANK_TABS = ['programs', 'volunteers', 'organisations'] as const;
export type TimebankTab = (typeof TIMEBANK_TABS)[number];
const isTimebankTab = (s: string): s is TimebankTab => (TIMEBANK_TABS as readonly string[]).includes(s);

/** Parses `location.hash` (with or without the leading `#`). */
export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', search = ''] = raw.split('?', 2);
  const query = new URLSearchParams(search);
  const segs = pathPart
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { route: matchSegments(segs, pathPart), query };
}

function matchSegments(segs: string[], path: string): Route {
  const [a, b, c] = segs;
  if (segs.length === 0) return { name: 'overview' };
  if (segs.length > 3) return { name: 'notFound', path };
  switch (a ?? '') {
    case 'login':
      return segs.length === 1 ? { name: 'login' } : { name: 'notFound', path };
    case 'dispatch':
      if (segs.length === 1) return { name: 'dispatch' };
      return b === 'plans' && !c ? { name: 'actionPlans' } : { name: 'notFound', path };
    case 'history':
      if (!b) return { name: 'history' };
      return !c ? { name: 'incident', id: b } : { name: 'notFound', path };
    case 'sla':
    case 'handover':
      return segs.length === 1 ? { name: a as 'sla' | 'handover' } : { name: 'notFound', path };
    case 'alarms':
      return segs.length === 1 ? { name: 'alarms' } : { name: 'notFound', path };
    case 'residents':
      if (!b) return { name: 'residents' };
      if (b === 'new' && !c) return { name: 'residentNew' };
      if (!c) return { name: 'resident', id: b };
      if (c === 'edit') return { name: 'residentEdit', id: b };
      return { name: 'notFound', path };
    case 'devices':
      if (!b) return { name: 'devices' };
      if (b === 'new' && !c) return { name: 'deviceNew' };
      if (b === 'dead-letters' && !c) return { name: 'deadLetters' };
      if (!c) return { name: 'device', id: b };
      return { name: 'notFound', path };
    case 'institutions':
      if (!b) return { name: 'institutions' };
      if (c === 'edit' && b !== 'new') return { name: 'institutionEdit', id: b };
      if (c) return { name: 'notFound', path };
      return b === 'new' ? { name: 'institutionNew' } : { name: 'institution', id: b };
    case 'requests':
    case 'tasks':
    case 'visits':
      return segs.length === 1 ? { name: a as 'requests' | 'tasks' | 'ledger' | 'visits' } : { name: 'notFound', path };
    case 'statement':
      return b && !c ? { name: 'statement', id: b } : { name: 'notFound', path };
    case 'ledger':
      if (!b) return { name: 'ledger' };
      return !c && isTimebankTab(b) ? { name: 'timebankAdmin', tab: b } : { name: 'notFound', path };
    case 'transfers':
      return b && !c ? { name: 'transfer', id: b } : { name: 'notFound', path };
    case 'hours':
      return segs.length === 1 ? { name: 'hours' } : { name: 'notFound', path };
    case 'meals':
      if (!b) return { name: 'meals', tab: 'orders' };
      return !c && isMealTab(b) ? { name: 'meals', tab: b } : { name: 'notFound', path };
    case 'runs':
      return segs.length === 1 ? { name: 'myRuns' } : { name: 'notFound', path };
    case 'users':
    case 'audit':
      return segs.length === 1 ? { name: a === 'users' ? 'users' : 'audit' } : { name: 'notFound', path };
    case 'respond':
    case 'family':
      return segs.length === 1 ? { name: a as 'respond' | 'family' } : { name: 'notFound', path };
    case 'regions':
    case 'oversight':
    case 'subsidies':
    case 'leftbehind':
    case 'waiting':
      return segs.length === 1
        ? { name: a as 'regions' | 'oversight' | 'subsidies' | 'leftbehind' | 'waiting' }
        : { name: 'notFound', path };
    case 'notifications':
      if (!b) return { name: 'notifications' };
      return b === 'defaults' && !c ? { name: 'notificationDefaults' } : { name: 'notFound', path };
    default:
      return { name: 'notFound', path };
  }
}

/** Builds a hash link: `href('residents', 'new')` → `#/residents/new`; query values that are empty are dropped. */
export function href(...parts: (string | Record<string, string | undefined | null>)[]): string {
  const segs: string[] = [];
  let query = '';
  for (const p of parts) {
    if (typeof p === 'string') segs.push(encodeURIComponent(p));
    else {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(p)) if (v) qs.set(k, v);
      query = qs.toString();
    }
  }
  return `#/${segs.join('/')}${query ? `?${query}` : ''}`;
}

/** The screens in the navigation, in order. */
export const NAV_ITEMS = [
  'alarms',
  'overview',
  'respond',
  'family',
  'dispatch',
  'handover',
  'history',
  'sla',
  'residents',
  'devices',
  'institutions',
  'requests',
  'tasks',
  'ledger',
  'hours',
  'visits',
  'meals',
  'runs',
  'oversight',
  'subsidies',
  'leftbehind',
  'waiting',
  'regions',
  'users',
  'audit',
  'notifications',
] as const;
export type NavItem = (typeof NAV_ITEMS)[number];

const NOT_STAFF: readonly NavItem[] = ['alarms', 'tasks', 'hours', 'respond', 'family', 'users'];
const STAFF_NAV: readonly NavItem[] = NAV_ITEMS.filter((i) => !NOT_STAFF.includes(i));
const ACCESS: Record<Role, readonly NavItem[]> = {
  admin: [...STAFF_NAV, 'users'],
  coordinator: STAFF_NAV,
  supervisor: [
    'overview',
    'dispatch',
    'handover',
    'history',
    'sla',
    'residents',
    'devices',
    'institutions',
    'visits',
    'oversight',
    'subsidies',
    'leftbehind',
    'regions',
    'notifications',
  ],
  dispatcher: ['overview', 'dispatch', 'handover', 'history', 'sla', 'residents', 'devices', 'visits', 'notifications'],
  institution_staff: [
    'alarms',
    'overview',
    'respond',
    'history',
    'residents',
    'devices',
    'institutions',
    'waiting',
    'notifications',
  ],
  volunteer: ['overview', 'respond', 'tasks', 'runs', 'visits', 'notifications'],
  family: ['overview', 'family', 'respond', 'residents', 'requests', 'hours', 'notifications'],
  // Officials see figures, never an elder's record: their overview is the indicator screen.
  official: ['overview', 'subsidies', 'regions', 'notifications'],
};

/** Where a role lands after signing in: care-home staff on their alarm screen, everyone else on the overview. */
export function homeFor(role: Role): string {
  return role === 'institution_staff' ? '#/alarms' : '#/';
}

/**
 * The screens that show what a capability allows (shared/src/roles.ts): a role's menu lists them
 * exactly when the role holds it (routes.test.ts checks the menus above against the table).
 */
export const NAV_CAPABILITY: Partial<Record<NavItem, Capability>> = {
  dispatch: 'alerts.dispatch',
  handover: 'handover.read',
  history: 'history.read',
  sla: 'sla.read',
  residents: 'registry.read',
  ledger: 'timebank.manage',
  meals: 'meals.manage',
  runs: 'meals.run',
  subsidies: 'subsidies.figures',
  leftbehind: 'leftBehind.read',
  waiting: 'waitingList.read',
  users: 'users.manage',
  audit: 'audit.read',
};

/** Which navigation entries a role sees (never a screen its role lacks the capability for). */
export function navFor(role: Role): readonly NavItem[] {
  return ACCESS[role].filter((item) => {
    const capability = NAV_CAPABILITY[item];
    return !capability || can(role, capability);
  });
}

/** Which nav section a route belongs to (for highlighting and access checks). */
export function sectionOf(route: Route): NavItem | null {
  switch (route.name) {
    case 'overview':
    case 'dispatch':
    case 'history':
    case 'sla':
    case 'handover':
    case 'alarms':
      return route.name;
    case 'incident':
      return 'history';
    case 'actionPlans':
      return 'dispatch';
    case 'residents':
    case 'residentNew':
    case 'resident':
    case 'residentEdit':
      return 'residents';
    case 'devices':
    case 'deviceNew':
    case 'device':
    case 'deadLetters':
      return 'devices';
    case 'institutions':
    case 'institutionNew':
    case 'institution':
    case 'institutionEdit':
      return 'institutions';
    case 'users':
    case 'audit':
      return route.name;
    case 'requests':
    case 'tasks':
    case 'ledger':
    case 'visits':
      return route.name;
    case 'statement':
    case 'timebankAdmin':
    case 'transfer':
      return 'ledger';
    case 'hours':
      return 'hours';
    case 'meals':
      return 'meals';
    case 'myRuns':
      return 'runs';
    case 'respond':
    case 'family':
    case 'notifications':
      return route.name;
    case 'notificationDefaults':
      return 'notifications';
    case 'regions':
    case 'oversight':
    case 'subsidies':
    case 'leftbehind':
    case 'waiting':
      return route.name;
    case 'login':
    case 'notFound':
      return null;
  }
}

/** Creating and editing registry entries (residents, devices, institutions). */
export function canEditRegistry(role: Role): boolean {
  return can(role, 'registry.write');
}

/** Whether a role may open a route; creation and edit screens need registry write access. */
export function canOpen(role: Role, route: Route): boolean {
  // Statements: members open their own (the hub answers 404 for anyone else's).
  if (route.name === 'statement' || route.name === 'transfer') return can(role, 'timebank.use');
  const section = sectionOf(route);
  if (section === null) return true;
  // The official's overview is the indicator screen.
  if (role === 'official' && route.name === 'oversight') return true;
  if (!navFor(role).includes(section)) return false;
  if (
    route.name === 'residentNew' ||
    route.name === 'residentEdit' ||
    route.name === 'deviceNew' ||
    route.name === 'device' ||
    route.name === 'institutionNew' ||
    route.name === 'institutionEdit' ||
    route.name === 'notificationDefaults'
  )
    return canEditRegistry(role);
  if (role === 'family' && route.name === 'residents') return false;
  // Refused device messages: the district's admin (GET /api/dead-letters).
  if (route.name === 'deadLetters') return can(role, 'devices.deadLetters');
  return true;
}
