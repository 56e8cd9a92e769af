// Parses a multipart/form-data body for the fakes with the platform's own parser (undici): text fields and file parts.
export interface FilePart {
  field: string;
  name: string;
  contentType?: string;
  bytes: Buffer;
}
export interface Multipart {
  fields: Record<string, string>;
  files: FilePart[];
}

export const isMultipart = (type: string | undefined): type is string =>
  Boolean(type?.toLowerCase().startsWith('multipart/form-data'));

/** type is the request's Content-Type, boundary included. Throws when the body is not a well-formed form. */
export async function parseMultipart(body: Buffer, type: string): Promise<Multipart> {
  const form = await new Response(body, { headers: { 'content-type': type } }).formData();
  const fields: Record<string, string> = {};
  const files: FilePart[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') fields[field] = value;
    else files.push(await filePart(field, value));
  }
  return { fields, files };
}

async function filePart(field: string, file: Blob & { name: string }): Promise<FilePart> {
  return { field, name: file.name, contentType: file.type || undefined, bytes: Buffer.from(await file.arrayBuffer()) };
}
