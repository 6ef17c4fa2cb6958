import { Hono } from 'hono';
import { workflowFor, workflows } from '../../workflows/index';
import { formJsonSchema } from '../domain/cases/form-schema';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';
import { apiUser } from './auth';


export const programmeApi = new Hono<AppEnv>()
  .get('/programmes', (c) => {
    apiUser(c);
    return c.json(Object.values(workflows).map((w) => ({ code: w.code, name: w.name.zh, nameEn: w.name.en, institution: w.institution })));
  })
  .get('/programmes/:code', (c) => {
    apiUser(c);
    const w = workflowFor(c.req.param('code'));
    if (!w) throw new AppError('NOT_FOUND', 'No such programme.');
    return c.json({
      code: w.code, name: w.name.zh, nameEn: w.name.en, institution: w.institution,
      summary: w.summary, formSchema: formJsonSchema(w), example: w.formExample,
      documents: w.documents.map((d) => ({ kind: d.kind, label: d.label.zh, labelEn: d.label.en, required: d.required })),
    });
  });
