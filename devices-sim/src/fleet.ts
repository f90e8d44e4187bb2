/**
 * The simulated district: N homes (one elder living at home each) and M care institutions (rooms,
 * beds, residents), each with a realistic mix of devices. Generated deterministically from a seed.
 */
import { deviceIdSchema, type CareLevel, type DeviceType, type RiskCategory } from '@eldercare/shared';
import { createRng, type Rng } from './rng.js';
import type { Profile } from './signals.js';

export interface ResidentSpec {
  key: string;
  name: string;
  birthDate: string;
  sex: 'female' | 'male';
  address: string;
  community: string;
  phone: string;
  riskCategories: RiskCategory[];
  careLevel: CareLevel;
  conditions: string[];
  medicationNotes: string;
  keySafe: string;
  contacts: { name: string; relation: string; phone: string }[];
  location: { lat: number; lon: number };
  /** Set for residents of an institution. */
  institutionKey: string | null;
  roomKey: string | null;
  bedLabel: string | null;
  profile: Profile;
}

export interface DeviceSpec {
  id: string;
  type: DeviceType;
  label: string;
  /** The home or institution the device is in (h0001, i01): scenarios pick targets by unit. */
  unit: string;
  /** Owner, exactly one of: a resident, a room, an institution. */
  residentKey: string | null;
  roomKey: string | null;
  institutionKey: string | null;
  initialBattery: number;
  firmware: string;
  /** Telemetry every `telemetryEvery` base intervals (wearables often, fixed sensors rarely). */
  telemetryEvery: number;
}

export interface RoomSpec {
  key: string;
  name: string;
  floor: number;
  dementiaZone: boolean;
  beds: string[];
}

export interface InstitutionSpec {
  key: string;
  name: string;
  kind: 'nursing_home' | 'welfare_home';
  address: string;
  phone: string;
  location: { lat: number; lon: number };
  rooms: RoomSpec[];
}

export interface FleetSpec {
  seed: number;
  /** Prefix of every device id, so fleets of different runs never collide. */
  tag: string;
  homes: number;
  institutions: InstitutionSpec[];
  residents: ResidentSpec[];
  devices: DeviceSpec[];
}

export interface FleetOptions {
  seed: number;
  homes: number;
  institutions: number;
  /** Rooms per institution (default 12; 1-3 beds each). */
  roomsPerInstitution?: number;
  /** Device-id prefix (default `sim<seed>`). 1-20 of A-Z a-z 0-9. */
  tag?: string;
}

/** How often each device type sends telemetry, in multiples of the base interval. */
export const TELEMETRY_EVERY: Record<DeviceType, number> = {
  smartwatch: 1,
  bed_sensor: 1,
  gps_wearable: 1,
  motion_sensor: 2,
  fall_detector: 6,
  sos_pendant: 6,
  pull_cord: 12,
  bp_cuff: 12,
  door_sensor: 12,
  smoke_sensor: 12,
  gas_sensor: 12,
  water_sensor: 12,
};

const SHORT: Record<DeviceType, string> = {
  sos_pendant: 'sos',
  pull_cord: 'cord',
  fall_detector: 'fall',
  smartwatch: 'watch',
  bp_cuff: 'bp',
  bed_sensor: 'bed',
  motion_sensor: 'motion',
  door_sensor: 'door',
  smoke_sensor: 'smoke',
  gas_sensor: 'gas',
  water_sensor: 'water',
  gps_wearable: 'gps',
};

