/**
 * The one way a change to the register is recorded: `record(actor, entity, id, before, after)`,
 * called by each domain's write paths after the change. Who (user and role at the time), when (the
 * hub's clock), from where (the request's client address) and what changed, field by field; secrets
 * are never recorded (see audit-diff.ts). Nothing is logged but ids and kinds.
 */
import type { AuditAction, AuditEntity, User } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { currentRequest } from '../../http/request-context.js';
import { auditChanges } from './audit-diff.js';
import type { AuditRepo } from './audit.repo.js';

type Snapshot = Record<string, unknown>;
/** Who made a change: a user, or the hub itself (`id: null`, e.g. a start-up job). */
export type AuditActor = Pick<User, 'tenantId' | 'role'> & { id: string | null };

const RETIRE_FIELDS = ['retiredAt', 'disabledAt'] as const;

/** create when there was nothing before; retire / reinstate when the retired (disabled) mark flips; else update. */
export function inferAction(before: Snapshot | null, after: Snapshot | null): AuditAction {
  if (!before) return 'create';
  for (const f of RETIRE_FIELDS) {
    if (!(f in before) && !(after && f in after)) continue;
    const was = before[f] ?? null;
    const now = after?.[f] ?? null;
    if (was === null && now !== null) return 'retire';
    if (was !== null && now === null) return 'reinstate';
  }
  return 'update';
}

export class RegisterAudit {
  constructor(
    private readonly repo: AuditRepo,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /**
   * Records one change. An update that changed nothing is not recorded; an explicit `action`
   * (credentials re-issued or exported) is recorded even without field changes.
   */
  async record(
    actor: AuditActor,
    entity: AuditEntity,
    entityId: string,
    before: Snapshot | null,
    after: Snapshot | null,
    action?: AuditAction,
  ): Promise<void> {
    const changes = auditChanges(before, after);
    const act = action ?? inferAction(before, after);
    if (!action && act === 'update' && changes.length === 0) return;
    const origin = currentRequest();
    try {
      await this.repo.insert({
        tenantId: actor.tenantId,
        at: new Date(this.clock.now()),
        actorId: actor.id,
        actorRole: actor.role,
        clientAddress: origin?.clientAddress ?? '',
        requestId: origin?.requestId ?? '',
        entity,
        entityId,
        action: act,
        changes,
      });
    } catch (err) {
      // Ids and kinds only: the changes may hold personal data.
      const code =
        (err as { code?: string; cause?: { code?: string } }).code ??
        (err as { cause?: { code?: string } }).cause?.code;
      this.log.error({ entity, entityId, action: act, code }, 'register audit entry not written');
      throw err;
    }
  }
}
