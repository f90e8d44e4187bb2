/**
 * The district of the day, generated from the seed: the hub's demo district (two care institutions
 * with their residents, ~50 elders at home, the logins, the time bank and the meal service) grown to
 * `eldersAtHome` elders living at home, each registered over the API as a district registers them
 * (POST /api/residents, POST /api/devices), with the devices a home of that kind has. The same seed
 * gives the same elders, risk categories and devices; `districtElders` is pure so that is tested.
 */
import type { ResidentBody } from '@eldercare/shared';
import { createRng } from '../rng.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = ['秀兰', '桂英', '玉珍', '淑华', '凤兰', '建华', '德胜', '国强', '志明', '永安', '丽娟', '文华', '素珍'];
const COMMUNITIES = ['东风社区', '幸福里社区', '长青社区', '南湖社区'];
const STREETS = ['解放路', '人民路', '建设街', '和平里', '中山路', '湖滨路'];
const CONDITIONS = ['高血压', '糖尿病', '冠心病', '慢阻肺', '骨质疏松', '阿尔茨海默病', '帕金森病'];

export type HomeDeviceType =
  'sos_pendant' | 'motion_sensor' | 'door_sensor' | 'fall_detector' | 'smartwatch' | 'smoke_sensor' | 'gps_wearable';

export interface GeneratedElder {
  body: ResidentBody;
  devices: HomeDeviceType[];
}

/**
 * `count` elders at home for a seed: ages 62–95, about four in ten living alone and three in ten
 * empty-nest, one in ten with dementia (who also wears a GPS watch). Every home has a pendant, a
 * motion sensor and a door sensor, so each elder is watched for inactivity and can raise an alarm.
 */
export function districtElders(seed: number, count: number): GeneratedElder[] {
  const r = createRng(seed).fork('district-elders');
  const out: GeneratedElder[] = [];
  for (let i = 0; i < count; i++) {
    const age = r.int(62, 95);
    const risks = new Set<NonNullable<ResidentBody['riskCategories']>[number]>();
    if (age >= 80) risks.add('age_80_plus');
    if (r.chance(0.1)) risks.add('dementia');
    if (r.chance(0.42)) risks.add('living_alone');
    else if (r.chance(0.5)) risks.add('empty_nest');
    if (r.chance(0.08)) risks.add('disabled');
    if (r.chance(0.04)) risks.add('lost_only_child');
    const surname = r.pick([...SURNAMES]);
    const conditions = [...new Set([r.pick(CONDITIONS), ...(r.chance(0.5) ? [r.pick(CONDITIONS)] : [])])];
    const devices: HomeDeviceType[] = ['sos_pendant', 'motion_sensor', 'door_sensor'];
    if (r.chance(0.5)) devices.push('fall_detector');
    if (r.chance(0.35)) devices.push('smartwatch');
    if (r.chance(0.3)) devices.push('smoke_sensor');
    if (risks.has('dementia')) devices.push('gps_wearable');
    out.push({
      body: {
        // A number in the name keeps 200 elders distinguishable in the report.
        name: `${surname}${r.pick(GIVEN)}${String(i + 1).padStart(3, '0')}`,
        birthDate: `${2026 - age}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
        sex: r.chance(0.58) ? 'female' : 'male',
        address: `${r.pick(STREETS)}${r.int(1, 300)}号${r.int(1, 6)}单元${r.int(101, 699)}室`,
        community: r.pick(COMMUNITIES),
        phone: `139${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
        riskCategories: [...risks],
        careLevel: 'self_care',
        conditions,
        keySafe: `门口密码箱 ${r.int(1000, 9999)}`,
        contacts: [
          {
            name: `${surname}${r.pick(['伟', '娜', '磊', '静', '军'])}`,
            relation: r.pick(['儿子', '女儿']),
            phone: `138${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
          },
        ],
        location: { lat: 30.25 + r.next() * 0.05, lon: 120.15 + r.next() * 0.05 },
      },
      devices,
    });
  }
  return out;
}

export interface RegisteredDevice {
  deviceId: string;
  type: string;
  password: string;
  residentId: string | null;
}

/**
 * Registers the generated elders and their devices through the API (a few requests at a time), and
 * returns the devices' credentials. The elders already at home count towards `eldersAtHome`.
 */
export async function growDistrict(o: {
  seed: number;
  eldersAtHome: number;
  alreadyAtHome: number;
  post: <T>(url: string, body: unknown) => Promise<T>;
}): Promise<{ elders: number; devices: RegisteredDevice[] }> {
  const elders = districtElders(o.seed, Math.max(0, o.eldersAtHome - o.alreadyAtHome));
  const devices: (RegisteredDevice & { order: number })[] = [];
  const one = async (e: GeneratedElder, index: number) => {
    const res = await o.post<{ id: string }>('/api/residents', e.body);
    for (const [k, type] of e.devices.entries()) {
      const d = await o.post<{ device: { id: string }; credentials: { password: string } }>('/api/devices', {
        type,
        residentId: res.id,
      });
      devices.push({
        deviceId: d.device.id,
        type,
        password: d.credentials.password,
        residentId: res.id,
        order: index * 100 + k,
      });
    }
  };
  // In order within each lane: the same seed registers the same elders with the same devices.
  const lanes = 4;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = lane; i < elders.length; i += lanes) await one(elders[i]!, i);
    }),
  );
  devices.sort((a, b) => a.order - b.order);
  return { elders: elders.length, devices: devices.map(({ order: _, ...d }) => d) };
}
