/** Configuration: no settings means the embedded stack; a bad setting stops start-up naming it. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('defaults to the embedded database and broker with demo data', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.MQTT_URL).toBeUndefined();
    expect(c.PORT).toBe(3000);
    expect(c.MQTT_PORT).toBe(1883);
    expect(c.DEMO_DATA).toBe(true);
    expect(c.TZ).toBe('Asia/Shanghai');
    expect(c.MQTT_SHARED_GROUP).toBe('hub');
    expect(c.COOKIE_SECURE).toBe(false);
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(path.isAbsolute(c.dashboardDir)).toBe(true);
    expect(c.dashboardDir.endsWith(path.join('dashboard', 'dist'))).toBe(true);
  });

  it('leaves the DC-09 receiver off unless a port is set (empty = off), and refuses a bad port', () => {
    const off = loadConfig({});
    expect([off.DC09_TCP_PORT, off.DC09_UDP_PORT]).toEqual([undefined, undefined]);
    const empty = loadConfig({ DC09_TCP_PORT: '', DC09_UDP_PORT: ' ' });
    expect([empty.DC09_TCP_PORT, empty.DC09_UDP_PORT]).toEqual([undefined, undefined]);
    expect(loadConfig({ DC09_TCP_PORT: '9000', DC09_UDP_PORT: '0' })).toMatchObject({
      DC09_TCP_PORT: 9000,
      DC09_UDP_PORT: 0,
    });
    expect(configError({ DC09_TCP_PORT: 'abc' }).message).toContain('DC09_TCP_PORT');
    expect(configError({ DC09_UDP_PORT: '70000' }).message).toContain('DC09_UDP_PORT');
  });

  it('treats empty DATABASE_URL / MQTT_URL as unset (embedded)', () => {
    const c = loadConfig({ DATABASE_URL: '', MQTT_URL: '  ' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.MQTT_URL).toBeUndefined();
  });

  it('accepts real-server settings', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://hub:pw@db:5432/hub',
      MQTT_URL: 'mqtt://broker:1883',
      DEMO_DATA: 'false',
      INGEST_BATCH_SIZE: '500',
      DATA_DIR: '/tmp/x',
      DASHBOARD_DIR: 'dist',
    });
    expect(c.PORT).toBe(8080);
    expect(c.DATABASE_URL).toBe('postgres://hub:pw@db:5432/hub');
    expect(c.MQTT_URL).toBe('mqtt://broker:1883');
    expect(c.DEMO_DATA).toBe(false);
    expect(c.INGEST_BATCH_SIZE).toBe(500);
    expect(c.dataDir).toBe('/tmp/x');
    expect(c.dashboardDir).toBe(path.resolve('dist'));
    expect(loadConfig({ DATABASE_URL: 'postgresql://localhost/hub' }).DATABASE_URL).toBe('postgresql://localhost/hub');
  });

  it.each(['abc', '-1', '65536', '80.5'])('refuses PORT=%s naming PORT', (v) => {
    expect(configError({ PORT: v }).message).toMatch(/\bPORT\b/);
  });

  it.each(['not a url', 'mysql://db/hub', 'http://db:5432/hub'])('refuses DATABASE_URL=%s naming it', (v) => {
    const err = configError({ DATABASE_URL: v });
    expect(err.message).toContain('DATABASE_URL');
    expect(err.message).not.toMatch(/\bMQTT_URL\b/);
  });

  it('names every bad setting at once', () => {
    const err = configError({ PORT: 'x', MQTT_URL: 'http://broker', LOG_LEVEL: 'loud', HUB_ID: 'has space' });
    for (const name of ['PORT', 'MQTT_URL', 'LOG_LEVEL', 'HUB_ID']) expect(err.message).toContain(name);
  });

  it('limits failed logins per source address by default, and reads trusted proxies', () => {
    const d = loadConfig({});
    expect(d.LOGIN_IP_MAX_FAILURES).toBe(20);
    expect(d.LOGIN_IP_WINDOW_SECONDS).toBe(900);
    expect(d.TRUSTED_PROXIES).toEqual([]);
    const c = loadConfig({ TRUSTED_PROXIES: ' 10.0.0.0/8, ::1 ,', LOGIN_IP_MAX_FAILURES: '50' });
    expect(c.TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '::1']);
    expect(c.LOGIN_IP_MAX_FAILURES).toBe(50);
    expect(configError({ TRUSTED_PROXIES: 'localhost' }).message).toContain('TRUSTED_PROXIES');
    expect(configError({ LOGIN_IP_MAX_FAILURES: '0' }).message).toContain('LOGIN_IP_MAX_FAILURES');
  });

  it('refuses a short admin password and a bad email', () => {
    expect(configError({ HUB_ADMIN_PASSWORD: 'short' }).message).toContain('HUB_ADMIN_PASSWORD');
    expect(configError({ HUB_ADMIN_EMAIL: 'nope' }).message).toContain('HUB_ADMIN_EMAIL');
  });
});
