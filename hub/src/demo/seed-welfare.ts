/**
 * The demo's civil-affairs data: subsidy categories with their rules (paying for the meals' subsidy
 * categories), economic statuses on elders consistent with their meal plans, two villages with
 * left-behind elders and their care contacts, a few capability assessments, and a waiting list for
 * the public care home. Runs after the district, the time bank and the meals are seeded.
 */
import {
  ASSESSMENT_SCALE,
  assessmentBodySchema,
  leftBehindBodySchema,
  regionBodySchema,
  benefitCategoryBodySchema,
  applicationBodySchema,
  type EconomicStatus,
  type BenefitCategoryBody,
} from '@eldercare/shared';
import type { Clock } from '../clock.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import type { AssessmentsService } from '../modules/assessments/assessments.service.js';
import type { InstitutionsService } from '../modules/institutions/institutions.service.js';
import type { MealsService } from '../modules/meals/meals.service.js';
import type { LeftBehindService } from '../modules/left-behind/left-behind.service.js';
import type { RegionsService } from '../modules/regions/regions.service.js';
import type { ResidentsService } from '../modules/residents/residents.service.js';
import type { SubsidiesService } from '../modules/subsidies/subsidies.service.js';
import type { WaitingListService } from '../modules/waiting-list/waiting-list.service.js';

/** The district's categories; amounts are demo figures, a district enters its own. */
export const DEMO_SUBSIDY_CATEGORIES: BenefitCategoryBody[] = [
  {
    code: 'tekun',
    name: '特困人员供养',
    monthlyCents: 150_000,
    mealCategory: 'extreme_poverty',
    rules: [{ name: '特困供养人员', economicStatus: ['extreme_poverty'] }],
  },
  {
    code: 'dibao',
    name: '低保老年人生活补贴',
    monthlyCents: 20_000,
    mealCategory: 'low_income',
    rules: [{ name: '低保对象', economicStatus: ['subsistence'] }],
  },
  {
    code: 'dishouru_shineng',
    name: '经济困难失能老年人护理补贴',
    monthlyCents: 30_000,
    mealCategory: 'disabled',
    rules: [
      {
        name: '低收入且中度以上失能',
        economicStatus: ['low_income', 'subsistence'],
        grades: ['moderate', 'severe', 'complete'],
      },
    ],
  },
  {
    code: 'jisheng_tebie',
    name: '计划生育特殊家庭扶助',
    monthlyCents: 50_000,
    rules: [{ name: '计生特殊家庭，60 周岁以上', economicStatus: ['family_planning_special'], minAge: 60 }],
  },
  {
    code: 'youfu',
    name: '优抚对象老年补助',
    monthlyCents: 30_000,
    rules: [{ name: '优抚对象', economicStatus: ['entitled_group'] }],
  },
  {
    code: 'gaoling_80',
    name: '高龄津贴（80–89 周岁）',
    monthlyCents: 10_000,
    mealCategory: 'advanced_age',
    rules: [{ name: '80–89 周岁', minAge: 80, maxAge: 89 }],
  },
  {
    code: 'gaoling_90',
    name: '高龄津贴（90 周岁以上）',
    monthlyCents: 30_000,
    rules: [{ name: '90 周岁以上', minAge: 90 }],
  },
];

/** The economic status that goes with each meal subsidy category of the demo meal plans. */
const STATUS_OF_MEAL: Record<string, EconomicStatus[]> = {
  extreme_poverty: ['extreme_poverty'],
  low_income: ['subsistence'],
  disabled: ['low_income'],
};

const items = ASSESSMENT_SCALE.flatMap((d) => d.items);
/** Item points for a total: every item at its best answer, points taken off in order. */
function scoresFor(total: number): Record<string, number> {
  const s = Object.fromEntries(items.map((i) => [i.key, Math.max(...i.options.map((o) => o.points))]));
  let lose = 90 - total;
  for (const i of items) {
    const take = Math.min(lose, s[i.key]!);
    s[i.key] = s[i.key]! - take;
    lose -= take;
  }
  return s;
}

