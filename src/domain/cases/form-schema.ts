import { z } from 'zod';
import type { Workflow } from '../../../workflows/types';

export type FormJsonSchema = Record<string, unknown>;

const cache = new WeakMap<Workflow, FormJsonSchema>();

/** JSON Schema of the programme's application form (the one the API publishes), computed once. */
export function formJsonSchema(w: Workflow): FormJsonSchema {
  let s = cache.get(w);
  if (!s) {
    s = z.toJSONSchema(w.formSchema, { unrepresentable: 'any', io: 'input' }) as FormJsonSchema;
    cache.set(w, s);
  }
  return s;
}
