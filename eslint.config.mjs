// Lint: type-only imports, no .only, no throwing literals, React hooks rules, and the
// boundary that keeps the domain core pure (shared imports no I/O, network or UI library).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const ONLY = ['describe', 'it', 'test'].map((object) => ({ object, property: 'only', message: 'No .only in committed tests.' }));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', '.artifacts/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-throw-literal': 'error',
      'no-restricted-properties': ['error', ...ONLY],
    },
  },
  { files: ['**/*.d.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['socket.io', 'socket.io-client', 'express', 'react', 'react-dom', 'better-sqlite3', 'ioredis', 'pino', 'werift', 'mediasoup*', 'node:*', 'fs', 'path', 'crypto', 'http'], message: 'shared/ is the pure domain core: no I/O, network or UI imports.' },
          { group: ['**/server/**', '**/client/**'], message: 'shared/ must not import from server/ or client/.' },
        ],
      }],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', 'better-sqlite3', 'express', 'socket.io'], message: 'The client talks to the hub only over HTTP and Socket.IO.' }] }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/client/**', 'react', 'react-dom'], message: 'The server does not import the client.' }] }] },
  },
);
