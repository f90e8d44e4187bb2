/** A complete Alert for client tests: an open critical sos; override what a test is about. */
import type { Alert } from '@eldercare/shared';

let n = 0;
export function alertFixture(over: Partial<Alert> = {}): Alert {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    seq: n,
    queue: 'emergency',
    kind: 'sos',
    kinds: ['sos'],
    severity: 'critical',
    priority: 100,
    status: 'open',
    title: 'sos',
    residentId: null,
    residentName: null,
    institutionId: null,
    deviceId: null,
    signalCount: 1,
    escalationLevel: 0,
    flagged: false,
    createdAt: '2025-11-23T02:00:00.000Z',
    occurredAt: '2025-11-23T02:00:00.000Z',
    openedAt: '2025-11-23T02:00:00.000Z',
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgedByName: null,
    contactAt: null,
    dispatchedAt: null,
    acceptedAt: null,
    onSceneAt: null,
    closedAt: null,
    outcome: null,
    responder: null,
    responderLadder: null,
    location: null,
    place: null,
    source: 'device',
    caller: null,
    updatedAt: '2025-11-23T02:00:00.000Z',
    ...over,
  };
}
