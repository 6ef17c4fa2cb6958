import { describe, expect, test } from 'vitest';
import { zipStream } from '../../src/domain/audit-desk/zip-writer';
import { readZip } from '../helpers/read-zip';

const bytes = async (s: ReadableStream<Uint8Array>) => Buffer.from(await new Response(s).arrayBuffer());

describe('the ZIP of a set of files', () => {
  test('announces its exact length and holds each file, loaded in turn', async () => {
    const loaded: number[] = [];
    const entries = [1, 2, 3].map((i) => ({ name: `案件-${i}/决定-${i}.pdf`, size: i * 1000, modifiedAt: '2026-03-02T16:30:00Z', item: i }));
    const { stream, length } = zipStream(entries, async (i) => { loaded.push(i); return new Uint8Array(i * 1000).fill(i); });
    const zip = await bytes(stream);
    expect(loaded).toEqual([1, 2, 3]);
    expect(zip.length).toBe(length);
    const { files } = await readZip(zip);
    expect([...files.keys()]).toEqual(entries.map((e) => e.name));
    expect(files.get('案件-2/决定-2.pdf')!.equals(Buffer.alloc(2000, 2))).toBe(true);
  });

  test('a file whose size differs from the announced one breaks the stream rather than the archive', async () => {
    const { stream } = zipStream([{ name: 'a.pdf', size: 10, modifiedAt: '2026-03-02T00:00:00Z', item: 0 }], async () => new Uint8Array(9));
    await expect(bytes(stream)).rejects.toThrow();
  });
});
