// The import direction of STYLE.md, enforced: workflows/ are pure (xstate, zod and each other,
// nothing of src/ or views/), and views/ never reach the database. Every import and export-from
// of every source file is read, static and dynamic, so a new file is checked the day it appears.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Module specifiers of `import … from`, `export … from`, `import '…'` and `import('…')`. */
export function specifiers(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of code.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

/** Where a specifier points: a repository path for relative ones, the package name otherwise. */
const target = (file: string, spec: string) => (spec.startsWith('.') ? relative(root, resolve(root, dirname(file), spec)) : spec);

function violations(dir: string, allowed: (t: string) => boolean): string[] {
  const bad: string[] = [];
  for (const file of sources(dir)) {
    for (const spec of specifiers(readFileSync(join(root, file), 'utf8'))) {
      const t = target(file, spec);
      if (!allowed(t)) bad.push(`${file} imports ${spec}`);
    }
  }
  return bad;
}

describe('import direction (STYLE.md)', () => {
  it('reads every kind of import', () => {
    expect(specifiers(`import a from './a';\nimport type { B } from "../b";\nexport { c } from './c';\nimport './d';\nconst e = await import('../e');\nexport * from 'zod';`))
      .toEqual(['./a', '../b', './c', './d', '../e', 'zod']);
  });

  it('keeps workflows/ pure: xstate, zod and other workflow files only', () => {
    expect(violations('workflows', (t) => t === 'xstate' || t === 'zod' || t.startsWith('xstate/') || t.startsWith('workflows/'))).toEqual([]);
  });

  it('keeps the database out of views/', () => {
    expect(violations('views', (t) => !t.startsWith('src/db') && !/^(drizzle-orm|better-sqlite3)(\/|$)/.test(t))).toEqual([]);
  });

  it('would catch a workflow that reached into src/ and a view that reached the database', () => {
    const reach = (file: string, code: string) => specifiers(code).map((s) => target(file, s));
    expect(reach('workflows/x.ts', `import { db } from '../src/db/client';`)).toEqual(['src/db/client']);
    expect(reach('views/pages/x.tsx', `import { cases } from '../../src/db/schema/index';`)).toEqual(['src/db/schema/index']);
  });

  it('is also the lint of `npm test` (test/layout/eslint.config.js), which refuses each wrong direction', async () => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'test/layout/eslint.config.js') });
    const refused = async (filePath: string, code: string) =>
      (await eslint.lintText(code, { filePath })).flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(await refused('workflows/x.ts', `import { db } from '../src/db/client';`)).toEqual(['no-restricted-imports']);
    expect(await refused('workflows/x.ts', `import { Hono } from 'hono';`)).toEqual(['no-restricted-imports']);
    expect(await refused('views/pages/x.tsx', `import { eq } from 'drizzle-orm';`)).toEqual(['no-restricted-imports']);
    expect(await refused('src/domain/cases/x.ts', `export * from '../../routes/portal';`)).toEqual(['no-restricted-imports']);
    expect(await refused('src/db/x.ts', `import { submit } from '../domain/cases/submit';`)).toEqual(['no-restricted-imports']);
    expect(await refused('workflows/x.ts', `import { z } from 'zod';\nimport { bi } from './labels';`)).toEqual([]);
    expect(await refused('src/routes/x.tsx', `import { cases } from '../db/schema/index';\nimport { Layout } from '../../views/layout';`)).toEqual([]);
  });
});
