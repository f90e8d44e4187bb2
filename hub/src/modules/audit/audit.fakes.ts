/** An in-memory fake of the register's audit log for unit tests: insert and search, nothing else. */
import { asRepo, type RepoShape } from '../../testing/fakes.js';
import type { AuditRepo, AuditRow } from './audit.repo.js';

export interface FakeAuditRepo {
  repo: AuditRepo;
  rows: AuditRow[];
}

/** `nameOf` gives an actor's name as the real search joins it from users. */
export function fakeAuditRepo(nameOf: (userId: string) => string | null = () => null): FakeAuditRepo {
  const rows: AuditRow[] = [];
  const fake: RepoShape<AuditRepo> = {
    async insert(e) {
      rows.push({
        id: rows.length + 1,
        tenantId: e.tenantId,
        at: e.at,
        actorId: e.actorId ?? null,
        actorRole: e.actorRole,
        clientAddress: e.clientAddress ?? '',
        requestId: e.requestId ?? '',
        entity: e.entity,
        entityId: e.entityId,
        action: e.action,
        changes: e.changes ?? [],
        actorName: e.actorId ? nameOf(e.actorId) : null,
      });
    },
    async search(f) {
      const hits = rows
        .filter(
          (r) =>
            r.tenantId === f.tenantId &&
            (!f.entity || r.entity === f.entity) &&
            !(f.excludeEntities ?? []).includes(r.entity) &&
            (!f.entityId || r.entityId === f.entityId) &&
            (!f.actorId || r.actorId === f.actorId) &&
            (!f.from || r.at >= f.from) &&
            (!f.to || r.at < f.to),
        )
        .sort((a, b) => +b.at - +a.at || b.id - a.id);
      return { rows: hits.slice(f.offset, f.offset + f.limit), total: hits.length };
    },
  };
  return { repo: asRepo<AuditRepo>(fake), rows };
}
