/**
 * The demo district loaded into an empty database: two care institutions with rooms and beds,
 * ~50 elders living at home with their devices, and a login per role. Deterministic (seeded), so
 * every newcomer sees the same data. Device credentials go to DATA_DIR/demo-devices.json so the
 * simulator can connect as those devices.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeviceType, RiskCategory, Role } from '@eldercare/shared';
import {
  createDeviceBodySchema,
  createInstitutionBodySchema,
  regionBodySchema,
  residentBodySchema,
} from '@eldercare/shared';
import type { ServiceType, User } from '@eldercare/shared';
import { programPolicySchema, volunteerBodySchema } from '@eldercare/shared';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { LedgerService } from '../modules/timebank/ledger.service.js';
import type { MembersService } from '../modules/timebank/members.service.js';
import type { RequestsService } from '../modules/timebank/requests.service.js';
import type { VisitsService } from '../modules/visits/visits.service.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import type { DevicesService } from '../modules/devices/devices.service.js';
import type { InstitutionsService } from '../modules/institutions/institutions.service.js';
import type { ResidentsService } from '../modules/residents/residents.service.js';
import type { RegionsService } from '../modules/regions/regions.service.js';

export const DEMO_LOGINS: { email: string; password: string; role: Role; name: string }[] = [
  { email: 'admin@demo.local', password: 'demo-admin-pass', role: 'admin', name: '系统管理员' },
  { email: 'dispatcher@demo.local', password: 'demo-dispatch-pass', role: 'dispatcher', name: '调度员 王芳' },
  { email: 'supervisor@demo.local', password: 'demo-supervisor-pass', role: 'supervisor', name: '值班主任 李强' },
  { email: 'coordinator@demo.local', password: 'demo-coord-pass', role: 'coordinator', name: '协调员 张敏' },
  { email: 'staff@demo.local', password: 'demo-staff-pass', role: 'institution_staff', name: '护士 陈静' },
  { email: 'volunteer@demo.local', password: 'demo-volunteer-pass', role: 'volunteer', name: '志愿者 刘洋' },
  // A neighbour volunteer with an account: dispatched to them, they accept on their phone (#/respond).
  { email: 'responder@demo.local', password: 'demo-responder-pass', role: 'volunteer', name: '邻里志愿者 赵磊' },
  // The son or daughter of the first elder living at home (the family page, family notifications).
  { email: 'family@demo.local', password: 'demo-family-pass', role: 'family', name: '家属' },
  { email: 'official@demo.local', password: 'demo-official-pass', role: 'official', name: '民政局 周科长' },
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
const CONDITIONS = ['高血压', '糖尿病', '冠心病', '慢阻肺', '骨质疏松', '阿尔茨海默病'];

export async function seedDemo(
  s: {
    auth: AuthService;
    residents: ResidentsService;
    institutions: InstitutionsService;
    devices: DevicesService;
    regions: RegionsService;
  },
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
    { name: '夕阳红养老院', floors: 2, roomsPerFloor: 5, nursingRooms: 3 },
    { name: '康乐福利院', floors: 1, roomsPerFloor: 5, nursingRooms: 2 },
  ];
  let staffInstitution: string | null = null;
  const homeIds: string[] = [];
  for (const h of homes) {
    const rooms = [];
    for (let f = 1; f <= h.floors; f++) {
      for (let n = 1; n <= h.roomsPerFloor; n++) {
        const dementiaZone = f === 2 && n <= 2;
        // The first rooms of each floor hold nursing-care beds (dementia-zone rooms their own kind).
        const bedKind = dementiaZone ? 'dementia' : n <= h.nursingRooms ? 'nursing' : 'ordinary';
        rooms.push({ name: `${f}0${n}`, floor: f, dementiaZone, beds: ['A', 'B'], bedKind });
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
    homeIds.push(inst.id);
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

  let familyOf: { residentId: string; name: string } | null = null;
  for (let i = 0; i < 50; i++) {
    const res = await s.residents.create(
      admin,
      residentBody(r, pick, { institutionId: null, bedId: null, dementia: r() < 0.12 }),
    );
    familyOf ??= { residentId: res.id, name: res.contacts[0]?.name ?? '' };
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
      // The family login is the elder's first contact, by name.
      name: login.role === 'family' && familyOf?.name ? `${login.name} ${familyOf.name}` : login.name,
      ...(login.role === 'institution_staff' ? { institutionId: staffInstitution! } : {}),
      ...(login.role === 'family' ? { residentId: familyOf!.residentId } : {}),
    });
  }
  await seedRegions(s, admin, homeIds);
  const file = path.join(dataDir, 'demo-devices.json');
  await writeFile(file, JSON.stringify({ devices: credentials }, null, 2), { mode: 0o600 });
  log.info({ devices: credentials.length, file }, 'demo district loaded');
}

/**
 * The demo district's regions: the district, two streets with two communities each (the residents'
 * communities, linked by adopting their names), a care home in each street.
 */
