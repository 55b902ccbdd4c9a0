import { error } from '@sveltejs/kit';
import { getLabRunDownload, LAB_EXPORT_FORMATS, type LabExportFormat } from '@labmig/core/lab';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

const isFormat = (f: string): f is LabExportFormat => (LAB_EXPORT_FORMATS as readonly string[]).includes(f);

/**
 * A run's downloads: `json` (tidy JSON), `csv?table=<id>` (one table, the engine's CSV), `xlsx` (all tables, the
 * shared workbook writer), `ilostat` (the ILOSTAT bulk layout), `spec` (the mapping file `labmig stats tables`
 * reruns).
 */
export const GET: RequestHandler = async (event) => {
  const actor = requireUser(event.locals, event.url);
  const { format } = event.params;
  if (!isFormat(format)) error(404, 'Not found');
  const file = await runLoad(event, () =>
    getLabRunDownload(
      event.locals.app,
      actor,
      event.params.runId,
      format,
      event.url.searchParams.get('table') ?? undefined,
    ),
  );
  const type = file.type.startsWith('text/') ? `${file.type}; charset=utf-8` : file.type;
  return new Response(typeof file.body === 'string' ? file.body : new Blob([file.body as BlobPart]), {
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
};
