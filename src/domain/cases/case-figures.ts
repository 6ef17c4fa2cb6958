// What a case contributes to the statistics, as its programme computes it from the context
// (Workflow.figures, workflows/figures.ts); stored with every snapshot the engine writes.
import type { Workflow } from '../../../workflows/types';

export function figuresJson(w: Workflow, context: unknown): string {
  return JSON.stringify(w.figures((context ?? {}) as Record<string, unknown>));
}
