/** The file types labmig recognises by content. */
export type FileTypeId =
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'odt'
  | 'ods'
  | 'odp'
  | 'csv'
  | 'txt'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'sav'
  | 'zsav'
  | 'por'
  | 'dta'
  | 'parquet'
  | 'arrow';

/** What a type is called (en/fr), its media type and its usual extension. */
export interface FileTypeInfo {
  readonly id: FileTypeId;
  readonly mediaType: string;
  /** The extension given to downloads (with the dot). */
  readonly extension: string;
  readonly label: { readonly en: string; readonly fr: string };
}

const t = (id: FileTypeId, mediaType: string, extension: string, en: string, fr: string): FileTypeInfo => ({
  id,
  mediaType,
  extension,
  label: { en, fr },
});

/** Every recognised type. */
export const FILE_TYPES: { readonly [K in FileTypeId]: FileTypeInfo } = {
  pdf: t('pdf', 'application/pdf', '.pdf', 'PDF', 'PDF'),
  docx: t(
    'docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    '.docx',
    'Word (.docx)',
    'Word (.docx)',
  ),
  xlsx: t(
    'xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    '.xlsx',
    'Excel (.xlsx)',
    'Excel (.xlsx)',
  ),
  pptx: t(
    'pptx',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    '.pptx',
    'PowerPoint (.pptx)',
    'PowerPoint (.pptx)',
  ),
  odt: t(
    'odt',
    'application/vnd.oasis.opendocument.text',
    '.odt',
    'OpenDocument text (.odt)',
    'texte OpenDocument (.odt)',
  ),
  ods: t(
    'ods',
    'application/vnd.oasis.opendocument.spreadsheet',
    '.ods',
    'OpenDocument spreadsheet (.ods)',
    'classeur OpenDocument (.ods)',
  ),
  odp: t(
    'odp',
    'application/vnd.oasis.opendocument.presentation',
    '.odp',
    'OpenDocument presentation (.odp)',
    'présentation OpenDocument (.odp)',
  ),
  csv: t('csv', 'text/csv', '.csv', 'CSV', 'CSV'),
  txt: t('txt', 'text/plain', '.txt', 'plain text (.txt)', 'texte brut (.txt)'),
  png: t('png', 'image/png', '.png', 'PNG image', 'image PNG'),
  jpeg: t('jpeg', 'image/jpeg', '.jpg', 'JPEG image', 'image JPEG'),
  gif: t('gif', 'image/gif', '.gif', 'GIF image', 'image GIF'),
  sav: t('sav', 'application/x-spss-sav', '.sav', 'SPSS (.sav)', 'SPSS (.sav)'),
  zsav: t('zsav', 'application/x-spss-sav', '.zsav', 'SPSS compressed (.zsav)', 'SPSS compressé (.zsav)'),
  por: t('por', 'application/x-spss-por', '.por', 'SPSS portable (.por)', 'SPSS portable (.por)'),
  dta: t('dta', 'application/x-stata-dta', '.dta', 'Stata (.dta)', 'Stata (.dta)'),
  parquet: t('parquet', 'application/vnd.apache.parquet', '.parquet', 'Parquet', 'Parquet'),
  arrow: t(
    'arrow',
    'application/vnd.apache.arrow.file',
    '.arrow',
    'Arrow IPC (.arrow)',
    'Arrow IPC (.arrow)',
  ),
};
