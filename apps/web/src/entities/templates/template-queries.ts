// Templates' operations live in template-queries.graphql; types generated from the API schema.
import type { TemplateFieldsFragment } from '../../shared/api/generated/graphql';

export {
  ArchiveTemplateDocument as ARCHIVE_TEMPLATE,
  CreateTemplateDocument as CREATE_TEMPLATE,
  ItemTemplateIdDocument as ITEM_TEMPLATE_ID,
  TemplatesDocument as TEMPLATES_QUERY,
  UpdateTemplateDocument as UPDATE_TEMPLATE,
} from '../../shared/api/generated/graphql';

export type Template = TemplateFieldsFragment;
