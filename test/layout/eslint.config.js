// The import direction of STYLE.md as lint rules, so a wrong import fails `npm test` (and the
// editor) the moment it is written: routes/api → domain → db, routes → views, domain → workflows
// and pdf; workflows/ import nothing of the application, views/ never reach the database.
// Only this rule is on: the shape of the code is prettier's job, its logic the type checker's.
import tsParser from '@typescript-eslint/parser';

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const LAYERS = {
  routes: { regex: '(^|/)(src/)?routes(/|$)', message: 'Only src/app.ts mounts routes; lower layers never import them.' },
  api: { regex: '(^|/)(src/)?api(/|$)', message: 'Only src/app.ts mounts the API; lower layers never import it.' },
  views: { regex: '(^|/)views(/|$)', message: 'Views are rendered by routes, not imported by the domain or the database.' },
  domain: { regex: '(^|/)(src/)?domain(/|$)', message: 'The database layer does not call the domain.' },
};

export default [
  { ignores: ['node_modules/**', 'src/db/migrations/**', 'test-output/**'] },
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    // Inline comments may name rules of plugins not loaded here (typescript-eslint's): this lint has
    // one rule, and nothing may switch it off in a file.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: restrict(
      {
        regex: '^(?!\\.{1,2}/|xstate(/|$)|zod(/|$))',
        message: 'Workflows are pure: xstate, zod and other workflow files only (STYLE.md).',
      },
      {
        regex: '^(\\.\\./)+(src|views|test)(/|$)',
        message: 'Workflows are pure: nothing of src/, views/ or test/ (STYLE.md).',
      },
    ),
  },
  {
    files: ['views/**/*.{ts,tsx}'],
    rules: restrict(
      {
        regex: '(^|/)src/db(/|$)|^(drizzle-orm|better-sqlite3)(/|$)',
        message: 'Views are functions of data: the route loads it, the view never reaches the database (STYLE.md).',
      },
      LAYERS.routes,
      LAYERS.api,
    ),
  },
  { files: ['src/domain/**/*.ts', 'src/pdf/**/*.ts'], rules: restrict(LAYERS.routes, LAYERS.api, LAYERS.views) },
  { files: ['src/db/**/*.ts'], rules: restrict(LAYERS.routes, LAYERS.api, LAYERS.views, LAYERS.domain) },
];
