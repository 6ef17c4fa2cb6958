import { beforeEach, describe, expect, it } from 'vitest';
import { apiRequest, apiToken, DEMO_PASSWORD, makeTestApp, type TestApp } from '../helpers/index';

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
}

describe('POST /api/v1/tokens', () => {
  let t: TestApp;
  beforeEach(async () => { t = await makeTestApp(); });

  it('answers 201 with a token that opens the API', async () => {
    const res = await apiRequest(t.app, 'POST', '/api/v1/tokens', { email: 'cdb@demo.local', password: DEMO_PASSWORD });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    expect(token).toMatch(/^\S{40,}$/);
    expect((await apiRequest(t.app, 'GET', '/api/v1/programmes', undefined, token)).status).toBe(200);
  });

  it('refuses a wrong password with 401 in the error shape of API.md', async () => {
    await expectError(await apiRequest(t.app, 'POST', '/api/v1/tokens', { email: 'cdb@demo.local', password: 'nope-nope-nope' }), 401, 'UNAUTHENTICATED');
  });

  it('refuses a request without a token, or with a made-up one, with 401', async () => {
    await expectError(await apiRequest(t.app, 'GET', '/api/v1/programmes'), 401, 'UNAUTHENTICATED');
    await expectError(await apiRequest(t.app, 'GET', '/api/v1/programmes', undefined, 'cj_made-up'), 401, 'UNAUTHENTICATED');
  });

  it('answers malformed JSON with 400', async () => {
    await expectError(await apiRequest(t.app, 'POST', '/api/v1/tokens', '{"email": "cdb@demo.local",'), 400, 'BAD_REQUEST');
    await expectError(await apiRequest(t.app, 'POST', '/api/v1/tokens', '["cdb@demo.local"]'), 400, 'BAD_REQUEST');
  });

  it('answers a body over 1 MB with 413', async () => {
    const big = JSON.stringify({ email: 'cdb@demo.local', password: 'x'.repeat(1024 * 1024 + 10) });
    await expectError(await apiRequest(t.app, 'POST', '/api/v1/tokens', big), 413, 'TOO_LARGE');
  });

  it('is throttled like the login page (429)', async () => {
    for (let i = 0; i < 10; i++) await apiRequest(t.app, 'POST', '/api/v1/tokens', { email: 'exim@demo.local', password: 'wrong-password' });
    await expectError(await apiRequest(t.app, 'POST', '/api/v1/tokens', { email: 'exim@demo.local', password: DEMO_PASSWORD }), 429, 'TOO_MANY_REQUESTS');
    expect(await apiToken(t.app, 'sinosure@demo.local')).toBeTruthy();
  });

  it('stops working once revoked', async () => {
    const token = await apiToken(t.app, 'exim@demo.local');
    expect((await apiRequest(t.app, 'DELETE', '/api/v1/tokens/current', undefined, token)).status).toBe(204);
    await expectError(await apiRequest(t.app, 'GET', '/api/v1/programmes', undefined, token), 401, 'UNAUTHENTICATED');
  });

  it('answers an unknown API route with 404 JSON', async () => {
    await expectError(await apiRequest(t.app, 'GET', '/api/v1/no-such-thing'), 404, 'NOT_FOUND');
  });
});
