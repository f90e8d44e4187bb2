/** The monthly indicator report as an Excel workbook (exceljs): summary, townships, trend, institutions. */
import ExcelJS from 'exceljs';
import type { Indicators, InstitutionOversight } from '@eldercare/shared';

const pct = (v: number | null) => (v === null ? '' : v / 100);
const share = (v: number | null) => (v === null ? '' : v);

export async function indicatorsWorkbook(
  ind: Indicators,
  inst: InstitutionOversight,
  district: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(ind.generatedAt);
  const header = (ws: ExcelJS.Worksheet) => {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const pctCols = (ws: ExcelJS.Worksheet, keys: string[]) => {
    for (const k of keys) ws.getColumn(k).numFmt = '0.0%';
  };

  const s = wb.addWorksheet('指标 Summary');
  s.columns = [
    { header: '指标 Indicator', key: 'name', width: 48 },
    { header: `${district} ${ind.month}`, key: 'value', width: 20 },
    { header: '目标 Target', key: 'target', width: 14 },
  ];
  const d = ind.district;
  s.addRows([
    { name: '重点老人 Key elders', value: d.keyElders },
    { name: '本月已探访 Visited this month', value: d.visited },
    { name: '月探访率 Monthly visit rate', value: pct(d.visitRatePct), target: ind.visitTargetPct / 100 },
    { name: '报警数 Alarms raised', value: d.alarms },
    { name: '60 秒内响应占比 Acknowledged within 60 s', value: share(d.shareWithin60) },
    { name: '180 秒内响应占比 Acknowledged within 180 s', value: share(d.shareWithin180) },
    { name: '机构床位 Institution beds', value: d.beds },
    { name: '护理型床位占比 Nursing-bed share', value: pct(d.nursingSharePct), target: ind.nursingTargetPct / 100 },
    {
      name: '人员配比达标机构 Institutions meeting staffing ratios',
      value: `${d.staffingCompliant} / ${d.institutions}`,
    },
    { name: '助餐份数 Meals served', value: d.mealsServed },
    { name: '补贴餐份数 Subsidised meals', value: d.mealsSubsidised },
    { name: '助餐补贴（元） Meal subsidy (CNY)', value: d.subsidyCents / 100 },
    { name: '时间银行服务时长（小时） Time-bank service hours', value: d.timebankServiceHours },
    { name: '老人数 Elders registered', value: d.elders },
    { name: '待评估 Due for capability assessment', value: d.assessmentDue },
  ]);
  for (const r of [4, 6, 7, 9]) {
    s.getCell(`B${r}`).numFmt = '0.0%';
    s.getCell(`C${r}`).numFmt = '0.0%';
  }
  header(s);

  const t = wb.addWorksheet('街道 Townships');
  t.columns = [
    { header: '街道 Township', key: 'name', width: 26 },
    { header: '重点老人 Key elders', key: 'keyElders', width: 12 },
    { header: '已探访 Visited', key: 'visited', width: 12 },
    { header: '探访率 Visit rate', key: 'rate', width: 12 },
    { header: '报警 Alarms', key: 'alarms', width: 10 },
    { header: '60 秒内 ≤60 s', key: 'ack60', width: 10 },
    { header: '180 秒内 ≤180 s', key: 'ack180', width: 10 },
    { header: '床位 Beds', key: 'beds', width: 10 },
    { header: '护理型占比 Nursing share', key: 'nursing', width: 14 },
    { header: '配比达标 Staffing met', key: 'staffing', width: 12 },
    { header: '老人 Elders', key: 'elders', width: 10 },
    { header: '待评估 Assessment due', key: 'due', width: 12 },
  ];
  for (const a of ind.townships)
    t.addRow({
      name: a.name || '（未归属 unassigned）',
      keyElders: a.keyElders,
      visited: a.visited,
      rate: pct(a.visitRatePct),
      alarms: a.alarms,
      ack60: a.ackWithin60,
      ack180: a.ackWithin180,
      beds: a.beds,
      nursing: pct(a.nursingSharePct),
      staffing: `${a.staffingCompliant} / ${a.institutions}`,
      elders: a.elders,
      due: a.assessmentDue,
    });
  pctCols(t, ['rate', 'nursing']);
  header(t);

  const tr = wb.addWorksheet('趋势 Trend');
  tr.columns = [
    { header: '月份 Month', key: 'month', width: 10 },
    { header: '探访率 Visit rate', key: 'rate', width: 12 },
    { header: '报警 Alarms', key: 'alarms', width: 10 },
    { header: '180 秒内占比 ≤180 s share', key: 'sla', width: 14 },
    { header: '助餐 Meals', key: 'meals', width: 10 },
    { header: '补贴餐 Subsidised', key: 'subsidised', width: 12 },
    { header: '评估 Assessments', key: 'assessments', width: 12 },
  ];
  for (const m of ind.trend)
    tr.addRow({
      month: m.month,
      rate: pct(m.visitRatePct),
      alarms: m.alarms,
      sla: share(m.shareWithin180),
      meals: m.mealsServed,
      subsidised: m.mealsSubsidised,
      assessments: m.assessments,
    });
  pctCols(tr, ['rate', 'sla']);
  header(tr);

  const i = wb.addWorksheet('机构 Institutions');
  i.columns = [
    { header: '机构 Institution', key: 'name', width: 34 },
    { header: '床位 Beds', key: 'total', width: 10 },
    { header: '护理型 Nursing', key: 'nursing', width: 10 },
    { header: '认知症专区 Dementia zone', key: 'dementia', width: 12 },
    { header: '护理型占比 Nursing share', key: 'nshare', width: 12 },
    { header: '入住率 Occupancy', key: 'occ', width: 10 },
    { header: '应配 Required', key: 'required', width: 10 },
    { header: '在岗 On shift', key: 'onShift', width: 10 },
  ];
  for (const x of inst.institutions)
    i.addRow({
      name: x.name,
      total: x.beds.total,
      nursing: x.beds.nursing,
      dementia: x.beds.dementia,
      nshare: pct(x.beds.nursingSharePct),
      occ: pct(x.beds.occupancyPct),
      required: x.staffing.required,
      onShift: x.staffing.onShift,
    });
  pctCols(i, ['nshare', 'occ']);
  header(i);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
