// One Jest run for the whole monorepo: pure library tests, API end-to-end tests
// on a real PostgreSQL, and cross-app tests under test/.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }];
const moduleNameMapper = {
  '^@spiraal/(domain|collab|search|interchange|privacy)$': '<rootDir>/libs/$1/src/index.ts',
};

// meilisearch ships ES modules only; Jest runs CommonJS, so its files are compiled too.
const esmOnly = [
  'ts-jest',
  { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', isolatedModules: true } },
];

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest, '/node_modules/meilisearch/.+\\.js$': esmOnly },
  transformIgnorePatterns: ['/node_modules/(?!meilisearch/)'],
  moduleNameMapper,
};

module.exports = {
  // A global option: end-to-end tests start servers and browsers.
  testTimeout: 30_000,
  projects: [
    {
      ...base,
      displayName: 'libs',
      testMatch: ['<rootDir>/libs/*/src/**/*.spec.ts', '<rootDir>/test/architecture/**/*.spec.ts'],
    },
    {
      ...base,
      displayName: 'api',
      testMatch: [
        '<rootDir>/apps/api/src/**/*.spec.ts',
        '<rootDir>/test/api/**/*.e2e.ts',
        '<rootDir>/test/collab/**/*.e2e.ts',
        '<rootDir>/test/search/**/*.e2e.ts',
        '<rootDir>/test/web/**/*.e2e.ts',
        '<rootDir>/test/ops/**/*.e2e.ts',
      ],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
    },
  ],
};
