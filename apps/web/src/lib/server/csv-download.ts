/**
 * A CSV file download: the body comes from core's CSV writer (UTF-8 with a byte order mark); private, never stored
 * by a cache; `filename` is reduced to safe characters.
 */
export function csvDownload(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'private, no-store',
    },
  });
}
