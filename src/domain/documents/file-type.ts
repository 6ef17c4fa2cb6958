// What a file is, told by its first bytes: names and Content-Type headers are the sender's claim.
export interface FileType { mime: 'application/pdf' | 'image/jpeg' | 'image/png'; ext: 'pdf' | 'jpg' | 'png' }

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

export function sniffFileType(bytes: Uint8Array): FileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: 'application/pdf', ext: 'pdf' }; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  return null;
}

/**
 * The original name, made safe to show: no folders, no control or markup characters, and the
 * extension of what the file really is, so `x.pdf.exe` holding a PNG shows as `x_pdf.png`.
 */
export function displayFilename(original: string, type: FileType): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  // Bidi controls (U+202A–202E, U+2066–2069) would let a name like "invoice\u202Egpj.pdf" show as "invoicefdp.jpg".
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"|?*`$&;'{}[\]]/g, '_').trim();
  const dot = cleaned.lastIndexOf('.');
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned).replace(/\./g, '_').replace(/^[_\s-]+/, '').slice(0, 100);
  const sameExt = dot > 0 && [type.ext, type.ext === 'jpg' ? 'jpeg' : type.ext].includes(cleaned.slice(dot + 1).toLowerCase());
  return `${stem || 'document'}.${sameExt ? cleaned.slice(dot + 1).toLowerCase() : type.ext}`;
}
