import {
  ASSESSMENT_SCALE,
  CARE_LEVEL_OF_GRADE,
  GRADE_MIN_TOTAL,
  GRADE_NAMES,
  REASSESS_MONTHS,
  RISK_EVENTS_RAISING_GRADE,
  VISIT_TIER_OF_GRADE,
} from '@eldercare/shared';
import { router } from '../../http/openapi.js';
import * as contracts from './assessments.contracts.js';
import type { AssessmentsService } from './assessments.service.js';

export function assessmentsRoutes(assessments: AssessmentsService) {
  return router()
    .openapi(contracts.assessmentScale, (c) =>
      c.json(
        {
          domains: [...ASSESSMENT_SCALE],
          gradeMinTotal: { ...GRADE_MIN_TOTAL },
          gradeNames: { ...GRADE_NAMES },
          careLevelOfGrade: { ...CARE_LEVEL_OF_GRADE },
          visitTierOfGrade: { ...VISIT_TIER_OF_GRADE },
          reassessMonths: { ...REASSESS_MONTHS },
          riskEventsRaisingGrade: RISK_EVENTS_RAISING_GRADE,
        },
        200,
      ),
    )
    .openapi(contracts.assessmentsDue, async (c) =>
      c.json(await assessments.due(c.get('user'), c.req.valid('query')), 200),
    )
    .openapi(contracts.residentAssessments, async (c) =>
      c.json({ items: await assessments.history(c.get('user'), c.req.valid('param').id) }, 200),
    )
    .openapi(contracts.recordAssessment, async (c) =>
      c.json(await assessments.create(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
    );
}
