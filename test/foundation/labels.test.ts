// Every code a page can show has words: the codes are read from the registry, the webhook
// module and the schema, so a new state, event, webhook event or delivery status without a
// label fails here instead of reaching a person as a code.
import { describe, expect, it } from 'vitest';
import { webhookDeliveries } from '../../src/db/schema/webhooks';
import { WEBHOOK_EVENTS } from '../../src/domain/webhooks/enqueue-webhooks';
import { AdminWebhooksPage } from '../../views/pages/admin-webhooks';
import { EARLIER_VERSIONS, workflows } from '../../workflows/index';
import { INSTITUTION_CODES } from '../../workflows/institutions';
import {
  countryLabel, deliveryStatusLabel, eventLabel, institutionLabel, programmeName, stateLabel, webhookEventLabel,
} from '../../workflows/labels';
import type { Bilingual } from '../../workflows/types';

interface StateNode { path: string[]; states: Record<string, StateNode> }
const leafStates = (n: StateNode): string[] =>
  Object.values(n.states ?? {}).flatMap((c) => (Object.keys(c.states ?? {}).length ? leafStates(c) : [c.path.join('.')]));

/** A label in words: both languages present, neither the code itself nor the neutral "Other". */
function expectWords(label: Bilingual, code: string) {
  expect(label.zh, code).not.toBe(code);
  expect(label.en, code).not.toBe(code);
  expect(label.zh, code).not.toBe('其他');
  expect(label.en, code).not.toBe('Other');
  expect(label.zh, code).toMatch(/\p{Script=Han}/u);
}

const everyWorkflow = [...Object.values(workflows), ...EARLIER_VERSIONS];

describe('labels for every code', () => {
  it('names every state a case of any programme, current or earlier version, can be in', () => {
    let n = 0;
    for (const w of everyWorkflow) {
      for (const s of leafStates(w.machine.root as unknown as StateNode)) { expectWords(stateLabel(s, w.code), s); n++; }
    }
    expect(n).toBeGreaterThan(50);
  });

  it('names every event and programme of the registry', () => {
    for (const w of everyWorkflow) {
      expectWords(programmeName(w.code), w.code);
      for (const e of w.events) expectWords(eventLabel(e.type, w.code), e.type);
    }
  });

  it('names every webhook event, delivery status and institution', () => {
    for (const e of WEBHOOK_EVENTS) expectWords(webhookEventLabel(e), e);
    for (const s of webhookDeliveries.status.enumValues) expectWords(deliveryStatusLabel(s), s);
    for (const i of INSTITUTION_CODES) expectWords(institutionLabel(i), i);
  });

  it('shows a neutral word, never the code, for a code it does not know', () => {
    expect(stateLabel('review.unheard-of', 'special-fund').en).toBe('Other');
    expect(webhookEventLabel('case.unheard-of').zh).toBe('其他');
    expect(countryLabel('XX', 'en')).toBe('Unknown country');
    expect(countryLabel('TW', 'zh')).toBe('中国台湾');
  });

  it('the admin webhooks page shows no webhook event, status or institution code', async () => {
    for (const locale of ['zh', 'en'] as const) {
      const page = await AdminWebhooksPage({
        locale, csrfToken: 'x', secret: null, values: {},
        endpoints: [{ id: 1, institution: INSTITUTION_CODES[0]!, url: 'https://hooks.example.com/x', events: [...WEBHOOK_EVENTS], createdAt: '2026-03-01T00:00:00Z', failingSince: null }],
        selected: { id: 1, institution: INSTITUTION_CODES[0]!, url: 'https://hooks.example.com/x', events: [...WEBHOOK_EVENTS], createdAt: '2026-03-01T00:00:00Z', failingSince: null },
        deliveries: webhookDeliveries.status.enumValues.map((status, i) => ({
          id: `d${i}`, type: WEBHOOK_EVENTS[i % WEBHOOK_EVENTS.length]!, caseId: 7, createdAt: '2026-03-01T00:00:00Z', status,
          attempts: 1, lastAttemptAt: null, lastStatus: null, lastError: null, nextAttemptAt: null,
        })),
      });
      // The visible text: tags and attribute values (checkbox values carry codes) removed.
      const text = String(page).replace(/<[^>]*>/g, ' ');
      // A plain-word code (`delivered`) is also an English word: the English view is checked for the others.
      const codes = [...WEBHOOK_EVENTS, ...webhookDeliveries.status.enumValues, INSTITUTION_CODES[0]!];
      for (const code of codes.filter((c) => locale === 'zh' || /[.A-Z]/.test(c))) {
        expect(text, `${locale}: ${code}`).not.toContain(code);
      }
    }
  });
});