async function seedRegions(
  s: { regions: RegionsService; institutions: InstitutionsService },
  admin: User,
  homes: string[],
): Promise<void> {
  const district = await s.regions.create(
    admin,
    regionBodySchema.parse({ level: 'district', name: '示范区 Demo District' }),
  );
  const streets: [string, string[]][] = [
    ['东湖街道 Donghu Street', ['东风社区', '幸福里社区']],
    ['南湖街道 Nanhu Street', ['长青社区', '南湖社区']],
  ];
  for (const [name, communities] of streets) {
    const street = await s.regions.create(
      admin,
      regionBodySchema.parse({ level: 'township', name, parentId: district.id }),
    );
    await s.regions.adopt(admin, street.id, communities);
  }
  // One care home in each street.
  const townships = await s.regions.list(admin, { level: 'township' });
  for (const [i, id] of homes.entries()) await s.institutions.update(admin, id, { regionId: townships[i]!.id });
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
    medicationNotes: conditions.some((c) => c.includes('高血压')) ? '氨氯地平 5mg 每日一次' : '',
    keySafe: o.institutionId ? '' : `门口密码箱 ${Math.floor(1000 + r() * 8999)}`,
    contacts: [
      {
        name: `${surname}${pick(['伟', '娜', '磊', '静'])}`,
        relation: pick(['儿子', '女儿']),
        phone: `13${Math.floor(100000000 + r() * 899999999)}`,
      },
      { name: '社区网格员', relation: '社区网格员', phone: '0571-12345' },
    ],
    location: { lat: 30.25 + r() * 0.05, lon: 120.15 + r() * 0.05 },
  });
}

/**
 * The demo time bank and welfare visits: a program, an organisation, five volunteers whose balances
 * come from real postings (confirmed services, a gift, a redemption), requests in every state, and a
 * month of visits so the visit-rate report is not empty. Runs after the district is seeded.
 */
