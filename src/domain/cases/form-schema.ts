import { jsonSchemaOf } from '../../../workflows/schema-form';
import type { Workflow } from '../../../workflows/types';

export type FormJsonSchema = Record<string, unknown>;

/** JSON Schema of the programme's application form (the one the API publishes), computed once. */
export function formJsonSchema(w: Workflow): FormJsonSchema {
  return jsonSchemaOf(w.formSchema) as FormJsonSchema;
}
