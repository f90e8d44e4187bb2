/**
 * The monthly indicator report as an Excel workbook (exceljs): summary, townships, trend,
 * institutions. Every sheet is a table spec (columns with header, width, value and format) written
 * by the one function below; percentages are Excel percentages.
 */
import ExcelJS from 'exceljs';
import type { IndicatorArea, Indicators, InstitutionOversight } from '@eldercare/shared';

type Value = string | number;
interface Column<T> {
  header: string;
  width: number;
  value: (row: T) => Value;
  /** The value is a fraction shown as a percentage (for this row, when a function). */
  pct?: boolean | ((row: T) => boolean);
}
interface SheetSpec<T> {
  name: string;
  columns: Column<T>[];
  rows: readonly T[];
}

/** A percent figure (0–100) as an Excel fraction; a share (0–1) as is; empty when there is none. */
const pct = (v: number | null): Value => (v === null ? '' : v / 100);
const share = (v: number | null): Value => (v === null ? '' : v);
const ratio = (a: number, b: number) => `${a} / ${b}`;

function addSheet<T>(wb: ExcelJS.Workbook, spec: SheetSpec<T>): void {
  const ws = wb.addWorksheet(spec.name);
  ws.columns = spec.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  for (const row of spec.rows) {
    const added = ws.addRow(spec.columns.map((c) => c.value(row)));
    spec.columns.forEach((c, i) => {
      if (typeof c.pct === 'function' ? c.pct(row) : c.pct) added.getCell(i + 1).numFmt = '0.0%';
    });
  }
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

interface SummaryRow {
  name: string;
  value: Value;
  target?: number;
  pct?: boolean;
}

function summaryRows(ind: Indicators): SummaryRow[] {
  const d = ind.district;
  return [
    { name: '重点老人 Key elders', value: d.keyElders },
    { name: '本月已探访 Visited this month', value: d.visited },
    { name: '月探访率 Monthly visit rate', value: pct(d.visitRatePct), target: ind.visitTargetPct / 100, pct: true },
    { name: '报警数 Alarms raised', value: d.alarms },
    { name: '60 秒内响应占比 Acknowledged within 60 s', value: share(d.shareWithin60), pct: true },
    { name: '180 秒内响应占比 Acknowledged within 180 s', value: share(d.shareWithin180), pct: true },
    { name: '机构床位 Institution beds', value: d.beds },
    {
      name: '护理型床位占比 Nursing-bed share',
      value: pct(d.nursingSharePct),
      target: ind.nursingTargetPct / 100,
      pct: true,
    },
    {
      name: '人员配比达标机构 Institutions meeting staffing ratios',
      value: ratio(d.staffingCompliant, d.institutions),
    },
    { name: '助餐份数 Meals served', value: d.mealsServed },
    { name: '补贴餐份数 Subsidised meals', value: d.mealsSubsidised },
    { name: '助餐补贴（元） Meal subsidy (CNY)', value: d.subsidyCents / 100 },
    { name: '时间银行服务时长（小时） Time-bank service hours', value: d.timebankServiceHours },
    { name: '老人数 Elders registered', value: d.elders },
    { name: '待评估 Due for capability assessment', value: d.assessmentDue },
    { name: '农村留守老人 Rural left-behind elders', value: d.leftBehind },
    { name: '留守老人探访逾期 Left-behind elders overdue for a visit', value: d.leftBehindOverdue },
  ];
}

const townshipColumns: Column<IndicatorArea>[] = [
  { header: '街道 Township', width: 26, value: (a) => a.name || '（未归属 unassigned）' },
  { header: '重点老人 Key elders', width: 12, value: (a) => a.keyElders },
  { header: '已探访 Visited', width: 12, value: (a) => a.visited },
  { header: '探访率 Visit rate', width: 12, value: (a) => pct(a.visitRatePct), pct: true },
  { header: '报警 Alarms', width: 10, value: (a) => a.alarms },
  { header: '60 秒内 ≤60 s', width: 10, value: (a) => a.ackWithin60 },
  { header: '180 秒内 ≤180 s', width: 10, value: (a) => a.ackWithin180 },
  { header: '床位 Beds', width: 10, value: (a) => a.beds },
  { header: '护理型占比 Nursing share', width: 14, value: (a) => pct(a.nursingSharePct), pct: true },
  { header: '配比达标 Staffing met', width: 12, value: (a) => ratio(a.staffingCompliant, a.institutions) },
  { header: '老人 Elders', width: 10, value: (a) => a.elders },
  { header: '待评估 Assessment due', width: 12, value: (a) => a.assessmentDue },
  { header: '留守老人 Left-behind', width: 12, value: (a) => a.leftBehind },
  { header: '探访逾期 Overdue', width: 10, value: (a) => a.leftBehindOverdue },
];

const trendColumns: Column<Indicators['trend'][number]>[] = [
  { header: '月份 Month', width: 10, value: (m) => m.month },
  { header: '探访率 Visit rate', width: 12, value: (m) => pct(m.visitRatePct), pct: true },
  { header: '报警 Alarms', width: 10, value: (m) => m.alarms },
  { header: '180 秒内占比 ≤180 s share', width: 14, value: (m) => share(m.shareWithin180), pct: true },
  { header: '助餐 Meals', width: 10, value: (m) => m.mealsServed },
  { header: '补贴餐 Subsidised', width: 12, value: (m) => m.mealsSubsidised },
  { header: '评估 Assessments', width: 12, value: (m) => m.assessments },
];

const institutionColumns: Column<InstitutionOversight['institutions'][number]>[] = [
  { header: '机构 Institution', width: 34, value: (x) => x.name },
  { header: '床位 Beds', width: 10, value: (x) => x.beds.total },
  { header: '护理型 Nursing', width: 10, value: (x) => x.beds.nursing },
  { header: '认知症专区 Dementia zone', width: 12, value: (x) => x.beds.dementia },
  { header: '护理型占比 Nursing share', width: 12, value: (x) => pct(x.beds.nursingSharePct), pct: true },
  { header: '入住率 Occupancy', width: 10, value: (x) => pct(x.beds.occupancyPct), pct: true },
  { header: '应配 Required', width: 10, value: (x) => x.staffing.required },
  { header: '在岗 On shift', width: 10, value: (x) => x.staffing.onShift },
];

export async function indicatorsWorkbook(
  ind: Indicators,
  inst: InstitutionOversight,
  district: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(ind.generatedAt);
  addSheet<SummaryRow>(wb, {
    name: '指标 Summary',
    columns: [
      { header: '指标 Indicator', width: 48, value: (r) => r.name },
      { header: `${district} ${ind.month}`, width: 20, value: (r) => r.value, pct: (r) => !!r.pct },
      { header: '目标 Target', width: 14, value: (r) => r.target ?? '', pct: (r) => r.target !== undefined },
    ],
    rows: summaryRows(ind),
  });
  addSheet(wb, { name: '街道 Townships', columns: townshipColumns, rows: ind.townships });
  addSheet(wb, { name: '趋势 Trend', columns: trendColumns, rows: ind.trend });
  addSheet(wb, { name: '机构 Institutions', columns: institutionColumns, rows: inst.institutions });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