export async function seedTimebankDemo(
  s: {
    auth: AuthService;
    residents: ResidentsService;
    members: MembersService;
    ledger: LedgerService;
    requests: RequestsService;
    visits: VisitsService;
  },
  tenantId: string,
  clock: Clock,
  log: Logger,
): Promise<void> {
  const r = rng(20261201);
  const users = await s.auth.listUsers(tenantId);
  const coord = users.find((u) => u.role === 'coordinator')!;
  const volunteerUser = users.find((u) => u.email === 'volunteer@demo.local')!;
  const now = clock.now();
  const DAY = 86_400_000;
  const homes = (await s.residents.list(coord, { limit: 500, offset: 0 })).items.filter((x) => !x.institutionId);

  const program = await s.members.createProgram(coord, {
    name: '社区时间银行',
    policy: programPolicySchema.parse({ capMinutes: 12_000, giftRecipients: 'family_only', minRedeemAge: 18 }),
  });
  const org = await s.members.createOrganisation(coord, program.id, '红马甲志愿服务队');
  const people = [
    { name: '志愿者 刘洋', birthDate: '1990-05-12', userId: volunteerUser.id, familyResidentIds: [homes[0]!.id] },
    { name: '赵丽', birthDate: '1968-03-02', organisationId: org.id },
    { name: '孙伟', birthDate: '2001-11-20', organisationId: org.id },
    { name: '周敏', birthDate: '1959-07-08' },
    { name: '吴强', birthDate: '1975-01-30' },
  ];
  const vols = [];
  for (const p of people) {
    vols.push(
      await s.members.registerVolunteer(coord, volunteerBodySchema.parse({ programId: program.id, phone: '', ...p })),
    );
  }

  // Requests in every state; the confirmed ones credit real hours.
  const TYPES: ServiceType[] = ['meals', 'cleaning', 'medical_escort', 'bathing', 'mobility', 'visit', 'emergency'];
  const plan: { vol: number | null; until: string; minutes?: number }[] = [
    { vol: 0, until: 'confirmed', minutes: 120 },
    { vol: 0, until: 'confirmed', minutes: 90 },
    { vol: 1, until: 'confirmed', minutes: 180 },
    { vol: 2, until: 'confirmed', minutes: 60 },
    { vol: 3, until: 'confirmed', minutes: 150 },
    { vol: 4, until: 'completed' },
    { vol: 1, until: 'disputed' },
    { vol: 0, until: 'in_progress' },
    { vol: 0, until: 'accepted' },
    { vol: 0, until: 'dispatched' },
    { vol: null, until: 'requested' },
    { vol: null, until: 'requested' },
  ];
  const ORDER = ['requested', 'dispatched', 'accepted', 'in_progress', 'completed'];
  for (const [i, p] of plan.entries()) {
    const elder = homes[(i * 3 + 1) % homes.length]!;
    const req = await s.requests.create(coord, {
      programId: program.id,
      residentId: elder.id,
      type: TYPES[i % TYPES.length]!,
      scheduledAt: new Date(now + (i - 6) * DAY).toISOString(),
      place: elder.address,
      notes: '',
    });
    const reach = p.until === 'confirmed' || p.until === 'disputed' ? 4 : ORDER.indexOf(p.until);
    if (reach >= 1) await s.requests.dispatch(coord, req.id, { volunteerId: vols[p.vol!]!.id });
    if (reach >= 2) await s.requests.accept(coord, req.id);
    if (reach >= 3) await s.requests.checkIn(coord, req.id);
    if (reach >= 4) await s.requests.checkOut(coord, req.id, 60 + 15 * (i % 5));
    if (p.until === 'confirmed') {
      await s.requests.confirm(coord, req.id, { rating: 4 + (i % 2), comment: '', minutes: p.minutes });
    }
    if (p.until === 'disputed') await s.requests.dispute(coord, req.id, '家属反映未按时到达');
  }

  // Liu Yang gives an hour to his own mother; Zhao Li redeems half an hour of cleaning.
  const mother = await s.members.openAccount(coord, program.id, 'elder', homes[0]!.id);
  await s.ledger.gift(coord, {
    fromAccountId: vols[0]!.accountId,
    toAccountId: mother.id,
    minutes: 60,
    memo: '赠予母亲',
    idempotencyKey: 'demo-gift-1',
  });
  await s.ledger.redeem(coord, {
    accountId: vols[1]!.accountId,
    minutes: 30,
    memo: '兑换助洁服务',
    idempotencyKey: 'demo-redeem-1',
  });

  // A month of welfare visits to about four in five elders at home; Liu Yang visits three of them.
  for (const e of homes.slice(1, 4)) await s.visits.updatePlan(coord, e.id, { visitorId: vols[0]!.id });
  let logged = 0;
  for (const e of homes) {
    if (r() < 0.2) continue;
    await s.visits.logVisit(coord, {
      residentId: e.id,
      at: new Date(now - Math.floor(r() * 25 + 1) * DAY - Math.floor(r() * 8) * 3600_000).toISOString(),
      method: r() < 0.6 ? 'home' : r() < 0.8 ? 'phone' : 'video',
      state: r() < 0.8 ? 'well' : 'fair',
      note: '',
      concern: false,
    });
    logged++;
  }
  log.info({ volunteers: vols.length, requests: plan.length, visits: logged }, 'demo time bank loaded');
}
