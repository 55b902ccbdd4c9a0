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

/** The course tables. */
export interface CoursesTables {
  courses: CourseTable;
}