const FIRMWARE: Record<DeviceType, string[]> = {
  sos_pendant: ['1.4.2', '1.5.0'],
  pull_cord: ['2.0.1'],
  fall_detector: ['3.1.0', '3.2.1'],
  smartwatch: ['5.0.3', '5.1.0'],
  bp_cuff: ['1.0.9'],
  bed_sensor: ['2.2.0'],
  motion_sensor: ['1.1.4'],
  door_sensor: ['1.1.4'],
  smoke_sensor: ['4.0.0'],
  gas_sensor: ['4.0.0'],
  water_sensor: ['1.0.2'],
  gps_wearable: ['0.9.8', '1.0.0'],
};

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '高',
  '罗',
];
const GIVEN_F = ['秀英', '桂英', '秀兰', '玉兰', '桂兰', '凤英', '淑珍', '素珍', '丽华', '美华'];
const GIVEN_M = ['建国', '国华', '德明', '志强', '文华', '振华', '永福', '金生', '宝林', '长根'];
const COMMUNITIES = [
  '幸福里社区',
  '和平社区',
  '长寿路社区',
  '新华社区',
  '东风社区',
  '梅园社区',
  '江湾社区',
  '康乐社区',
];
const STREETS = ['长寿路', '和平路', '新华路', '东风路', '梅园路', '江湾路', '康乐路', '人民路'];
const INSTITUTION_NAMES = ['福寿', '康宁', '颐和', '松鹤', '金色年华', '夕阳红', '安康', '乐龄'];
/** District centre (Shanghai); homes spread ±~10 km. */
const CENTRE = { lat: 31.23, lon: 121.47 };

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function person(rng: Rng, key: string, inInstitution: boolean, now: Date): ResidentSpec {
  const sex = rng.chance(0.58) ? 'female' : 'male'; // elder population is majority female
  const name = rng.pick(SURNAMES) + rng.pick(sex === 'female' ? GIVEN_F : GIVEN_M);
  const age = Math.round(Math.min(103, Math.max(62, inInstitution ? rng.normal(84, 6) : rng.normal(77, 7))));
  const birth = new Date(Date.UTC(now.getUTCFullYear() - age, rng.int(0, 11), rng.int(1, 28)));
  if (birth.getTime() > Date.UTC(now.getUTCFullYear() - age, now.getUTCMonth(), now.getUTCDate())) {
    birth.setUTCFullYear(birth.getUTCFullYear() - 1);
  }
  const risk = new Set<RiskCategory>();
  if (age >= 80) risk.add('age_80_plus');
  if (!inInstitution) {
    if (rng.chance(0.35)) risk.add('living_alone');
    else if (rng.chance(0.3)) risk.add('empty_nest');
    if (rng.chance(0.05)) risk.add('left_behind');
    if (rng.chance(0.03)) risk.add('lost_only_child');
  }
  if (rng.chance(inInstitution ? 0.35 : 0.1)) risk.add('disabled');
  if (rng.chance(inInstitution ? 0.25 : 0.1)) risk.add('dementia');
  if (rng.chance(0.03)) risk.add('severely_disabled');

  const conditions: string[] = [];
  const hypertension = rng.chance(0.5);
  const copd = rng.chance(0.1);
  if (hypertension) conditions.push('高血压 hypertension');
  if (rng.chance(0.25)) conditions.push('糖尿病 diabetes');
  if (copd) conditions.push('慢阻肺 COPD');
  if (rng.chance(0.15)) conditions.push('冠心病 coronary heart disease');
  if (rng.chance(0.3)) conditions.push('关节炎 arthritis');
  if (risk.has('dementia')) conditions.push('阿尔茨海默病 dementia');

  const careLevel: CareLevel =
    risk.has('disabled') || risk.has('severely_disabled')
      ? 'full_care'
      : age >= 85 || risk.has('dementia')
        ? 'semi_care'
        : 'self_care';
  const location = {
    lat: Number((CENTRE.lat + rng.float(-0.09, 0.09)).toFixed(6)),
    lon: Number((CENTRE.lon + rng.float(-0.1, 0.1)).toFixed(6)),
  };
  const bedtime = (rng.normal(21.6, 0.6) + 24) % 24;
  const profile: Profile = {
    age,
    restingHr: Math.round(Math.min(88, Math.max(55, rng.normal(70, 6)))),
    bedtime,
    wakeTime: Math.min(8, Math.max(4.5, rng.normal(6, 0.5))),
    naps: rng.chance(0.6),
    systolic: Math.round(hypertension ? rng.normal(145, 8) : rng.normal(124, 7)),
    diastolic: Math.round(hypertension ? rng.normal(88, 5) : rng.normal(76, 5)),
    copd,
    temperature: Number(rng.normal(36.5, 0.15).toFixed(2)),
    mobility:
      careLevel === 'full_care'
        ? rng.float(0.3, 0.5)
        : careLevel === 'semi_care'
          ? rng.float(0.6, 0.85)
          : rng.float(0.85, 1.2),
    home: location,
  };
  const community = rng.pick(COMMUNITIES);
  const child = rng.pick(SURNAMES) + rng.pick([...GIVEN_F, ...GIVEN_M]);
  return {
    key,
    name,
    birthDate: birth.toISOString().slice(0, 10),
    sex,
    address: inInstitution
      ? ''
      : `${rng.pick(STREETS)}${rng.int(1, 999)}弄${rng.int(1, 40)}号${rng.int(1, 6)}0${rng.int(1, 4)}室`,
    community: inInstitution ? '' : community,
    phone: `13${rng.int(0, 9)}${pad(rng.int(0, 99_999_999), 8)}`,
    riskCategories: [...risk],
    careLevel,
    conditions,
    medicationNotes: hypertension ? '氨氯地平 5mg 每日一次 (amlodipine 5 mg daily)' : '',
    keySafe: !inInstitution && risk.has('living_alone') ? `门口钥匙盒 key safe code ${pad(rng.int(0, 9999), 4)}` : '',
    contacts: [
      {
        name: child,
        relation: rng.pick(['儿子 son', '女儿 daughter', '侄子 nephew']),
        phone: `13${rng.int(0, 9)}${pad(rng.int(0, 99_999_999), 8)}`,
      },
    ],
    location,
    institutionKey: null,
    roomKey: null,
    bedLabel: null,
    profile,
  };
}

