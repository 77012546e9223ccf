import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ItemExport', {
  description: 'An item as a Markdown file with front matter (kind, stage, tags, authors, sources, dates)',
})
export class ItemExportType {
  @Field(() => String, { description: 'A safe file name: a slug of the title and the start of the id' })
  filename!: string;
  @Field(() => String) markdown!: string;
}
