/** Readable lines from an error body's `details` (zod issues, field maps or anything else). */
export function describeDetails(details: unknown): string[] {
  if (details === undefined || details === null) return [];
  if (typeof details === 'string') return [details];
  if (Array.isArray(details)) {
    return details.map((d) => {
      if (d && typeof d === 'object' && 'message' in d) {
        const path = Array.isArray((d as { path?: unknown }).path) ? (d as { path: unknown[] }).path.join('.') : '';
        const msg = String((d as { message: unknown }).message);
        return path ? `${path}: ${msg}` : msg;
      }
      return typeof d === 'string' ? d : JSON.stringify(d);
    });
  }
  if (typeof details === 'object') {
    const obj = details as Record<string, unknown>;
    if (Array.isArray(obj.issues)) return describeDetails(obj.issues);
    if (obj.fieldErrors && typeof obj.fieldErrors === 'object') {
      return Object.entries(obj.fieldErrors as Record<string, unknown>).map(
        ([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`,
      );
    }
    return Object.entries(obj).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  return [String(details)];
}
