import { z } from 'zod';

/** Roles a user of the hub can have. Institution staff are scoped to one institution, family to one elder. */
export const ROLES = [
  'admin',
  'coordinator',
  'dispatcher',
  'supervisor',
  'institution_staff',
  'volunteer',
  'family',
  /** Civil-affairs official (民政局): the indicators and the register's figures, no medical notes. */
  'official',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Vulnerable-elder categories (特殊困难老年人). They raise alert priority and visit frequency. */
export const RISK_CATEGORIES = [
  'living_alone', // 独居
  'empty_nest', // 空巢
  'left_behind', // 留守
  'disabled', // 失能
  'dementia', // 失智
  'severely_disabled', // 重残
  'lost_only_child', // 计划生育特殊家庭
  'age_80_plus', // 高龄
] as const;
export const riskCategorySchema = z.enum(RISK_CATEGORIES);
export type RiskCategory = z.infer<typeof riskCategorySchema>;

/** Care level of a resident; sets the staffing ratio in institutions (1:6 full/semi, 1:10 others). */
export const CARE_LEVELS = ['self_care', 'semi_care', 'full_care'] as const;
export const careLevelSchema = z.enum(CARE_LEVELS);
export type CareLevel = z.infer<typeof careLevelSchema>;

export const DEVICE_TYPES = [
  'sos_pendant',
  'pull_cord',
  'fall_detector',
  'smartwatch',
  'bp_cuff',
  'bed_sensor',
  'motion_sensor',
  'door_sensor',
  'smoke_sensor',
  'gas_sensor',
  'water_sensor',
  'gps_wearable',
] as const;
export const deviceTypeSchema = z.enum(DEVICE_TYPES);
export type DeviceType = z.infer<typeof deviceTypeSchema>;

/** Discrete event types of the device contract. */
export const EVENT_TYPES = [
  'sos',
  'fall',
  'smoke',
  'gas',
  'water_leak',
  'bed_exit',
  'bed_enter',
  'door_open',
  'door_close',
  'motion',
  'geofence_exit',
  'low_battery',
  /** The battery is good again (a panel's low-battery restore): closes the device's low-battery item. */
  'battery_ok',
  /** Mains (AC) power lost at a home unit or panel: a device-health item until power is back. */
  'power_lost',
  /** Mains power back: closes the device's power-loss item. */
  'power_restored',
  /** The unit's own no-activity alarm (a telecare unit's "senior watch"): an inactivity alert. */
  'inactivity',
  'test',
  'cancel',
] as const;
export const eventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof eventTypeSchema>;

/** Reading names a device may report in telemetry, with their unit. Unknown names are refused. */
export const METRICS = {
  heartRate: 'bpm',
  spo2: '%',
  systolic: 'mmHg',
  diastolic: 'mmHg',
  temperature: '°C',
  respirationRate: 'breaths/min',
  steps: 'count',
  motion: 'count',
  inBed: 'bool',
  battery: '%',
  lat: '°',
  lon: '°',
  co2: 'ppm',
  roomTemperature: '°C',
  humidity: '%',
} as const;
export type Metric = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as Metric[];
export const metricSchema = z.enum(METRIC_NAMES as [Metric, ...Metric[]]);

/**
 * Economic and entitlement statuses recorded on an elder (set by the coordinator from the civil-affairs
 * registers): 特困 extreme poverty, 低保 minimum living allowance, 低收入 low income, 计划生育特殊家庭
 * family-planning special family, 优抚对象 entitled groups (veterans, martyrs' families).
 */
export const ECONOMIC_STATUSES = [
  'extreme_poverty',
  'subsistence',
  'low_income',
  'family_planning_special',
  'entitled_group',
] as const;
export const economicStatusSchema = z.enum(ECONOMIC_STATUSES);
export type EconomicStatus = z.infer<typeof economicStatusSchema>;
