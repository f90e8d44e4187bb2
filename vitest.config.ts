import { defineConfig } from 'vitest/config';

// Test tiers: `unit` (beside the code, no servers), `integration` (real embedded TimescaleDB and
// embedded broker, started per test file), `real` (the machine's PostgreSQL and Mosquitto, via
// TEST_DATABASE_URL / TEST_MQTT_URL), `e2e` (a real Chromium against a running hub).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'hub/src/**/*.test.ts',
            'devices-sim/src/**/*.test.ts',
            'dashboard/src/**/*.test.ts',
          ],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'devices-sim/src/**/*.integration.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'real',
          include: ['test/real/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
