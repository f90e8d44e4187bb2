/**
 * What messages say, in the district's language (zh by default, en): to people (by purpose) and
 * to the elder's device. Plain functions of their inputs.
 */
import type { DeviceCommand, Purpose } from '@eldercare/shared';

export type Language = 'zh' | 'en';

const DEVICE: Record<Language, Partial<Record<DeviceCommand['type'], string>>> = {
  zh: {
    alarm_received: '已收到您的呼叫，救助人员马上就到',
    help_arriving: '救助人员已到达',
    alarm_closed: '报警已结束',
  },
  en: {
    alarm_received: 'Alarm received, help is coming',
    help_arriving: 'Your helper has arrived',
    alarm_closed: 'Alarm closed',
  },
};

export function deviceMessage(type: DeviceCommand['type'], lang: Language): string {
  return DEVICE[lang][type] ?? DEVICE.en[type] ?? type;
}

const KIND_ZH: Record<string, string> = {
  sos: 'SOS 呼叫',
  fall: '跌倒',
  smoke: '烟雾报警',
  gas: '燃气报警',
  water_leak: '漏水',
  vitals: '生命体征异常',
  inactivity: '长时间无活动',
  night_bed_exit: '夜间离床',
  night_door_open: '夜间开门',
  geofence_exit: '离开安全区域',
  device_offline: '设备离线',
  low_battery: '电量低',
  device_storm: '设备异常频繁上报',
  watchdog: '无人值守',
  welfare_concern: '探访发现异常',
  missed_meal: '未取餐，需确认安全',
  missed_test: '设备未按时自检',
  clock_wrong: '设备时钟错误',
  not_monitored: '活动传感器离线',
};
const OUTCOME_ZH: Record<string, string> = {
  false_alarm: '误报',
  helped_at_home: '已在家中得到帮助',
  taken_to_hospital: '已送医',
  emergency_services_attended: '急救人员已处理',
  no_action_needed: '无需处理',
  device_fixed: '设备已修复',
  deceased: '已故',
  other: '其他',
  cancelled: '已取消',
  cancelled_by_elder: '老人已自行取消',
};

export interface MessageFacts {
  purpose: Purpose;
  kind: string;
  title: string;
  severity: string;
  elderName: string | null;
  address: string;
  keySafe: string;
  note: string;
  outcome: string | null;
  responderName: string | null;
  /** Seconds the alarm has been waiting (alarm_unacknowledged). */
  waitingSeconds: number | null;
  /** Open emergencies (watchdog). */
  openCount: number | null;
}

export interface Rendered {
  title: string;
  body: string;
}

/** The title and text of a message about an incident. */
export function render(f: MessageFacts, lang: Language): Rendered {
  const who = f.elderName ?? (lang === 'zh' ? '一位老人' : 'an elder');
  const what = lang === 'zh' ? (KIND_ZH[f.kind] ?? f.title) : f.title;
  const outcome = f.outcome
    ? lang === 'zh'
      ? (OUTCOME_ZH[f.outcome] ?? f.outcome)
      : f.outcome.replaceAll('_', ' ')
    : '';
  if (lang === 'zh') {
    switch (f.purpose) {
      case 'alarm_unacknowledged':
        return {
          title: `未确认的紧急报警：${who} ${what}`,
          body: `已等待 ${f.waitingSeconds ?? 60} 秒无人确认，请立即处理。${f.address ? `地址：${f.address}` : ''}`,
        };
      case 'watchdog':
        return {
          title: '无人值守：没有调度员在线',
          body: `有 ${f.openCount ?? 1} 个紧急事件正在等待处理：${who} ${what}`,
        };
      case 'dispatch':
        return {
          title: `派单：${who} ${what}`,
          body: [
            `地址：${f.address || '—'}`,
            f.keySafe ? `钥匙箱：${f.keySafe}` : '',
            f.note ? `调度员：${f.note}` : '',
            '请点击接受或拒绝。',
          ]
            .filter(Boolean)
            .join('；'),
        };
      case 'family_raised':
        return { title: `${who}触发了报警（${what}）`, body: '服务中心正在处理，我们会随时告诉您进展。' };
      case 'family_on_scene':
        return {
          title: `救助人员已到达${who}身边`,
          body: f.responderName ? `到达人员：${f.responderName}` : '救助人员已到达现场。',
        };
      case 'family_closed':
        return { title: `${who}的报警已结束`, body: `结果：${outcome || '已处理'}` };
      case 'device_health':
        return { title: `设备提醒：${who} ${what}`, body: '请留意设备状态（如充电、检查连接）。' };
      case 'test':
        return { title: '测试消息', body: '您的通知设置工作正常。' };
      default:
        return { title: `${who} ${what}`, body: '' };
    }
  }
  switch (f.purpose) {
    case 'alarm_unacknowledged':
      return {
        title: `Unacknowledged alarm: ${who} — ${what}`,
        body: `Waiting ${f.waitingSeconds ?? 60} s with nobody acknowledging. ${f.address ? `Address: ${f.address}` : ''}`.trim(),
      };
    case 'watchdog':
      return {
        title: 'Nobody is watching: no dispatcher connected',
        body: `${f.openCount ?? 1} emergencies waiting: ${who} — ${what}`,
      };
    case 'dispatch':
      return {
        title: `Dispatch: ${who} — ${what}`,
        body: [
          `Address: ${f.address || '—'}`,
          f.keySafe ? `Key safe: ${f.keySafe}` : '',
          f.note ? `Dispatcher: ${f.note}` : '',
          'Accept or decline.',
        ]
          .filter(Boolean)
          .join('; '),
      };
    case 'family_raised':
      return {
        title: `${who} raised an alarm (${what})`,
        body: 'The centre is handling it; we will tell you how it goes.',
      };
    case 'family_on_scene':
      return {
        title: `Help has arrived for ${who}`,
        body: f.responderName ? `${f.responderName} is there.` : 'Help is on scene.',
      };
    case 'family_closed':
      return { title: `${who}'s alarm is closed`, body: `Outcome: ${outcome || 'handled'}` };
    case 'device_health':
      return { title: `Device: ${who} — ${what}`, body: 'Please check the device (charge it, check its connection).' };
    case 'test':
      return { title: 'Test message', body: 'Your notification settings work.' };
    default:
      return { title: `${who} — ${what}`, body: '' };
  }
}

/** "SMS to 张伟 failed: …": what the dispatcher reads when a message gives up. */
export function deadMessage(channel: string, recipient: string, error: string, lang: Language): string {
  const names: Record<string, [string, string]> = {
    web_push: ['推送', 'Push'],
    email: ['邮件', 'Email'],
    sms: ['短信', 'SMS'],
    voice: ['语音电话', 'Voice call'],
    webhook: ['Webhook', 'Webhook'],
    dingtalk: ['钉钉', 'DingTalk'],
    wecom: ['企业微信', 'WeCom'],
    device: ['设备', 'Device'],
  };
  const [zh, en] = names[channel] ?? [channel, channel];
  return lang === 'zh' ? `发给 ${recipient} 的${zh}失败：${error}` : `${en} to ${recipient} failed: ${error}`;
}
