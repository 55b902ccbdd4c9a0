export { formatContentError, type ContentError, type ContentErrorCode } from './content-error.ts';
export { TARGET_GROUP_IDS, type CourseFile, type ModuleFile } from './content.schema.ts';
export type { Course, CourseModule, GlossaryTerm, Lesson, Presentation } from './course.types.ts';
export { loadCourse, type LoadCourseResult } from './course.loader.ts';
export { renderMarkdown, type GlossaryText, type RenderMarkdownOptions } from './markdown.render.ts';
export { parseSlides, type Slide, type SlideDeck } from './slides.parse.ts';
export { glossaryInLanguage } from './glossary.present.ts';
export { courseTitleIn } from './course-language.ts';
