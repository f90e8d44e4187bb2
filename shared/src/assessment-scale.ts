/**
 * The capability-assessment scale of GB/T 42195-2022 《老年人能力评估规范》 as data: four first-level
 * indicators, 26 second-level items with the points each answer gives (90 in all), the score bands
 * of the five grades, the facts that raise a grade, the care level and visit tier each grade sets,
 * and how long until the next routine assessment. This file is the one place a district corrects the
 * scale (docs/oversight.md says which parts could not be checked against the standard's text).
 *
 * Option texts are short summaries of the standard's descriptions, not its wording.
 */

export interface ScaleOption {
  points: number;
  zh: string;
  en: string;
}
export interface ScaleItem {
  key: string;
  zh: string;
  en: string;
  options: readonly ScaleOption[];
}
export interface ScaleDomain {
  key: string;
  zh: string;
  en: string;
  items: readonly ScaleItem[];
}

/** The common five-step answer of the self-care, mobility and daily-tasks items. */
const ASSIST: readonly ScaleOption[] = [
  { points: 4, zh: '独立完成，不需协助', en: 'Independent, no help' },
  { points: 3, zh: '在他人指导或提示下完成', en: 'With guidance or prompting' },
  { points: 2, zh: '需要协助，以自身完成为主', en: 'Some help, does most of it' },
  { points: 1, zh: '主要依靠他人协助，自身能配合', en: 'Mostly helped, can cooperate' },
  { points: 0, zh: '完全依赖他人，不能配合', en: 'Fully dependent' },
];
/** Five steps from normal (4) to none (0), for the mental-state items. */
const steps = (zh: [string, string, string, string, string], en: [string, string, string, string, string]) =>
  zh.map((z, i) => ({ points: 4 - i, zh: z, en: en[i]! }));
const SEEN: readonly ScaleOption[] = [
  { points: 1, zh: '近一个月未出现', en: 'Not in the last month' },
  { points: 0, zh: '近一个月出现过', en: 'Seen in the last month' },
];
const SENSE = (zh: string, en: string): readonly ScaleOption[] => [
  { points: 2, zh: `${zh}正常`, en: `Normal ${en}` },
  { points: 1, zh: `${zh}受限`, en: `Limited ${en}` },
  { points: 0, zh: `${zh}严重受损或丧失`, en: `Severely impaired or no ${en}` },
];

