// There is one form: a submission through the API that carries data.form changes the form staff
// read (API answer, workbench page), not only the workflow's copy.
import { expect, it } from 'vitest';
import { workflowFor } from '../../workflows/index';
import { apiRequest, apiToken, get, login, makeTestApp } from '../helpers/index';
import { attachAllDocuments, userByEmail } from '../engine/drive';

it('applicant.submit with data.form makes that the case\u2019s one form', async () => {
  const { app, deps } = await makeTestApp();
  const ent = await apiToken(app, 'ent1@demo.local');
  const example = workflowFor('special-fund')!.formExample as Record<string, unknown>;
  const created = (await (await apiRequest(app, 'POST', '/api/v1/cases', { programme: 'special-fund', form: example }, ent)).json()) as any;
  attachAllDocuments(deps, created.id, 'special-fund', userByEmail(deps, 'ent1@demo.local').id);
  const renamed = { ...example, projectName: '提交时改名的培训基地项目' };
  const sent = await apiRequest(app, 'POST', `/api/v1/cases/${created.id}/events`, { type: 'applicant.submit', version: created.version, data: { form: renamed } }, ent);
  expect(sent.status).toBe(200);
  expect(((await sent.json()) as any).form.projectName).toBe('提交时改名的培训基地项目');

  const officer = await apiToken(app, 'officer@demo.local');
  const staffView = (await (await apiRequest(app, 'GET', `/api/v1/cases/${created.id}`, undefined, officer)).json()) as any;
  expect(staffView.form.projectName).toBe('提交时改名的培训基地项目');
  const s = await login(app, 'officer@demo.local');
  const page = await (await get(app, `/workbench/cases/${created.id}`, s.cookie)).text();
  expect(page).toContain('提交时改名的培训基地项目');
  expect(page).not.toContain(String(example.projectName));
});
