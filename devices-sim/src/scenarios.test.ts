import { describe, expect, it } from 'vitest';
import { parseDuration, parseScenario, ScenarioError } from './scenarios.js';

describe('scenario parsing', () => {
  it('parses durations', () => {
    expect(parseDuration('10s')).toBe(10_000);
    expect(parseDuration('10')).toBe(10_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1.5m')).toBe(90_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(() => parseDuration('soon')).toThrow(ScenarioError);
    expect(() => parseDuration('-3s')).toThrow(ScenarioError);
  });

  it('parses the documented forms', () => {
    expect(parseScenario('sos@10s')).toEqual({ raw: 'sos@10s', name: 'sos', atMs: 10_000, options: {} });
    expect(parseScenario('fall@30s:cancel')).toMatchObject({ name: 'fall', atMs: 30_000, options: { cancel: true } });
    expect(parseScenario('fall@30s:cancel=8s')).toMatchObject({ options: { cancel: '8s' } });
    expect(parseScenario('storm@60s')).toMatchObject({ name: 'storm', atMs: 60_000 });
    expect(parseScenario('storm@1m:rate=20:for=10s:type=smoke:dup=0.2')).toMatchObject({
      atMs: 60_000,
      options: { rate: '20', for: '10s', type: 'smoke', dup: '0.2' },
    });
    expect(parseScenario('surge@2m:count=50:for=30s')).toMatchObject({ name: 'surge', options: { count: '50' } });
    expect(parseScenario('quiet')).toMatchObject({ name: 'quiet', atMs: 0 });
    expect(parseScenario('offline@20s:back=30s:target=h0003')).toMatchObject({
      options: { back: '30s', target: 'h0003' },
    });
  });

  it('accepts aliases and any case', () => {
    expect(parseScenario('badpayloads@5s').name).toBe('bad');
    expect(parseScenario('Wandering@5s').name).toBe('wander');
    expect(parseScenario('low-battery').name).toBe('lowbattery');
  });

  it('refuses mistakes with a clear message', () => {
    expect(() => parseScenario('explode@5s')).toThrow(/unknown scenario "explode"/);
    expect(() => parseScenario('sos@soon')).toThrow(/bad duration/);
    expect(() => parseScenario('sos@1s@2s')).toThrow(/one @time/);
    expect(() => parseScenario('sos@1s:rate=5')).toThrow(/unknown option "rate"/);
    expect(() => parseScenario('sos@1s:count=0')).toThrow(/positive/);
    expect(() => parseScenario('sos@1s:count')).toThrow(/needs a value/);
    expect(() => parseScenario('storm@1s:type=explosion')).toThrow(/type must be/);
    expect(() => parseScenario('storm@1s:dup=2')).toThrow(/between 0 and 1/);
    expect(() => parseScenario('offline@1s:back=later')).toThrow(/bad duration/);
  });
});
