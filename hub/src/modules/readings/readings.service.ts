/** Vitals history for charts: hourly or daily buckets from the continuous aggregates. */
import type { User, VitalsResponse } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { ResidentsService } from '../residents/residents.service.js';
import type { ReadingsRepo } from './readings.repo.js';

const RANGES = {
  '24h': { ms: 24 * 3600_000, bucket: 'hour' },
  '7d': { ms: 7 * 86400_000, bucket: 'hour' },
  '30d': { ms: 30 * 86400_000, bucket: 'day' },
} as const;

export class ReadingsService {
  constructor(
    private readonly repo: ReadingsRepo,
    private readonly residents: ResidentsService,
    private readonly clock: Clock,
    private readonly hasAggregates: () => boolean,
  ) {}

  async vitals(user: User, residentId: string, range: keyof typeof RANGES): Promise<VitalsResponse> {
    await this.residents.get(user, residentId); // scope check: 404 when not visible
    const r = RANGES[range];
    const points = await this.repo.vitals(
      residentId,
      new Date(this.clock.now() - r.ms),
      r.bucket,
      this.hasAggregates(),
    );
    return {
      residentId,
      range,
      bucket: r.bucket,
      points: points.map((p) => ({ ...p, bucket: p.bucket.toISOString() })),
    };
  }
}
