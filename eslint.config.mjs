// Type-aware lint for every workspace. Each workspace runs `eslint .` from its own folder,
// and this root config is found by walking up.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { readdirSync } from 'node:fs';

// The house rules on who may import whom, as import zones (paths from the repository root).
const dirsIn = (path) =>
  readdirSync(new URL(path, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
const features = dirsIn('./frontend/src/features/');
const modules = dirsIn('./backend/src/modules/');
const importZones = [
  // Front end: a feature is self-contained; what two features share lives in shared code.
  ...features.map((feature) => ({
    target: `./frontend/src/features/${feature}`,
    from: './frontend/src/features',
    except: [`./${feature}`],
    message:
      'Features never import other features; move what they share to components, hooks or lib.',
  })),
  {
    target: ['./frontend/src/components', './frontend/src/hooks', './frontend/src/lib'],
    from: ['./frontend/src/features', './frontend/src/app'],
    message: 'Shared code never imports features or the app shell.',
  },
  // Back end: lib is below everything; modules meet only through services.
  {
    target: './backend/src/lib',
    from: ['./backend/src/modules', './backend/src/middleware'],
    message: 'backend/src/lib never imports modules or middleware.',
  },
  ...modules.map((module) => ({
    target: `./backend/src/modules/${module}`,
    from: './backend/src/modules',
    except: [
      `./${module}`,
      ...modules
        .filter((other) => other !== module)
        .map((other) => `./${other}/${other}.service.ts`),
    ],
    message: 'A module reaches another module only through its service (<module>.service.ts).',
  })),
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/coverage/**', '**/node_modules/**', 'backups/**', '**/*.config.*'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': {
        // Each workspace's own tsconfig, so the front end's `@/` alias resolves.
        typescript: {
          noWarnOnMultipleProjects: true,
          project: ['frontend/tsconfig.json', 'backend/tsconfig.json', 'e2e/tsconfig.json'],
        },
        node: true,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Knex results are `any`; repositories type them with one assertion at the boundary,
      // which this rule would push into knex's less precise generics.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        { basePath: import.meta.dirname, zones: importZones },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['db/migrations/**/*.js', 'scripts/**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
      sourceType: 'commonjs',
    },
  },
  {
    // supertest and fetch bodies are untyped by nature; assertions check their shape.
    files: ['**/*.test.{ts,tsx}', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['backend/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // One startup path: only config.ts reads the environment.
    files: ['backend/src/**/*.ts'],
    ignores: ['backend/src/lib/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through lib/config.ts.',
        },
      ],
    },
  },
  {
    files: ['frontend/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Shared code by its place in src (`@/lib/quantity`), not by counting folders.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../*'], message: 'Import from src through the @/ alias.' }] },
      ],
    },
  },
  prettier,
);