export const ASSESSMENT_SCALE: readonly ScaleDomain[] = [
  {
    key: 'self_care',
    zh: '自理能力',
    en: 'Self-care',
    items: [
      { key: 'eating', zh: '进食', en: 'Eating', options: ASSIST },
      { key: 'grooming', zh: '修饰', en: 'Grooming', options: ASSIST },
      { key: 'bathing', zh: '洗澡', en: 'Bathing', options: ASSIST },
      { key: 'dressing_upper', zh: '穿/脱上衣', en: 'Dressing (upper body)', options: ASSIST },
      { key: 'dressing_lower', zh: '穿/脱裤子和鞋袜', en: 'Dressing (trousers, shoes, socks)', options: ASSIST },
      { key: 'bladder', zh: '小便控制', en: 'Bladder control', options: ASSIST },
      { key: 'bowel', zh: '大便控制', en: 'Bowel control', options: ASSIST },
      { key: 'toileting', zh: '如厕', en: 'Toileting', options: ASSIST },
    ],
  },
  {
    key: 'mobility',
    zh: '基础运动能力',
    en: 'Basic mobility',
    items: [
      { key: 'bed_mobility', zh: '床上体位转移', en: 'Turning and sitting up in bed', options: ASSIST },
      { key: 'transfer', zh: '床椅转移', en: 'Bed–chair transfer', options: ASSIST },
      { key: 'walking', zh: '平地行走', en: 'Walking on the level (about 50 m)', options: ASSIST },
      {
        key: 'stairs',
        zh: '上下楼梯',
        en: 'Stairs (10–15 steps)',
        options: [
          { points: 3, zh: '可独立上下楼梯', en: 'Independent' },
          { points: 2, zh: '在他人指导或提示下完成', en: 'With guidance or prompting' },
          { points: 1, zh: '需要协助，以自身完成为主', en: 'Some help, does most of it' },
          { points: 0, zh: '主要或完全依赖他人', en: 'Mostly or fully dependent' },
        ],
      },
    ],
  },
  {
    key: 'mental',
    zh: '精神状态',
    en: 'Mental state',
    items: [
      {
        key: 'time_orientation',
        zh: '时间定向',
        en: 'Orientation in time',
        options: steps(
          ['年月清楚', '年月日不能全部分清', '仅知季节或上下半年', '仅知上午下午或昼夜', '无时间观念'],
          ['Knows year and month', 'Not sure of the date', 'Only the season', 'Only morning/afternoon', 'None'],
        ),
      },
      {
        key: 'place_orientation',
        zh: '空间定向',
        en: 'Orientation in place',
        options: steps(
          ['能单独外出', '不能单独外出，知道地址', '知道较多所在地信息', '只知少量居住地信息', '无空间观念'],
          ['Goes out alone', 'Knows the address', 'Knows much of the place', 'Knows little of it', 'None'],
        ),
      },
      {
        key: 'person_orientation',
        zh: '人物定向',
        en: 'Orientation to people',
        options: steps(
          [
            '认识共同生活的人并知关系',
            '认识大部分共同生活者',
            '认识部分亲人或照护者',
            '只认识自己或极少数人',
            '不认识任何人',
          ],
          ['Knows everyone close', 'Knows most of them', 'Knows some relatives', 'Knows only a few', 'Knows nobody'],
        ),
      },
      {
        key: 'memory',
        zh: '记忆',
        en: 'Memory',
        options: steps(
          ['记忆正常', '即时回忆不能', '近期记忆不能', '远期记忆不能', '完全不能回忆'],
          ['Normal', 'No immediate recall', 'No recent memory', 'No remote memory', 'No recall at all'],
        ),
      },
      {
        key: 'understanding',
        zh: '理解能力',
        en: 'Understanding',
        options: steps(
          ['正常理解', '需增加时间', '需频繁重复或简化', '需大量帮助', '完全不能理解'],
          ['Normal', 'Needs more time', 'Needs repetition', 'Needs much help', 'None'],
        ),
      },
      {
        key: 'expression',
        zh: '表达能力',
        en: 'Expression',
        options: steps(
          ['正常表达', '需增加时间', '需频繁重复或简化', '需大量帮助', '完全不能表达'],
          ['Normal', 'Needs more time', 'Needs repetition', 'Needs much help', 'None'],
        ),
      },
      { key: 'aggression', zh: '攻击行为', en: 'Aggressive behaviour', options: SEEN },
      { key: 'depression', zh: '抑郁症状', en: 'Depressive symptoms', options: SEEN },
      {
        key: 'consciousness',
        zh: '意识水平',
        en: 'Level of consciousness',
        options: [
          { points: 2, zh: '神志清醒', en: 'Alert' },
          { points: 1, zh: '嗜睡或意识模糊', en: 'Drowsy or confused' },
          { points: 0, zh: '昏睡或昏迷', en: 'Stupor or coma' },
        ],
      },
    ],
  },
  {
    key: 'perception_social',
    zh: '感知觉与社会参与',
    en: 'Perception and social participation',
    items: [
      { key: 'vision', zh: '视力', en: 'Vision', options: SENSE('视力', 'vision') },
      { key: 'hearing', zh: '听力', en: 'Hearing', options: SENSE('听力', 'hearing') },
      { key: 'daily_tasks', zh: '执行日常事务', en: 'Daily tasks (laundry, shopping, medicines)', options: ASSIST },
      {
        key: 'transport',
        zh: '使用交通工具外出',
        en: 'Going out by transport',
        options: [
          { points: 3, zh: '能自己骑车或乘公共交通', en: 'Cycles or takes public transport alone' },
          { points: 2, zh: '能自己乘出租车', en: 'Takes a taxi alone' },
          { points: 1, zh: '有人陪伴可乘公共交通', en: 'Public transport when accompanied' },
          { points: 0, zh: '只能在协助下乘车或不能外出', en: 'Only helped into a car, or cannot go out' },
        ],
      },
      {
        key: 'social',
        zh: '社会交往能力',
        en: 'Social interaction',
        options: steps(
          [
            '参与社会，待人接物恰当',
            '能适应单纯环境，主动接触他人',
            '脱离社会，被动接触',
            '勉强与人接触',
            '不能与人交往',
          ],
          [
            'Takes part, behaves fittingly',
            'Copes in simple settings',
            'Withdrawn, passive',
            'Barely in contact',
            'None',
          ],
        ),
      },
    ],
  },
];

/** The five grades, best first. */
export const CAPABILITY_GRADES = ['intact', 'mild', 'moderate', 'severe', 'complete'] as const;
export type CapabilityGrade = (typeof CAPABILITY_GRADES)[number];

/** Lowest total of each grade's band (90 is the most a total can be). */
export const GRADE_MIN_TOTAL: Readonly<Record<CapabilityGrade, number>> = {
  intact: 90,
  mild: 66,
  moderate: 46,
  severe: 30,
  complete: 0,
};

export const GRADE_NAMES: Readonly<Record<CapabilityGrade, { zh: string; en: string }>> = {
  intact: { zh: '能力完好', en: 'Capability intact' },
  mild: { zh: '轻度失能', en: 'Mildly disabled' },
  moderate: { zh: '中度失能', en: 'Moderately disabled' },
  severe: { zh: '重度失能', en: 'Severely disabled' },
  complete: { zh: '完全失能', en: 'Completely disabled' },
};

/**
 * The care level each grade sets (it drives the institution staffing ratios, 1:6 for semi and full
 * care, 1:10 for self care). A district's own mapping replaces this one.
 */
export const CARE_LEVEL_OF_GRADE: Readonly<Record<CapabilityGrade, 'self_care' | 'semi_care' | 'full_care'>> = {
  intact: 'self_care',
  mild: 'semi_care',
  moderate: 'semi_care',
  severe: 'full_care',
  complete: 'full_care',
};

/** The lowest welfare-visit tier each grade puts an elder in (a risk category may put them higher). */
export const VISIT_TIER_OF_GRADE: Readonly<Record<CapabilityGrade, 'high' | 'key' | 'other'>> = {
  intact: 'other',
  mild: 'key',
  moderate: 'key',
  severe: 'high',
  complete: 'high',
};

/** Months until the next routine assessment (常规评估), by grade. */
export const REASSESS_MONTHS: Readonly<Record<CapabilityGrade, number>> = {
  intact: 12,
  mild: 12,
  moderate: 12,
  severe: 12,
  complete: 12,
};

/** Care-risk events (fall, choking, wandering, self-harm…) in the last 30 days that raise the grade. */
export const RISK_EVENTS_RAISING_GRADE = 2;
