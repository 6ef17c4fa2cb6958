// A client generated from the served openapi.json by a standard generator (openapi-typescript,
// used with openapi-fetch) creates a case, sends events and downloads a decision, against a real
// HTTP server. The generated types are checked against the integrator's program first.
import { serve, type ServerType } from '@hono/node-server';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, makeTestApp } from '../helpers/index';

const root = join(import.meta.dirname, '../..');
let server: ServerType | undefined;
afterAll(() => { server?.close(); });

it('a client generated from openapi.json creates a case, sends events and downloads the decision letter', async () => {
  const t = await makeTestApp({ now: new Date() });
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server!.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Generate from the document as served, like an integrator would.
  const ast = await openapiTS(new URL(`${base}/api/v1/openapi.json`), {
    // Binary fields of multipart bodies are Blobs for fetch (openapi-typescript's documented transform).
    transform: (schema) => ((schema as { contentMediaType?: string }).contentMediaType === 'application/octet-stream' ? ts.factory.createTypeReferenceNode('Blob') : undefined),
  });
  const out = join(root, 'test-output/openapi-client');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'api.d.ts'), astToString(ast));

  // The program must type-check against the generated client (a wrong path, body or field fails here).
  const scenarioFile = join(root, 'test/openapi/client-scenario.ts');
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
  const program = ts.createProgram([scenarioFile], { ...options, noEmit: true, types: ['node'] });
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName.includes('client-scenario'));
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);

  const { runScenario } = await import('./client-scenario');
  const result = await runScenario(base, DEMO_PASSWORD);
  expect(result.state).toBe('declined');
  expect(result.decision.number).toMatch(/^EXIM-\d{4}-\d{5}$/);
  expect(new TextDecoder().decode(result.decision.pdf.slice(0, 5))).toBe('%PDF-');
}, 120_000);
