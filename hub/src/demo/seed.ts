/**
 * The demo district loaded into an empty database: two care institutions with rooms and beds,
 * ~50 elders living at home with their devices, and a login per role. Deterministic (seeded), so
 * every newcomer sees the same data. Device credentials go to DATA_DIR/demo-devices.json so the
 * simulator can connect as those devices.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeviceType, RiskCategory, Role } from '@eldercare/shared';
import { createDeviceBodySchema, createInstitutionBodySchema, residentBodySchema } from '@eldercare/shared';
import type { User } from '@eldercare/shared';
import type { Logger } from '../logger.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import type { DevicesService } from '../modules/devices/devices.service.js';
import type { InstitutionsService } from '../modules/institutions/institutions.service.js';
import type { ResidentsService } from '../modules/residents/residents.service.js';

export const DEMO_LOGINS: { email: string; password: string; role: Role; name: string }[] = [
  { email: 'admin@demo.local', password: 'demo-admin-pass', role: 'admin', name: '系统管理员 Admin' },
  { email: 'dispatcher@demo.local', password: 'demo-dispatch-pass', role: 'dispatcher', name: '调度员 王芳' },
  { email: 'supervisor@demo.local', password: 'demo-supervisor-pass', role: 'supervisor', name: '值班主任 李强' },
  { email: 'coordinator@demo.local', password: 'demo-coord-pass', role: 'coordinator', name: '协调员 张敏' },
  { email: 'staff@demo.local', password: 'demo-staff-pass', role: 'institution_staff', name: '护士 陈静' },
  { email: 'volunteer@demo.local', password: 'demo-volunteer-pass', role: 'volunteer', name: '志愿者 刘洋' },
];

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = [
  '秀英',
  '桂兰',
  '玉兰',
  '淑珍',
  '凤英',
  '建国',
  '德明',
  '国华',
  '志强',
  '永福',
  '丽华',
  '文杰',
  '素芬',
  '金花',
  '福生',
];
const COMMUNITIES = ['东风社区', '幸福里社区', '长青社区', '南湖社区'];
const STREETS = ['解放路', '人民路', '建设街', '和平里', '中山路'];
const CONDITIONS = [
  '高血压 hypertension',
  '糖尿病 diabetes',
  '冠心病 coronary heart disease',
  '慢阻肺 COPD',
  '骨质疏松 osteoporosis',
  '阿尔茨海默病 dementia',
];

export async function seedDemo(
  s: { auth: AuthService; residents: ResidentsService; institutions: InstitutionsService; devices: DevicesService },
  tenantId: string,
  dataDir: string,
  log: Logger,
): Promise<void> {
  const r = rng(20261123);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const admin: User = await s.auth.createUser(tenantId, { ...DEMO_LOGINS[0]!, password: DEMO_LOGINS[0]!.password });
  const credentials: { deviceId: string; type: DeviceType; password: string; residentId: string | null }[] = [];
  const addDevice = async (type: DeviceType, residentId: string | null, roomId: string | null = null) => {
    const created = await s.devices.create(admin, createDeviceBodySchema.parse({ type, residentId, roomId }));
    credentials.push({ deviceId: created.device.id, type, password: created.credentials.password, residentId });
  };

  const homes = [
    { name: '夕阳红养老院 Sunset Care Home', floors: 2, roomsPerFloor: 5 },
    { name: '康乐福利院 Kangle Welfare Home', floors: 1, roomsPerFloor: 5 },
  ];
  let staffInstitution: string | null = null;
  for (const h of homes) {
    const rooms = [];
    for (let f = 1; f <= h.floors; f++) {
      for (let n = 1; n <= h.roomsPerFloor; n++) {
        rooms.push({ name: `${f}0${n}`, floor: f, dementiaZone: f === 2 && n <= 2, beds: ['A', 'B'] });
      }
    }
    const inst = await s.institutions.create(
      admin,
      createInstitutionBodySchema.parse({
        name: h.name,
        kind: 'nursing_home',
        address: `${pick(STREETS)}${Math.floor(r() * 200)}号`,
        phone: '0571-8888' + Math.floor(1000 + r() * 8999),
        rooms,
      }),
    );
    staffInstitution ??= inst.id;
    // Residents in about two thirds of the beds.
    for (const room of inst.rooms) {
      for (const bed of room.beds) {
        if (r() < 0.35) continue;
        const res = await s.residents.create(
          admin,
          residentBody(r, pick, { institutionId: inst.id, bedId: bed.id, dementia: room.dementiaZone }),
        );
        await addDevice('bed_sensor', res.id, room.id);
        if (r() < 0.5) await addDevice('smartwatch', res.id);
      }
      await addDevice('pull_cord', null, room.id);
    }
  }

  for (let i = 0; i < 50; i++) {
    const res = await s.residents.create(
      admin,
      residentBody(r, pick, { institutionId: null, bedId: null, dementia: r() < 0.12 }),
    );
    await addDevice('sos_pendant', res.id);
    await addDevice('motion_sensor', res.id);
    await addDevice('door_sensor', res.id);
    if (r() < 0.5) await addDevice('fall_detector', res.id);
    if (r() < 0.4) await addDevice('smartwatch', res.id);
    if (r() < 0.3) await addDevice('smoke_sensor', res.id);
    if (res.riskCategories.includes('dementia')) await addDevice('gps_wearable', res.id);
  }

  for (const login of DEMO_LOGINS.slice(1)) {
    await s.auth.createUser(tenantId, {
      email: login.email,
      password: login.password,
      role: login.role,
      name: login.name,
      ...(login.role === 'institution_staff' ? { institutionId: staffInstitution! } : {}),
    });
  }
  const file = path.join(dataDir, 'demo-devices.json');
  await writeFile(file, JSON.stringify({ devices: credentials }, null, 2), { mode: 0o600 });
  log.info({ devices: credentials.length, file }, 'demo district loaded');
}

function residentBody(
  r: () => number,
  pick: <T>(a: readonly T[]) => T,
  o: { institutionId: string | null; bedId: string | null; dementia: boolean },
) {
  const age = 62 + Math.floor(r() * 33);
  const year = 2026 - age;
  const risk = new Set<RiskCategory>();
  if (age >= 80) risk.add('age_80_plus');
  if (o.dementia) risk.add('dementia');
  if (!o.institutionId) {
    if (r() < 0.45) risk.add('living_alone');
    else if (r() < 0.4) risk.add('empty_nest');
    if (r() < 0.1) risk.add('disabled');
    if (r() < 0.05) risk.add('lost_only_child');
  }
  const surname = pick([...SURNAMES]);
  const conditions = [...new Set([pick(CONDITIONS), ...(r() < 0.5 ? [pick(CONDITIONS)] : [])])];
  return residentBodySchema.parse({
    name: surname + pick(GIVEN),
    birthDate: `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
    sex: r() < 0.58 ? 'female' : 'male',
    address: o.institutionId
      ? ''
      : `${pick(STREETS)}${1 + Math.floor(r() * 300)}号${1 + Math.floor(r() * 6)}单元${100 + Math.floor(r() * 600)}室`,
    community: pick(COMMUNITIES),
    phone: `13${Math.floor(100000000 + r() * 899999999)}`,
    institutionId: o.institutionId,
    bedId: o.bedId,
    riskCategories: [...risk],
    careLevel: o.institutionId ? pick(['self_care', 'semi_care', 'full_care'] as const) : 'self_care',
    conditions,
    medicationNotes: conditions.some((c) => c.includes('hypertension'))
      ? '氨氯地平 5mg 每日一次 / amlodipine 5 mg daily'
      : '',
    keySafe: o.institutionId ? '' : `门口密码箱 key safe ${Math.floor(1000 + r() * 8999)}`,
    contacts: [
      {
        name: `${surname}${pick(['伟', '娜', '磊', '静'])}`,
        relation: pick(['儿子 son', '女儿 daughter']),
        phone: `13${Math.floor(100000000 + r() * 899999999)}`,
      },
      { name: '社区网格员 community worker', relation: 'community worker', phone: '0571-12345' },
    ],
    location: { lat: 30.25 + r() * 0.05, lon: 120.15 + r() * 0.05 },
  });
}
