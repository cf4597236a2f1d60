/** One jest run for the whole repo: unit, integration and browser suites. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@diem-cau/shared$': '<rootDir>/shared/src/index.ts', '^@diem-cau/shared/testing$': '<rootDir>/shared/src/testing/index.ts' },
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  transformIgnorePatterns: ['/node_modules/(?!(mediasoup-client|awaitqueue|h264-profile-level-id|supports-color|fake-mediastreamtrack)/)'],
};
module.exports = {
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'shared', rootDir: __dirname, testMatch: ['<rootDir>/shared/src/**/*.test.ts'] },
    { ...common, displayName: 'server', rootDir: __dirname, testMatch: ['<rootDir>/server/src/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts'], testEnvironment: 'node' },
    { ...common, displayName: 'client', rootDir: __dirname, testMatch: ['<rootDir>/client/src/**/*.test.ts?(x)'], testEnvironment: 'jsdom' },
    { ...common, displayName: 'e2e', rootDir: __dirname, testMatch: ['<rootDir>/e2e/**/*.test.ts'], testEnvironment: 'node' },
  ],
};
