// An integrator's program written against the client generated from /api/v1/openapi.json
// (openapi-typescript types + openapi-fetch): create a case, upload its documents, send events
// as the applicant and the bank, and download the decision letter. client.test.ts generates the
// types, type-checks this file against them, then runs it against a real server.
import createClient from 'openapi-fetch';
// @ts-ignore -- written by client.test.ts from the served document before this file is compiled
import type { components, paths } from '../../test-output/openapi-client/api';

type Form = components['schemas']['Form.exim-order-finance'];
type DocumentKind = components['schemas']['DocumentUpload']['kind'];

const PDF = new TextEncoder().encode('%PDF-1.4\n% generated client\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export async function runScenario(base: string, password: string): Promise<{ caseId: number; state: string; decision: { number: string; pdf: Uint8Array } }> {
  const baseUrl = `${base}/api/v1`;
  const anonymous = createClient<paths>({ baseUrl });
  const signIn = async (email: string) => {
    const { data, error } = await anonymous.POST('/tokens', { body: { email, password } });
    if (!data) throw new Error(`sign-in of ${email}: ${JSON.stringify(error)}`);
    return { token: data.token, client: createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${data.token}` } }) };
  };
  const applicant = await signIn('ent1@demo.local');
  const bank = await signIn('exim@demo.local');

  const programme = await applicant.client.GET('/programmes/{code}', { params: { path: { code: 'exim-order-finance' } } });
  if (!programme.data) throw new Error(`programme: ${JSON.stringify(programme.error)}`);
  const created = await applicant.client.POST('/cases', { body: { programme: 'exim-order-finance', form: programme.data.example as Form } });
  if (!created.data) throw new Error(`create: ${JSON.stringify(created.error)}`);
  const id = created.data.id;

  for (const doc of programme.data.documents.filter((d: { required: boolean }) => d.required)) {
    const up = await applicant.client.POST('/cases/{id}/documents', {
      params: { path: { id } },
      body: { kind: doc.kind as DocumentKind, file: new Blob([PDF], { type: 'application/pdf' }) },
      bodySerializer: (b: { kind: string; file: Blob }) => {
        const fd = new FormData();
        fd.set('kind', b.kind);
        fd.set('file', b.file, `${doc.kind}.pdf`);
        return fd;
      },
    });
    if (!up.data) throw new Error(`upload ${doc.kind}: ${JSON.stringify(up.error)}`);
  }

  const submitted = await applicant.client.POST('/cases/{id}/events', {
    params: { path: { id } }, body: { type: 'applicant.submit', version: created.data.version },
  });
  if (!submitted.data) throw new Error(`submit: ${JSON.stringify(submitted.error)}`);

  const seen = await bank.client.GET('/cases/{id}', { params: { path: { id } } });
  if (!seen.data) throw new Error(`bank reads: ${JSON.stringify(seen.error)}`);
  const declined = await bank.client.POST('/cases/{id}/events', {
    params: { path: { id } },
    body: { type: 'liaison.decline', version: seen.data.version, data: { reason: '订单真实性无法核实 / The order could not be verified' } },
  });
  if (!declined.data) throw new Error(`decline: ${JSON.stringify(declined.error)}`);

  const list = await applicant.client.GET('/cases/{id}/decisions', { params: { path: { id } } });
  if (!list.data?.length) throw new Error(`decisions: ${JSON.stringify(list.error ?? list.data)}`);
  const decision = list.data[0]!;
  const pdf = await fetch(new URL(decision.pdfUrl, base), { headers: { Authorization: `Bearer ${applicant.token}` } });
  if (pdf.status !== 200) throw new Error(`letter: ${pdf.status}`);
  return { caseId: id, state: declined.data.state, decision: { number: decision.number, pdf: new Uint8Array(await pdf.arrayBuffer()) } };
}
