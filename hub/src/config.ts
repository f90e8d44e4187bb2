/** Environment, validated once at start-up. process.env is read nowhere else. */
import path from 'node:path';
import { z } from 'zod';
import { isAddressOrRange } from './http/client-address.js';

const port = z.coerce.number().int().min(0).max(65535);
/** A port that may be left unset (or empty): off. */
const optionalPort = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : undefined))
  .pipe(z.number().int().min(0).max(65535).optional());
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(
      z
        .url()
        .refine(
          (u) => URL.canParse(u) && protocols.includes(new URL(u).protocol),
          `must start with ${protocols.join(' or ')}//`,
        )
        .optional(),
    )
    .optional();

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().default('0.0.0.0'),
  MQTT_PORT: port.default(1883),
  MQTT_HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  MQTT_URL: optionalUrl(['mqtt:', 'mqtts:', 'tcp:', 'ws:', 'wss:']),
  /** Redis for sharing socket.io rooms between several hubs (scale-out). */
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  /** MQTT username/password of the hub itself on an external broker. */
  MQTT_USERNAME: z.string().optional(),
  MQTT_PASSWORD: z.string().optional(),
  /** Shared-subscription group (MQTT 5) so several hubs split the device load. Empty = plain subscription. */
  MQTT_SHARED_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/)
    .default('hub'),
  /** Client id of this hub on the broker; must be stable across restarts for a persistent session. */
  HUB_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .default('hub-1'),
  /**
   * Several hubs (external broker): a hub silent in the database this long has its MQTT session
   * taken over by a live peer, so alarms the broker queued for it are not stuck (cluster/).
   */
  HUB_PEER_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(10_000),
  TZ: z.string().default('Asia/Shanghai'),
  HUB_ADMIN_EMAIL: z.email().optional(),
  HUB_ADMIN_PASSWORD: z.string().min(10, 'HUB_ADMIN_PASSWORD: at least 10 characters').optional(),
  /** Load the demo district (two institutions, ~50 elders at home, their devices) into an empty database. */
  DEMO_DATA: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * With demo data: a light built-in simulation of the demo district's own devices over the hub's
   * embedded broker (vitals, bed state, an occasional alarm), so a new install shows a working centre.
   */
  DEMO_SIMULATION: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Demo simulation: base telemetry interval of the wearables (fixed sensors send less often). */
  DEMO_SIM_TELEMETRY_SECONDS: z.coerce.number().min(0.05).max(3600).default(60),
  /** Demo simulation: mean minutes between two simulated alarms. */
  DEMO_SIM_ALARM_MINUTES: z.coerce.number().min(0.01).max(1440).default(8),
  /** With demo data: seed the last 30 days of incidents, vitals and meals when the demo district is created. */
  DEMO_HISTORY: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Embedded broker: messages a second each device may publish (sustained; 0 = no limit) and at once. */
  MQTT_DEVICE_RATE: z.coerce.number().min(0).max(100_000).default(100),
  MQTT_DEVICE_BURST: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  /** Embedded broker: seconds a new connection has to send its CONNECT before it is closed. */
  MQTT_CONNECT_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(10),
  /** socket.io heartbeat: a client that does not answer a ping within the timeout is dropped (stuck clients). */
  SOCKET_PING_INTERVAL_MS: z.coerce.number().int().min(200).max(120_000).default(10_000),
  SOCKET_PING_TIMEOUT_MS: z.coerce.number().int().min(200).max(120_000).default(10_000),
  /** Ingest: rows per database batch and the most rows held in memory before back-pressure. */
  INGEST_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(2000),
  INGEST_QUEUE_MAX: z.coerce.number().int().min(100).max(1_000_000).default(100_000),
  INGEST_FLUSH_MS: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Days readings are kept (retention) and after how many days chunks are compressed. */
  RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  COMPRESS_AFTER_DAYS: z.coerce.number().int().min(1).default(7),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Serve the built dashboard from this folder. */
  DASHBOARD_DIR: z.string().optional(),
  /** Set when the hub runs behind TLS: session cookies get the Secure flag. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** API reads in progress at most; more are answered 503 with Retry-After (the alarm path and jobs go first). */
  API_MAX_READS: z.coerce.number().int().min(1).max(10_000).default(64),
  /** Failed logins one source address may make in LOGIN_IP_WINDOW_SECONDS before its logins get 429. */
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(1_000_000).default(20),
  LOGIN_IP_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 86400)
    .default(900),
  /** SIA DC-09 alarm receiver (modules/dc09): TCP and/or UDP port; each is off unless set (0 = any free port). */
  DC09_TCP_PORT: optionalPort,
  DC09_UDP_PORT: optionalPort,
  DC09_HOST: z.string().default('0.0.0.0'),
  /** Secret the DC-09 AES keys are sealed with at rest; default: a random one in DATA_DIR. Same on every hub. */
  DC09_KEY_SECRET: z.string().min(16, 'DC09_KEY_SECRET: at least 16 characters').optional(),
  /** Replay window: how far a DC-09 message's timestamp may lag behind / run ahead of the hub's clock. */
  DC09_WINDOW_PAST_SECONDS: z.coerce.number().int().min(1).max(3600).default(40),
  DC09_WINDOW_FUTURE_SECONDS: z.coerce.number().int().min(1).max(3600).default(20),
  /**
   * Reverse proxies (IP addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is believed.
   * Empty: the source address is always the TCP peer's.
   */
  /** The hub's address as people's phones reach it: links in notifications (docs/notifications.md). */
  PUBLIC_URL: z.string().trim().default('http://localhost:3000'),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3600_000).default(2000),
  NOTIFY_RETRY_MAX_MS: z.coerce
    .number()
    .int()
    .min(10)
    .max(24 * 3600_000)
    .default(300_000),
  NOTIFY_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  NOTIFY_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  NOTIFY_REPLY_TTL_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(24),
  /** DingTalk and WeCom group robots take 20 messages a minute each. */
  NOTIFY_ROBOT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  NOTIFY_LINK_SECRET: z.string().min(16).optional(),
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  VAPID_SUBJECT: z.string().default('mailto:admin@localhost'),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  SMTP_FROM: z.string().default('Eldercare hub <noreply@localhost>'),
  SMS_PROVIDER: z.enum(['', 'aliyun', 'tencent']).default(''),
  VOICE_PROVIDER: z.enum(['', 'aliyun']).default(''),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().refine(isAddressOrRange, 'must be IP addresses or CIDR ranges, comma-separated'))),
});

export type Config = z.output<typeof configSchema> & {
  dataDir: string;
  dashboardDir: string;
  /** SMS/voice provider settings (ALIYUN_*, TENCENT_*, SMS_PROVIDER, VOICE_PROVIDER), read by providers/index.ts. */
  providerEnv: Record<string, string | undefined>;
};

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError naming every bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const root = path.resolve(import.meta.dirname, '../..');
  return {
    ...c,
    providerEnv: Object.fromEntries(
      Object.entries(env).filter(([k]) => /^(ALIYUN_|TENCENT_|SMS_PROVIDER$|VOICE_PROVIDER$)/.test(k)),
    ),
    // Relative paths are relative to where the user ran the command (npm runs workspace scripts
    // from the workspace folder; INIT_CWD is where `npm start` was typed).
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), c.DATA_DIR),
    dashboardDir: c.DASHBOARD_DIR
      ? path.resolve(env.INIT_CWD ?? process.cwd(), c.DASHBOARD_DIR)
      : path.join(root, 'dashboard/dist'),
  };
}
