// Imported courses (content).

/** An imported course: the definition is the loader's JSON, the hash identifies the files it came from. */
export interface CourseTable {
  id: string;
  slug: string;
  title: string;
  content_hash: string;
  definition: string;
  created_at: string;
  updated_at: string;
}

/**
 * An imported programme (content/programmes/<slug>.yaml, e.g. the Diploma): the loader's JSON and the hash of its
 * file. Kept when the file goes away, because diplomas point to it by slug.
 */
export interface ProgrammeTable {
  slug: string;
  title: string;
  content_hash: string;
  definition: string;
  created_at: string;
  updated_at: string;
}

/** The course tables. */
export interface CoursesTables {
  courses: CourseTable;
  programmes: ProgrammeTable;
}