/** Generates the fleet. Same options, same fleet. */
export function generateFleet(opts: FleetOptions, now = new Date()): FleetSpec {
  const rng = createRng(opts.seed).fork('fleet');
  const tag = opts.tag ?? `sim${opts.seed}`;
  if (!/^[A-Za-z0-9]{1,20}$/.test(tag)) throw new Error(`fleet tag "${tag}": 1-20 of A-Z a-z 0-9`);
  const roomsPer = opts.roomsPerInstitution ?? 12;
  const residents: ResidentSpec[] = [];
  const devices: DeviceSpec[] = [];
  const institutions: InstitutionSpec[] = [];

  const add = (
    unit: string,
    suffix: string,
    type: DeviceType,
    label: string,
    owner: { residentKey?: string; roomKey?: string; institutionKey?: string },
  ) => {
    const id = `${tag}-${unit}-${suffix}`;
    deviceIdSchema.parse(id);
    devices.push({
      id,
      type,
      label,
      unit,
      residentKey: owner.residentKey ?? null,
      roomKey: owner.roomKey ?? null,
      institutionKey: owner.institutionKey ?? null,
      initialBattery: Math.round(rng.float(55, 100)),
      firmware: rng.pick(FIRMWARE[type]),
      telemetryEvery: TELEMETRY_EVERY[type],
    });
  };

  for (let i = 1; i <= opts.homes; i++) {
    const unit = `h${pad(i, opts.homes >= 10_000 ? 6 : 4)}`;
    const r = person(rng, unit, false, now);
    residents.push(r);
    const risk = new Set(r.riskCategories);
    const hypertension = r.conditions.some((c) => c.includes('hypertension'));
    const frail = risk.has('age_80_plus') || risk.has('disabled');
    const own = { residentKey: r.key };
    const s = (t: DeviceType) => SHORT[t];
    add(unit, s('sos_pendant'), 'sos_pendant', '一键呼叫挂件 SOS pendant', own);
    if (rng.chance(0.4)) add(unit, s('pull_cord'), 'pull_cord', '卫生间拉绳 bathroom pull cord', own);
    if (rng.chance(frail ? 0.7 : 0.35)) add(unit, s('fall_detector'), 'fall_detector', '跌倒探测器 fall detector', own);
    if (rng.chance(0.45)) add(unit, s('smartwatch'), 'smartwatch', '智能手表 smartwatch', own);
    if (rng.chance(hypertension ? 0.7 : 0.1)) add(unit, s('bp_cuff'), 'bp_cuff', '血压计 BP cuff', own);
    if (rng.chance(risk.has('living_alone') || risk.has('disabled') ? 0.6 : 0.35))
      add(unit, s('bed_sensor'), 'bed_sensor', '床垫传感器 bed sensor', own);
    if (rng.chance(risk.has('living_alone') ? 0.95 : 0.6))
      add(unit, s('motion_sensor'), 'motion_sensor', '客厅人体感应 living-room motion', own);
    if (risk.has('dementia') || rng.chance(0.6)) add(unit, s('door_sensor'), 'door_sensor', '大门门磁 front door', own);
    if (rng.chance(0.7)) add(unit, s('smoke_sensor'), 'smoke_sensor', '烟感 smoke', own);
    if (rng.chance(0.45)) add(unit, s('gas_sensor'), 'gas_sensor', '燃气报警 kitchen gas', own);
    if (rng.chance(0.2)) add(unit, s('water_sensor'), 'water_sensor', '水浸 bathroom water', own);
    if (risk.has('dementia')) add(unit, s('gps_wearable'), 'gps_wearable', '防走失定位器 GPS tracker', own);
  }

  for (let i = 1; i <= opts.institutions; i++) {
    const unit = `i${pad(i, 2)}`;
    const base = `${rng.pick(INSTITUTION_NAMES)}养老院`;
    const location = {
      lat: Number((CENTRE.lat + rng.float(-0.08, 0.08)).toFixed(6)),
      lon: Number((CENTRE.lon + rng.float(-0.09, 0.09)).toFixed(6)),
    };
    const inst: InstitutionSpec = {
      key: unit,
      name: `${base} ${i}号院 (Nursing home ${i})`,
      kind: rng.chance(0.8) ? 'nursing_home' : 'welfare_home',
      address: `${rng.pick(STREETS)}${rng.int(1, 999)}号`,
      phone: `021-${pad(rng.int(0, 99_999_999), 8)}`,
      location,
      rooms: [],
    };
    institutions.push(inst);
    const dementiaRooms = roomsPer >= 4 ? Math.max(1, Math.round(roomsPer * 0.15)) : 0;
    for (let ri = 1; ri <= roomsPer; ri++) {
      const floor = Math.ceil(ri / 10);
      const roomNo = `${floor}${pad(((ri - 1) % 10) + 1, 2)}`;
      const roomKey = `${unit}-r${roomNo}`;
      const dementiaZone = ri > roomsPer - dementiaRooms;
      const bedCount = rng.weighted([
        [1, 1],
        [2, 5],
        [3, 2],
      ] as const);
      const beds = Array.from({ length: bedCount }, (_, b) => `${roomNo}-${b + 1}`);
      inst.rooms.push({ key: roomKey, name: `${roomNo}室`, floor, dementiaZone, beds });
      const roomOwner = { roomKey, institutionKey: unit };
      add(unit, `r${roomNo}-cord`, 'pull_cord', `${roomNo}室 卫生间拉绳 pull cord`, roomOwner);
      add(unit, `r${roomNo}-motion`, 'motion_sensor', `${roomNo}室 人体感应 motion`, roomOwner);
      if (dementiaZone) add(unit, `r${roomNo}-door`, 'door_sensor', `${roomNo}室 门磁 door`, roomOwner);
      beds.forEach((bed, b) => {
        if (!rng.chance(0.9)) return; // ~90% occupancy
        const r = person(rng, `${roomKey}b${b + 1}`, true, now);
        r.institutionKey = unit;
        r.roomKey = roomKey;
        r.bedLabel = bed;
        r.location = location;
        r.profile.home = location;
        if (dementiaZone && !r.riskCategories.includes('dementia')) r.riskCategories.push('dementia');
        residents.push(r);
        const own = { residentKey: r.key };
        const sfx = `r${roomNo}b${b + 1}`;
        add(unit, `${sfx}-bed`, 'bed_sensor', `${bed} 床垫传感器 bed sensor`, own);
        if (rng.chance(0.5)) add(unit, `${sfx}-sos`, 'sos_pendant', `${bed} 呼叫器 call button`, own);
        if (rng.chance(0.3)) add(unit, `${sfx}-watch`, 'smartwatch', `${bed} 手环 smart band`, own);
        if (rng.chance(r.careLevel === 'self_care' ? 0.1 : 0.3))
          add(unit, `${sfx}-fall`, 'fall_detector', `${bed} 跌倒探测 fall radar`, own);
        if (dementiaZone) add(unit, `${sfx}-gps`, 'gps_wearable', `${bed} 防走失手环 GPS band`, own);
      });
    }
    const instOwner = { institutionKey: unit };
    for (let k = 1; k <= Math.max(1, Math.ceil(roomsPer / 5)); k++)
      add(unit, `smoke${k}`, 'smoke_sensor', `烟感 smoke ${k}`, instOwner);
    add(unit, 'gas1', 'gas_sensor', '厨房燃气 kitchen gas', instOwner);
    add(unit, 'water1', 'water_sensor', '洗衣房水浸 laundry water', instOwner);
    add(unit, 'door1', 'door_sensor', '大门门磁 main entrance', instOwner);
  }

  return { seed: opts.seed, tag, homes: opts.homes, institutions, residents, devices };
}