export async function seedWelfareDemo(
  parts: { subsidies: SubsidiesService; leftBehind: LeftBehindService; waitingList: WaitingListService },
  s: {
    auth: AuthService;
    residents: ResidentsService;
    regions: RegionsService;
    institutions: InstitutionsService;
    assessments: AssessmentsService;
    meals: MealsService;
    clock: Clock;
  },
  tenantId: string,
): Promise<void> {
  const coord = (await s.auth.listUsers(tenantId)).find((u) => u.role === 'coordinator')!;
  for (const c of DEMO_SUBSIDY_CATEGORIES) await parts.subsidies.create(coord, benefitCategoryBodySchema.parse(c));

  // Economic statuses: the meal plans' subsidised elders, and a few more.
  const all = (await s.residents.list(coord, { limit: 500, offset: 0 })).items;
  const homes = all.filter((x) => !x.institutionId);
  const mealCategory = new Map((await s.meals.plans(coord, {})).map((p) => [p.residentId, p.subsidyCategory]));
  for (const elder of homes) {
    const status = new Set<EconomicStatus>(STATUS_OF_MEAL[mealCategory.get(elder.id) ?? ''] ?? []);
    if (elder.riskCategories.includes('lost_only_child')) status.add('family_planning_special');
    if (status.size) await s.residents.update(coord, elder.id, { economicStatus: [...status] });
  }
  for (const [i, elder] of homes.slice(20, 26).entries())
    await s.residents.update(coord, elder.id, {
      economicStatus: [(['entitled_group', 'subsistence', 'low_income'] as const)[i % 3]!],
    });

  // Capability assessments of some elders living at home (the rest are still due).
  const grades = [35, 50, 60, 75, 20, 88];
  for (const [i, elder] of homes.slice(20, 26).entries())
    await s.assessments.create(
      coord,
      elder.id,
      assessmentBodySchema.parse({ reason: 'first', scores: scoresFor(grades[i]!) }),
    );

  // Two villages; six elders living there, five of them left behind.
  const townships = await s.regions.list(coord, { level: 'township' });
  const villages = [];
  for (const [i, name] of ['桃源村', '李家村'].entries())
    villages.push(
      await s.regions.create(
        coord,
        regionBodySchema.parse({
          level: 'community',
          name,
          parentId: townships[i % townships.length]!.id,
          rural: true,
        }),
      ),
    );
  const helpers = [
    { name: '村委 王主任', relation: '村干部', phone: '0571-86001234', kind: 'helper', note: '结对帮扶' },
    { name: '邻居 陈阿姨', relation: '邻居', phone: '13905710001', kind: 'helper', note: '每天看一眼' },
  ];
  for (const [i, elder] of homes.slice(40, 46).entries()) {
    await s.residents.update(coord, elder.id, { regionId: villages[i % 2]!.id });
    if (i === 5) continue;
    const child = elder.contacts[0];
    await parts.leftBehind.register(
      coord,
      leftBehindBodySchema.parse({
        residentId: elder.id,
        careContacts: [
          ...(child
            ? [{ name: child.name, relation: child.relation, phone: child.phone, kind: 'family', note: '在杭州务工' }]
            : []),
          ...(i % 3 === 2 ? [] : [helpers[i % 2]!]),
        ],
      }),
    );
  }

  // The welfare home is public: five elders wait for it.
  const homesList = await s.institutions.list(coord);
  const welfareHome = homesList.find((h) => h.name.includes('福利院')) ?? homesList.at(-1)!;
  await s.institutions.update(coord, welfareHome.id, { ownership: 'public' });
  const now = s.clock.now();
  const daysAgo = (n: number) => new Date(now - n * 86_400_000).toISOString().slice(0, 10);
  for (const [i, elder] of homes.slice(20, 25).entries())
    await parts.waitingList.create(
      coord,
      applicationBodySchema.parse({
        institutionId: welfareHome.id,
        residentId: elder.id,
        appliedOn: daysAgo(90 - i * 15),
      }),
    );
}
