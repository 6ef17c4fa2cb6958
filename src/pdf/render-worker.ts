// The PDF renderer process (see render-service.ts): renders what the server sends, one at a time.
import { renderCaseFile } from './case-file';
import { renderDecisionLetter } from './decision-letter';
import type { RenderReply, RenderRequest } from './render-service';

process.on('message', async (m: RenderRequest) => {
  let reply: RenderReply;
  try {
    const pdf = m.kind === 'letter' ? await renderDecisionLetter(m.rec) : await renderCaseFile(m.rec);
    reply = { id: m.id, ok: true, pdf };
  } catch (err) {
    reply = { id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  process.send?.(reply);
});

// The server is gone (stopped or killed): so is its renderer.
process.on('disconnect', () => process.exit(0));
