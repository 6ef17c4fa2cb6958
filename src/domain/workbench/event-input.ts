// The fields of a generated event form (views/components/event-forms.tsx) back into the event's
// data, by the one schema-form parser; the workflow's zod schema then validates the result
// inside applyEvent, so this only converts types.
import { dataFromFields, type JsonSchema } from '../../../workflows/schema-form';

export type FormBody = Record<string, string | File | (string | File)[]>;

/** Form fields are named `d.<property>` so that they never collide with type, version or _csrf. */
export function eventDataFromForm(schema: Record<string, unknown>, body: FormBody): Record<string, unknown> {
  return dataFromFields(schema as JsonSchema, body, { prefix: 'd.', mode: 'event' });
}
