// Flat ESLint config. The engine block is what keeps the simulator deterministic and UI-free:
// the rules there are the boundary described in ../shared/DESIGN.md, enforced by tooling.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nondeterministicGlobals = [
  'performance',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'queueMicrotask',
  'document',
  'window',
  'navigator',
  'localStorage',
  'sessionStorage',
  'crypto',
  'fetch',
  'Date',
].map((name) => ({
  name,
  message: `The engine must stay pure and deterministic: no '${name}' in src/engine (see DESIGN.md).`,
}));

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage', '.vite'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='html']",
          message: 'Never build markup from strings: use selection.text or JSX.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-globals': ['error', ...nondeterministicGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded streams in rng.ts.' },
        { object: 'Date', property: 'now', message: 'Simulated time only: state.nowUs.' },
        { object: 'performance', property: 'now', message: 'Simulated time only: state.nowUs.' },
        {
          object: 'Math',
          property: 'log',
          message: 'Not bit-identical across JS engines: use detMath.ts.',
        },
        {
          object: 'Math',
          property: 'exp',
          message: 'Not bit-identical across JS engines: use detMath.ts.',
        },
        {
          object: 'Math',
          property: 'pow',
          message: 'Not bit-identical across JS engines: use detMath.ts.',
        },
        { object: 'Math', property: 'sin', message: 'Not bit-identical across JS engines.' },
        { object: 'Math', property: 'cos', message: 'Not bit-identical across JS engines.' },
        {
          object: 'Math',
          property: 'log2',
          message: 'Not bit-identical across JS engines: use detMath.ts.',
        },
        {
          object: 'Math',
          property: 'log10',
          message: 'Not bit-identical across JS engines: use detMath.ts.',
        },
        {
          object: 'Math',
          property: 'sqrt',
          message: 'Use detMath.ts so variates stay bit-identical.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'The engine has no UI: no React in src/engine.',
            },
            { group: ['d3', 'd3-*'], message: 'The engine has no rendering: no D3 in src/engine.' },
            {
              group: ['zustand', 'zustand/*'],
              message: 'Stores live in src/store, not the engine.',
            },
            {
              group: ['**/store', '**/store/*', '**/ui', '**/ui/*', '**/viz', '**/viz/*', 'node:*'],
              message:
                'Data flows one way: the engine must not import store, ui, viz or Node modules.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ForInStatement',
          message:
            'for..in walks keys in an order that depends on how they were added; iterate arrays.',
        },
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'Simulated time only: no wall clock in the engine.',
        },
      ],
    },
  },
  {
    // Tests of the engine may use Node's modules; the engine itself may not.
    // Tests may compare the deterministic math with the platform's.
    files: ['src/engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-properties': 'off' },
  },
);
