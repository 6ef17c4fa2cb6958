// The documents of a case: what the programme asks for, what is attached (size, SHA-256), and
// the upload form. Plain multipart form (no script needed); the server redirects back.
import type { FC } from 'hono/jsx';
import type { Bilingual } from '../../workflows/types';
import type { Locale } from '../i18n';
import { beijingDateTime } from '../../workflows/display-format';
import { documentKindLabel } from '../../workflows/labels';
import { ShortHash } from './short-hash';

export interface DocumentItem { id: number; kind: string; filename: string; size: number; sha256: string; mime: string; uploadedAt: string }
export interface DocumentKindItem { kind: string; label: Bilingual; required: boolean }

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

export const DocumentList: FC<{ caseId: number; docs: DocumentItem[]; kinds: DocumentKindItem[]; locale: Locale; downloadBase?: string }> = ({ caseId, docs, kinds, locale, downloadBase }) => {
  const base = downloadBase ?? `/portal/cases/${caseId}/documents`;
  const kindLabel = (k: string) => kinds.find((x) => x.kind === k)?.label[locale] ?? documentKindLabel(k)[locale];
  const have = new Set(docs.map((d) => d.kind));
  return (
    <>
      <table class="documents">
        <caption>{locale === 'zh' ? '所需材料' : 'Documents asked for'}</caption>
        <thead><tr>
          <th scope="col">{locale === 'zh' ? '材料' : 'Document'}</th>
          <th scope="col">{locale === 'zh' ? '文件' : 'File'}</th>
          <th scope="col">{locale === 'zh' ? '大小' : 'Size'}</th>
          <th scope="col">SHA-256</th>
          <th scope="col">{locale === 'zh' ? '上传时间' : 'Uploaded'}</th>
        </tr></thead>
        <tbody>
          {kinds.map((k) => {
            const d = docs.find((x) => x.kind === k.kind);
            return (
              <tr data-kind={k.kind}>
                <th scope="row">{k.label[locale]}{k.required ? <span class="muted">{locale === 'zh' ? '（必需）' : ' (required)'}</span> : null}</th>
                {d ? (
                  <>
                    <td><a href={`${base}/${d.id}`}>{d.filename}</a></td>
                    <td>{formatSize(d.size)}</td>
                    <td><ShortHash value={d.sha256} /></td>
                    <td><time datetime={d.uploadedAt}>{beijingDateTime(d.uploadedAt)}</time></td>
                  </>
                ) : (
                  <td colspan={4} class={k.required ? 'error' : 'muted'}>{locale === 'zh' ? (k.required ? '尚未上传' : '未上传（可选）') : (k.required ? 'Not uploaded yet' : 'Not uploaded (optional)')}</td>
                )}
              </tr>
            );
          })}
          {docs.filter((d) => !kinds.some((k) => k.kind === d.kind)).map((d) => (
            <tr><th scope="row">{kindLabel(d.kind)}</th><td><a href={`${base}/${d.id}`}>{d.filename}</a></td><td>{formatSize(d.size)}</td><td><ShortHash value={d.sha256} /></td><td>{beijingDateTime(d.uploadedAt)}</td></tr>
          ))}
        </tbody>
      </table>
      {have.size === 0 ? <p class="muted">{locale === 'zh' ? '尚未上传任何材料。' : 'No documents uploaded yet.'}</p> : null}
    </>
  );
};

export const UploadForm: FC<{ caseId: number; kinds: DocumentKindItem[]; present: string[]; canReplace: boolean; csrfToken: string | null; locale: Locale; error?: string | null }> = ({
  caseId, kinds, present, canReplace, csrfToken, locale, error,
}) => {
  const offered = kinds.filter((k) => canReplace || !present.includes(k.kind));
  if (offered.length === 0) return null;
  const firstMissing = offered.find((k) => k.required && !present.includes(k.kind)) ?? offered[0]!;
  return (
    <form method="post" action={`/portal/cases/${caseId}/documents`} enctype="multipart/form-data" class="card upload">
      {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
      <h3>{locale === 'zh' ? '上传材料' : 'Upload a document'}</h3>
      {error ? <div class="alert error" role="alert">{error}</div> : null}
      <div class="field">
        <label for="upload-kind">{locale === 'zh' ? '材料类型' : 'Kind of document'}</label>
        <select id="upload-kind" name="kind" required>
          {offered.map((k) => (
            <option value={k.kind} selected={k.kind === firstMissing.kind}>
              {k.label[locale]}{present.includes(k.kind) ? (locale === 'zh' ? '（替换）' : ' (replace)') : ''}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="upload-file">{locale === 'zh' ? '文件（PDF、JPEG 或 PNG，不超过 20 MB）' : 'File (PDF, JPEG or PNG, at most 20 MB)'}</label>
        <input id="upload-file" name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" required />
      </div>
      <button type="submit">{locale === 'zh' ? '上传' : 'Upload'}</button>
    </form>
  );
};
